"""Japanese line breaking for the kiosk's questions: 禁則 and lines that end at a phrase.

A word-wrapped QLabel breaks Japanese between almost any two characters: a
question one character too long for its column ends in a lone 「す。」, and
words are cut, 「参加しま／すか？」. In large type both read like mistakes. So
the kiosk breaks its questions itself and shows the lines, each under the
last: no line starts with 」、。）？ or a small kana and none ends with 「（
(禁則処理); among the layouts with the fewest lines, the one whose breaks fall
after a comma, a closing mark or where kana meets kanji wins, and a last line
of two or three characters never does.

Widths are measured per character with QFontMetricsF, in plain Python: it is
cheap enough to try many widths on every resize.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

NO_LINE_START = (
    "」』）〕］｝〉》、。，．・：；！？!?),.:;ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々"
)
NO_LINE_END = "「『（〔［｛〈《("
GOOD_END = "、。，．！？!?」』）"
# Words a line may well start with although kana goes before them: 「感じる／こと」.
WORD_STARTS = ("こと", "ところ", "もの", "ため", "とき", "よう", "ください")
PARTICLES = "はを"  # 「本日のカフェは／いかがでしたか？」 (not が: いかが)
PREFIXES = "ごお"  # 「ご／感想」: the polite prefix stays with its word
SAFETY_PX = 3.0  # Qt's shaping may differ from the sum of advances by a pixel or two


def _script(char: str) -> str:
    code = ord(char)
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if 0x30A0 <= code <= 0x30FF:
        return "katakana"
    if 0x4E00 <= code <= 0x9FFF or char == "々":
        return "kanji"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


def may_break(before: str, after: str) -> bool:
    """May a line end between these two characters (a space ends the line before it)?"""
    if after == " ":
        return False
    if before == " ":
        return True
    if before in NO_LINE_END or after in NO_LINE_START:
        return False
    # Latin words (LINE, SNS, English) break only at spaces and after a hyphen.
    if _script(before) in ("latin", "other") and _script(after) in ("latin", "other"):
        return before == "-" and _script(after) == "latin"
    return True


def break_score(before: str, following: str) -> int:
    """How well a line ends after `before`, the next line being `following`:
    after a comma or closing mark best, before a word well, inside a word badly."""
    if before in GOOD_END or before == " ":
        return 3
    if following.startswith(WORD_STARTS) or before in PARTICLES:
        return 1
    after = following[:1]
    first, second = _script(before), _script(after)
    if before in PREFIXES and second == "kanji":
        return -2
    if first == "hiragana" and second in ("kanji", "katakana", "latin"):
        return 1
    if first == second and first in ("kanji", "katakana", "hiragana"):
        return -2  # 「参加しま／すか」, 「キャン／セル」
    if first in ("kanji", "katakana") and second == "hiragana":
        return -1  # 「待／ち」, 「年代／を」: okurigana and particles stay with their word
    return 0


def _wrap(
    text: str, advances: list[float], width: float, keep: frozenset[int] = frozenset()
) -> list[str]:
    """Greedy lines of `text` no wider than `width`, breaking only where allowed
    (never before an index in `keep`: inside a word with furigana)."""
    lines: list[str] = []
    start, used, last_break = 0, 0.0, -1
    i = 0
    while i < len(text):
        if i > start and i not in keep and may_break(text[i - 1], text[i]):
            last_break = i
        used += advances[i]
        if used > width and i > start:
            cut = last_break if last_break > start else i  # no break allowed: cut anyway
            lines.append(text[start:cut].rstrip())
            start = cut
            while start < len(text) and text[start] == " ":
                start += 1
            used, last_break, i = 0.0, -1, start
            continue
        i += 1
    lines.append(text[start:].rstrip())
    return [line for line in lines if line]


def phrase_lines(
    paragraph: str, advances: list[float], width: float, keep: frozenset[int] = frozenset()
) -> list[str]:
    """The fewest lines that fit, then the best breaks, then the most even lines.

    `keep`: indexes no line may start at (a base with furigana stays whole).

    Dynamic programming over the allowed break points: best[j] is the best
    layout of paragraph[j:], as (lines, -score, unevenness, breaks).
    """
    n = len(paragraph)
    if sum(advances) <= width:
        return [paragraph.rstrip()]
    starts = [i for i in range(1, n) if i not in keep and may_break(paragraph[i - 1], paragraph[i])]
    ends = [*starts, n]
    best: dict[int, tuple[int, int, float, list[int]]] = {n: (0, 0, 0.0, [])}
    for j in reversed([0, *starts]):
        choice: tuple[int, int, float, list[int]] | None = None
        for k in ends:
            if k <= j:
                continue
            used = sum(advances[j:k])
            if used > width:
                break
            rest = best.get(k)
            if rest is None:
                continue
            text = paragraph[j:k].rstrip()
            slack = ((width - used) / width) ** 2 if k < n else 0.0
            score = 0
            if k < n:
                score = break_score(text[-1], paragraph[k:].lstrip())
                if len(text) <= 3 and n > 8:
                    score -= 2  # 「今日、」 alone above the rest of its question
            elif j > 0 and len(text) <= 3 and n > 8:
                score = -10  # a lone 「す。」
            candidate = (rest[0] + 1, rest[1] - score, rest[2] + slack, [k, *rest[3]])
            if choice is None or candidate[:3] < choice[:3]:
                choice = candidate
        if choice is not None:
            best[j] = choice
    if 0 not in best:
        return _wrap(paragraph, advances, width, keep)  # a word longer than the line: cut it
    lines, previous = [], 0
    for k in best[0][3]:
        lines.append(paragraph[previous:k].strip())
        previous = k
    return [line for line in lines if line]


@lru_cache(maxsize=512)
def _lines(text: str, font_key: str, width: int) -> tuple[str, ...]:
    font = QFont()
    font.fromString(font_key)
    metrics = QFontMetricsF(font)
    out: list[str] = []
    for paragraph in text.split("\n"):
        advances = [metrics.horizontalAdvance(char) for char in paragraph]
        out += phrase_lines(paragraph, advances, width - SAFETY_PX) if paragraph else [""]
    return tuple(out)


def broken_lines(text: str, font: QFont, width: int) -> list[str]:
    """The lines the kiosk shows `text` in, at `width` px in `font`."""
    return list(_lines(text, font.toString(), width))


class BalancedLabel(QLabel):
    """A label whose lines are broken by the rules above for the width it is given."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.source = text
        self.setWordWrap(True)

    def set_source(self, text: str) -> None:
        """New words for the label (QLabel.setText would be undone by the next resize)."""
        self.source = text
        self.setText(text)
        self._break()

    def minimumSizeHint(self) -> QSize:
        """One line; the layout asks heightForWidth for the lines at the real width.

        A word-wrapped QLabel asks for the height of its text at the narrowest
        width, which in Japanese is a character a line: in large type the
        thank-you page alone would ask for 1,500 px and grow the kiosk past the
        screen.
        """
        line = self.fontMetrics().lineSpacing()
        return QSize(line * 4, line)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._break()

    def _break(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        if width > 0 and self.source:
            shown = "\n".join(broken_lines(self.source, self.font(), width))
            if shown != self.text():
                self.setText(shown)
