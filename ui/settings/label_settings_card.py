"""Settings → pickup labels: the label stock, printing at check-in, and its printer.

Each choice is saved the moment it is made (kiosk/door/label_settings.py).
Printing at check-in is off until a venue with a printer turns it on.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.door import label_settings
from kiosk.door.pickup_label import ROLL_62, SHEET_A4_12
from ui.dialogs import label_printing
from ui.door_state import Change, DoorState
from ui.widgets.card_frame import card_layout
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner


class LabelSettingsCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = card_layout(self, self.tr("Pickup labels"), spacing=8)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        size_title = QLabel(self.tr("Label size"), self)
        layout.addWidget(size_title)
        self.size_choice = ChoiceButtons(
            [
                (ROLL_62, self.tr("62 mm roll (label printer)")),
                (SHEET_A4_12, self.tr("A4 sheet, 12 labels")),
            ]
        )
        self.size_choice.setAccessibleName(self.tr("Label size"))
        self.size_choice.selection_changed.connect(self.save_size)
        layout.addWidget(self.size_choice)
        sizes = QLabel(
            self.tr(
                "Roll: one 62 × 40 mm label at a time. Sheet: A-one 12 labels of "
                "86.4 × 42.3 mm (2 × 6), the child's tag on the left and the "
                "parent's stub beside it."
            ),
            self,
        )
        sizes.setProperty("role", "hint")
        sizes.setWordWrap(True)
        layout.addWidget(sizes)

        # A sheet used halfway: the next print starts at this label, and moves on by itself.
        self.place_row = QWidget(self)
        place_line = QHBoxLayout(self.place_row)
        place_line.setContentsMargins(0, 0, 0, 0)
        place_title = QLabel(self.tr("Next label on the sheet"), self.place_row)
        self.next_place = QSpinBox(self.place_row)
        self.next_place.setMinimumWidth(90)
        place_title.setBuddy(self.next_place)
        self.place_hint = QLabel(self.place_row)
        self.place_hint.setProperty("role", "hint")
        self.place_hint.setWordWrap(True)
        self.next_place.valueChanged.connect(self.save_next_place)
        place_line.addWidget(place_title)
        place_line.addWidget(self.next_place)
        place_line.addWidget(self.place_hint, 1)
        layout.addWidget(self.place_row)

        self.at_checkin = QCheckBox(self.tr("Print labels at check-in"), self)
        self.at_checkin.toggled.connect(self.save_at_checkin)
        layout.addWidget(self.at_checkin)
        row = QHBoxLayout()
        self.printer_line = QLabel(self)
        self.printer_line.setWordWrap(True)
        self.printer_line.setProperty("role", "hint")
        self.choose_button = QPushButton(self.tr("Choose printer…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_printer)
        row.addWidget(self.printer_line, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        hint = QLabel(
            self.tr(
                "Each child gets two labels with the same pickup code: a tag for her "
                "things and a stub her parent keeps. Neither shows a nickname or a note."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        state.follow(self, Change.SETTINGS, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        chosen = label_settings.label_settings(self.state.ctx)
        self.size_choice.set_value(chosen.size)
        per_page = chosen.stock.per_page
        self.place_row.setVisible(per_page > 1)
        self.next_place.blockSignals(True)
        self.next_place.setRange(1, per_page)
        self.next_place.setValue(chosen.next_place)
        self.next_place.blockSignals(False)
        self.place_hint.setText(
            self.tr("of %1 (1 = a fresh sheet; it moves on after each print)").replace(
                "%1", str(per_page)
            )
        )
        self.at_checkin.blockSignals(True)
        self.at_checkin.setChecked(chosen.print_at_checkin)
        self.at_checkin.blockSignals(False)
        self.printer_line.setText(
            self.tr("Printer at check-in: %1").replace("%1", chosen.printer)
            if chosen.printer
            else self.tr("Printer at check-in: asked at the first check-in")
        )

    def save_size(self, code: object) -> None:
        try:
            label_settings.set_label_size(self.state.ctx, str(code))
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.refresh()
            return
        set_banner(self.banner, self.tr("Saved."), "ok")
        self.refresh()  # a sheet shows where its next label is; a roll does not

    def save_next_place(self, place: int) -> None:
        try:
            label_settings.set_next_place(self.state.ctx, place)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.refresh()
            return
        set_banner(
            self.banner,
            self.tr("Saved: the next labels start at label %1.").replace("%1", str(place)),
            "ok",
        )

    def save_at_checkin(self, on: bool) -> None:
        try:
            label_settings.set_print_at_checkin(self.state.ctx, on)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.refresh()
            return
        text = (
            self.tr("Saved: labels are printed at each check-in with children.")
            if on
            else self.tr("Saved: labels are printed only when asked.")
        )
        set_banner(self.banner, text, "ok")

    def choose_printer(self) -> None:
        if not label_printing.has_printer():
            set_banner(
                self.banner,
                self.tr("No printer is set up on this computer. Labels can be saved as a PDF."),
                "error",
            )
            return
        if label_printing.choose_checkin_printer(self, self.state) is None:
            return
        self.refresh()
        set_banner(self.banner, self.tr("Saved."), "ok")
