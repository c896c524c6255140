"""Add a workshop to today's event: which one, when, how many places."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.workshops.catalogue import MAX_MINUTES, MIN_MINUTES, WorkshopInfo
from kiosk.workshops.slots import SlotInfo, add_slot
from ui.door_state import DoorState
from ui.widgets.capacity_field import CapacityField
from ui.widgets.dialog_buttons import dialog_buttons
from ui.widgets.error_display import message_for, new_banner, set_banner


class AddSlotDialog(QDialog):
    def __init__(
        self, state: DoorState, workshops: list[WorkshopInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.workshops = workshops
        self.added: SlotInfo | None = None
        self.setWindowTitle(self.tr("Add a workshop to today"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        title = QLabel(self.tr("Add a workshop to today"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.workshop = QComboBox(self)
        for w in workshops:
            self.workshop.addItem(w.name, w.id)
        self.workshop.currentIndexChanged.connect(self._defaults)
        self.start = QTimeEdit(QTime(10, 30), self)
        self.start.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.places = CapacityField(self)
        self.capacity = self.places.spin
        form.addRow(self.tr("Workshop"), self.workshop)
        form.addRow(self.tr("Starts at"), self.start)
        form.addRow(self.tr("Length"), self.minutes)
        form.addRow(self.tr("Places"), self.places)
        layout.addLayout(form)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        row, self.ok_button = dialog_buttons(self, self.tr("Cancel"), self.tr("Add"), self.save)
        layout.addLayout(row)
        self._defaults()

    def _defaults(self) -> None:
        index = self.workshop.currentIndex()
        if index < 0:
            return
        chosen = self.workshops[index]
        self.minutes.setValue(chosen.default_minutes)
        self.places.set_value(chosen.default_capacity)

    def save(self) -> None:
        event = self.state.today_event
        if event is None or self.workshop.currentIndex() < 0:
            return
        start = self.start.time()
        try:
            self.added = add_slot(
                self.state.ctx,
                event.id,
                self.workshop.currentData(),
                time(start.hour(), start.minute()),
                capacity=self.places.value(),
                minutes=self.minutes.value(),
            )
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.accept()
