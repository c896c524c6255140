"""The questionnaire card in Settings: which questionnaire, edit a copy, PIN, idle time,
and how large the kiosk writes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kiosk.care import pin
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.survey import catalogue, responses, text_size
from kiosk.survey.questionnaire import to_data
from ui.dialogs.pin_dialogs import SetPinDialog
from ui.door_state import Change, DoorState
from ui.settings.privacy_card import coordinator_agrees
from ui.settings.questionnaire_editor import QuestionnaireEditor
from ui.widgets.card_frame import card_layout
from ui.widgets.error_display import message_for, new_banner, set_banner


class SurveySettingsCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.editor: QuestionnaireEditor | None = None
        layout = card_layout(self, self.tr("Questionnaire"), spacing=8)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        self.problems = QLabel(self)
        self.problems.setProperty("role", "banner-error")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        self.choice = QComboBox(self)
        # A long questionnaire title must not widen the card past half the screen.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(12)
        use = QPushButton(self.tr("Use"), self)
        use.setAutoDefault(False)
        use.clicked.connect(self.use_selected)
        self.edit_button = QPushButton(self.tr("Edit a copy…"), self)
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_copy)
        self.choice.setToolTip(self.tr("The questionnaire the kiosk asks"))
        # The questionnaire's title on a line of its own, the whole card wide: beside
        # its buttons 「第1版（標準）：本日のご感想をお聞かせください」 was cut off.
        layout.addWidget(self.choice)
        choice_buttons = QHBoxLayout()
        choice_buttons.addStretch(1)
        choice_buttons.addWidget(use)
        choice_buttons.addWidget(self.edit_button)
        layout.addLayout(choice_buttons)

        self.pin_status = QLabel(self)
        pin_button = QPushButton(self.tr("Set the PIN…"), self)
        pin_button.setAutoDefault(False)
        pin_button.clicked.connect(self.set_pin)
        grid.addWidget(QLabel(self.tr("Coordinator PIN"), self), 1, 0)
        grid.addWidget(self.pin_status, 1, 1)
        grid.addWidget(pin_button, 1, 2)

        self.idle = QSpinBox(self)
        self.idle.setRange(*responses.IDLE_RANGE)
        self.idle.setSingleStep(15)
        self.idle.setSuffix(self.tr(" s"))
        save_idle = QPushButton(self.tr("Save"), self)
        save_idle.setAutoDefault(False)
        save_idle.clicked.connect(self.save_idle)
        grid.addWidget(QLabel(self.tr("Start over after"), self), 2, 0)
        grid.addWidget(self.idle, 2, 1)
        grid.addWidget(save_idle, 2, 2)
        self._text_size_row(grid, 3)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        hint = QLabel(
            self.tr(
                "Without a touch for this long, the kiosk counts down and starts over. "
                "Editing makes a new version; answers already given keep theirs."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.refresh()

    # -- the kiosk's text size ---------------------------------------------------------

    def _text_size_row(self, grid: QGridLayout, row: int) -> None:
        """標準 / 大 / 特大: older participants read the tablet at arm's length."""
        names = {
            "standard": self.tr("Standard"),
            "large": self.tr("Large"),
            "extra_large": self.tr("Extra large"),
        }
        self.size_choice = QComboBox(self)
        for size in text_size.SIZES:
            self.size_choice.addItem(names[size], size)
        self.size_choice.setToolTip(self.tr("How large the kiosk writes its questions and answers"))
        self.save_text_size_button = QPushButton(self.tr("Save"), self)
        self.save_text_size_button.setAutoDefault(False)
        self.save_text_size_button.clicked.connect(self.save_text_size)
        grid.addWidget(QLabel(self.tr("Kiosk text size"), self), row, 0)
        grid.addWidget(self.size_choice, row, 1)
        grid.addWidget(self.save_text_size_button, row, 2)

    def save_text_size(self) -> None:
        try:
            text_size.set_text_size(self.state.ctx, self.size_choice.currentData())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._done(self.tr("Saved. The kiosk writes at this size from its next start."))

    def refresh(self) -> None:
        ctx, lang = self.state.ctx, self.state.lang
        found = catalogue.catalogue(ctx)
        self.choice.clear()
        origins = {
            "builtin": self.tr("built in"),
            "folder": self.tr("file"),
            "stored": self.tr("edited"),
        }
        for entry in found.entries:
            q = entry.questionnaire
            text = (
                self.tr("Version %1 (%2): %3")
                .replace("%1", str(q.version))
                .replace("%2", origins.get(entry.origin, entry.origin))
                .replace("%3", q.title(lang))
            )
            self.choice.addItem(text, entry.ref)
            if entry.active:
                self.choice.setCurrentIndex(self.choice.count() - 1)
        text = "\n".join(describe(p, lang) for p in found.problems)
        self.problems.setText(text)
        self.problems.setVisible(bool(text))
        self.pin_status.setText(self.tr("set") if pin.is_set(ctx) else self.tr("not set yet"))
        self.idle.setValue(responses.idle_seconds(ctx))
        self.size_choice.setCurrentIndex(self.size_choice.findData(text_size.text_size(ctx)))

    def _done(self, text: str) -> None:
        set_banner(self.banner, text, "ok")
        self.refresh()
        self.state.notify(Change.SURVEY | Change.SETTINGS)

    def use_selected(self) -> None:
        ref = self.choice.currentData()
        if not ref:
            return
        try:
            questionnaire = catalogue.activate(self.state.ctx, ref)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._done(
            self.tr("The kiosk now asks: %1 (version %2).")
            .replace("%1", questionnaire.title(self.state.lang))
            .replace("%2", str(questionnaire.version))
        )

    def edit_copy(self) -> None:
        ref = self.choice.currentData()
        try:
            questionnaire = catalogue.get(self.state.ctx, ref) if ref else None
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        if questionnaire is None:
            return
        self.editor = QuestionnaireEditor(
            self.state.ctx, to_data(questionnaire), self.state.lang, self
        )
        self.editor.saved.connect(
            lambda q: self._done(
                self.tr("Saved as version %1 and in use.").replace("%1", str(q.version))
            )
        )
        self.editor.open()

    def set_pin(self) -> None:
        # Changing a PIN that is set takes the current one: whoever is at the
        # laptop must not lock the coordinator out of her own settings.
        if not coordinator_agrees(self.state, self, self.banner):
            return
        dialog = SetPinDialog(self.state.ctx, self.state.lang, self)
        dialog.accepted.connect(lambda: self._done(self.tr("The coordinator PIN is saved.")))
        dialog.open()

    def save_idle(self) -> None:
        try:
            responses.set_idle_seconds(self.state.ctx, self.idle.value())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._done(self.tr("Saved."))
