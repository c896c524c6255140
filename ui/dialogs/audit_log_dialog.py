"""The audit log for the coordinator: what was done, when, on which device.

Filters by dates, device and kind of action; newest first, a page at a
time; the lines that match can be exported to CSV (UTF-8 or Shift_JIS).
The log holds codes and counts only, never nicknames or notes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.care import audit_log
from kiosk.care.audit_log import AuditFilter, AuditPage
from kiosk.core.errors import KioskError
from ui.door_state import DoorState
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.export_bar import ExportBar
from ui.widgets.flow_layout import field_group, flow_row
from ui.widgets.qt_dates import python_date
from ui.widgets.screen_fit import fitted_size, grow_to_wrapped_height
from ui.widgets.tab_order import tab_in_order


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


PREFERRED_SIZE = QSize(1060, 640)  # the table's five columns side by side


class AuditLogDialog(QDialog):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.page_size = audit_log.PAGE_SIZE
        self.offset = 0
        self.page: AuditPage | None = None
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(fitted_size(self, PREFERRED_SIZE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Audit log"), self)
        title.setProperty("role", "title")
        hint = QLabel(
            self.tr(
                "Every change, newest first: what, when and on which device. "
                "It holds codes and counts, never nicknames or notes."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        self.use_dates = QCheckBox(self.tr("From"), self)
        today = _qdate(self.state.ctx.today())
        self.first = QDateEdit(today.addDays(-30), self)
        self.last = QDateEdit(today, self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filters)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.device = QComboBox(self)
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action = QComboBox(self)
        self.action.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_choices()
        self.device.currentIndexChanged.connect(self.apply_filters)
        self.action.currentIndexChanged.connect(self.apply_filters)
        # Three filters that wrap onto a second line on a narrow or portrait screen.
        dates = field_group(
            self, self.use_dates, self.first, QLabel(self.tr("to"), self), self.last
        )
        device = field_group(self, QLabel(self.tr("Device"), self), self.device)
        action = field_group(self, QLabel(self.tr("Action"), self), self.action)
        layout.addWidget(flow_row(self, (dates, device, action), spacing=16))

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Action"),
                self.tr("Detail"),
                self.tr("Device"),
                self.tr("Entity"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.newer_button = QPushButton(self.tr("‹ Newer"), self)
        self.older_button = QPushButton(self.tr("Older ›"), self)
        self.position = QLabel(self)
        for button, step in ((self.newer_button, -1), (self.older_button, 1)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=step: self.turn(s))
        self.export_bar = ExportBar(self.banner, self.state.lang, parent=self)
        self.export_bar.pdf_button.setVisible(False)
        self.export_bar.xlsx_button.setVisible(False)  # the log is a CSV for auditors
        self.export_bar.requested.connect(self.export)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        pages = field_group(self, self.newer_button, self.position, self.older_button)
        layout.addWidget(flow_row(self, (pages, self.export_bar, close), spacing=16))
        tab_in_order(
            self.use_dates,
            self.first,
            self.last,
            self.device,
            self.action,
            self.table,
            pages,
            self.export_bar,
            close,
        )
        self.load()

    def sizeHint(self) -> QSize:
        return PREFERRED_SIZE

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        grow_to_wrapped_height(self)  # the filters and buttons take two lines on a tablet

    def _fill_choices(self) -> None:
        ctx, lang = self.state.ctx, self.state.lang
        self.device.addItem(self.tr("All devices"), None)
        for device in audit_log.devices(ctx):
            mark = self.tr(" (this device)") if device == ctx.device_id else ""
            self.device.addItem(device[:8] + mark, device)
        self.action.addItem(self.tr("All actions"), None)
        labelled = sorted(
            (audit_log.action_label(code, lang), code) for code in audit_log.actions(ctx)
        )
        for label, code in labelled:
            self.action.addItem(label, code)

    def _dates_toggled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.last.setEnabled(on)
        self.apply_filters()

    def current_filter(self) -> AuditFilter:
        dates = self.use_dates.isChecked()
        return AuditFilter(
            first=python_date(self.first.date()) if dates else None,
            last=python_date(self.last.date()) if dates else None,
            device_id=self.device.currentData(),
            action=self.action.currentData(),
        )

    def apply_filters(self) -> None:
        self.offset = 0
        self.load()

    def turn(self, step: int) -> None:
        self.offset = max(0, self.offset + step * self.page_size)
        self.load()

    def load(self) -> None:
        try:
            page = audit_log.audit_page(
                self.state.ctx, self.current_filter(), self.offset, self.page_size
            )
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.table.setRowCount(0)
            self.page = None
            self._update_paging()
            return
        set_banner(self.banner, "", "info")
        self.page = page
        ctx, lang = self.state.ctx, self.state.lang
        self.table.setRowCount(len(page.lines))
        for row, line in enumerate(page.lines):
            device = line.device_id[:8]
            if line.device_id == ctx.device_id:
                device += self.tr(" (this device)")
            cells = (
                audit_log.local_time_text(ctx, line.at),
                audit_log.action_label(line.action, lang),
                line.detail_text(),
                device,
                line.entity,
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setToolTip(line.action)
                if column == 2:
                    item.setToolTip(value)
                if column == 3:
                    item.setToolTip(line.device_id)
                self.table.setItem(row, column, item)
        self._update_paging()

    def _update_paging(self) -> None:
        page = self.page
        if page is None or page.total == 0:
            self.position.setText(self.tr("No lines"))
            self.newer_button.setEnabled(False)
            self.older_button.setEnabled(False)
            return
        self.position.setText(
            self.tr("%1–%2 of %3")
            .replace("%1", str(page.offset + 1))
            .replace("%2", str(page.offset + len(page.lines)))
            .replace("%3", str(page.total))
        )
        self.newer_button.setEnabled(page.has_previous)
        self.older_button.setEnabled(page.has_next)

    def export(self, _fmt: str) -> None:
        try:
            filt = self.current_filter()
            audit_log.audit_page(self.state.ctx, filt, 0, 1)  # refuse a bad period first
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        ctx, lang = self.state.ctx, self.state.lang
        encoding = self.export_bar.encoding.currentData()
        suggested = Path.home() / f"audit-log-{ctx.today().isoformat()}.csv"
        self.export_bar.run(
            "csv",
            suggested,
            lambda target: audit_log.export_audit_csv(ctx, filt, target, encoding, lang),
        )
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
