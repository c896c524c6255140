"""Filling a venue drop-down, shared by the tally, consultations and reports screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from kiosk.core.context import AppContext
from kiosk.door import venues


def fill_venues(
    combo: QComboBox,
    ctx: AppContext,
    keep: str | None,
    *,
    all_label: str | None = None,
    include_retired: bool = False,
) -> None:
    """List the venues (each item's data is its id), `keep` chosen if still there.

    `all_label` puts a first item with no id ("all venues"). Signals are held
    while filling: the screen is refreshed by whoever asked, once, not once per item.
    """
    if not combo.accessibleName():  # a screen reader says what is asked, not only the choice
        combo.setAccessibleName(QCoreApplication.translate("VenuePicker", "Venue"))
    combo.blockSignals(True)
    try:
        combo.clear()
        if all_label is not None:
            combo.addItem(all_label, None)
        for venue in venues.list_venues(ctx, include_retired=include_retired):
            combo.addItem(venue.name, venue.id)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
    finally:
        combo.blockSignals(False)
