"""Settings → the cover letter of reports (報告書の鑑・送付状), filled in once.

The fiscal-year and month PDFs open with a letter to the city: addressee,
the applicant's address, organisation and representative, and the grant
decision the report answers. A coordinator types these once here; one Save
checks every field first and saves them all or nothing. Like the
organisation and the KPI targets these are report settings, not personal
details, so (unlike retention or pairing) they ask for no PIN.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.core import settings
from kiosk.core.errors import KioskError
from kiosk.core.japanese_dates import era_date
from kiosk.reports.cover_letter import (
    MAX_TEXT,
    TEXT_FIELDS,
    CoverLetter,
    cover_letter,
    save_cover_letter,
)
from ui.door_state import Change, DoorState
from ui.widgets.card_frame import card_layout
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.placeholder_room import fit_placeholder
from ui.widgets.qt_dates import python_date


class CoverLetterCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = card_layout(self, self.tr("Cover letter of reports"))
        hint = QLabel(
            self.tr(
                "The first page of the month and fiscal-year reports: the letter to the "
                "city. Fill it in once; a blank field is left as a line to write on."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        labels = {
            "addressee": self.tr("Addressee"),
            "address": self.tr("Address"),
            "organisation": self.tr("Organisation"),
            "representative_title": self.tr("Representative's title"),
            "representative_name": self.tr("Representative's name"),
            "grant_name": self.tr("Grant name"),
            "decision_number": self.tr("Decision number"),
        }
        examples = {
            "addressee": self.tr("e.g. 〇〇市長　〇〇 〇〇 (様 is added on paper)"),
            "address": self.tr("e.g. 〇〇県〇〇市〇〇町1-2-3"),
            "representative_title": self.tr("e.g. 理事長"),
            "grant_name": self.tr("e.g. 〇〇市女性の居場所づくり事業補助金"),
            "decision_number": self.tr("e.g. 〇〇第123号"),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.fields: dict[str, QLineEdit] = {}
        row = 0
        for name in TEXT_FIELDS:
            if name == "decision_number":
                row = self._date_row(grid, row)
            edit = QLineEdit(self)
            edit.setMaxLength(MAX_TEXT + 50)  # room to paste; Save explains the limit
            edit.setPlaceholderText(examples.get(name, ""))
            fit_placeholder(edit)
            edit.returnPressed.connect(self.save)
            grid.addWidget(QLabel(labels[name], self), row, 0)
            grid.addWidget(edit, row, 1)
            self.fields[name] = edit
            row += 1
        layout.addLayout(grid)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

        state.follow(self, Change.SETTINGS, self._settings_changed)
        self.refresh()

    def _date_row(self, grid: QGridLayout, row: int) -> int:
        """交付決定日: a date, its era beside it, and "not set" while none was given."""
        self.decision_date = QDateEdit(self)
        self.decision_date.setCalendarPopup(True)
        self.decision_date.setDisplayFormat("yyyy-MM-dd")
        self.decision_date.setMinimumDate(QDate(1989, 1, 8))  # 平成元年: no grant is older
        self.decision_date.dateChanged.connect(lambda _d: self._show_era())
        self.era = QLabel(self)
        self.era.setProperty("role", "hint")
        self.no_date = QCheckBox(self.tr("Not set"), self)
        self.no_date.toggled.connect(lambda _on: self._show_era())
        line = QHBoxLayout()
        line.setSpacing(10)
        line.addWidget(self.decision_date)
        line.addWidget(self.era)
        line.addStretch(1)
        line.addWidget(self.no_date)
        grid.addWidget(QLabel(self.tr("Decision date"), self), row, 0)
        grid.addLayout(line, row, 1)
        return row + 1

    def _show_era(self) -> None:
        unset = self.no_date.isChecked()
        self.decision_date.setEnabled(not unset)
        day = self.chosen_date()
        self.era.setText("" if day is None else era_date(day, weekday=False))

    def chosen_date(self) -> date | None:
        if self.no_date.isChecked():
            return None
        return python_date(self.decision_date.date())

    def _settings_changed(self) -> None:
        """Another card saved (the organisation, say): keep what is being typed here."""
        if any(edit.isModified() for edit in self.fields.values()):
            self._show_organisation_default()
            return
        self.refresh()

    def _show_organisation_default(self) -> None:
        self.fields["organisation"].setPlaceholderText(
            settings.organisation(self.state.ctx) or self.tr("The organisation's name")
        )
        fit_placeholder(self.fields["organisation"])

    def refresh(self) -> None:
        """The saved letter; the organisation field stays empty while it follows the app's."""
        ctx = self.state.ctx
        try:
            letter = cover_letter(ctx)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        own = settings.organisation(ctx)
        for name, edit in self.fields.items():
            value = str(getattr(letter, name))
            if name == "organisation" and value == own:
                value = ""  # blank: the letter follows Settings → Organisation
            edit.setText(value)
            edit.setModified(False)
        self._show_organisation_default()
        day = letter.decision_date
        self.no_date.setChecked(day is None)
        shown = day or ctx.today()
        self.decision_date.setDate(QDate(shown.year, shown.month, shown.day))
        self._show_era()

    def typed_letter(self) -> CoverLetter:
        text = {name: edit.text() for name, edit in self.fields.items()}
        return CoverLetter(
            addressee=text["addressee"],
            address=text["address"],
            organisation=text["organisation"],
            representative_title=text["representative_title"],
            representative_name=text["representative_name"],
            grant_name=text["grant_name"],
            decision_date=self.chosen_date(),
            decision_number=text["decision_number"],
        )

    def save(self) -> None:
        try:
            save_cover_letter(self.state.ctx, self.typed_letter())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.refresh()
        set_banner(self.banner, self.tr("Saved: the cover letter of reports."), "ok")
        self.state.notify(Change.SETTINGS)
