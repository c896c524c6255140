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
NEXT_PLACE = "labels.next_place"  # on a sheet: the first label not yet used, from 1
DEFAULT_SIZE = ROLL_62


@dataclass(frozen=True)
class LabelSettings:
    size: str  # a key of kiosk.door.pickup_label.STOCKS
    print_at_checkin: bool  # off until a venue with a printer turns it on
    printer: str  # the printer's name; "" until one is chosen
    next_place: int = 1  # on a sheet, the first label still on it (1 = a fresh sheet)

    @property
    def stock(self) -> LabelStock:
        return STOCKS[self.size]

    @property
    def skip(self) -> int:
        """Label places to leave blank on the sheet in the printer (0 on a roll)."""
        return self.next_place - 1 if self.stock.per_page > 1 else 0


def label_settings(ctx: AppContext) -> LabelSettings:
    size = settings.get(ctx, SIZE)
    size = size if size in STOCKS else DEFAULT_SIZE
    place = settings.get(ctx, NEXT_PLACE) or "1"
    per_page = STOCKS[size].per_page
    return LabelSettings(
        size=size,
        print_at_checkin=settings.get(ctx, PRINT_AT_CHECKIN) == "1",
        printer=settings.get(ctx, PRINTER) or "",
        next_place=int(place) if place.isdigit() and 1 <= int(place) <= per_page else 1,
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


def set_next_place(ctx: AppContext, place: int) -> None:
    """The first unused label of the sheet in the printer (a sheet used halfway)."""
    per_page = label_settings(ctx).stock.per_page
    if not 1 <= place <= per_page:
        raise KioskError("invalid_label_place", count=per_page)
    settings.put(ctx, NEXT_PLACE, str(place))


def labels_used(ctx: AppContext, count: int) -> None:
    """`count` labels were printed on the sheet: the next print starts after them
    (on a fresh sheet once this one is full)."""
    chosen = label_settings(ctx)
    per_page = chosen.stock.per_page
    if per_page > 1 and count > 0:
        settings.put(ctx, NEXT_PLACE, str((chosen.skip + count) % per_page + 1))
