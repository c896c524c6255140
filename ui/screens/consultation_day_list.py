"""The day's list on the Consultations screen: what was recorded, cancelled ones struck out.

Each line says how, about what and who listened (never what was said);
the screen cancels the selected line with the button underneath.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.consultations import lists
from kiosk.consultations.records import DayRecords
from ui.door_state import DoorState
from ui.widgets.card_frame import card_layout

# The Consultations screen's tighter cards, so the right side fits a laptop.
CARD_MARGINS = (16, 12)
CARD_SPACING = 8


class ConsultationDayList(QFrame):
    selection_changed = Signal()

    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[tuple[str, str, bool]] = []  # (kind, id, active) per line
        layout = card_layout(self, self.tr("Records of the day"), CARD_MARGINS, CARD_SPACING)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        # Only its minimum counts, so the right side fits a laptop without scrolling.
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.list.setMinimumHeight(90)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _row: self.selection_changed.emit())
        self.totals = QLabel(self)
        self.totals.setProperty("role", "hint")
        layout.addWidget(self.totals)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel the selected record…"), self)
        self.cancel_button.setProperty("role", "danger")
        self.cancel_button.setAutoDefault(False)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

    def selected(self) -> tuple[str, str] | None:
        """(kind, id) of the chosen line."""
        row = self.list.currentRow()
        return self.rows[row][:2] if 0 <= row < len(self.rows) else None

    def selected_is_active(self) -> bool:
        row = self.list.currentRow()
        return 0 <= row < len(self.rows) and self.rows[row][2]

    def scroll_to(self, record_id: str) -> QListWidgetItem | None:
        """Bring a record into the list's view (the newest is at the bottom); its item."""
        row = next((i for i, r in enumerate(self.rows) if r[1] == record_id), None)
        if row is None:
            return None
        item = self.list.item(row)
        self.list.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        return item

    def fill(self, records: DayRecords) -> None:
        items = self._lines(records)
        keep = self.selected()
        self.list.blockSignals(True)
        self.list.clear()
        self.rows = []
        for at, kind, row_id, text, active in items:
            line = f"{at.astimezone():%H:%M}   {text}"
            if not active:
                line += "   " + self.tr("(cancelled)")
            item = QListWidgetItem(line)
            if not active:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#70655e")))
            self.list.addItem(item)
            self.rows.append((kind, row_id, active))
        ids = [row[:2] for row in self.rows]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else -1)
        self.list.blockSignals(False)
        self.totals.setText(
            self.tr("Consultations %1 ・ referrals %2 ・ case meetings %3")
            .replace("%1", str(sum(c.active for c in records.consultations)))
            .replace("%2", str(sum(r.active for r in records.referrals)))
            .replace("%3", str(sum(m.active for m in records.case_meetings)))
        )
        if not items:
            self.list.addItem(self.tr("Nothing recorded for this day yet."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def _lines(self, records: DayRecords) -> list[tuple[datetime, str, str, str, bool]]:
        """(time, kind, id, text, active) of every record, in the order they were made."""
        ctx, lang = self.state.ctx, self.state.lang
        channel = lists.labels(ctx, "channel", lang)
        category = lists.labels(ctx, "category", lang)
        role = lists.labels(ctx, "staff_role", lang)
        agency = lists.labels(ctx, "agency", lang)
        items: list[tuple[datetime, str, str, str, bool]] = []
        for c in records.consultations:
            parts = [channel.get(c.channel, c.channel), category.get(c.category, c.category)]
            parts.append(role.get(c.staff_role, c.staff_role))
            if c.minutes:
                parts.append(self.tr("%1 min").replace("%1", str(c.minutes)))
            if c.visit_number is not None:
                parts.append(f"No.{c.visit_number}")
            text = self.tr("Consultation:") + " " + "・".join(parts)
            items.append((c.recorded_at, "consultation", c.id, text, c.active))
        for r in records.referrals:
            text = self.tr("Referral:") + " " + agency.get(r.agency, r.agency)
            if r.consultation_id:
                text += "  " + self.tr("(from a consultation)")
            items.append((r.recorded_at, "referral", r.id, text, r.active))
        for m in records.case_meetings:
            items.append((m.recorded_at, "case_meeting", m.id, self.tr("Case meeting"), m.active))
        items.sort(key=lambda item: (item[0], item[2]))
        return items
