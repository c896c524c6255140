"""The pages of the questionnaire kiosk: her language, the intro, one question,
thank you, the countdown.

Views only: they show a questionnaire in the respondent's language and
forward taps; ui/survey_kiosk/kiosk_window.py decides what happens. Every word on them
comes from the questionnaire and its phrases (survey.phrase.* in resources/locales/<lang>.json
and resources/survey_phrases.json), not from the app's translation, because the
respondent picks her own language on the first page, whatever language the
staff use. Texts may carry furigana (ui/survey_kiosk/ruby_text.py), and a page
in a script the bundled font lacks asks for a font made for it (kiosk_fonts.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.survey.questionnaire import Question, Questionnaire
from kiosk.survey.respondent_words import HOW_TO_ANSWER
from kiosk.survey.ruby import plain_text
from ui.survey_kiosk.kiosk_fonts import respondent_font
from ui.survey_kiosk.ruby_text import RubyButton, RubyLabel
from ui.survey_kiosk.survey_answers import Answer, ChoiceAnswer, answer_widget

CONTENT_WIDTH = 860  # the reading column; wider screens get margins
WIDE_WIDTH = 1240  # a question beside its answers
WIDE_RATIO = 1.15  # landscape enough for the question beside its answers
SINGLE = ("single", "yes_no", "scale")


def _label(text: str, role: str, parent: QWidget, centred: bool = False) -> RubyLabel:
    label = RubyLabel(text, parent)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _balanced(text: str, role: str, parent: QWidget) -> RubyLabel:
    """A label for the question's words: lines broken where phrases end (line_breaks.py)."""
    label = RubyLabel(text, parent)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
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


def _button(text: str, role: str, parent: QWidget) -> RubyButton:
    button = RubyButton(text, parent)
    button.setProperty("role", role)
    button.setAutoDefault(False)
    return button


def in_language(page: QWidget, lang: str) -> None:
    """The page's font: one made for the language's script first (kiosk_fonts.py)."""
    page.setFont(respondent_font(lang, page.font()))


class StartPage(QWidget):
    """Her language: one large button per language of the questionnaire, each named in itself."""

    language_chosen = Signal(str)

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyPage")
        layout = _column(self)
        layout.addStretch(2)
        first = questionnaire.default_language
        layout.addWidget(_label(questionnaire.title(first), "survey-title", self, True))
        layout.addSpacing(18)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        languages = list(questionnaire.languages.items())
        columns = len(languages) if len(languages) <= 3 else 2
        for i, (lang, own_name) in enumerate(languages):
            button = QPushButton(own_name, self)
            button.setProperty("role", "survey-language")
            button.setProperty("lang", lang)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no language looks chosen for her
            button.setFont(respondent_font(lang, button.font()))
            button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
            self.buttons[lang] = button
            grid.addWidget(button, i // columns, i % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        layout.addStretch(3)


class IntroPage(QWidget):
    """What the questionnaire is, in her language: anonymous, a minute or two; then start."""

    start_requested = Signal()
    back_requested = Signal()

    def __init__(
        self, questionnaire: Questionnaire, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyPage")
        in_language(self, lang)
        layout = _column(self)
        layout.addStretch(2)
        layout.addWidget(_label(questionnaire.title(lang), "survey-title", self, True))
        if questionnaire.intro(lang):
            layout.addWidget(_label(questionnaire.intro(lang), "survey-intro", self, True))
        layout.addSpacing(24)
        row = QHBoxLayout()
        row.setSpacing(18)
        self.back_button = _button(questionnaire.phrase(lang, "back"), "survey-back", self)
        self.back_button.clicked.connect(self.back_requested)
        self.start_button = _button(questionnaire.phrase(lang, "start"), "survey-start", self)
        self.start_button.clicked.connect(self.start_requested)
        row.addWidget(self.back_button, 1)
        row.addWidget(self.start_button, 2)
        layout.addLayout(row)
        layout.addStretch(3)


class QuestionPage(QWidget):
    """One question: progress, the question, its answers, back and next.

    Every answer fits on the screen, never below the fold where she would have
    to scroll to find 「決してない」: on a landscape screen the question stands
    beside its answers, on a portrait one above them, and the answer buttons
    share whatever height is left (ui/survey_kiosk/kiosk_fonts.py gives each
    a minimum of one line of its text).
    """

    back_requested = Signal()
    next_requested = Signal()
    picked = Signal()  # a single answer was just chosen: the kiosk moves on by itself

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
        in_language(self, lang)
        self.question = question
        self.last = number == len(questionnaire.questions)
        total = len(questionnaire.questions)
        phrase = questionnaire.phrase
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 12)
        self.column = QWidget(self)
        outer.addWidget(self.column)
        layout = QVBoxLayout(self.column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        progress_row = QHBoxLayout()
        # One line, never wrapped: the bar beside it takes what is left.
        progress = plain_text(phrase(lang, "progress", number=number, total=total))
        self.progress_label = QLabel(progress, self)
        self.progress_label.setProperty("role", "survey-progress")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, total)
        self.progress.setValue(number)
        self.progress.setTextVisible(False)
        self.progress.setProperty("role", "survey-progress")
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        layout.addLayout(progress_row)

        # The question's words, beside (landscape) or above (portrait) the answers.
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(24)
        words = QVBoxLayout()
        words.setSpacing(8)
        self.question_label = _balanced(question.text(lang), "survey-question", self)
        words.addWidget(self.question_label)
        if question.hint(lang):
            words.addWidget(_balanced(question.hint(lang), "survey-hint", self))
        instruction = phrase(lang, HOW_TO_ANSWER[question.type])
        if not question.required:
            instruction += "\n" + phrase(lang, "optional")
        words.addWidget(_balanced(instruction, "survey-instruction", self))
        # Always there, so the answers never move under a finger when it shows.
        self.error = _label("", "survey-error", self)
        self.error.setMinimumHeight(self.error.fontMetrics().height())
        words.addWidget(self.error)
        words.addStretch(1)
        self.body.addLayout(words, 4)

        self.answer: Answer = answer_widget(
            question,
            lang,
            lambda count, limit: phrase(lang, "counter", count=count, limit=limit),
            large=True,
        )
        answers = QVBoxLayout()
        answers.setContentsMargins(0, 0, 0, 0)
        answers.addWidget(self.answer, 100)  # as tall as its buttons allow …
        answers.addStretch(1)  # … and any height beyond that below them
        self.body.addLayout(answers, 5)
        layout.addLayout(self.body, 1)

        nav = QHBoxLayout()
        nav.setSpacing(18)
        self.back_button = _button(phrase(lang, "back"), "survey-back", self)
        self.back_button.clicked.connect(self.back_requested)
        self.next_button = _button(
            phrase(lang, "send" if self.last else "next"), "survey-next", self
        )
        self.next_button.clicked.connect(self.next_requested)
        # Hidden 次へ keeps its place, so 戻る never moves between questions.
        policy = self.next_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.next_button.setSizePolicy(policy)
        nav.addWidget(self.back_button, 1)
        nav.addWidget(self.next_button, 2)
        layout.addLayout(nav)
        self.answer.changed.connect(lambda: self.show_error(""))
        if isinstance(self.answer, ChoiceAnswer):
            self.answer.picked.connect(self.picked)

    @property
    def moves_on_by_itself(self) -> bool:
        """One answer to choose, and a question after it: the tap is enough."""
        return self.question.type in SINGLE and not self.last

    def refresh_next(self) -> None:
        """次へ where a tap on an answer does not move on: several answers, text, the
        last question (送信する), an optional question to skip, or an answer she
        already gave and came back to."""
        needed = (
            not self.moves_on_by_itself or not self.question.required or self.value() is not None
        )
        self.next_button.setVisible(needed)

    def show_error(self, text: str) -> None:
        self.error.set_source(text)

    def value(self) -> str | list[str] | None:
        return self.answer.value()

    def arrange_for(self, size: QSize) -> None:
        """The question beside its answers on a landscape screen, above them on a portrait one."""
        wide = size.width() >= size.height() * WIDE_RATIO
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.body.direction() != direction:
            self.body.setDirection(direction)
        self.body.setStretch(0, 4 if wide else 0)  # the words: a column, or their own height
        self.column.setMaximumWidth(WIDE_WIDTH if wide else CONTENT_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange_for(event.size())
        super().resizeEvent(event)


class ThanksPage(QWidget):
    done = Signal()

    def __init__(
        self, questionnaire: Questionnaire, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyPage")
        in_language(self, lang)
        layout = _column(self)
        layout.addStretch(2)
        layout.addWidget(_label(questionnaire.phrase(lang, "thanks"), "survey-thanks", self, True))
        layout.addWidget(
            _label(questionnaire.phrase(lang, "thanks_detail"), "survey-intro", self, True)
        )
        layout.addSpacing(24)
        self.done_button = _button(questionnaire.phrase(lang, "done"), "survey-back", self)
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
        self.continue_button = _button("", "survey-next", card)
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
        parent = self.parentWidget()
        self.setFont(respondent_font(lang, parent.font() if parent else self.font()))
        self.title.set_source(questionnaire.phrase(lang, "idle"))
        self.seconds.set_source(str(seconds))
        self.detail.set_source(questionnaire.phrase(lang, "idle_detail", seconds=seconds))
        self.continue_button.set_source(questionnaire.phrase(lang, "idle_continue"))
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(59, 52, 47, 150))
        painter.end()
        super().paintEvent(event)
