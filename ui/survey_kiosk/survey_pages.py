"""The pages of the questionnaire kiosk: start, one question, thank you, the countdown.

Views only: they show a questionnaire in the respondent's language and
forward taps; ui/survey_kiosk/kiosk_window.py decides what happens. Every word on them
comes from the questionnaire and its phrases (survey.phrase.* in resources/locales/<lang>.json),
not from the app's translation, because the respondent picks her own
language on the first page, whatever language the staff use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.survey.questionnaire import Question, Questionnaire
from ui.survey_kiosk.survey_answers import Answer, answer_widget

CONTENT_WIDTH = 860  # the reading column; wider screens get margins


def _label(text: str, role: str, parent: QWidget, centred: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _column(page: QWidget) -> QVBoxLayout:
    """A centred column of at most CONTENT_WIDTH, inside `page`."""
    outer = QHBoxLayout(page)
    outer.setContentsMargins(28, 28, 28, 20)
    inner = QWidget(page)
    inner.setMaximumWidth(CONTENT_WIDTH)
    outer.addWidget(inner)
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(14)
    return layout


class StartPage(QWidget):
    """The title and purpose in every language, and one big button per language."""

    language_chosen = Signal(str)

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyPage")
        layout = _column(self)
        layout.addStretch(2)
        first = questionnaire.default_language
        layout.addWidget(_label(questionnaire.title(first), "survey-title", self, True))
        if questionnaire.intro(first):
            layout.addWidget(_label(questionnaire.intro(first), "survey-intro", self, True))
        for lang in questionnaire.languages:
            if lang != first:
                text = questionnaire.title(lang)
                if questionnaire.intro(lang):
                    text += "\n" + questionnaire.intro(lang)
                layout.addWidget(_label(text, "survey-intro-other", self, True))
        layout.addSpacing(24)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(18)
        for lang in questionnaire.languages:
            button = QPushButton(questionnaire.phrase(lang, "start"), self)
            button.setProperty("role", "survey-start")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
            self.buttons[lang] = button
            row.addWidget(button, 1)
        layout.addLayout(row)
        layout.addStretch(3)


class QuestionPage(QWidget):
    """One question: progress, the question, its answers, back and next."""

    back_requested = Signal()
    next_requested = Signal()

    def __init__(
        self,
        questionnaire: Questionnaire,
        question: Question,
        number: int,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyPage")
        self.question = question
        total = len(questionnaire.questions)
        phrase = questionnaire.phrase
        layout = _column(self)

        progress_row = QHBoxLayout()
        self.progress_label = _label(
            phrase(lang, "progress", number=number, total=total), "survey-progress", self
        )
        self.progress = QProgressBar(self)
        self.progress.setRange(0, total)
        self.progress.setValue(number)
        self.progress.setTextVisible(False)
        self.progress.setProperty("role", "survey-progress")
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        layout.addLayout(progress_row)

        layout.addWidget(_label(question.text(lang), "survey-question", self))
        if question.hint(lang):
            layout.addWidget(_label(question.hint(lang), "survey-hint", self))
        how = {
            "single": "choose_one",
            "yes_no": "choose_one",
            "scale": "choose_step",
            "multiple": "choose_any",
            "text": "write",
        }[question.type]
        instruction = phrase(lang, how)
        if not question.required:
            instruction += "　" + phrase(lang, "optional")
        layout.addWidget(_label(instruction, "survey-instruction", self))

        self.answer: Answer = answer_widget(
            question,
            lang,
            lambda count, limit: phrase(lang, "counter", count=count, limit=limit),
            large=True,
        )
        scroll = QScrollArea(self)
        scroll.setObjectName("SurveyAnswers")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(scroll)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 4, 0, 4)
        holder_layout.addWidget(self.answer)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)

        # Always there, so the buttons below never move under a finger.
        self.error = _label("", "survey-error", self, True)
        self.error.setMinimumHeight(40)
        layout.addWidget(self.error)

        nav = QHBoxLayout()
        nav.setSpacing(18)
        self.back_button = QPushButton(phrase(lang, "back"), self)
        self.back_button.setProperty("role", "survey-back")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_requested)
        last = number == total
        self.next_button = QPushButton(phrase(lang, "send" if last else "next"), self)
        self.next_button.setProperty("role", "survey-next")
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.next_requested)
        nav.addWidget(self.back_button, 1)
        nav.addWidget(self.next_button, 2)
        layout.addLayout(nav)
        self.answer.changed.connect(lambda: self.show_error(""))

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def value(self) -> str | list[str] | None:
        return self.answer.value()


class ThanksPage(QWidget):
    done = Signal()

    def __init__(
        self, questionnaire: Questionnaire, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyPage")
        layout = _column(self)
        layout.addStretch(2)
        layout.addWidget(_label(questionnaire.phrase(lang, "thanks"), "survey-thanks", self, True))
        layout.addWidget(
            _label(questionnaire.phrase(lang, "thanks_detail"), "survey-intro", self, True)
        )
        layout.addSpacing(24)
        self.done_button = QPushButton(questionnaire.phrase(lang, "done"), self)
        self.done_button.setProperty("role", "survey-back")
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self.done)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_button, 1)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)


class IdleOverlay(QWidget):
    """Dims the whole kiosk and asks whether she is still there, with the seconds left."""

    continue_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("IdleOverlay")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setObjectName("IdleCard")
        card.setMaximumWidth(640)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(16)
        self.title = _label("", "survey-question", card, True)
        self.seconds = _label("", "survey-countdown", card, True)
        self.detail = _label("", "survey-intro", card, True)
        self.continue_button = QPushButton(card)
        self.continue_button.setProperty("role", "survey-next")
        self.continue_button.setAutoDefault(False)
        self.continue_button.clicked.connect(self.continue_requested)
        layout.addWidget(self.title)
        layout.addWidget(self.seconds)
        layout.addWidget(self.detail)
        layout.addWidget(self.continue_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def show_countdown(self, questionnaire: Questionnaire, lang: str, seconds: int) -> None:
        self.title.setText(questionnaire.phrase(lang, "idle"))
        self.seconds.setText(str(seconds))
        self.detail.setText(questionnaire.phrase(lang, "idle_detail", seconds=seconds))
        self.continue_button.setText(questionnaire.phrase(lang, "idle_continue"))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(59, 52, 47, 150))
        painter.end()
        super().paintEvent(event)
