"""Add a venue (Settings → Venues): its name, and whether it meets in person or online.

The kind is asked with the same large choice buttons as the first-run
dialog, so an online venue (オンライン相談会) can be made at any time, not
only as the very first venue.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.door import venues
from kiosk.door.venues import MAX_VENUE_NAME, VenueInfo
from ui.door_state import DoorState
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.dialog_buttons import dialog_buttons
from ui.widgets.error_display import message_for, new_banner, set_banner


class VenueDialog(QDialog):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.added: VenueInfo | None = None
        self.setWindowTitle(self.tr("Add a venue"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        title = QLabel(self.tr("Add a venue"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_VENUE_NAME + 10)  # a little over: the service says why
        self.name.setPlaceholderText(self.tr("e.g. Station Front Salon"))
        self.kind = ChoiceButtons.for_group("venue_kind", state.lang)
        self.kind.set_value("in_person")
        form.addRow(self.tr("Venue name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Online is for sessions held over the internet, such as online dialogue "
                "sessions. The kind can still be changed until the first day is held there."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        row, self.add_button = dialog_buttons(self, self.tr("Cancel"), self.tr("Add"), self.save)
        layout.addLayout(row)
        self.name.setFocus()

    def save(self) -> None:
        try:
            self.added = venues.add_venue(self.state.ctx, self.name.text(), self.kind.value() or "")
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.adjustSize()  # room for the message; the buttons keep their height
            return
        self.accept()
