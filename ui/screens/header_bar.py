"""The strip above every screen: venue, date, live counters, open or close the day."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.care import backups
from kiosk.core.errors import KioskError
from kiosk.core.japanese_dates import era_date
from kiosk.door import events
from kiosk.door.events import DoorCounts
from ui.background import run_in_background
from ui.dialogs import app_dialog
from ui.door_state import Change, DoorState
from ui.widgets.text_width import when_restyled

log = logging.getLogger(__name__)


def _logged(exc: BaseException) -> None:
    log.warning("backup after closing the day failed: %s", type(exc).__name__)


PRIMARY_BUTTON_HEIGHT = 56  # QPushButton[role="primary"] min-height in style.qss


class CounterTile(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "counter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 14, 4)
        layout.setSpacing(0)
        self.value = QLabel("0", self)
        self.value.setProperty("role", "counter-value")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(name, self)
        self.name.setProperty("role", "counter-name")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(self.name)


class HeaderBar(QFrame):
    """One row when there is room; in a narrow window (a portrait tablet, 1024 px with a
    long English date) the counters move to a second row rather than squeezing the date
    line or pushing the day's button off the window."""

    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.state = state
        rows = self.rows = QVBoxLayout(self)
        rows.setContentsMargins(20, 8, 16, 8)
        rows.setSpacing(8)
        self.top_row = QHBoxLayout()
        self.top_row.setSpacing(10)
        rows.addLayout(self.top_row)

        where = QVBoxLayout()
        where.setSpacing(0)
        self.venue_label = QLabel(self)
        self.venue_label.setObjectName("VenueName")
        self.date_label = QLabel(self)
        self.date_label.setObjectName("DateLabel")
        where.addWidget(self.venue_label)
        where.addWidget(self.date_label)
        self.top_row.addLayout(where)
        self.top_row.addStretch(1)

        self.counters = QWidget(self)
        counter_row = QHBoxLayout(self.counters)
        counter_row.setContentsMargins(0, 0, 0, 0)
        counter_row.setSpacing(10)
        self.visits = CounterTile(self.tr("Visits"), self.counters)
        self.first = CounterTile(self.tr("First time"), self.counters)
        self.in_care = CounterTile(self.tr("In childcare now"), self.counters)
        self.children_today = CounterTile(self.tr("Children today"), self.counters)
        for tile in (self.visits, self.first, self.in_care, self.children_today):
            counter_row.addWidget(tile, 1)
        # Not part of the header's minimum width: when it does not fit beside the date,
        # it moves below it (_arrange), so the window can still narrow to a portrait tablet.
        self.counters.setMinimumWidth(1)
        self.top_row.addWidget(self.counters)
        self.top_row.addSpacing(12)
        self.two_rows = False

        self.event_button = QPushButton(self)
        self.event_button.setAutoDefault(False)
        self.event_button.clicked.connect(self._event_action)
        self.top_row.addWidget(self.event_button)
        self.bottom_row = QHBoxLayout()
        rows.addLayout(self.bottom_row)
        QShortcut(QKeySequence("Ctrl+O"), self, self._open_if_closed)

        state.changed.connect(self.refresh)
        when_restyled(self, self.refresh)  # Ctrl+plus: one row may no longer fit
        self.refresh()

    def one_row_width(self) -> int:
        """What the header needs to keep everything on one line, at today's texts."""
        margins = self.rows.contentsMargins()
        where = max(self.venue_label.sizeHint().width(), self.date_label.sizeHint().width())
        return (
            margins.left()
            + margins.right()
            + where
            + 10 * 3
            + 12
            + self.counters.sizeHint().width()
            + self.event_button.sizeHint().width()
            + 24  # breathing room between the date line and the counters
        )

    def _arrange(self) -> None:
        two = self.width() < self.one_row_width()
        if two == self.two_rows:
            return
        self.two_rows = two
        if two:
            self.top_row.removeWidget(self.counters)
            self.bottom_row.addWidget(self.counters)
        else:
            self.bottom_row.removeWidget(self.counters)
            self.top_row.insertWidget(2, self.counters)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def refresh(self) -> None:
        state = self.state
        self.venue_label.setText(state.venue.name if state.venue else "")
        today = state.ctx.today()
        date_text = era_date(today) if state.lang == "ja" else today.strftime("%a %d %b %Y")
        event = state.today_event
        if event is None:
            status = self.tr("not open yet")
        elif event.is_open:
            status = self.tr("check-in open")
        else:
            status = self.tr("closed")
        self.date_label.setText(f"{date_text} ・ {status}")
        counts = events.counts(state.ctx, event.id) if event else DoorCounts()
        self.visits.value.setText(str(counts.visits))
        self.first.value.setText(str(counts.first_visits))
        self.in_care.value.setText(str(counts.children_in_care))
        self.children_today.value.setText(str(counts.children_today))
        if event is None:
            self.event_button.setText(self.tr("Open today's check-in"))
            self.event_button.setProperty("role", "primary")
        elif event.is_open:
            self.event_button.setText(self.tr("Close the day…"))
            self.event_button.setProperty("role", "secondary")
        else:
            self.event_button.setText(self.tr("Reopen check-in"))
            self.event_button.setProperty("role", "secondary")
        self.event_button.setEnabled(state.venue is not None)
        self.event_button.style().unpolish(self.event_button)
        self.event_button.style().polish(self.event_button)
        # As tall in every role as the primary one is (56 px in resources/style.qss), so
        # opening the day does not make the header, and every screen under it, jump.
        self.event_button.setMinimumHeight(PRIMARY_BUTTON_HEIGHT)
        self.event_button.setMinimumWidth(self.event_button.sizeHint().width())  # never cut
        self._arrange()  # the texts changed: one row may no longer fit, or fit again

    def _open_if_closed(self) -> None:
        if self.state.today_event is None:
            self._event_action()

    def _event_action(self) -> None:
        state = self.state
        try:
            if state.venue is None:
                return
            if state.today_event is None:
                events.open_event(state.ctx, state.venue.id)
            elif state.today_event.is_open:
                if not self._close(state.today_event.id):
                    return
            else:
                events.reopen_event(state.ctx, state.today_event.id)
        except KioskError as exc:
            app_dialog.tell_error(self, exc, state.lang, self.tr("Tsunagari"))
        state.notify(Change.DAY)

    def _close(self, event_id: str) -> bool:
        """Ask, warn about children still in care, then show the day's summary."""
        state = self.state
        counts = events.counts(state.ctx, event_id)
        question = self.tr("Close today's check-in?")
        if counts.children_in_care:
            question = self.tr(
                "%n child(ren) are still in childcare. Close today's check-in anyway?",
                "",
                counts.children_in_care,
            )
        if not app_dialog.confirm(
            self, self.tr("Close the day"), question, self.tr("Close check-in"), self.tr("Back")
        ):
            return False
        summary = events.close_event(state.ctx, event_id, force=True)
        # A copy of the closed day, off the GUI thread; a failure is logged, never blocks closing.
        ctx = state.ctx
        run_in_background(lambda: backups.after_day_closed(ctx), lambda _info: None, _logged)
        app_dialog.tell(
            self,
            self.tr("The day is closed"),
            self.tr("Visits: %1\nFirst time: %2\nCount only: %3\nChildren in childcare: %4")
            .replace("%1", str(summary.visits))
            .replace("%2", str(summary.first_visits))
            .replace("%3", str(summary.count_only))
            .replace("%4", str(summary.children_today)),
        )
        return True
