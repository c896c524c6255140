"""Settings → KPI targets（目標）of one fiscal year, as the grant's report form lists them.

Each metric is one row: its target (empty: none), its group (事業目標 /
事業KPI) and kind (アウトカム / アウトプット). A change is saved as soon as it
is made, one action at a time; a refused value puts the row back as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kiosk.core import fiscal_year
from kiosk.core.errors import KioskError
from kiosk.reports import targets as kpi_targets
from kiosk.reports.targets import KpiTargetInfo, Metric
from ui.door_state import Change, DoorState
from ui.text_size import scaled_px
from ui.widgets.card_frame import card_layout
from ui.widgets.error_display import message_for, new_banner, set_banner

METRIC, TARGET, UNIT, GROUP, KIND = range(5)
YEARS_BACK, YEARS_AHEAD = 3, 1
ROW_HEIGHT = 46  # two lines of a long English name, or one combo box
COMBO_EXTRA = 64  # padding, frame and the arrow of a combo box, beside its text


class KpiTargetsCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.metrics: tuple[Metric, ...] = kpi_targets.metrics()
        self.targets: dict[str, KpiTargetInfo] = {}
        self._filling = False
        layout = card_layout(self, self.tr("KPI targets"))
        hint = QLabel(
            self.tr(
                "The targets of the grant's report form. Reports show each one's "
                "achievement rate. Leave a target empty for none."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        bar = QHBoxLayout()
        self.year = QComboBox(self)
        self.year.setAccessibleName(self.tr("Fiscal year"))
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.copy_button = QPushButton(self.tr("Copy last year's"), self)
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_last_year)
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        layout.addLayout(bar)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        self.table = QTableWidget(len(self.metrics), 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Metric"), self.tr("Target"), "", self.tr("Group"), self.tr("Kind")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setObjectName("KpiTargetsTable")  # its compact combo boxes: style.qss
        self.table.setWordWrap(True)  # a long English name takes two lines, never "…"
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(METRIC, QHeaderView.ResizeMode.Stretch)
        self.group_boxes: dict[str, QComboBox] = {}
        self.kind_boxes: dict[str, QComboBox] = {}
        lang = state.lang
        for row, metric in enumerate(self.metrics):
            name = QTableWidgetItem(metric.label(lang))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            name.setToolTip(metric.label(lang))
            self.table.setItem(row, METRIC, name)
            target = QTableWidgetItem("")
            target.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, TARGET, target)
            unit = QTableWidgetItem(kpi_targets.metric_unit(metric.code, lang))
            unit.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, UNIT, unit)
            self.group_boxes[metric.code] = self._options(
                kpi_targets.groups(), metric.code, row, GROUP
            )
            self.kind_boxes[metric.code] = self._options(
                kpi_targets.kinds(), metric.code, row, KIND
            )
        self._fit_table()
        self.table.itemChanged.connect(self._target_edited)
        layout.addWidget(self.table)
        layout.addStretch(1)

        self._fill_years()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        state.follow(self, Change.SETTINGS, self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Ctrl+plus re-styles every widget: the rows and columns follow the new text size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and hasattr(self, "kind_boxes"):
            self._fit_table()

    def _fit_table(self) -> None:
        """Rows as tall as a combo box, columns as wide as the widest choice: nothing cut."""
        header = self.table.horizontalHeader()
        row_height = scaled_px(ROW_HEIGHT)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        for column, column_boxes in ((GROUP, self.group_boxes), (KIND, self.kind_boxes)):
            texts = [b.itemText(i) for b in column_boxes.values() for i in range(b.count())]
            combo_font = next(iter(column_boxes.values())).fontMetrics()  # style.qss gives its size
            width = max(combo_font.horizontalAdvance(t) for t in texts) + COMBO_EXTRA
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width)
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(
            header.sizeHint().height() + row_height * len(self.metrics) + frame
        )

    def _options(
        self, options: tuple[kpi_targets.Option, ...], code: str, row: int, column: int
    ) -> QComboBox:
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for option in options:
            box.addItem(option.label(self.state.lang), option.code)
        box.currentIndexChanged.connect(lambda _i, c=code: self._choice_changed(c))
        holder = QWidget(self.table)  # keeps the box in the middle of its taller row
        inner = QHBoxLayout(holder)
        inner.setContentsMargins(4, 0, 4, 0)
        inner.addWidget(box, 0, Qt.AlignmentFlag.AlignVCenter)
        self.table.setCellWidget(row, column, holder)
        return box

    def _fill_years(self) -> None:
        ctx = self.state.ctx
        current = fiscal_year.fiscal_year_of(ctx.today(), fiscal_year.start_month(ctx))
        for year in range(current - YEARS_BACK, current + YEARS_AHEAD + 1):
            label = fiscal_year.fiscal_year_label(year, self.state.lang)
            if self.state.lang == "ja":
                label += f"（{year}）"
            self.year.addItem(label, year)
        self.year.setCurrentIndex(self.year.findData(current))

    @property
    def fiscal_year(self) -> int:
        return int(self.year.currentData())

    def refresh(self) -> None:
        try:
            found = kpi_targets.targets_by_metric(self.state.ctx, self.fiscal_year)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.targets = found
        self._filling = True
        try:
            for row, metric in enumerate(self.metrics):
                target = found.get(metric.code)
                self._target_cell(row).setText(target.target_text if target else "")
                group = target.group if target else metric.default_group
                kind = target.kind if target else metric.default_kind
                box = self.group_boxes[metric.code]
                box.setCurrentIndex(box.findData(group))
                box = self.kind_boxes[metric.code]
                box.setCurrentIndex(box.findData(kind))
        finally:
            self._filling = False

    def _target_cell(self, row: int) -> QTableWidgetItem:
        """The target cell of a row: the table is built with an item in every cell."""
        item = self.table.item(row, TARGET)
        if item is None:
            raise LookupError(f"no target cell in row {row}")
        return item

    def row_of(self, code: str) -> int:
        return next(i for i, m in enumerate(self.metrics) if m.code == code)

    def _target_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != TARGET:
            return
        code = self.metrics[item.row()].code
        self._save(code, item.text())

    def _choice_changed(self, code: str) -> None:
        if self._filling or code not in self.targets:
            return  # no target yet: the choice goes in with it
        self._save(code, self._target_cell(self.row_of(code)).text())

    def _save(self, code: str, text: str) -> None:
        ctx, year = self.state.ctx, self.fiscal_year
        label = kpi_targets.metric_label(code, self.state.lang)
        try:
            value = kpi_targets.parse_target(text)
            if value is None:
                if code not in self.targets:
                    return
                kpi_targets.remove_target(ctx, year, code)
                done = self.tr("Target removed: %1").replace("%1", label)
            else:
                kpi_targets.set_target(
                    ctx,
                    year,
                    code,
                    value,
                    str(self.group_boxes[code].currentData()),
                    str(self.kind_boxes[code].currentData()),
                )
                done = self.tr("Saved: %1").replace("%1", label)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.refresh()  # the row as it is stored
            return
        set_banner(self.banner, done, "ok")
        self.state.notify(Change.SETTINGS)

    def copy_last_year(self) -> None:
        year = self.fiscal_year
        previous = fiscal_year.fiscal_year_label(year - 1, self.state.lang)
        try:
            copied = kpi_targets.copy_targets(self.state.ctx, year - 1, year)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        if copied:
            text = self.tr("%1 target(s) copied from %2.").replace("%1", str(copied))
            set_banner(self.banner, text.replace("%2", previous), "ok")
        else:
            text = self.tr("Every target of %1 is already set for this year; nothing copied.")
            set_banner(self.banner, text.replace("%1", previous), "info")
        self.state.notify(Change.SETTINGS)
