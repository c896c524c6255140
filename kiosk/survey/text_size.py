"""How large the kiosk writes: 標準, 大 or 特大, a venue setting.

Older participants read the questionnaire at arm's length on a tablet; the
coordinator picks the size once in Settings, like the idle time, and every
kiosk page follows it. An unknown stored value reads as the standard size,
so a hand-edited database never keeps the kiosk from starting.
"""

from __future__ import annotations

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError

TEXT_SIZE = "survey_text_size"
SIZES = ("standard", "large", "extra_large")
DEFAULT_SIZE = "standard"


def text_size(ctx: AppContext) -> str:
    raw = settings.get(ctx, TEXT_SIZE)
    return raw if raw in SIZES else DEFAULT_SIZE


def set_text_size(ctx: AppContext, size: str) -> None:
    if size not in SIZES:
        raise KioskError("survey_text_size", size=size)
    settings.put(ctx, TEXT_SIZE, size)
