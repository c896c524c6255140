"""The answer part of one question, for every question type.

Used large on the kiosk (touch targets of 64 px and more, big type) and
compact in the paper-entry form. Each answer widget holds only its own
value; the kiosk builds new ones for every respondent, so nothing chosen or
typed can carry over to the next person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.survey.questionnaire import Question
from kiosk.survey.responses import clean_text
from kiosk.survey.ruby import plain_text
from ui.survey_kiosk.ruby_text import RubyButton
from ui.widgets.flow_layout import FlowLayout

AnswerValue = str | list[str] | None


class ChoiceAnswer(QWidget):
    """Big toggle buttons: one answer (single, scale, yes/no) or several (multiple).

    Tapping the chosen answer again takes it back, so an optional question
    can be left unanswered after all; but while `holding` (the kiosk is about
    to move on after she chose it) a second tap of it, a double tap or a
    bouncing finger, keeps it chosen.
    """

    changed = Signal()
    picked = Signal()  # one answer (not several) was just chosen

    holding = False

    def __init__(self, question: Question, lang: str, large: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.multiple = question.type == "multiple"
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self.buttons: dict[str, QPushButton] = {}
        self.grid = QGridLayout() if large else None
        flow = None if large else FlowLayout(self, spacing=6)
        self.most_columns = self._columns(question)
        self.shown_columns = 0
        for option in question.options:
            # Large: furigana over the kanji; compact (the paper form): the text as read.
            label = option.label(lang)
            button = RubyButton(label, self) if large else QPushButton(plain_text(label), self)
            button.setCheckable(True)
            button.setProperty("role", "survey-option" if large else "choice")
            button.setProperty("code", option.code)
            button.setAutoDefault(False)
            self._group.addButton(button)
            self.buttons[option.code] = button
            if self.grid is not None:
                # As tall as the screen allows, between the style's minimum and maximum;
                # as wide as the column, which is chosen so the answer fits (_arrange).
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            elif flow is not None:
                button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                flow.addWidget(button)
        if self.grid is not None:
            self.grid.setContentsMargins(0, 0, 0, 0)
            self.grid.setSpacing(10)
            # No taller than its buttons' maximum: spare height stays below the answers.
            self.grid.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
            self.setLayout(self.grid)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._arrange(self.most_columns)
        else:  # compact: wraps like words, each button as wide as its answer
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            self.setSizePolicy(policy)
        self._group.buttonClicked.connect(self._clicked)

    @staticmethod
    def _columns(question: Question) -> int:
        """Large buttons: one column (two for many short answers), steps always in one."""
        if question.type == "yes_no":
            return 2
        if question.type == "scale" or len(question.options) <= 4:
            return 1
        return 2

    def _arrange(self, columns: int) -> None:
        """The large buttons in `columns` columns, in reading order."""
        grid = self.grid
        if grid is None or columns == self.shown_columns:
            return
        for button in self.buttons.values():
            grid.removeWidget(button)
        for i, button in enumerate(self.buttons.values()):
            grid.addWidget(button, i // columns, i % columns)
        for column in range(max(columns, self.shown_columns)):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        self.shown_columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns only where every answer fits in half the width: 「答えたくない」
        in large type on a portrait tablet takes a line of its own."""
        super().resizeEvent(event)
        if self.grid is None or self.most_columns == 1:
            return
        room = (event.size().width() - self.grid.horizontalSpacing()) / self.most_columns
        widest = max(b.sizeHint().width() for b in self.buttons.values())
        self._arrange(self.most_columns if widest <= room else 1)

    def _clicked(self, button: QPushButton) -> None:
        if self.multiple:
            self.changed.emit()
            return
        if not button.isChecked() and self.holding:
            button.setChecked(True)  # the same answer again, while the kiosk moves on
            return
        if button.isChecked():
            for other in self.buttons.values():
                if other is not button:
                    other.setChecked(False)
        self.changed.emit()
        if button.isChecked():
            self.picked.emit()

    def value(self) -> AnswerValue:
        chosen = [code for code, b in self.buttons.items() if b.isChecked()]
        if self.multiple:
            return chosen or None
        return chosen[0] if chosen else None

    def set_value(self, value: AnswerValue) -> None:
        chosen = set(value) if isinstance(value, list) else {value}
        for code, button in self.buttons.items():
            button.setChecked(code in chosen)

    def button(self, code: str) -> QPushButton:
        return self.buttons[code]


class TextAnswer(QWidget):
    """Short free text, with a counter that warns before the limit is passed."""

    changed = Signal()

    def __init__(
        self,
        question: Question,
        counter: Callable[[int, int], str],
        large: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.limit = question.max_length
        self._counter_text = counter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.edit = QPlainTextEdit(self)
        self.edit.setProperty("role", "survey-text" if large else "")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(150 if large else 80)
        if large:
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.counter)
        self.edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        count = len(clean_text(self.edit.toPlainText()))
        self.counter.setText(self._counter_text(count, self.limit))
        role = "survey-counter-over" if count > self.limit else "survey-counter"
        if self.counter.property("role") != role:
            self.counter.setProperty("role", role)
            self.counter.style().unpolish(self.counter)
            self.counter.style().polish(self.counter)
        self.changed.emit()

    def length(self) -> int:
        return len(clean_text(self.edit.toPlainText()))

    def value(self) -> AnswerValue:
        return clean_text(self.edit.toPlainText()) or None

    def set_value(self, value: AnswerValue) -> None:
        self.edit.setPlainText(value if isinstance(value, str) else "")


Answer = ChoiceAnswer | TextAnswer


def answer_widget(
    question: Question,
    lang: str,
    counter: Callable[[int, int], str],
    large: bool,
    parent: QWidget | None = None,
) -> Answer:
    if question.type == "text":
        return TextAnswer(question, counter, large, parent)
    return ChoiceAnswer(question, lang, large, parent)
