"""Reports (報告): a month, a fiscal year or a date range, against KPI targets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.core.fiscal_year import fiscal_year_label, fiscal_year_of, start_month
from kiosk.core.translations import text
from kiosk.reports.figures import shown
from kiosk.reports.kpi import KpiRow, kpi_rows
from kiosk.reports.period import (
    Period,
    PeriodReport,
    distinct_method,
    fiscal_year_period,
    month_period,
    range_period,
    report_rows,
    row_value,
)
from kiosk.reports.period_export import PeriodRequest, build, list_labels
from kiosk.reports.period_export import render as render_period
from kiosk.reports.tables import kpi_header, month_heading
from ui.background import run_in_background
from ui.dialogs.form_fill_dialog import FormFillDialog
from ui.door_state import DoorState
from ui.widgets.card_frame import new_card
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.export_bar import ExportBar
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.qt_dates import python_date
from ui.widgets.venue_picker import fill_venues

MONTH_TABLE_HEIGHT = 260  # px: a dozen rows of the months table before it scrolls


class ReportsScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.report: PeriodReport | None = None
        self.kpis: list[KpiRow] = []
        self._generation = 0
        today = state.ctx.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        # The period line wraps in a narrow window (the year box never hides under the
        # period buttons); hidden pickers take no room in it.
        bar_box = QWidget(self)
        bar = FlowLayout(bar_box, spacing=8)
        self.venue = QComboBox(self)
        self.venue.setMinimumWidth(150)
        self.kind = ChoiceButtons(
            [
                ("month", self.tr("Month")),
                ("fiscal_year", self.tr("Fiscal year")),
                ("range", self.tr("Dates")),
            ]
        )
        self.kind.set_value("fiscal_year")
        self.kind.setMinimumWidth(self.kind.sizeHint().width())  # one line, never wrapped
        # Only the chosen picker is shown; hidden ones take no room in the bar.
        self.pickers: list[QWidget] = []
        self.month = QDateEdit(QDate(today.year, today.month, 1), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setAccessibleName(self.tr("Month"))
        self.month.setMaximumDate(QDate(today.year, today.month, today.day))
        self.year = QSpinBox(self)
        self.year.setAccessibleName(self.tr("Fiscal year"))
        self.year.setRange(2000, today.year)
        self.year.setValue(fiscal_year_of(today, start_month(state.ctx)))
        self.year_label = QLabel(self)
        year_box = QWidget(self)
        year_row = QHBoxLayout(year_box)
        year_row.setContentsMargins(0, 0, 0, 0)
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_label)
        range_box = QWidget(self)
        range_row = QHBoxLayout(range_box)
        range_row.setContentsMargins(0, 0, 0, 0)
        self.first = QDateEdit(QDate(today.year, today.month, 1), self)
        self.last = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.first.setAccessibleName(self.tr("First day"))
        self.last.setAccessibleName(self.tr("Last day"))
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
        range_row.addWidget(self.first)
        range_row.addWidget(QLabel("〜", self))
        range_row.addWidget(self.last)
        for widget in (self.month, year_box, range_box):
            self.pickers.append(widget)
        for widget in (self.venue, self.kind, *self.pickers):
            bar.addWidget(widget)
        self.banner = new_banner(self)
        self.export_bar = ExportBar(self.banner, state.lang)
        self.export_bar.requested.connect(self.export)
        self.encoding = self.export_bar.encoding
        self.csv_button, self.pdf_button = self.export_bar.csv_button, self.export_bar.pdf_button
        self.xlsx_button = self.export_bar.xlsx_button
        self.form_button = QPushButton(self.tr("Fill in the city's form…"), self)
        self.form_button.setAutoDefault(False)
        self.form_button.setMinimumWidth(self.form_button.sizeHint().width())
        self.form_button.clicked.connect(self.fill_city_form)
        self.form_dialog: FormFillDialog | None = None
        layout.addWidget(bar_box)
        exports = QHBoxLayout()  # a row of their own: CSV, Excel and PDF fit at 1024 px
        exports.addStretch(1)
        exports.addWidget(self.export_bar)
        layout.addLayout(exports)
        # The city's form beside the period line: it fills in what the line names.
        period_row = QHBoxLayout()
        period_row.addWidget(self.banner, 1)
        period_row.addWidget(self.form_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(period_row)

        self.kpi_table = self._table(self)
        self.month_table = self._table(self)
        kpi_card, kpi_box = self._card(self.tr("Targets and KPIs"))
        kpi_box.addWidget(self.kpi_table)
        months_card, months_box = self._card(self.tr("By month"))
        months_box.addWidget(self.month_table, 1)
        self.method = QLabel(distinct_method(state.lang), self)
        self.method.setProperty("role", "hint")
        self.method.setWordWrap(True)
        months_box.addWidget(self.method)
        # The two tables scroll together under the period line: the KPI table shows all its
        # rows (it is never cut by its card), the months table keeps a usable height.
        self.month_table.setMinimumHeight(MONTH_TABLE_HEIGHT)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(kpi_card)
        column.addWidget(months_card, 1)
        self.tables_scroll = QScrollArea(self)
        self.tables_scroll.setWidgetResizable(True)
        self.tables_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tables_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tables_scroll.setWidget(holder)
        layout.addWidget(self.tables_scroll, 1)

        self._fill_venues()
        self.kind.selection_changed.connect(self._kind_changed)
        self.venue.currentIndexChanged.connect(self.refresh)
        self.month.dateChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.first.dateChanged.connect(self.refresh)
        self.last.dateChanged.connect(self.refresh)
        self._show_picker(1)  # counting starts when the screen is first shown

    def _fit_kpi_table(self) -> None:
        """Tall enough for every row, its header, frame and (when the columns are wider
        than the card) the sideways scroll bar: nothing of it is ever hidden."""
        table = self.kpi_table
        header = table.horizontalHeader()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = header.sizeHint().height() + rows + 2 * table.frameWidth()
        if header.length() > table.viewport().width():
            height += table.horizontalScrollBar().sizeHint().height()
        if table.height() != height or table.minimumHeight() != height:
            table.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_kpi_table()  # narrower: its columns may now need the scroll bar

    def showEvent(self, event: QShowEvent) -> None:
        """Count again each time the screen is opened: the door may have moved on."""
        super().showEvent(event)
        self.refresh()

    def _card(self, title: str) -> tuple[QFrame, QVBoxLayout]:
        return new_card(self, title, (14, 10), spacing=-1)

    def _table(self, parent: QWidget) -> QTableWidget:
        table = QTableWidget(parent)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(28)
        return table

    def _fill_venues(self) -> None:
        fill_venues(
            self.venue, self.state.ctx, None, all_label=self.tr("All venues"), include_retired=True
        )

    def _show_picker(self, index: int) -> None:
        for i, picker in enumerate(self.pickers):
            picker.setVisible(i == index)

    def _kind_changed(self, kind: str | None) -> None:
        self._show_picker({"month": 0, "fiscal_year": 1, "range": 2}.get(kind or "", 1))
        if self.isVisible():
            self.refresh()

    def period(self) -> Period:
        kind, lang = self.kind.value(), self.state.lang
        if kind == "month":
            picked = self.month.date()
            return month_period(picked.year(), picked.month(), lang)
        if kind == "range":
            first = python_date(self.first.date())
            last = python_date(self.last.date())
            return range_period(first, last, start_month(self.state.ctx))
        return fiscal_year_period(self.year.value(), start_month(self.state.ctx), lang)

    def request(self, fmt: str = "pdf") -> PeriodRequest:
        return PeriodRequest(
            period=self.period(),
            venue_id=self.venue.currentData(),
            format=fmt,
            encoding=self.encoding.currentData(),
            lang=self.state.lang,
        )

    def refresh(self) -> None:
        """Compute off the GUI thread; only the newest request's answer is shown."""
        self.year_label.setText(fiscal_year_label(self.year.value(), self.state.lang))
        if not self.isVisible():
            return  # a hidden screen counts when it is shown
        try:
            request = self.request()
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._generation += 1
        generation = self._generation
        ctx = self.state.ctx
        set_banner(self.banner, self.tr("Counting…"), "info")

        def work() -> tuple[PeriodReport, list[KpiRow], dict[str, dict[str, str]]]:
            report = build(ctx, request)
            return report, kpi_rows(ctx, report, request.lang), list_labels(ctx, request.lang)

        def done(result: tuple[PeriodReport, list[KpiRow], dict[str, dict[str, str]]]) -> None:
            if generation == self._generation:
                self._show(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation and isinstance(exc, KioskError):
                set_banner(self.banner, message_for(exc, self.state.lang), "error")

        run_in_background(work, done, failed)

    def _show(
        self, report: PeriodReport, kpis: list[KpiRow], labels: dict[str, dict[str, str]]
    ) -> None:
        self.report, self.kpis = report, kpis
        period = report.period
        note = f"{report.venue_label}　{period.label}（{period.first} 〜 {period.last}）"
        if period.crosses_fiscal_years:
            note += "　" + self.tr("This period crosses fiscal years.")
        set_banner(self.banner, note, "info")
        headings = kpi_header(self.state.lang)  # the figure catalogue's, as in the files
        self._fill(
            self.kpi_table,
            headings,
            [k.texts() for k in kpis],
        )
        if not kpis:
            self._fill(
                self.kpi_table,
                [self.tr("Targets and KPIs")],
                [
                    [
                        self.tr(
                            "No targets for this period. Set them in Settings (a fiscal year's report)."
                        )
                    ]
                ],
            )
        self._fit_kpi_table()
        columns = [f for _, f in report.months] + [report.totals]
        rows = report_rows(columns, self.state.lang, labels)
        many = period.kind != "fiscal_year" and len({y for (y, _), _ in report.months}) > 1
        months = [month_heading(y, m, self.state.lang, many) for (y, m), _ in report.months]
        self._fill(
            self.month_table,
            [
                text("report.column.group", self.state.lang),
                text("report.column.item", self.state.lang),
                *months,
                text("report.total", self.state.lang),
            ],
            [
                [
                    r.group_label,
                    r.item_label,
                    *[shown(r.figure_id, row_value(f, r.item)) for f in columns],
                ]
                for r in rows
            ],
        )

    def _fill(
        self, table: QTableWidget, headings: list[str], rows: Sequence[Sequence[object]]
    ) -> None:
        table.clear()
        table.setColumnCount(len(headings))
        table.setHorizontalHeaderLabels(headings)
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c >= 2 and _reads_as_number(str(value)):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(len(headings) == 1)

    def cell(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item else ""

    def export(self, fmt: str) -> None:
        try:
            request = self.request(fmt)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        ctx = self.state.ctx
        stem = Path.home() / f"tsunagari-{request.period.first:%Y-%m}-{request.period.kind}"
        self.export_bar.save(lambda: render_period(ctx, request), stem)

    def fill_city_form(self) -> None:
        """The city's own Excel form, filled with the chosen report (a preview first)."""
        try:
            request = self.request()
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.form_dialog = FormFillDialog(self.state, request, self)
        self.form_dialog.open()


def _reads_as_number(value: str) -> bool:
    """Figures ("2,471", "85.0%", "—", "200回") are right-aligned; words are not."""
    return value == "—" or value[:1].isdigit()
