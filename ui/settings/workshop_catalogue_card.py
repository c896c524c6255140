"""Settings → the workshop catalogue: add, edit, retire, the suggested list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.workshops.catalogue import (
    MAX_MINUTES,
    MIN_MINUTES,
    WorkshopDraft,
    WorkshopInfo,
    add_starter_workshops,
    add_workshop,
    list_workshops,
    set_active,
    update_workshop,
)
from ui.door_state import Change, DoorState
from ui.widgets.capacity_field import CapacityField
from ui.widgets.card_frame import card_layout
from ui.widgets.dialog_buttons import dialog_buttons
from ui.widgets.error_display import message_for, new_banner, set_banner


class WorkshopEditDialog(QDialog):
    def __init__(
        self, state: DoorState, existing: WorkshopInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.existing = existing
        self.setWindowTitle(self.tr("Workshop"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.name = QLineEdit(existing.name if existing else "", self)
        self.description = QLineEdit((existing.description or "") if existing else "", self)
        self.facilitator = QLineEdit((existing.facilitator or "") if existing else "", self)
        self.facilitator.setPlaceholderText(self.tr("optional"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(existing.default_minutes if existing else 60)
        self.places = CapacityField(self)
        self.capacity = self.places.spin
        self.places.set_value(existing.default_capacity if existing else 8)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Run by"), self.facilitator)
        form.addRow(self.tr("Length"), self.minutes)
        form.addRow(self.tr("Places"), self.places)
        layout.addLayout(form)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        row, self.ok_button = dialog_buttons(self, self.tr("Cancel"), self.tr("Save"), self.save)
        layout.addLayout(row)

    def draft(self) -> WorkshopDraft:
        return WorkshopDraft(
            name=self.name.text(),
            description=self.description.text() or None,
            default_capacity=self.places.value(),
            default_minutes=self.minutes.value(),
            facilitator=self.facilitator.text() or None,
        )

    def save(self) -> None:
        try:
            if self.existing is None:
                add_workshop(self.state.ctx, self.draft())
            else:
                update_workshop(self.state.ctx, self.existing.id, self.draft())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.accept()


class WorkshopCatalogueCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.workshops: list[WorkshopInfo] = []
        layout = card_layout(self, self.tr("Workshop catalogue"))
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        self.list = QListWidget(self)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Edit…"), self.edit),
            (self.tr("Retire / bring back"), self.toggle_active),
            (self.tr("Add suggested"), self.add_suggested),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        state.follow(self, Change.WORKSHOPS | Change.SETTINGS, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.workshops = list_workshops(self.state.ctx, include_retired=True)
        self.list.clear()
        for w in self.workshops:
            places = (
                self.tr("no limit")
                if w.default_capacity is None
                else self.tr("%1 places").replace("%1", str(w.default_capacity))
            )
            text = f"{w.name}   ({places}・{w.default_minutes}" + self.tr(" min") + ")"
            if not w.active:
                text += "  " + self.tr("(retired)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, w.id)
            if not w.active:
                item.setForeground(QBrush(QColor("#70655e")))
            self.list.addItem(item)

    def _selected(self) -> WorkshopInfo | None:
        row = self.list.currentRow()
        if 0 <= row < len(self.workshops):
            return self.workshops[row]
        set_banner(self.banner, self.tr("Select a workshop in the list first."), "info")
        return None

    def _after(self, text: str) -> None:
        set_banner(self.banner, text, "ok")
        self.state.notify(Change.WORKSHOPS)

    def add(self) -> None:
        if WorkshopEditDialog(self.state, None, self).exec() == QDialog.DialogCode.Accepted:
            self._after(self.tr("Workshop added."))

    def edit(self) -> None:
        chosen = self._selected()
        if (
            chosen
            and WorkshopEditDialog(self.state, chosen, self).exec() == QDialog.DialogCode.Accepted
        ):
            self._after(self.tr("Workshop saved."))

    def toggle_active(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        try:
            set_active(self.state.ctx, chosen.id, not chosen.active)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._after(
            self.tr("Workshop retired.") if chosen.active else self.tr("Workshop brought back.")
        )

    def add_suggested(self) -> None:
        added = add_starter_workshops(self.state.ctx)
        self._after(self.tr("%1 suggested workshop(s) added.").replace("%1", str(len(added))))
