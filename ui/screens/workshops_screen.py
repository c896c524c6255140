"""Workshops (ワークショップ): today's slots with free places, sign-ups, attendance."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.door import checkin
from kiosk.workshops.catalogue import add_starter_workshops, list_workshops
from kiosk.workshops.signups import (
    SignupInfo,
    cancel_signup,
    change_capacity,
    mark_all_attended,
    set_attended,
    signups_of_slot,
)
from kiosk.workshops.slots import (
    SlotInfo,
    copy_slots,
    last_event_with_slots,
    remove_slot,
    slots_of_event,
)
from ui.dialogs import app_dialog
from ui.dialogs.signup_dialog import slot_label
from ui.dialogs.signup_flow import describe_result, sign_up_asking
from ui.dialogs.slot_dialog import AddSlotDialog
from ui.dialogs.visitor_picker import VisitorPickerDialog
from ui.door_state import Change, DoorState
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.flow_layout import flow_row
from ui.widgets.narrow_stack import NarrowStack
from ui.widgets.phrase_breaks import set_phrase_text
from ui.widgets.single_action import SingleAction

SLOT_LIST_MIN = 240  # px: a slot's time and name and its counts line
NBSP = "\u00a0"
ITEM_PADDING = (10, 8)  # QListWidget::item in resources/style.qss: sides, top and bottom


class WorkshopsScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.slots: list[SlotInfo] = []
        self.signups: list[SignupInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        title = QLabel(self.tr("Today's workshops"), self)
        title.setProperty("role", "section")
        self.add_button = self._button(self.tr("+ Add a workshop…"), self.add_slot, "primary")
        self.copy_button = self._button(self.tr("Same as last time"), self.copy_last)
        self.starter_button = self._button(
            self.tr("Add the suggested workshops"), self.add_starters
        )
        title.setMinimumHeight(self.add_button.sizeHint().height())  # on the buttons' line
        bar.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        bar.addStretch(1)
        # The day's buttons wrap under each other on a portrait tablet.
        bar.addWidget(flow_row(self, (self.starter_button, self.copy_button, self.add_button)), 0)
        layout.addLayout(bar)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        # The slots beside the chosen slot's people; one above the other in portrait.
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left = self._card()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(14, 14, 14, 14)
        self.slot_list = QListWidget(left)
        # Room for 「10:30–11:15 アロマハンドトリートメント」 and its 「予約 2 / 8 ・ …」 line:
        # the people's buttons wrap instead of squeezing the list (it was 40 px at 1024).
        self.slot_list.setMinimumWidth(SLOT_LIST_MIN)
        self.slot_list.setWordWrap(True)  # a long name takes a second line, never a scrollbar
        self.slot_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.slot_list.viewport().installEventFilter(self)  # lines re-wrap on resize
        self.slot_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.slot_list.setAccessibleName(self.tr("Today's workshops"))
        self.slot_list.currentRowChanged.connect(self._slot_chosen)
        self.empty = QLabel(left)
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left_layout.addWidget(self.slot_list, 1)
        left_layout.addWidget(self.empty, 1)
        columns.addWidget(left, 2)

        right = self._card()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(14, 14, 14, 14)
        self.slot_title = QLabel(right)
        self.slot_title.setProperty("role", "section")
        self.slot_title.setWordWrap(True)
        right_layout.addWidget(self.slot_title)
        self.capacity_button = self._button(self.tr("Change places…"), self.change_places)
        self.remove_button = self._button(self.tr("Remove from today…"), self.remove, "danger")
        right_layout.addWidget(flow_row(right, (self.capacity_button, self.remove_button)))
        self.signup_list = QListWidget(right)
        right_layout.addWidget(self.signup_list, 1)
        # The buttons about people act once per gesture: a double tap on 出席 (a
        # toggle; she stays selected) would undo itself, and on the others the
        # second tap would replace the confirmation with 「選んでください」.
        self.signup_button = self._button(
            self.tr("Sign someone up…"), self.sign_someone_up, "primary", once=True
        )
        self.attended_button = self._button(
            self.tr("Came / did not come"), self.toggle_attended, once=True
        )
        self.all_button = self._button(self.tr("All booked came"), self.all_attended, once=True)
        self.cancel_button = self._button(
            self.tr("Cancel sign-up"), self.cancel, "danger", once=True
        )
        people = (self.signup_button, self.attended_button, self.all_button, self.cancel_button)
        right_layout.addWidget(flow_row(right, people))
        columns.addWidget(right, 3)
        layout.addLayout(columns, 1)
        self.narrow = NarrowStack(self, columns, stretches=((2, 3), (1, 2)))

        state.follow(
            self, Change.WORKSHOPS | Change.VISITS | Change.DAY | Change.SETTINGS, self.refresh
        )
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.slot_list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_slot_lines()
        return False

    def _fit_slot_lines(self) -> None:
        """Each slot as tall as its wrapped text at the list's width (Qt's own hint
        counts the lines before wrapping, and cut the second one off)."""
        width = self.slot_list.viewport().width() - ITEM_PADDING[0] * 2
        metrics = self.slot_list.fontMetrics()
        for row in range(self.slot_list.count()):
            item = self.slot_list.item(row)
            text = metrics.boundingRect(
                QRect(0, 0, max(width, 1), 0), Qt.TextFlag.TextWordWrap, item.text()
            )
            item.setSizeHint(QSize(width, text.height() + ITEM_PADDING[1] * 2 + 1))

    def _card(self) -> QFrame:
        card = QFrame(self)
        card.setProperty("role", "card")
        return card

    def _button(
        self, text: str, slot: Callable[[], object], role: str = "", once: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        if role:
            button.setProperty("role", role)
        if once:
            SingleAction(self).on_button(button, slot)
        else:
            button.clicked.connect(slot)
        return button

    # -- showing -------------------------------------------------------------

    def selected_slot(self) -> SlotInfo | None:
        row = self.slot_list.currentRow()
        return self.slots[row] if 0 <= row < len(self.slots) else None

    def selected_signup(self) -> SignupInfo | None:
        row = self.signup_list.currentRow()
        return self.signups[row] if 0 <= row < len(self.signups) else None

    def refresh(self) -> None:
        event = self.state.today_event
        selected = self.selected_slot()
        keep = selected.id if selected else None
        self.slots = slots_of_event(self.state.ctx, event.id) if event else []
        is_open = event is not None and event.is_open
        catalogue = list_workshops(self.state.ctx)
        self.add_button.setEnabled(is_open and bool(catalogue))
        self.copy_button.setEnabled(is_open)
        self.starter_button.setVisible(not catalogue)
        self.slot_list.blockSignals(True)
        self.slot_list.clear()
        for slot in self.slots:
            # "(4 free)" stays whole on a wrapped line: no-break spaces inside it.
            places = (self.tr("full, %1 waiting"), self.tr("%1 free"), self.tr("no limit"))
            text = slot_label(slot, *(p.replace(" ", NBSP) for p in places))
            booked = (
                self.tr("booked %1").replace("%1", str(slot.registered))
                if slot.capacity is None
                else self.tr("booked %1 / %2")
                .replace("%1", str(slot.registered))
                .replace("%2", str(slot.capacity))
            )
            detail = f"{booked} ・ " + self.tr("waiting %1").replace("%1", str(slot.waitlisted))
            detail += " ・ " + self.tr("came %1").replace("%1", str(slot.attended))
            item = QListWidgetItem(f"{text}\n{detail}")
            if slot.full:
                item.setForeground(QBrush(QColor("#9f5046")))
            self.slot_list.addItem(item)
        self.slot_list.blockSignals(False)
        self._fit_slot_lines()
        ids = [s.id for s in self.slots]
        self.slot_list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self.slot_list.setVisible(bool(self.slots))
        self.empty.setVisible(not self.slots)
        if not is_open:
            set_phrase_text(
                self.empty, self.tr("Open today's check-in first; then add the day's workshops.")
            )
        elif not catalogue:
            set_phrase_text(
                self.empty,
                self.tr(
                    "No workshops in the catalogue yet. Add the suggested ones above, or in Settings."
                ),
            )
        else:
            set_phrase_text(
                self.empty, self.tr("No workshops today yet. Add one, or copy the last event's.")
            )
        self._slot_chosen()

    def _slot_chosen(self, _row: int = -1) -> None:
        slot = self.selected_slot()
        is_open = self.state.open_event is not None
        for button in (
            self.capacity_button,
            self.remove_button,
            self.signup_button,
            self.all_button,
        ):
            button.setEnabled(slot is not None and is_open)
        chosen = self.selected_signup()
        self.signups = signups_of_slot(self.state.ctx, slot.id) if slot else []
        self.slot_title.setText(
            f"{slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}  {slot.name}" if slot else ""
        )
        self.signup_list.clear()
        for s in self.signups:
            who = f"No.{s.visit_number}" + (f"  {s.nickname}" if s.nickname else "")
            if s.status == "waitlisted":
                status = self.tr("waiting (%1)").replace("%1", str(s.waitlist_position))
            elif s.status == "attended":
                status = self.tr("came ✓")
            else:
                status = self.tr("booked")
            item = QListWidgetItem(f"{who}    {status}")
            if s.status == "waitlisted":
                item.setForeground(QBrush(QColor("#70655e")))
            self.signup_list.addItem(item)
        ids = [s.id for s in self.signups]
        if chosen is not None and chosen.id in ids:  # still selected after a change
            self.signup_list.setCurrentRow(ids.index(chosen.id))
        has_people = bool(self.signups) and is_open
        self.attended_button.setEnabled(has_people)
        self.cancel_button.setEnabled(has_people)

    # -- actions -------------------------------------------------------------

    def _do(self, action: object, done: str | None = None) -> bool:
        try:
            action()  # type: ignore[operator]
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.state.notify(Change.WORKSHOPS)
            return False
        if done is not None:
            set_banner(self.banner, done, "ok")
        self.state.notify(Change.WORKSHOPS)
        return True

    def add_starters(self) -> None:
        self._do(
            lambda: add_starter_workshops(self.state.ctx),
            self.tr("Suggested workshops added to the catalogue."),
        )

    def add_slot(self) -> None:
        dialog = AddSlotDialog(self.state, list_workshops(self.state.ctx), self)
        if dialog.exec() == AddSlotDialog.DialogCode.Accepted and dialog.added:
            set_banner(self.banner, self.tr("Added: %1").replace("%1", dialog.added.name), "ok")
            self.state.notify(Change.WORKSHOPS)

    def copy_last(self) -> None:
        event = self.state.open_event
        if event is None:
            return
        source = last_event_with_slots(self.state.ctx, event.venue_id, event.date)
        if source is None:
            set_banner(
                self.banner, self.tr("No earlier event at this venue had workshops."), "info"
            )
            return
        self._do(
            lambda: copy_slots(self.state.ctx, source.id, event.id),
            self.tr("Copied the workshops of %1.").replace("%1", source.date.strftime("%Y-%m-%d")),
        )

    def change_places(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            return
        value = app_dialog.ask_number(
            self,
            self.tr("Change places"),
            self.tr("Places for “%1” (0 = no limit):").replace("%1", slot.name),
            self.tr("Change"),
            self.tr("Back"),
            value=slot.capacity or 0,
            minimum=0,
            maximum=500,
        )
        if value is not None:
            self._do(
                lambda: change_capacity(self.state.ctx, slot.id, value or None),
                self.tr("Places changed. Anyone waiting moved up if there was room."),
            )

    def remove(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            return
        people = slot.registered + slot.waitlisted
        question = self.tr("Remove “%1” from today?").replace("%1", slot.name)
        if people:
            question += "\n" + self.tr(
                "%1 sign-up(s) will be cancelled (kept in the audit log)."
            ).replace("%1", str(people))
        if not app_dialog.confirm(
            self,
            self.tr("Remove a workshop"),
            question,
            self.tr("Remove it"),
            self.tr("Back"),
            danger=True,
        ):
            return
        self._do(
            lambda: remove_slot(self.state.ctx, slot.id, cancel_signups=True),
            self.tr("Removed: %1").replace("%1", slot.name),
        )

    def sign_someone_up(self) -> None:
        slot, event = self.selected_slot(), self.state.open_event
        if slot is None or event is None:
            return
        visits = [v for v in checkin.visits_of_event(self.state.ctx, event.id) if v.active]
        taken = {s.visit_id for s in self.signups}
        visits = [v for v in visits if v.id not in taken]
        if not visits:
            set_banner(
                self.banner, self.tr("Everyone checked in today is already on this list."), "info"
            )
            return
        picker = VisitorPickerDialog(visits, self.state.lang, slot.name, self)
        if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen is None:
            return
        visit = picker.chosen
        try:
            result = sign_up_asking(self, self.state.ctx, slot, visit.id)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        if result is not None:
            set_banner(self.banner, describe_result(result, slot, visit.number), "ok")
        self.state.notify(Change.WORKSHOPS)

    def toggle_attended(self) -> None:
        signup = self.selected_signup()
        if signup is None:
            set_banner(self.banner, self.tr("Select someone in the list first."), "info")
            return
        came = signup.status != "attended"
        number = str(signup.visit_number)
        self._do(
            lambda: set_attended(self.state.ctx, signup.id, came),
            self.tr("No. %1 came.").replace("%1", number)
            if came
            else self.tr("No. %1: attendance taken back.").replace("%1", number),
        )

    def all_attended(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            self._do(
                lambda: mark_all_attended(self.state.ctx, slot.id),
                self.tr("Everyone booked is marked as came."),
            )

    def cancel(self) -> None:
        signup = self.selected_signup()
        if signup is None:
            set_banner(self.banner, self.tr("Select someone in the list first."), "info")
            return
        try:
            result = cancel_signup(self.state.ctx, signup.id)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        text = self.tr("Cancelled: No. %1.").replace("%1", str(signup.visit_number))
        if result.promoted is not None:
            text += " " + self.tr("No. %1 moved up from the waitlist.").replace(
                "%1", str(result.promoted.visit_number)
            )
        set_banner(self.banner, text, "ok")
        self.state.notify(Change.WORKSHOPS)
