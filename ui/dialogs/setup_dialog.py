"""First run: the organisation's name and the first venue, nothing more."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.door import venues
from kiosk.door.venues import MAX_VENUE_NAME
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner


class SetupDialog(QDialog):
    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.setWindowTitle(self.tr("Welcome to Tsunagari"))
        self.setMinimumWidth(560)
        layout = self.column = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Welcome to Tsunagari"), self)
        title.setProperty("role", "title")
        intro = QLabel(
            self.tr("Two things before the first check-in. You can change both later in Settings."),
            self,
        )
        intro.setProperty("role", "subtitle")
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(self.tr("e.g. NPO Tsunagari Net"))
        self.venue = QLineEdit(self)
        self.venue.setMaxLength(MAX_VENUE_NAME + 10)
        self.venue.setPlaceholderText(self.tr("e.g. Central Community Hall"))
        self.kind = ChoiceButtons.for_group("venue_kind", lang)
        self.kind.set_value("in_person")
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("First venue"), self.venue)
        form.addRow(self.tr("Kind"), self.kind)
        layout.addLayout(form)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setProperty("role", "primary")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.save)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        # A message about a field goes once the field is changed: it no longer applies.
        self.organisation.textChanged.connect(self._clear_message)
        self.venue.textChanged.connect(self._clear_message)
        self.kind.selection_changed.connect(self._clear_message)

    def _clear_message(self) -> None:
        if self.banner.isVisible():
            set_banner(self.banner, "", "ok")
            self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the content needs at this width. Not adjustSize(): it sizes the
        wrapping message and the kind buttons by their one-line hints, and cut them."""
        column = self.column
        column.activate()
        needed = column.totalHeightForWidth(self.width())
        if needed < 0:
            needed = column.totalSizeHint().height()
        self.resize(self.width(), max(needed, column.totalMinimumSize().height()))

    def save(self) -> None:
        try:
            venues.complete_setup(
                self.ctx, self.organisation.text(), self.venue.text(), self.kind.value() or ""
            )
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.lang), "error")
            self._fit_height()  # room for the message; the kind buttons keep their height
            return
        self.accept()
