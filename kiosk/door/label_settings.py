"""How this venue prints pickup labels: on which stock, and whether at check-in.

Stored as settings (kiosk/core/settings.py); the label printer itself is
Qt's business (ui/printing), but its name is remembered here so a check-in
prints without asking again.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.door.pickup_label import ROLL_62, STOCKS, LabelStock

SIZE = "labels.size"
PRINT_AT_CHECKIN = "labels.print_at_checkin"
PRINTER = "labels.printer"  # the printer chosen for printing at check-in
DEFAULT_SIZE = ROLL_62


@dataclass(frozen=True)
class LabelSettings:
    size: str  # a key of kiosk.door.pickup_label.STOCKS
    print_at_checkin: bool  # off until a venue with a printer turns it on
    printer: str  # the printer's name; "" until one is chosen

    @property
    def stock(self) -> LabelStock:
        return STOCKS[self.size]


def label_settings(ctx: AppContext) -> LabelSettings:
    size = settings.get(ctx, SIZE)
    return LabelSettings(
        size=size if size in STOCKS else DEFAULT_SIZE,
        print_at_checkin=settings.get(ctx, PRINT_AT_CHECKIN) == "1",
        printer=settings.get(ctx, PRINTER) or "",
    )


def set_label_size(ctx: AppContext, size: str) -> None:
    if size not in STOCKS:
        raise KioskError("invalid_label_size", value=size)
    settings.put(ctx, SIZE, size)


def set_print_at_checkin(ctx: AppContext, on: bool) -> None:
    settings.put(ctx, PRINT_AT_CHECKIN, "1" if on else "0")


def set_printer(ctx: AppContext, name: str) -> None:
    """Remember the printer labels go to at check-in ("" forgets it: ask again)."""
    settings.put(ctx, PRINTER, name.strip())
