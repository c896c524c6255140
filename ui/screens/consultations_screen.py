"""Consultations (相談記録): that a consultation happened, in a few taps — never its content.

Pick the venue and the day (today unless a paper note is entered later),
then how, about what and who listened; the record button wakes up once all
three are chosen, and goes back to sleep after saving, so a double click
never counts twice. Referrals to a support agency and case meetings are
recorded beside it. The form has no field for what was said, and says why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.consultations import lists
from kiosk.consultations.records import (
    MAX_MINUTES,
    ConsultationDraft,
    ConsultationInfo,
    DayEvent,
    cancel_case_meeting,
    cancel_consultation,
    cancel_referral,
    events_of_day,
    record_case_meeting,
    record_consultation,
    record_referral,
    records_of_day,
)
from kiosk.core import choices
from kiosk.core.errors import KioskError
from kiosk.core.japanese_dates import era_date
from kiosk.core.request_ids import new_request_id
from kiosk.door import checkin, venues
from ui.dialogs import app_dialog
from ui.door_state import Change, DoorState
from ui.screens.consultation_day_list import CARD_MARGINS, CARD_SPACING, ConsultationDayList
from ui.widgets.card_frame import new_card
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.day_stepper import day_stepper
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.flow_layout import FlowLayout, flow_row
from ui.widgets.narrow_stack import NarrowStack
from ui.widgets.phrase_breaks import set_phrase_text
from ui.widgets.qt_dates import python_date
from ui.widgets.venue_picker import fill_venues

NO_EVENT = ""


class ConsultationsScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.request_id = new_request_id()  # one per filled-in form: a double click saves once
        self.referral_request_id = new_request_id()
        self.last_consultation: ConsultationInfo | None = None
        self.events: list[DayEvent] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        title = QLabel(self.tr("Consultations"), self)
        title.setProperty("role", "section")
        self.venue = QComboBox(self)
        self.venue.setMinimumWidth(200)
        stepper = day_stepper(self, 150, self.to_today)
        self.day, self.previous, self.next = stepper.day, stepper.previous, stepper.next
        self.today_button = stepper.today_button
        self.day_label = QLabel(self)
        self.day_label.setProperty("role", "hint")
        # As tall as the drop-downs, so the date sits on their middle line when it wraps.
        self.day_label.setMinimumHeight(self.venue.sizeHint().height())
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        title.setMinimumHeight(self.venue.sizeHint().height())  # on the drop-downs' line
        bar.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        bar.addSpacing(12)
        # Venue, day and the day's date in words wrap onto a second line in portrait.
        # ◀ day ▶ 今日 stay together.
        stepping = QWidget(self)
        steps = QHBoxLayout(stepping)
        steps.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, self.day, self.next, self.today_button):
            steps.addWidget(widget)
        bar.addWidget(flow_row(self, (self.venue, stepping, self.day_label)), 1)
        layout.addLayout(bar)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(self._build_consultation(), 6)
        self.side = right_side = QWidget(self)
        right = QVBoxLayout(right_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(12)
        right.addWidget(self._build_referral())
        self.records = ConsultationDayList(state, right_side)
        self.records.selection_changed.connect(self._form_changed)
        self.records.cancel_button.clicked.connect(self.cancel_selected)
        right.addWidget(self.records, 1)
        self.side_scroll = self._scrolled(right_side, "ConsultationSide", "#faf6f1")
        columns.addWidget(self.side_scroll, 5)
        layout.addLayout(columns, 1)
        # One above the other on a portrait tablet: the form, then referrals and the day's list.
        self.narrow = NarrowStack(self, columns, stretches=((6, 5), (4, 3)))

        self._fill_venues()
        self.to_today()
        self.venue.currentIndexChanged.connect(self._place_changed)
        self.day.dateChanged.connect(self._place_changed)
        self.event_choice.currentIndexChanged.connect(self._event_chosen)
        state.follow(self, Change.CONSULTATIONS | Change.DAY | Change.SETTINGS, self._state_changed)
        self._place_changed()

    # -- building ------------------------------------------------------------

    def _card(self, title: str) -> tuple[QFrame, QVBoxLayout]:
        return new_card(self, title, CARD_MARGINS, CARD_SPACING)

    def _scrolled(self, widget: QWidget, name: str, background: str) -> QScrollArea:
        """Buttons keep their size and scroll on a small screen (a tablet) instead of
        being squeezed; the privacy note and the record button stay in view."""
        widget.setObjectName(name)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet(f"QScrollArea, #{name} {{ background: {background}; }}")
        scroll.setWidget(widget)
        return scroll

    def _row_label(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setProperty("role", "section")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _build_consultation(self) -> QWidget:
        card, layout = self._card(self.tr("Record a consultation"))
        self.privacy_note = QLabel(
            self.tr(
                "Only that a consultation took place is recorded — never what was said. "
                "Some of the women who come here may be escaping violence: anything written "
                "about them could put them in danger if it were ever seen. Keep the content "
                "in your head, not in the computer."
            ),
            card,
        )
        self.privacy_note.setProperty("role", "banner-info")
        self.privacy_note.setWordWrap(True)
        set_phrase_text(self.privacy_note, self.privacy_note.text())
        layout.addWidget(self.privacy_note)

        form = QWidget(card)
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 4, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        lang = self.state.lang
        self.channel = ChoiceButtons([(e.code, e.label(lang)) for e in lists.shipped("channel")])
        self.staff_role = ChoiceButtons(
            [(e.code, e.label(lang)) for e in lists.shipped("staff_role")]
        )
        self.category = self._category_buttons()
        self.minutes = QSpinBox(card)
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSpecialValueText(self.tr("not noted"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMinimumWidth(130)
        # Big −/+ buttons beside it instead of tiny arrows (NoButtons loses the text
        # under the app's style sheet, so the arrows are only made zero-wide).
        self.minutes.setStyleSheet(
            "QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }"
        )
        self.minutes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.less = QPushButton("−", card)
        self.more = QPushButton("+", card)
        self.less.setToolTip(self.tr("5 minutes less"))
        self.more.setToolTip(self.tr("5 minutes more"))
        for button, step in ((self.less, -1), (self.more, 1)):
            button.setFixedWidth(48)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=step: self.minutes.stepBy(s))
        self.event_choice = QComboBox(card)
        self.event_choice.setAccessibleName(self.tr("Linked to: day"))
        self.event_choice.setMinimumWidth(110)
        self.visit_choice = QComboBox(card)
        self.visit_choice.setAccessibleName(self.tr("Linked to: check-in"))
        self.visit_choice.setMinimumWidth(110)
        # Each drop-down as wide as its longest choice (「つながりカフェ 10:00」, 「受付と結び
        # 付けない」); the second goes under the first when the card is narrow.
        for combo in (self.event_choice, self.visit_choice):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.link_row = QWidget(card)
        link = FlowLayout(self.link_row, spacing=8)
        link.addWidget(self.event_choice)
        link.addWidget(self.visit_choice)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.link_row.setSizePolicy(policy)
        length = QHBoxLayout()
        length.setSpacing(6)
        length.addWidget(self.less)
        length.addWidget(self.minutes)
        length.addWidget(self.more)
        length.addStretch(1)
        rows: tuple[tuple[str, QWidget | QLayout], ...] = (
            (self.tr("How"), self.channel),
            (self.tr("About"), self.category),
            (self.tr("Who listened"), self.staff_role),
            (self.tr("Minutes"), length),
            (self.tr("Linked to"), self.link_row),
        )
        for i, (text, what) in enumerate(rows):
            self.grid.addWidget(self._row_label(text, card), i, 0)
            if isinstance(what, QWidget):
                self.grid.addWidget(what, i, 1)
            else:
                self.grid.addLayout(what, i, 1)
        self.grid.setColumnStretch(1, 1)
        form_layout.addLayout(self.grid)
        self.link_hint = QLabel(card)
        self.link_hint.setProperty("role", "hint")
        self.link_hint.setWordWrap(True)
        form_layout.addWidget(self.link_hint)
        form_layout.addStretch(1)
        layout.addWidget(self._scrolled(form, "ConsultationForm", "#ffffff"), 1)
        self.record_button = QPushButton(self.tr("Record the consultation"), card)
        self.record_button.setProperty("role", "primary")
        self.record_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record)
        layout.addWidget(self.record_button)
        for buttons in (self.channel, self.staff_role):
            buttons.selection_changed.connect(self._form_changed)
        return card

    def _category_buttons(self) -> ChoiceButtons:
        self._categories = lists.entries(self.state.ctx, "category")
        buttons = ChoiceButtons([(e.code, e.label(self.state.lang)) for e in self._categories])
        buttons.selection_changed.connect(self._form_changed)
        return buttons

    def _build_referral(self) -> QWidget:
        card, layout = self._card(self.tr("Referral to a support agency"))
        self.referral_card = card
        self.agency_layout = QVBoxLayout()
        self.agency_layout.setContentsMargins(0, 0, 0, 0)
        self.agency = self._agency_buttons()
        self.agency_layout.addWidget(self.agency)
        layout.addLayout(self.agency_layout)
        self.from_consultation = QCheckBox(card)
        self.from_consultation.setVisible(False)
        layout.addWidget(self.from_consultation)
        row = QHBoxLayout()
        self.meeting_button = QPushButton(self.tr("+ Case meeting…"), card)
        self.meeting_button.setToolTip(
            self.tr("A case meeting (個別ケース会議) is counted: venue and date, nothing more.")
        )
        self.meeting_button.setAutoDefault(False)
        self.meeting_button.clicked.connect(self.record_meeting)
        self.referral_button = QPushButton(self.tr("Record the referral"), card)
        self.referral_button.setProperty("role", "secondary")
        self.referral_button.setAutoDefault(False)
        self.referral_button.clicked.connect(self.refer)
        row.addWidget(flow_row(card, (self.meeting_button, self.referral_button)), 1)
        layout.addLayout(row)
        return card

    def _agency_buttons(self) -> ChoiceButtons:
        self._agencies = lists.entries(self.state.ctx, "agency")
        buttons = ChoiceButtons([(e.code, e.label(self.state.lang)) for e in self._agencies])
        buttons.selection_changed.connect(self._form_changed)
        return buttons

    # -- where and when ----------------------------------------------------------

    def venue_id(self) -> str | None:
        value = self.venue.currentData()
        return str(value) if value else None

    def picked_day(self) -> date:
        return python_date(self.day.date())

    def _fill_venues(self) -> None:
        keep = self.venue_id() or (self.state.venue.id if self.state.venue else None)
        fill_venues(self.venue, self.state.ctx, keep)

    def to_today(self) -> None:
        """Back to today; later days are never offered (nothing is recorded in advance)."""
        today = self.state.ctx.today()
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(today.year, today.month, today.day))

    def _state_changed(self) -> None:
        today = self.state.ctx.today()
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        if self.venue.count() != len(venues.list_venues(self.state.ctx)):
            self._fill_venues()
        self._rebuild_lists()
        self._place_changed()

    def _rebuild_lists(self) -> None:
        """Categories or agencies changed in Settings: new buttons, same choice if still there."""
        lang = self.state.lang
        for name, shown in (("category", self._categories), ("agency", self._agencies)):
            fresh = lists.entries(self.state.ctx, name)
            if [(e.code, e.label(lang)) for e in fresh] == [(e.code, e.label(lang)) for e in shown]:
                continue
            old = self.category if name == "category" else self.agency
            chosen = old.value()
            if name == "category":
                self.category = new = self._category_buttons()
                self.grid.replaceWidget(old, new)
            else:
                self.agency = new = self._agency_buttons()
                self.agency_layout.replaceWidget(old, new)
            old.deleteLater()
            new.set_value(chosen if chosen in {e.code for e in fresh} else None)
        self._form_changed()

    def _place_changed(self) -> None:
        """Another venue or day: its events, its check-ins, its records."""
        venue_id, day = self.venue_id(), self.picked_day()
        if venue_id is None:
            return
        lang = self.state.lang
        self.day_label.setText(era_date(day) if lang == "ja" else f"{day:%a %d %b %Y}")
        self.next.setEnabled(self.day.date() < self.day.maximumDate())
        if self.last_consultation and (
            self.last_consultation.venue_id != venue_id or self.last_consultation.day != day
        ):
            self.last_consultation = None
        self.events = events_of_day(self.state.ctx, venue_id, day)
        keep = self.event_choice.currentData()
        self.event_choice.blockSignals(True)
        self.event_choice.clear()
        for event in self.events:
            kind = choices.label("event_kind", event.kind, lang)
            start = f" {event.starts_at:%H:%M}" if event.starts_at else ""
            self.event_choice.addItem(f"{event.title or kind}{start}", event.id)
        self.event_choice.addItem(self.tr("No event (phone, home visit…)"), NO_EVENT)
        index = self.event_choice.findData(keep) if keep else -1
        self.event_choice.setCurrentIndex(index if index >= 0 else 0)
        self.event_choice.setEnabled(bool(self.events))
        self.event_choice.blockSignals(False)
        self._event_chosen()
        self.show_day()

    def _usual_channel(self) -> str:
        event = self._event()
        if event is None:
            return "phone"
        return "online" if event.kind == "online_dialogue" else "in_person"

    def _event(self) -> DayEvent | None:
        event_id = self.event_choice.currentData()
        return next((e for e in self.events if e.id == event_id), None)

    def _event_chosen(self, _index: int = -1) -> None:
        """The usual channel for it (at a café: in person; no event: phone), and its check-ins."""
        event = self._event()
        self.channel.set_value(self._usual_channel())
        keep = self.visit_choice.currentData()
        self.visit_choice.clear()
        self.visit_choice.addItem(self.tr("Not linked"), None)
        if event is not None:
            visits = [v for v in checkin.visits_of_event(self.state.ctx, event.id) if v.active]
            for visit in sorted(visits, key=lambda v: v.number):
                name = f"  {visit.nickname}" if visit.nickname else ""
                self.visit_choice.addItem(f"No.{visit.number}{name}", visit.id)
        index = self.visit_choice.findData(keep) if keep else 0
        self.visit_choice.setCurrentIndex(max(index, 0))
        self.visit_choice.setEnabled(event is not None and self.visit_choice.count() > 1)
        if event is None:
            set_phrase_text(
                self.link_hint,
                self.tr(
                    "No event at this venue on this day: a phone call or a home visit "
                    "is recorded for the venue and the date."
                ),
            )
        else:
            set_phrase_text(
                self.link_hint,
                self.tr("Linking her check-in is optional; lists show its No. only."),
            )
        self._form_changed()

    # -- the day's list ----------------------------------------------------------

    def show_day(self) -> None:
        venue_id = self.venue_id()
        if venue_id is None:
            return
        self.records.fill(records_of_day(self.state.ctx, venue_id, self.picked_day()))
        self._form_changed()

    def selected(self) -> tuple[str, str] | None:
        return self.records.selected()

    # -- actions -----------------------------------------------------------------

    def _form_changed(self, _value: object = None) -> None:
        self.record_button.setEnabled(
            None not in (self.channel.value(), self.category.value(), self.staff_role.value())
        )
        self.referral_button.setEnabled(self.agency.value() is not None)
        last = self.last_consultation
        self.from_consultation.setVisible(last is not None and last.active)
        if last is not None:
            self.from_consultation.setText(
                self.tr("From the consultation just recorded (%1)").replace(
                    "%1", last.recorded_at.astimezone().strftime("%H:%M")
                )
            )
        self.records.cancel_button.setEnabled(self.records.selected_is_active())

    def _run(self, action: object, done: str) -> object | None:
        try:
            result = action()  # type: ignore[operator]
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return None
        set_banner(self.banner, done, "ok")
        return result

    def record(self) -> None:
        venue_id = self.venue_id()
        channel, category, role = (
            self.channel.value(),
            self.category.value(),
            self.staff_role.value(),
        )
        if venue_id is None or channel is None or category is None or role is None:
            return
        event = self._event()
        draft = ConsultationDraft(
            venue_id=venue_id,
            day=self.picked_day(),
            channel=channel,
            category=category,
            staff_role=role,
            minutes=self.minutes.value() or None,
            event_id=event.id if event else None,
            visit_id=self.visit_choice.currentData() or None,
            request_id=self.request_id,
        )
        saved = self._run(
            lambda: record_consultation(self.state.ctx, draft),
            self.tr("Consultation recorded."),
        )
        if not isinstance(saved, ConsultationInfo):
            return
        self.request_id = new_request_id()
        self.last_consultation = saved
        self.from_consultation.setChecked(True)
        # Ready for the next one: the same person listening, nothing of her remains.
        self.category.set_value(None)
        self.minutes.setValue(0)
        self.visit_choice.setCurrentIndex(0)
        self.state.notify(Change.CONSULTATIONS)
        # Once the list is laid out anew: scrolled to the record just made.
        QTimer.singleShot(0, lambda: self.show_record(saved.id))

    def show_record(self, record_id: str) -> None:
        """Scroll the day's list, and the side it sits in, to the record just made."""
        item = self.records.scroll_to(record_id)
        if item is None:
            return
        view = self.records.list
        rect = view.visualItemRect(item)
        top = view.viewport().mapTo(self.side, rect.topLeft())
        self.side_scroll.ensureVisible(top.x(), top.y() + rect.height() // 2, 0, rect.height())

    def refer(self) -> None:
        venue_id, agency = self.venue_id(), self.agency.value()
        if venue_id is None or agency is None:
            return
        last = self.last_consultation
        linked = (
            last.id
            if last is not None and last.active and self.from_consultation.isChecked()
            else None
        )
        done = self._run(
            lambda: record_referral(
                self.state.ctx,
                venue_id,
                self.picked_day(),
                agency,
                linked,
                request_id=self.referral_request_id,
            ),
            self.tr("Referral recorded."),
        )
        if done is None:
            return
        self.referral_request_id = new_request_id()
        self.agency.set_value(None)
        self.from_consultation.setChecked(False)
        self.state.notify(Change.CONSULTATIONS)

    def record_meeting(self) -> None:
        venue_id = self.venue_id()
        if venue_id is None:
            return
        question = self.tr("Record a case meeting at %1 on %2?").replace(
            "%1", self.venue.currentText()
        )
        question = question.replace("%2", self.day_label.text())
        if not app_dialog.confirm(
            self, self.tr("Case meeting"), question, self.tr("Record it"), self.tr("Back")
        ):
            return
        done = self._run(
            lambda: record_case_meeting(self.state.ctx, venue_id, self.picked_day()),
            self.tr("Case meeting recorded."),
        )
        if done is not None:
            self.state.notify(Change.CONSULTATIONS)

    def cancel_selected(self) -> None:
        picked = self.selected()
        if picked is None:
            set_banner(self.banner, self.tr("Select a record in the list first."), "info")
            return
        kind, row_id = picked
        if not app_dialog.confirm(
            self,
            self.tr("Cancel a record"),
            self.tr("Cancel this record? It stays in the records, marked cancelled."),
            self.tr("Cancel the record"),
            self.tr("Back"),
            danger=True,
        ):
            return
        cancel = {
            "consultation": cancel_consultation,
            "referral": cancel_referral,
            "case_meeting": cancel_case_meeting,
        }[kind]
        if self._run(lambda: cancel(self.state.ctx, row_id), self.tr("Cancelled.")) is not None:
            if self.last_consultation and self.last_consultation.id == row_id:
                self.last_consultation = None
            self.state.notify(Change.CONSULTATIONS)
