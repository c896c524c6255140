"""How large this computer shows the app's text: a percent of the normal size.

A setting of the computer, not of the venue: the laptop at the door and the
office PC that reads reports share a database but not a screen, nor the eyes
in front of it. It is a Setting row keyed by the device id (Setting rows never
travel between venues). ui/text_size.py changes it with Ctrl+plus / Ctrl+minus.
"""

from __future__ import annotations

from kiosk.core import settings
from kiosk.core.context import AppContext

KEY = "text_size/"  # + device id
SIZES = (90, 100, 110, 125, 150)  # percent; each step one Ctrl+plus
NORMAL = 100


def text_size(ctx: AppContext) -> int:
    """This computer's text size; normal when never set, or set to a size no longer offered."""
    stored = settings.get(ctx, KEY + ctx.device_id)
    try:
        percent = int(stored or NORMAL)
    except ValueError:
        return NORMAL
    return percent if percent in SIZES else NORMAL


def set_text_size(ctx: AppContext, percent: int) -> int:
    """Keep `percent`, moved to the nearest size offered; returns the size kept."""
    kept = nearest(percent)
    if kept != text_size(ctx):
        settings.put(ctx, KEY + ctx.device_id, str(kept))
    return kept


def nearest(percent: int) -> int:
    return min(SIZES, key=lambda size: (abs(size - percent), size))


def step(percent: int, steps: int) -> int:
    """The size `steps` along from `percent` (negative: smaller), held at the ends."""
    at = SIZES.index(nearest(percent))
    return SIZES[max(0, min(len(SIZES) - 1, at + steps))]
