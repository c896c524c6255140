"""Japanese line breaking for the kiosk's questions: 禁則 and balanced lines.

Qt breaks lines by Unicode's rules, which already keep 」、。）？ off the start
of a line and 「（ off its end. What it does not do is balance: a question one
character too long for the column ends in a lone 「す。」 on a line of its own,
which reads like a mistake in large type. So the text is laid out at the
narrowest width that still takes the same number of lines, and the label
shows those lines, each under the last, at its full width.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

NO_LINE_START = "」』）〕］｝、。，．！？!?）・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ"
NO_LINE_END = "「『（〔［｛"


def lines_at(text: str, font: QFont, width: float) -> list[str]:
    """The lines Qt makes of `text` in `font` at `width` px, as QLabel wraps it."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
        layout.endLayout()
    return [line for line in lines if line] or [""]


def _kinsoku(lines: list[str]) -> list[str]:
    """Move a closing mark back to the line it closes, an opening one on to the next."""
    out = list(lines)
    for i in range(1, len(out)):
        while out[i] and out[i][0] in NO_LINE_START:
            out[i - 1] += out[i][0]
            out[i] = out[i][1:]
        while out[i - 1] and out[i - 1][-1] in NO_LINE_END:
            out[i] = out[i - 1][-1] + out[i]
            out[i - 1] = out[i - 1][:-1]
    return [line for line in out if line]


def balanced_lines(text: str, font: QFont, width: float) -> list[str]:
    """As few lines as at `width`, each about as long as the others."""
    lines = lines_at(text, font, width)
    if len(lines) <= 1 or width <= 0:
        return lines
    low, high = width / len(lines) * 0.8, float(width)
    while high - low > 2:
        middle = (low + high) / 2
        if len(lines_at(text, font, middle)) == len(lines):
            high = middle
        else:
            low = middle
    return _kinsoku(lines_at(text, font, high))


class BalancedLabel(QLabel):
    """A word-wrapped label whose lines are balanced for the width it is given."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.source = text
        self.setWordWrap(True)

    def set_source(self, text: str) -> None:
        self.source = text
        self.setText(text)
        self._balance()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._balance()

    def _balance(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin() - 2
        if width <= 0 or not self.source:
            return
        shown = "\n".join(balanced_lines(self.source, self.font(), width))
        if shown != self.text():
            self.setText(shown)
