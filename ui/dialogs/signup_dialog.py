"""Sign one visitor up for today's workshops, right after her check-in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.door.checkin import VisitInfo
from kiosk.workshops.signups import signups_of_visit
from kiosk.workshops.slots import SlotInfo, slots_of_event
from ui.dialogs.signup_flow import describe_result, sign_up_asking
from ui.door_state import Change, DoorState
from ui.widgets.dialog_buttons import dialog_buttons
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.single_action import SingleAction


def slot_label(slot: SlotInfo, tr_full: str, tr_free: str, tr_unlimited: str) -> str:
    when = f"{slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}"
    if slot.capacity is None:
        places = tr_unlimited
    elif slot.full:
        places = tr_full.replace("%1", str(slot.waitlisted))
    else:
        places = tr_free.replace("%1", str(slot.free))
    return f"{when}  {slot.name}  ({places})"


class SignupDialog(QDialog):
    def __init__(self, state: DoorState, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.visit = visit
        self.messages: list[str] = []
        who = f"No. {visit.number}" + (f"  {visit.nickname}" if visit.nickname else "")
        self.setWindowTitle(self.tr("Workshops"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        title = QLabel(self.tr("Which workshops would %1 like to join?").replace("%1", who), self)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        layout.addWidget(title)
        hint = QLabel(
            self.tr("Tap every workshop she wants. She may join as many as she likes."), self
        )
        hint.setProperty("role", "subtitle")
        layout.addWidget(hint)

        event = state.today_event
        self.slots = slots_of_event(state.ctx, event.id) if event else []
        taken = {s.slot_id: s.status for s in signups_of_visit(state.ctx, visit.id)}
        self.buttons: dict[str, QPushButton] = {}
        for slot in self.slots:
            text = slot_label(
                slot, self.tr("full, %1 waiting"), self.tr("%1 free"), self.tr("no limit")
            )
            if slot.id in taken:
                text += "  ✓ " + (
                    self.tr("on the waitlist")
                    if taken[slot.id] == "waitlisted"
                    else self.tr("booked")
                )
            button = QPushButton(text, self)
            button.setProperty("role", "choice")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setChecked(slot.id in taken)
            button.setEnabled(slot.id not in taken)
            layout.addWidget(button)
            self.buttons[slot.id] = button
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        # Once per gesture: a question about a full slot may be open when a second tap comes.
        row, self.ok_button = dialog_buttons(
            self,
            self.tr("Not now"),
            self.tr("Sign up (Enter)"),
            SingleAction(self).wrap(self.sign_up),
        )
        layout.addLayout(row)

    def chosen(self) -> list[SlotInfo]:
        return [
            s
            for s in self.slots
            if self.buttons[s.id].isEnabled() and self.buttons[s.id].isChecked()
        ]

    def sign_up(self) -> None:
        """Sign up for each chosen slot; stop at the first refusal and say why."""
        for slot in self.chosen():
            try:
                result = sign_up_asking(self, self.state.ctx, slot, self.visit.id)
            except KioskError as exc:
                set_banner(self.banner, message_for(exc, self.state.lang), "error")
                self.state.notify(Change.WORKSHOPS)
                self._lock_done()
                return
            if result is not None:
                self.messages.append(describe_result(result, slot, self.visit.number))
            self.buttons[slot.id].setEnabled(False)
        self.state.notify(Change.WORKSHOPS)
        self.accept()

    def _lock_done(self) -> None:
        taken = {s.slot_id for s in signups_of_visit(self.state.ctx, self.visit.id)}
        for slot_id, button in self.buttons.items():
            if slot_id in taken:
                button.setChecked(True)
                button.setEnabled(False)
