"""Settings (設定): organisation, venues, language, where the data lives."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices, fiscal_year, settings
from kiosk.core.errors import KioskError
from kiosk.door import venues
from ui.dialogs import app_dialog
from ui.dialogs.venue_dialog import VenueDialog
from ui.door_state import Change, DoorState
from ui.settings.backups_card import BackupsCard
from ui.settings.consultation_lists_card import ConsultationListsCard
from ui.settings.cover_letter_card import CoverLetterCard
from ui.settings.exchange_card import ExchangeCard
from ui.settings.kpi_targets_card import KpiTargetsCard
from ui.settings.label_settings_card import LabelSettingsCard
from ui.settings.privacy_card import PrivacyCard
from ui.settings.survey_settings import SurveySettingsCard
from ui.settings.workshop_catalogue_card import WorkshopCatalogueCard
from ui.widgets.card_frame import new_card
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.placeholder_room import fit_placeholder

VENUE_KIND = Qt.ItemDataRole.UserRole + 1  # a venue list item's kind code


class SettingsScreen(QWidget):
    def __init__(
        self,
        state: DoorState,
        change_language: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.change_language = change_language
        self.venue_dialog: VenueDialog | None = None
        layout = self.outer = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        # Cards in two columns, in reading order; each area adds its own card.
        # They scroll when there are more than a laptop screen holds.
        holder = QWidget(self)
        holder.setObjectName("Screen")
        self.cards = QGridLayout(holder)
        self.cards.setContentsMargins(0, 0, 4, 0)
        self.cards.setSpacing(12)
        self.placed: list[tuple[QWidget, bool]] = []  # (card, wide), in reading order
        self.columns = 2
        scroll = self.card_scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.add_card(self._build_general())
        self.add_card(self._build_venues())
        self.add_card(WorkshopCatalogueCard(state, self))
        self.add_card(SurveySettingsCard(state, self))
        self.add_card(ConsultationListsCard(state, self))
        self.add_card(KpiTargetsCard(state, self))
        self.add_card(CoverLetterCard(state, self))
        self.add_card(PrivacyCard(state, self))
        self.backups = BackupsCard(state, self)
        self.add_card(self.backups)
        self.add_card(LabelSettingsCard(state, self))
        self.add_card(ExchangeCard(state, self), wide=True)
        state.follow(self, Change.SETTINGS, self.refresh)
        self.refresh()

    def add_card(self, card: QWidget, wide: bool = False) -> None:
        """Cards fill two columns, left to right; a wide one takes a row of its own."""
        self.placed.append((card, wide))
        self._place()

    def _place(self) -> None:
        """Two columns when two cards fit side by side, else one: a 1024 px window or a
        portrait tablet reads the cards one under the other instead of cutting the right
        column off (issue 17: 222 px of it at 1024)."""
        for card, _wide in self.placed:
            self.cards.removeWidget(card)
        columns = self.columns
        row, column = 0, 0
        for card, wide in self.placed:
            if wide or columns == 1:
                row += column  # start a fresh row
                self.cards.addWidget(card, row, 0, 1, columns)
                row, column = row + 1, 0
                continue
            self.cards.addWidget(card, row, column)
            row, column = (row, 1) if column == 0 else (row + 1, 0)
        for i in range(2):
            self.cards.setColumnStretch(i, 1 if i < columns else 0)
        self.cards.invalidate()

    def columns_that_fit(self) -> int:
        """Two when the widest left-hand card and the widest right-hand card fit side by
        side (the grid's columns are as wide as their widest card), else one."""
        narrow = [card for card, wide in self.placed if not wide]
        left = max((c.minimumSizeHint().width() for c in narrow[0::2]), default=0)
        right = max((c.minimumSizeHint().width() for c in narrow[1::2]), default=0)
        # From the screen's own width: the scroll area has not been laid out yet when
        # the screen is resized.
        outer, margins = self.outer.contentsMargins(), self.cards.contentsMargins()
        room = (
            self.width()
            - outer.left()
            - outer.right()
            - self.card_scroll.verticalScrollBar().sizeHint().width()
            - margins.left()
            - margins.right()
        )
        return 2 if room >= left + right + self.cards.horizontalSpacing() else 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        columns = self.columns_that_fit()
        if columns != self.columns:
            self.columns = columns
            self._place()

    def _card(self, title: str) -> tuple[QFrame, QVBoxLayout]:
        return new_card(self, title)

    def _build_general(self) -> QWidget:
        card, layout = self._card(self.tr("Organisation and language"))
        grid = QGridLayout()
        self.organisation = QLineEdit(card)
        save = QPushButton(self.tr("Save"), card)
        save.setAutoDefault(False)
        save.clicked.connect(self.save_organisation)
        self.organisation.returnPressed.connect(self.save_organisation)
        grid.addWidget(QLabel(self.tr("Organisation"), card), 0, 0)
        grid.addWidget(self.organisation, 0, 1)
        grid.addWidget(save, 0, 2)
        self.project = QLineEdit(card)
        self.project.setPlaceholderText(
            self.tr("Title of reports (事業名); the organisation if empty")
        )
        fit_placeholder(self.project)
        save_project = QPushButton(self.tr("Save"), card)
        save_project.setAutoDefault(False)
        save_project.clicked.connect(self.save_project)
        self.project.returnPressed.connect(self.save_project)
        grid.addWidget(QLabel(self.tr("Project"), card), 2, 0)
        grid.addWidget(self.project, 2, 1)
        grid.addWidget(save_project, 2, 2)
        self.fiscal_start = QSpinBox(card)
        self.fiscal_start.setRange(1, 12)
        self.fiscal_start.setSuffix(self.tr(" (month the fiscal year starts)"))
        self.fiscal_start.valueChanged.connect(self._fiscal_start_changed)
        grid.addWidget(QLabel(self.tr("Fiscal year"), card), 3, 0)
        grid.addWidget(self.fiscal_start, 3, 1, 1, 2)
        self.language = ChoiceButtons(settings.language_choices())
        self.language.selection_changed.connect(self._language_chosen)
        grid.addWidget(QLabel(self.tr("Language"), card), 1, 0)
        grid.addWidget(self.language, 1, 1, 1, 2)
        layout.addLayout(grid)
        where = QLabel(self.tr("Where the data lives"), card)
        where.setProperty("role", "section")
        layout.addWidget(where)
        self.location = QLabel(card)
        self.location.setProperty("role", "hint")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.location)
        privacy = QLabel(
            self.tr(
                "Tsunagari keeps no real names and never the content of a consultation. "
                "Nicknames and care notes are personal details and will expire."
            ),
            card,
        )
        privacy.setProperty("role", "banner-info")
        privacy.setWordWrap(True)
        layout.addWidget(privacy)
        layout.addStretch(1)
        return card

    def _build_venues(self) -> QWidget:
        card, layout = self._card(self.tr("Venues"))
        hint = QLabel(self.tr("The venue marked ★ is the one this laptop checks in for."), card)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.venue_list = QListWidget(card)
        self.venue_list.currentRowChanged.connect(lambda _row: self._show_kind())
        layout.addWidget(self.venue_list, 1)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("Kind"), card))
        self.venue_kind = ChoiceButtons.for_group("venue_kind", self.state.lang)
        self.venue_kind.selection_changed.connect(self._kind_chosen)
        kind_row.addWidget(self.venue_kind, 1)
        layout.addLayout(kind_row)
        self.kind_hint = QLabel(card)
        self.kind_hint.setProperty("role", "hint")
        self.kind_hint.setWordWrap(True)
        layout.addWidget(self.kind_hint)
        buttons = QHBoxLayout()
        self.venue_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Add…"), self.add_venue),
            ("rename", self.tr("Rename…"), self.rename_venue),
            ("use", self.tr("Use at this laptop"), self.use_venue),
            ("retire", self.tr("Retire"), self.retire_venue),
        ):
            button = QPushButton(text, card)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.venue_buttons[key] = button
        layout.addLayout(buttons)
        return card

    def refresh(self) -> None:
        ctx = self.state.ctx
        if not self.organisation.hasFocus():
            self.organisation.setText(settings.organisation(ctx))
        if not self.project.hasFocus():
            self.project.setText(settings.get(ctx, settings.PROJECT_NAME) or "")
        self.fiscal_start.blockSignals(True)
        self.fiscal_start.setValue(fiscal_year.start_month(ctx))
        self.fiscal_start.blockSignals(False)
        self.language.set_value(self.state.lang)
        where = str(ctx.data_dir) if ctx.data_dir else self.tr("a database server")
        self.location.setText(
            self.tr("Folder: %1\nThis device: %2").replace("%1", where).replace("%2", ctx.device_id)
        )
        current = self.state.venue.id if self.state.venue else None
        selected = self.venue_list.currentItem()
        keep = selected.data(Qt.ItemDataRole.UserRole) if selected else current
        self.venue_list.blockSignals(True)
        self.venue_list.clear()
        for venue in venues.list_venues(ctx):
            kind = choices.label("venue_kind", venue.kind, self.state.lang)
            mark = "★ " if venue.id == current else "    "
            item = QListWidgetItem(f"{mark}{venue.name}  ({kind})")
            item.setData(Qt.ItemDataRole.UserRole, venue.id)
            item.setData(VENUE_KIND, venue.kind)
            self.venue_list.addItem(item)
            if venue.id == keep:
                self.venue_list.setCurrentItem(item)
        self.venue_list.blockSignals(False)
        self._show_kind()

    def _show_kind(self) -> None:
        """The selected venue's kind; its buttons work only while no day was held there."""
        item = self.venue_list.currentItem()
        if item is None:
            self.venue_kind.set_value(None)
            self.venue_kind.setEnabled(False)
            self.kind_hint.setText(self.tr("Select a venue to see or change its kind."))
            return
        self.venue_kind.set_value(item.data(VENUE_KIND))
        free = venues.kind_can_change(self.state.ctx, str(item.data(Qt.ItemDataRole.UserRole)))
        self.venue_kind.setEnabled(free)
        self.kind_hint.setText(
            self.tr("No day has been held here yet, so the kind can still be changed.")
            if free
            else self.tr("Days have been held here, so the kind stays as it is.")
        )

    def _run(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(self.banner, done, "ok")
        self.state.notify(Change.SETTINGS)

    def _fiscal_start_changed(self, month: int) -> None:
        if month != fiscal_year.start_month(self.state.ctx):
            self._run(
                lambda: fiscal_year.set_start_month(self.state.ctx, month),
                self.tr("Saved: fiscal years now start in month %1.").replace("%1", str(month)),
            )

    def save_project(self) -> None:
        self._run(
            lambda: settings.set_project_name(self.state.ctx, self.project.text()),
            self.tr("Saved."),
        )

    def save_organisation(self) -> None:
        self._run(
            lambda: settings.set_organisation(self.state.ctx, self.organisation.text()),
            self.tr("Saved."),
        )

    def _language_chosen(self, lang: str | None) -> None:
        if lang and lang != self.state.lang:
            settings.set_language(self.state.ctx, lang)
            self.change_language(lang)

    def _selected_venue(self) -> str | None:
        item = self.venue_list.currentItem()
        if item is None:
            set_banner(self.banner, self.tr("Select a venue in the list first."), "info")
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def add_venue(self) -> None:
        """The app's own dialog (name and kind), not a bare text box: online venues too."""
        if self.venue_dialog is not None:
            self.venue_dialog.deleteLater()  # the one before, long closed
        self.venue_dialog = VenueDialog(self.state, self)
        self.venue_dialog.accepted.connect(self._venue_added)
        self.venue_dialog.open()

    def _venue_added(self) -> None:
        set_banner(self.banner, self.tr("Venue added."), "ok")
        self.state.notify(Change.SETTINGS)

    def _kind_chosen(self, kind: str | None) -> None:
        item = self.venue_list.currentItem()
        if item is None or not kind or kind == item.data(VENUE_KIND):
            return
        venue_id = str(item.data(Qt.ItemDataRole.UserRole))
        label = choices.label("venue_kind", kind, self.state.lang)
        self._run(
            lambda: venues.change_venue_kind(self.state.ctx, venue_id, kind),
            self.tr("The venue is now: %1.").replace("%1", label),
        )
        self._show_kind()  # refused: back to the kind it has

    def rename_venue(self) -> None:
        venue_id = self._selected_venue()
        if venue_id is None:
            return
        name = app_dialog.ask_text(
            self,
            self.tr("Rename the venue"),
            self.tr("New name"),
            self.tr("Change"),
            self.tr("Back"),
            value=next(
                (v.name for v in venues.list_venues(self.state.ctx) if v.id == venue_id), ""
            ),
        )
        if name is not None:
            self._run(
                lambda: venues.rename_venue(self.state.ctx, venue_id, name),
                self.tr("Venue renamed."),
            )

    def use_venue(self) -> None:
        venue_id = self._selected_venue()
        if venue_id is not None:
            self._run(
                lambda: venues.set_current_venue(self.state.ctx, venue_id),
                self.tr("This laptop now checks in for the selected venue."),
            )

    def retire_venue(self) -> None:
        venue_id = self._selected_venue()
        if venue_id is None:
            return
        if app_dialog.confirm(
            self,
            self.tr("Retire the venue"),
            self.tr("Retire this venue? Its past records stay in every report."),
            self.tr("Retire it"),
            self.tr("Back"),
            danger=True,
        ):
            self._run(
                lambda: venues.retire_venue(self.state.ctx, venue_id), self.tr("Venue retired.")
            )
