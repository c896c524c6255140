"""Enter paper questionnaires, one after another, in an ordinary form.

For days when the tablet was not used. The coordinator picks the event the
forms come from and copies each form as it is written: a question left
blank on paper stays blank (even one the tablet requires). Each form is
saved on its own, marked as entered from paper, and the form clears for the
next one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.request_ids import new_request_id
from kiosk.survey import responses
from kiosk.survey.questionnaire import Questionnaire
from ui.survey_kiosk.survey_answers import Answer, answer_widget
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner


class PaperSurveyDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        questionnaire: Questionnaire,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.questionnaire = questionnaire
        self.lang = lang
        self.saved = 0
        self.request_id = new_request_id()
        self.answers: dict[str, Answer] = {}
        self.setWindowTitle(self.tr("Paper questionnaires"))
        self.resize(900, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)

        intro = QLabel(
            self.tr(
                "Copy each paper form as it is written, then save it; the form clears "
                "for the next one. Leave a question empty if she left it empty."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)

        top = QFormLayout()
        self.event_box = QComboBox(self)
        for event in responses.recent_events(ctx):
            kind = choices.label("event_kind", event.kind, lang)
            day = event.date.strftime("%Y-%m-%d")
            title = f" {event.title}" if event.title else ""
            self.event_box.addItem(f"{day}  {event.venue_name}  {kind}{title}", event.id)
        top.addRow(self.tr("Event"), self.event_box)
        self.language = ChoiceButtons(list(questionnaire.languages.items()))
        self.language.set_value(questionnaire.default_language)
        top.addRow(self.tr("Form language"), self.language)
        version = QLabel(
            self.tr("%1 (version %2)")
            .replace("%1", questionnaire.title(lang))
            .replace("%2", str(questionnaire.version)),
            self,
        )
        top.addRow(self.tr("Questionnaire"), version)
        layout.addLayout(top)

        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        self.answers_area = QScrollArea(self)
        self.answers_area.setWidgetResizable(True)
        self.answers_area.setFrameShape(QFrame.Shape.NoFrame)
        self.answers_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.answers_area, 1)
        self._build_form()

        buttons = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "hint")
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        self.save_button = QPushButton(self.tr("Save this form"), self)
        self.save_button.setProperty("role", "primary")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._update_count()
        if self.event_box.count() == 0:
            self.save_button.setEnabled(False)
            set_banner(self.banner, self.tr("There is no event in the last three months."), "info")

    def _build_form(self) -> None:
        """A fresh, empty form (new widgets: nothing of the last paper remains)."""
        holder = QWidget(self.answers_area)
        form = QVBoxLayout(holder)
        form.setContentsMargins(0, 0, 8, 0)
        form.setSpacing(6)
        self.answers = {}
        for number, question in enumerate(self.questionnaire.questions, start=1):
            text = f"{number}. {question.text(self.lang)}"
            if question.type == "multiple":
                text += self.tr(" (all that apply)")
            label = QLabel(text, holder)
            label.setProperty("role", "section")
            label.setWordWrap(True)
            answer = answer_widget(
                question,
                self.lang,
                lambda count, limit: (
                    self.tr("%1 / %2 characters")
                    .replace("%1", str(count))
                    .replace("%2", str(limit))
                ),
                large=False,
            )
            self.answers[question.id] = answer
            form.addWidget(label)
            form.addWidget(answer)
            form.addSpacing(6)
        form.addStretch(1)
        old = self.answers_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.answers_area.setWidget(holder)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Forms saved in this session: %1").replace("%1", str(self.saved))
        )

    def values(self) -> dict[str, str | list[str]]:
        return {qid: v for qid, a in self.answers.items() if (v := a.value()) is not None}

    def save(self) -> None:
        event_id = self.event_box.currentData()
        try:
            responses.submit_response(
                self.ctx,
                event_id,
                self.questionnaire,
                self.values(),
                self.language.value() or self.questionnaire.default_language,
                source="paper",
                request_id=self.request_id,
            )
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.lang), "error")
            return
        self.saved += 1
        self.request_id = new_request_id()
        self._build_form()
        self._update_count()
        set_banner(
            self.banner,
            self.tr("Paper form %1 saved. The form is empty for the next one.").replace(
                "%1", str(self.saved)
            ),
            "ok",
        )
