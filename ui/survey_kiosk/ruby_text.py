"""Furigana on the kiosk: readings drawn small over their kanji, by hand.

Qt's rich text has no <ruby>, and やさしい日本語 without its readings is
harder, not easier. So texts with furigana (kiosk/survey/ruby.py:
漢字《かんじ》) are laid out here: the line breaking of line_breaks.py, with a
base never split from its reading (a reading wider than its base widens the
base's room), then each line drawn as a band of readings over a line of
text. A label or button whose text has no furigana is an ordinary Qt widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton, QStylePainter, QWidget

from kiosk.core.errors import KioskError
from kiosk.survey import ruby
from ui.survey_kiosk.line_breaks import SAFETY_PX, BalancedLabel, phrase_lines

READING_SCALE = 0.5  # a reading is half the size of its base, as in print
BUTTON_CHROME = 12  # a button's border and air around its words, top and bottom together
# A chosen answer's words (resources/style.qss, QPushButton[role="survey-option"]:checked).
CHECKED_TEXT = QColor("#ffffff")


@dataclass(frozen=True)
class RubyRun:
    """A run of one line: its text, the reading over it ("" for none), its width in px."""

    base: str
    reading: str
    width: float


RubyLines = tuple[tuple[RubyRun, ...], ...]


def parts_of(text: str) -> tuple[ruby.RubyPart, ...] | None:
    """The text's parts when it has furigana; None for plain text (or markup that does
    not parse, which the questionnaire check refuses before it gets here)."""
    if not ruby.has_ruby(text):
        return None
    try:
        return ruby.ruby_parts(text)
    except KioskError:
        return None


def reading_font(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 4 / 3)
    small.setPixelSize(max(8, round(size * READING_SCALE)))
    small.setBold(False)
    return small


def band_height(font: QFont) -> float:
    """The height of the band of readings over each line."""
    return QFontMetricsF(reading_font(font)).height()


def line_height(font: QFont) -> float:
    return band_height(font) + QFontMetricsF(font).lineSpacing()


def _paragraph(
    parts: tuple[ruby.RubyPart, ...], base: QFontMetricsF, small: QFontMetricsF, width: float
) -> list[tuple[RubyRun, ...]]:
    plain = "".join(part.base for part in parts)
    advances: list[float] = []
    keep: set[int] = set()
    spans: list[tuple[int, int, ruby.RubyPart]] = []
    for part in parts:
        start = len(advances)
        chars = [base.horizontalAdvance(char) for char in part.base]
        if part.reading:
            extra = small.horizontalAdvance(part.reading) - sum(chars)
            if extra > 0:
                chars = [advance + extra / len(chars) for advance in chars]
            keep.update(range(start + 1, start + len(chars)))
        advances += chars
        spans.append((start, start + len(chars), part))
    lines = phrase_lines(plain, advances, width, frozenset(keep))
    out: list[tuple[RubyRun, ...]] = []
    at = 0
    for line in lines:
        begin = plain.find(line, at)
        end = begin + len(line)
        at = end
        runs = []
        for start, stop, part in spans:
            lo, hi = max(start, begin), min(stop, end)
            if lo >= hi:
                continue
            text = part.base[lo - start : hi - start]
            reading = part.reading if (lo, hi) == (start, stop) else ""
            runs.append(RubyRun(text, reading, sum(advances[lo:hi])))
        out.append(tuple(runs))
    return out


@lru_cache(maxsize=512)
def _lines(text: str, font_key: str, width: int) -> RubyLines:
    font = QFont()
    font.fromString(font_key)
    base, small = QFontMetricsF(font), QFontMetricsF(reading_font(font))
    out: list[tuple[RubyRun, ...]] = []
    for paragraph in text.split("\n"):
        parts = parts_of(paragraph) or (ruby.RubyPart(paragraph),)
        if not paragraph:
            out.append(())
            continue
        out += _paragraph(parts, base, small, width - SAFETY_PX)
    return tuple(out)


def ruby_lines(text: str, font: QFont, width: int) -> RubyLines:
    """The lines `text` is shown in at `width` px in `font`, each cut into runs."""
    return _lines(text, font.toString(), max(1, width))


def one_line_width(text: str, font: QFont) -> float:
    """The width of `text` on one line, each base as wide as its reading needs."""
    return sum(run.width for line in ruby_lines(text, font, 1 << 20) for run in line)


def draw_ruby(
    painter: QPainter,
    lines: RubyLines,
    area: QRectF,
    font: QFont,
    colour: QColor,
    centred: bool,
) -> None:
    """Each line as a band of readings over its text, from the top of `area`."""
    small = reading_font(font)
    band = band_height(font)
    spacing = QFontMetricsF(font).lineSpacing()
    painter.setPen(colour)
    y = area.top()
    for line in lines:
        total = sum(run.width for run in line)
        x = area.left() + ((area.width() - total) / 2 if centred else 0)
        for run in line:
            if run.reading:
                painter.setFont(small)
                centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                painter.drawText(
                    QRectF(x - band, y, run.width + 2 * band, band), centre, run.reading
                )
            painter.setFont(font)
            middle = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(x, y + band, run.width, spacing), middle, run.base)
            x += run.width
        y += band + spacing


class RubyLabel(BalancedLabel):
    """A kiosk label: lines broken at phrases, and readings over kanji where the text has them.

    Without furigana it is a BalancedLabel. With them, text() is the text as
    read (for tests and screen readers) and the label draws itself.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        self._parts = parts_of(text)
        super().__init__(ruby.plain_text(text) if self._parts else text, parent)
        self.source = text
        self._ruby: RubyLines = ()
        self._break()

    @property
    def has_readings(self) -> bool:
        return self._parts is not None

    def set_source(self, text: str) -> None:
        self._parts = parts_of(text)
        if self._parts is None:
            super().set_source(text)
            return
        self.source = text
        self.setText(ruby.plain_text(text))
        self._break()

    def _width(self) -> int:
        return self.contentsRect().width() - 2 * self.margin()

    def _break(self) -> None:
        if self._parts is None:
            super()._break()
            return
        lines = ruby_lines(self.source, self.font(), self._width())
        if lines != self._ruby:
            self._ruby = lines
            self.updateGeometry()
            self.update()

    def heightForWidth(self, width: int) -> int:
        if self._parts is None:
            return super().heightForWidth(width)
        lines = ruby_lines(self.source, self.font(), width - 2 * self.margin())
        return round(len(lines) * line_height(self.font())) + 2 * self.margin() + 2

    def sizeHint(self) -> QSize:
        if self._parts is None:
            return super().sizeHint()
        width = max(self.width(), 1)
        return QSize(round(one_line_width(self.source, self.font())), self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self._parts is None:
            return hint
        return QSize(hint.width(), round(line_height(self.font())))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._parts is None:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        area = QRectF(self.contentsRect()).adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        colour = self.palette().color(self.foregroundRole())
        centred = bool(self.alignment() & Qt.AlignmentFlag.AlignHCenter)
        draw_ruby(painter, self._ruby, area, self.font(), colour, centred)
        painter.end()


class RubyButton(QPushButton):
    """A kiosk button whose words may carry furigana (an answer in やさしい日本語).

    The style draws the button; its words are drawn here, on one line,
    readings over their kanji. text() is the text as read.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = ""
        self._parts: tuple[ruby.RubyPart, ...] | None = None
        self.set_source(text)

    def set_source(self, text: str) -> None:
        self.source = text
        self._parts = parts_of(text)
        self.setText(ruby.plain_text(text) if self._parts else text)
        self.updateGeometry()

    @property
    def has_readings(self) -> bool:
        return self._parts is not None

    def _font(self) -> QFont:
        font = QFont(self.font())
        if self.isChecked() and self.property("role") == "survey-option":
            font.setBold(True)  # style.qss: a chosen answer is bold
        return font

    def _grown(self, hint: QSize) -> QSize:
        if self._parts is None:
            return hint
        font = self._font()
        extra = one_line_width(self.source, font) - QFontMetricsF(font).horizontalAdvance(
            self.text()
        )
        # The style's height is one line at least (style.qss: min-height); readings need
        # their band above it, with the border and a little air.
        needed = round(line_height(font)) + BUTTON_CHROME
        return QSize(hint.width() + max(0, round(extra)), max(hint.height(), needed))

    def sizeHint(self) -> QSize:
        return self._grown(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._grown(super().minimumSizeHint())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._parts is None:
            super().paintEvent(event)
            return
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        contents = QRectF(
            self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        )
        font = self._font()
        lines = ruby_lines(self.source, font, 1 << 20)
        height = len(lines) * line_height(font)
        area = QRectF(
            contents.left(),
            contents.top() + (contents.height() - height) / 2,
            contents.width(),
            height,
        )
        if self.isChecked() and self.property("role") == "survey-option":
            colour = CHECKED_TEXT
        else:
            colour = self.palette().color(QPalette.ColorRole.ButtonText)
        left = self.property("role") == "survey-option"  # style.qss: answers are left-aligned
        draw_ruby(painter, lines, area, font, colour, centred=not left)
        painter.end()
