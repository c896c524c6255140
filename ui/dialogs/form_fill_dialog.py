"""Fill in the city's own Excel form (市の様式に記入), with a preview first.

The coordinator picks the city's .xlsx form once; a copy is kept in the data
folder (kiosk/reports/city_form/fill.py keep_form), so the original may move. The
dialog shows which cell of which sheet gets which figure of the report chosen
on the Reports screen, lists the placeholders it does not understand in the
error colour (Save stays off until the form is corrected), and writes the
filled copy off the GUI thread. Every rule lives in kiosk/; this only shows.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.reports.city_form.fields import field_catalogue
from kiosk.reports.city_form.fill import (
    FormPlan,
    FormTemplate,
    keep_form,
    kept_form,
    plan_form,
    read_form,
    write_plan,
)
from kiosk.reports.period_export import PeriodRequest, build
from ui.background import run_in_background
from ui.door_state import DoorState
from ui.widgets.dialog_buttons import dialog_buttons
from ui.widgets.error_display import message_for, new_banner, set_banner

log = logging.getLogger(__name__)
ERROR_COLOUR = "#9b342c"  # the error banner's text colour (resources/style.qss)


class FormFillDialog(QDialog):
    def __init__(
        self, state: DoorState, request: PeriodRequest, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.request = request
        self.form_path: Path | None = kept_form(state.ctx)
        self.plan: FormPlan | None = None
        self.saved_to: Path | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Fill in the city's form"))
        self.resize(1000, 620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Fill in the city's form"), self)
        title.setProperty("role", "title")
        hint = QLabel(
            self.tr(
                "Wherever the city's Excel form holds a placeholder such as {{来場者数}} or "
                "{{visits}}, the figure of this report is written in; every other cell, "
                "format and print setting stays as it was. `tsunagari export fields` lists "
                "the names."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)

        top = QHBoxLayout()
        self.report_label = QLabel(self)
        self.form_label = QLabel(self)
        self.form_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_form)
        labels = QVBoxLayout()
        labels.addWidget(self.report_label)
        labels.addWidget(self.form_label)
        top.addLayout(labels, 1)
        top.addWidget(self.choose_button)
        layout.addLayout(top)

        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Sheet"),
                self.tr("Cell"),
                self.tr("Placeholder"),
                self.tr("Meaning"),
                self.tr("Value"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        row, self.save_button = dialog_buttons(
            self, self.tr("Close"), self.tr("Save the filled form…"), self.save
        )
        layout.addLayout(row)
        period = request.period
        self.report_label.setText(
            self.tr("Report: %1 (%2 to %3)")
            .replace("%1", period.label)
            .replace("%2", period.first.isoformat())
            .replace("%3", period.last.isoformat())
        )
        self._show_form_name()
        self.load()

    def _show_form_name(self) -> None:
        if self.form_path is None:
            self.form_label.setText(self.tr("No form chosen yet."))
            self.choose_button.setText(self.tr("Choose the form…"))
        else:
            self.form_label.setText(self.tr("Form: %1").replace("%1", self.form_path.name))
            self.choose_button.setText(self.tr("Choose another form…"))

    def choose_form(self) -> None:
        """Pick the city's .xlsx; it is checked, then kept in the data folder."""
        start = str(self.form_path.parent if self.form_path else Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The city's form"), start, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        try:
            self.form_path, _template = keep_form(self.state.ctx, Path(path))
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._show_form_name()
        self.load()

    def load(self) -> None:
        """Read the form and count the report off the GUI thread, then show the plan."""
        self.plan = None
        self.save_button.setEnabled(False)
        self.table.setRowCount(0)
        path = self.form_path
        if path is None:
            set_banner(
                self.banner,
                self.tr("Choose the city's Excel form (.xlsx) to fill in."),
                "info",
            )
            return
        self._generation += 1
        generation = self._generation
        ctx, request = self.state.ctx, self.request
        set_banner(self.banner, self.tr("Reading the form…"), "info")

        def work() -> FormPlan:
            template: FormTemplate = read_form(path)
            report = build(ctx, request)
            return plan_form(template, field_catalogue(ctx), ctx, report, request.lang)

        def done(plan: FormPlan) -> None:
            if generation == self._generation:
                self._show(plan)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            error = (
                exc if isinstance(exc, KioskError) else KioskError("form_damaged", name=path.name)
            )
            set_banner(self.banner, message_for(error, self.state.lang), "error")

        run_in_background(work, done, failed)

    def _show(self, plan: FormPlan) -> None:
        self.plan = plan
        rows: list[tuple[list[str], bool]] = [
            ([p.sheet, p.cell, "{{" + p.placeholder + "}}", p.reason, "—"], True)
            for p in plan.problems
        ]
        rows += [
            (
                [
                    c.sheet,
                    c.cell,
                    "{{" + c.placeholder + "}}",
                    c.meaning,
                    _with_unit(c.shown, c.unit, c.value is None),
                ],
                False,
            )
            for c in plan.cells
        ]
        self.table.setRowCount(len(rows))
        for r, (values, problem) in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if problem:
                    item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, column, item)
        if plan.problems:
            set_banner(
                self.banner,
                self.tr(
                    "%1 placeholders cannot be filled (in red below). Correct them in the "
                    "form and choose it again; nothing is saved until then."
                ).replace("%1", str(len(plan.problems))),
                "error",
            )
        else:
            set_banner(
                self.banner,
                self.tr("%1 cells will be filled.").replace("%1", str(plan.filled_cells)),
                "info",
            )
        self.save_button.setEnabled(not plan.problems)

    def save(self) -> None:
        """Ask where, then write the filled copy in the background."""
        plan = self.plan
        if plan is None or plan.problems:
            return
        period = self.request.period
        suggested = Path.home() / f"{Path(plan.template.name).stem}-{period.first:%Y-%m}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the filled form"), str(suggested), "Excel (*.xlsx)"
        )
        if not path:
            return
        target = Path(path)
        self.save_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        set_banner(self.banner, self.tr("Saving…"), "info")

        def done(_result: object) -> None:
            self.saved_to = target
            self.save_button.setEnabled(True)
            self.choose_button.setEnabled(True)
            set_banner(self.banner, self.tr("Saved: %1").replace("%1", str(target)), "ok")

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.choose_button.setEnabled(True)
            error = (
                exc
                if isinstance(exc, KioskError)
                else KioskError("export_write_failed", path=str(target))
            )
            set_banner(self.banner, message_for(error, self.state.lang), "error")

        run_in_background(lambda: write_plan(plan, target), done, failed)


def _with_unit(shown: str, unit: str, missing: bool) -> str:
    """2,471 人 in the preview; a percent carries its sign already; no figure is a dash."""
    if missing or unit in ("", "%"):
        return shown
    return f"{shown} {unit}"
