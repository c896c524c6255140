"""Enter a past day's counts from a paper sign-in list (紙の受付簿から後日入力).

For a day when the laptop was not at the venue. The coordinator picks the
venue and the (past) date and copies the totals of the paper list: visits by
age band and by residence, first visits, children in childcare and workshop
participants. The same visitors are counted by age and by residence, so the
two totals are shown live and a difference is explained before saving; the
service (kiosk/door/paper_days.py) has the last word on every rule.

A venue-day already entered opens for correction (or cancelling); a
venue-day with check-ins cannot take a paper list at all.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices
from kiosk.core.errors import KioskError
from kiosk.core.request_ids import new_request_id
from kiosk.door import venues
from kiosk.door.paper_days import (
    MAX_COUNT,
    PaperDayDraft,
    PaperDayInfo,
    cancel_paper_day,
    has_checkins,
    paper_day_of,
    record_paper_day,
    update_paper_day,
)
from ui.dialogs import app_dialog
from ui.door_state import DoorState
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.flow_layout import field_group, flow_row
from ui.widgets.qt_dates import python_date
from ui.widgets.screen_fit import grow_to_wrapped_height
from ui.widgets.tab_order import tab_in_order

DIALOG_WIDTH = 740  # a wrapped label's width until it is shown
HINT_WIDTH = 1000  # four counts to a line, in English too
# Counts are typed (arrow keys and the wheel step them too). The arrows are made
# zero-wide rather than NoButtons, which loses the text under the app's style sheet.
SPIN_STYLE = "QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }"


class PaperDayDialog(QDialog):
    def __init__(
        self,
        state: DoorState,
        venue_id: str | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.existing: PaperDayInfo | None = None
        self.saved: PaperDayInfo | None = None  # what was saved or cancelled, once done
        self.request_id = new_request_id()
        self.blocked = False  # the venue-day has check-ins
        lang = state.lang
        self.setWindowTitle(self.tr("Paper list"))
        self.setStyleSheet(SPIN_STYLE)
        layout = QVBoxLayout(self)
        # Never shorter than the layout needs at its width (grow_to_wrapped_height): the
        # spin boxes' height comes from the style sheet, after the first size was worked out.
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(8)

        self.notice = notice = QLabel(
            self.tr(
                "Entered afterwards from a paper list: for a past day when the laptop was "
                "not used. Reports show these counts as entered from paper."
            ),
            self,
        )
        notice.setProperty("role", "banner-info")
        notice.setWordWrap(True)
        self.notice = notice
        layout.addWidget(notice)

        where = QHBoxLayout()
        self.venue = QComboBox(self)
        self.venue.setMinimumWidth(220)
        for v in venues.list_venues(state.ctx, include_retired=True):
            self.venue.addItem(v.name, v.id)
        wanted = venue_id or (state.venue.id if state.venue else None)
        self.venue.setCurrentIndex(max(self.venue.findData(wanted), 0))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumWidth(160)
        yesterday = state.ctx.today() - timedelta(days=1)
        self.day.setMaximumDate(QDate(yesterday.year, yesterday.month, yesterday.day))
        start = day if day is not None and day <= yesterday else yesterday
        self.day.setDate(QDate(start.year, start.month, start.day))
        where.addWidget(QLabel(self.tr("Venue"), self))
        where.addWidget(self.venue)
        where.addSpacing(16)
        where.addWidget(QLabel(self.tr("Date"), self))
        where.addWidget(self.day)
        where.addStretch(1)
        layout.addLayout(where)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        layout.addWidget(self.status)

        self.by_age, _ = self._grid(
            layout,
            self.tr("Visits by age"),
            [(c.code, c.label(lang)) for c in choices.options("age_band")],
        )
        self.by_residence, _ = self._grid(
            layout,
            self.tr("Visits by residence"),
            [(c.code, c.label(lang)) for c in choices.options("residence")],
        )
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)

        self.first_visits = self._spin()
        self.children_count = self._spin()
        self.workshops = self._spin()
        others = [
            field_group(self, QLabel(text, self), spin)
            for text, spin in (
                (self.tr("First visits"), self.first_visits),
                (self.tr("Children in childcare"), self.children_count),
                (self.tr("Workshop participants"), self.workshops),
            )
        ]
        layout.addWidget(flow_row(self, others, spacing=16))  # wraps on a portrait screen
        self.ages_known = QCheckBox(self.tr("The list gives the children's ages"), self)
        self.ages_known.toggled.connect(self._ages_toggled)
        layout.addWidget(self.ages_known)
        self.children_by_age, self.children_ages = self._grid(
            layout, None, [(c.code, c.label(lang)) for c in choices.options("child_age_band")]
        )

        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        self.cancel_entry_button = QPushButton(self.tr("Cancel this entry…"), self)
        self.cancel_entry_button.setProperty("role", "danger")
        self.cancel_entry_button.setAutoDefault(False)
        self.cancel_entry_button.clicked.connect(self.cancel_entry)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.cancel_entry_button)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.save_button)
        layout.addLayout(row)

        for spin in self._all_spins():
            spin.valueChanged.connect(self._update_totals)
        self.venue.currentIndexChanged.connect(lambda _i: self.load())
        self.day.dateChanged.connect(lambda _d: self.load())
        self.wrapped_labels = (self.notice, self.status, self.totals)
        tab_in_order(
            self.venue,
            self.day,
            *self.by_age.values(),
            *self.by_residence.values(),
            self.first_visits,
            self.children_count,
            self.workshops,
            self.ages_known,
            *self.children_by_age.values(),
            self.cancel_entry_button,
            close,
            self.save_button,
        )
        self.load()
        self.resize(self.sizeHint())  # before a first, narrower default size makes it tall

    # -- building ------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """Four counts to a line on a laptop; a portrait tablet gets its own width."""
        width = min(super().sizeHint().width(), HINT_WIDTH)
        layout = self.layout()
        return QSize(width, layout.totalHeightForWidth(width) if layout else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for label in getattr(self, "wrapped_labels", ()):
            self._fit_height(label)
        grow_to_wrapped_height(self)

    def _fit_height(self, label: QLabel) -> None:
        """A wrapped label asks for all its lines (a dialog's layout does not ask for it)."""
        label.ensurePolished()
        width = label.width() if label.isVisible() else DIALOG_WIDTH
        label.setMinimumHeight(label.heightForWidth(width))

    def _spin(self) -> QSpinBox:
        """A count typed from the paper list (arrow keys and the wheel also step it)."""
        spin = QSpinBox(self)
        spin.setRange(0, MAX_COUNT)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        spin.setMinimumWidth(84)
        spin.setMaximumWidth(120)
        return spin

    def _grid(
        self, layout: QVBoxLayout, title: str | None, items: list[tuple[str, str]]
    ) -> tuple[dict[str, QSpinBox], QWidget]:
        """Labelled spin boxes, as many to a line as fit; returns them by code, and their holder."""
        if title is not None:
            layout.addSpacing(4)
            label = QLabel(title, self)
            label.setProperty("role", "section")
            layout.addWidget(label)
        spins: dict[str, QSpinBox] = {}
        names: list[QLabel] = []
        groups: list[QWidget] = []
        for code, text in items:
            spins[code] = spin = self._spin()
            names.append(name := QLabel(text, self))
            groups.append(field_group(self, name, spin))
        # Cells of one width read as columns: four across a laptop, fewer on a tablet.
        widest = max((name.sizeHint().width() for name in names), default=0)
        for name in names:
            name.setMinimumWidth(widest)
        holder = flow_row(self, groups, spacing=14)
        layout.addWidget(holder)
        return spins, holder

    def _all_spins(self) -> list[QSpinBox]:
        return [
            *self.by_age.values(),
            *self.by_residence.values(),
            *self.children_by_age.values(),
            self.first_visits,
            self.children_count,
            self.workshops,
        ]

    # -- state -----------------------------------------------------------------

    @property
    def venue_id(self) -> str:
        return str(self.venue.currentData() or "")

    @property
    def chosen_day(self) -> date:
        return python_date(self.day.date())

    def load(self) -> None:
        """Show the chosen venue-day: empty, its paper entry to correct, or why it is closed."""
        ctx = self.state.ctx
        set_banner(self.banner, "", "ok")
        self.request_id = new_request_id()
        self.existing = paper_day_of(ctx, self.venue_id, self.chosen_day)
        self.blocked = self.existing is None and has_checkins(ctx, self.venue_id, self.chosen_day)
        entry = self.existing
        for spin in self._all_spins():
            spin.blockSignals(True)
        for code, spin in self.by_age.items():
            spin.setValue(entry.visits_by_age.get(code, 0) if entry else 0)
        for code, spin in self.by_residence.items():
            spin.setValue(entry.visits_by_residence.get(code, 0) if entry else 0)
        for code, spin in self.children_by_age.items():
            known = entry.children_by_age if entry else None
            spin.setValue(known.get(code, 0) if known else 0)
        self.first_visits.setValue(entry.first_visits if entry else 0)
        self.children_count.setValue(entry.children if entry else 0)
        self.workshops.setValue(entry.workshop_participants if entry else 0)
        for spin in self._all_spins():
            spin.blockSignals(False)
        self.ages_known.setChecked(bool(entry and entry.children_by_age is not None))
        if entry is not None:
            self.status.setText(
                self.tr("This day was entered from paper on %1: correct it, or cancel it.").replace(
                    "%1", entry.entered_at.astimezone().strftime("%Y-%m-%d")
                )
            )
        elif self.blocked:
            self.status.setText(
                self.tr(
                    "This day has check-ins at this venue: it is counted at the door, "
                    "so a paper list would count it twice."
                )
            )
        else:
            self.status.setText(self.tr("New entry for this venue and day."))
        self.status.setProperty("role", "banner-error" if self.blocked else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self._fit_height(self.status)
        self.cancel_entry_button.setVisible(entry is not None)
        self.save_button.setEnabled(not self.blocked)
        for spin in self._all_spins():
            spin.setEnabled(not self.blocked)
        self._ages_toggled(self.ages_known.isChecked())
        self._update_totals()

    def _ages_toggled(self, on: bool) -> None:
        self.children_ages.setVisible(on)
        for spin in self.children_by_age.values():
            spin.setEnabled(on and not self.blocked)
        self.ages_known.setEnabled(not self.blocked)
        self._update_totals()

    def _update_totals(self) -> None:
        """The totals as they stand, and what does not add up, before anything is saved."""
        by_age = sum(s.value() for s in self.by_age.values())
        by_residence = sum(s.value() for s in self.by_residence.values())
        problems = []
        if by_age != by_residence:
            problems.append(
                self.tr(
                    "By age %1, by residence %2: both count the same visitors, so they must "
                    "match (put what is not known under “No answer”)."
                )
                .replace("%1", str(by_age))
                .replace("%2", str(by_residence))
            )
        if self.first_visits.value() > by_age:
            problems.append(self.tr("More first visits than visits."))
        if self.children_count.value() and not by_age:
            problems.append(self.tr("Children in childcare, but no visits."))
        if self.ages_known.isChecked():
            kids = sum(s.value() for s in self.children_by_age.values())
            if kids != self.children_count.value():
                problems.append(
                    self.tr("The children's ages add up to %1, not %2.")
                    .replace("%1", str(kids))
                    .replace("%2", str(self.children_count.value()))
                )
        if problems:
            self.totals.setText(" ".join(problems))
            self.totals.setProperty("role", "banner-error")
        else:
            self.totals.setText(self.tr("Visits: %1").replace("%1", str(by_age)))
            self.totals.setProperty("role", "banner-ok")
        self.totals.style().unpolish(self.totals)
        self.totals.style().polish(self.totals)
        self._fit_height(self.totals)

    def draft(self) -> PaperDayDraft:
        return PaperDayDraft(
            venue_id=self.venue_id,
            day=self.chosen_day,
            visits_by_age={c: s.value() for c, s in self.by_age.items() if s.value()},
            visits_by_residence={c: s.value() for c, s in self.by_residence.items() if s.value()},
            first_visits=self.first_visits.value(),
            children=self.children_count.value(),
            children_by_age=(
                {c: s.value() for c, s in self.children_by_age.items() if s.value()}
                if self.ages_known.isChecked()
                else None
            ),
            workshop_participants=self.workshops.value(),
            request_id=self.request_id,
        )

    # -- actions -----------------------------------------------------------------

    def save(self) -> None:
        try:
            if self.existing is None:
                self.saved = record_paper_day(self.state.ctx, self.draft())
            else:
                self.saved = update_paper_day(self.state.ctx, self.existing.id, self.draft())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.accept()

    def cancel_entry(self) -> None:
        if self.existing is None:
            return
        if not app_dialog.confirm(
            self,
            self.tr("Cancel this entry"),
            self.tr("Cancel the paper list of this day? Its counts leave every total."),
            self.tr("Cancel the entry"),
            self.tr("Back"),
            danger=True,
        ):
            return
        try:
            self.saved = cancel_paper_day(self.state.ctx, self.existing.id)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.accept()
