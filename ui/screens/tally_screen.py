"""The day's tally (日計): figures in groups, two charts, CSV and PDF export."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.door import venues
from kiosk.reports.daily import DailyTally, Figure, daily_tally, figures, held_label
from kiosk.reports.daily_export import ExportRequest
from kiosk.reports.daily_export import render as render_daily
from ui.dialogs.paper_day_dialog import PaperDayDialog
from ui.door_state import Change, DoorState
from ui.widgets.bar_chart import BarChart
from ui.widgets.day_stepper import day_stepper
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.export_bar import ExportBar
from ui.widgets.qt_dates import python_date
from ui.widgets.venue_picker import fill_venues

COLUMNS = 3
STACK_CHARTS_BELOW = 760  # px of screen width: a portrait tablet


class FigureGroup(QFrame):
    """One group of figures as a small two-column card."""

    def __init__(self, items: list[Figure], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setVerticalSpacing(3)
        title = QLabel(items[0].group_label, self)
        title.setProperty("role", "section")
        layout.addWidget(title, 0, 0, 1, 2)
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}  # the catalogue's labels, as the files print them
        for row, fig in enumerate(items, start=1):
            name = QLabel(fig.item_label, self)
            self.names[fig.item] = name
            name.setWordWrap(True)
            value = QLabel(fig.shown, self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setProperty("role", "figure")
            layout.addWidget(name, row, 0)
            layout.addWidget(value, row, 1)
            self.values[fig.item] = value
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(len(items) + 1, 1)  # rows stay together in a taller card


class TallyScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.tally: DailyTally | None = None
        self.groups: dict[str, FigureGroup] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        self.venue = QComboBox(self)
        self.venue.setMinimumWidth(160)
        stepper = day_stepper(self, 180, self._to_today)
        self.day, self.previous, self.next = stepper.day, stepper.previous, stepper.next
        self.today_button = stepper.today_button
        self.paper_button = QPushButton(self.tr("Enter a paper list…"), self)
        self.paper_button.setAutoDefault(False)
        self.paper_button.clicked.connect(self.enter_paper_list)
        for widget in (self.venue, self.previous, self.day, self.next, self.today_button):
            bar.addWidget(widget)
        self.banner = new_banner(self)
        self.export_bar = ExportBar(self.banner, state.lang, with_long=True)
        self.export_bar.requested.connect(self.export)
        self.encoding, self.long = self.export_bar.encoding, self.export_bar.long
        self.csv_button, self.pdf_button = self.export_bar.csv_button, self.export_bar.pdf_button
        self.xlsx_button = self.export_bar.xlsx_button
        bar.addStretch(1)
        layout.addLayout(bar)
        # The paper list and the exports on a row of their own, under the day they are of;
        # the exports wrap in a narrow window (a portrait tablet) instead of overlapping.
        exports = QHBoxLayout()
        exports.addWidget(self.paper_button, 0, Qt.AlignmentFlag.AlignTop)
        exports.addStretch(1)
        exports.addWidget(self.export_bar, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(exports)
        layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.hour_chart = BarChart(self.tr("Visits by hour"))
        self.age_chart = BarChart(self.tr("Visits by age"))
        # Side by side; one above the other in a narrow window, where eight age bands
        # beside fourteen hours would leave each bar too little room for its label.
        self.charts = charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        charts.addWidget(self._framed(self.hour_chart), 3)
        charts.addWidget(self._framed(self.age_chart), 2)
        outer = QVBoxLayout()
        outer.addLayout(charts)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(outer)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)

        self._fill_venues()
        self._to_today()
        self.venue.currentIndexChanged.connect(self.refresh)
        self.day.dateChanged.connect(self.refresh)
        state.follow(self, Change.EVERYTHING, self._state_changed)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < STACK_CHARTS_BELOW
        self.charts.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )

    def _framed(self, chart: BarChart) -> QFrame:
        frame = QFrame(self)
        frame.setProperty("role", "card")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(12, 10, 12, 8)
        inner.addWidget(chart)
        return frame

    def _fill_venues(self) -> None:
        fill_venues(self.venue, self.state.ctx, self.state.venue.id if self.state.venue else None)

    def _to_today(self) -> None:
        today = self.state.ctx.today()
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(today.year, today.month, today.day))

    def _state_changed(self) -> None:
        if self.venue.count() != len(venues.list_venues(self.state.ctx)):
            self._fill_venues()
        self.refresh()

    def refresh(self) -> None:
        venue_id = self.venue.currentData()
        if not venue_id:
            return
        picked = python_date(self.day.date())
        try:
            self.tally = daily_tally(self.state.ctx, venue_id, picked)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        tally, lang = self.tally, self.state.lang
        if tally.held:
            set_banner(
                self.banner, self.tr("Held: %1").replace("%1", held_label(tally, lang)), "info"
            )
        else:
            set_banner(self.banner, self.tr("Nothing was held at this venue on this day."), "info")
        self.next.setEnabled(self.day.date() < self.day.maximumDate())
        self.hour_chart.set_bars(self.hour_bars(tally))
        self.age_chart.set_bars(
            [
                (tally.age_bands.label(code, lang).replace("代", ""), n)
                for code, n in tally.age_bands.counts
            ]
        )
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.groups = {}
        for i, (group, items) in enumerate(groupby(figures(tally, lang), key=lambda f: f.group)):
            card = FigureGroup(list(items))
            self.grid.addWidget(card, i // COLUMNS, i % COLUMNS)
            self.groups[group] = card

    def hour_bars(self, tally: DailyTally) -> list[tuple[str, int]]:
        """The hours as the chart labels them: the last bar also holds every later visit
        (a 23:39 check-in), so it reads 「21時〜」 / "21+", not a bare 「21」."""
        bars = [(f"{hour}", n) for hour, n in tally.by_hour]
        if bars:
            last, n = bars[-1]
            bars[-1] = (
                self.tr("%1+", "the last hour of the chart and every later one").replace(
                    "%1", last
                ),
                n,
            )
        return bars

    def value(self, group: str, item: str) -> str:
        """What the screen shows for one figure (for tests and accessibility)."""
        return self.groups[group].values[item].text()

    def label(self, group: str, item: str) -> str:
        """The label the screen shows for one figure (the figure catalogue's)."""
        return self.groups[group].names[item].text()

    def enter_paper_list(self) -> None:
        """A past day's counts from a paper sign-in list (ui/dialogs/paper_day_dialog.py)."""
        picked = python_date(self.day.date())
        dialog = PaperDayDialog(self.state, self.venue.currentData(), picked, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.state.notify()

    def export(self, fmt: str) -> None:
        tally = self.tally
        if tally is None:
            return
        request = ExportRequest(
            first=tally.day,
            last=tally.day,
            venue_ids=(tally.venue_id,),
            format=fmt,
            encoding=self.encoding.currentData(),
            long=self.long.isChecked(),
            lang=self.state.lang,
        )
        ctx = self.state.ctx
        stem = Path.home() / f"tsunagari-{tally.day.isoformat()}-{tally.venue_name}"
        self.export_bar.save(lambda: render_daily(ctx, request)[0], stem)
