"""The pickup label (お迎え番号) a parent takes with her when her child is in care.

One small page per child, sized for a 62 mm label printer roll: the code
huge in the middle, what staff need to match it around it. The label leaves
the venue in the parent's bag, so it carries no nickname and no care note:
only the code, the child's age band, the check-in number, venue and date.

The font is the bundled IPAexGothic, embedded as a subset, so the label
prints the same on a PC with no Japanese font installed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from kiosk.core import choices, translations
from kiosk.core.atomic_file import write_atomically
from kiosk.core.japanese_dates import western_date_ja
from kiosk.core.pdf_font import japanese_font
from kiosk.door.childcare import ChildInfo

PAGE_WIDTH = 62 * mm
PAGE_HEIGHT = 45 * mm
MARGIN = 3 * mm
CODE_SIZE = 54


@dataclass(frozen=True)
class _Words:
    heading: str
    number: str
    footer: str


def _words(lang: str) -> _Words:
    """The label's words: `pickup.*` in resources/locales/<lang>.json."""
    return _Words(
        *(translations.text(f"pickup.{part}", lang) for part in ("heading", "number", "footer"))
    )


_NO_LINE_START = set(
    "ー、。，．・：；？！）」』】〉》〕ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)


def label_date(day: date, lang: str = "ja") -> str:
    """2026年11月22日(日) in Japanese, 2026-11-22 (Sun) otherwise."""
    if lang == "ja":
        return western_date_ja(day)
    return day.strftime("%Y-%m-%d (%a)")


def fit_lines(
    text: str,
    font: str,
    width: float,
    size: float,
    min_size: float,
    max_lines: int = 2,
) -> tuple[float, list[str]]:
    """The largest size (down to `min_size`) at which `text` fits `width`.

    Shrinks first; if one line at `min_size` is still too wide, wraps into
    at most `max_lines` lines (at spaces when it can, else between any two
    characters, as Japanese does), and cuts the last line with an ellipsis.
    """

    def fits(s: str, at: float) -> bool:
        drawn: float = pdfmetrics.stringWidth(s, font, at)  # ReportLab has no type hints
        return drawn <= width

    at = size
    while at > min_size and not fits(text, at):
        at = max(min_size, at - 0.5)
    if fits(text, at):
        return at, [text]
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        if fits(rest, at):
            lines.append(rest)
            rest = ""
            break
        cut = 1
        while cut < len(rest) and fits(rest[: cut + 1], at):
            cut += 1
        space = rest.rfind(" ", 0, cut + 1)
        if space > 0 and space >= cut // 2:
            cut = space
        elif cut > 1 and rest[cut : cut + 1] in _NO_LINE_START:
            cut -= 1  # kinsoku: ー, 。, small kana and closing brackets never start a line
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        last = lines[-1]
        while last and not fits(last + "…", at):
            last = last[:-1]
        lines[-1] = last + "…"
    return at, lines


def render_labels(
    children: Sequence[ChildInfo],
    venue_name: str,
    event_date: date,
    lang: str = "ja",
) -> bytes:
    """A PDF with one label page per child, in the order given."""
    if not children:
        raise ValueError("no children to print a label for")
    font = japanese_font()
    lang = lang if lang in translations.shipped_languages() else translations.SOURCE_LANGUAGE
    words = _words(lang)
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=True, initialFontName=font)
    pdf.setTitle(words.heading)
    pdf.setCreator("Tsunagari")
    for child in children:
        _draw_label(pdf, font, words, child, venue_name, event_date, lang)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _centred(pdf: Canvas, font: str, size: float, y: float, text: str) -> None:
    pdf.setFont(font, size)
    pdf.drawCentredString(PAGE_WIDTH / 2, y, text)


def _bold_centred(pdf: Canvas, font: str, size: float, y: float, text: str) -> None:
    """Bold from a regular-weight font: fill the glyphs and stroke their outline too."""
    text_width = pdfmetrics.stringWidth(text, font, size)
    pdf.saveState()
    pdf.setLineWidth(size / 30)
    obj = pdf.beginText((PAGE_WIDTH - text_width) / 2, y)
    obj.setFont(font, size)
    obj.setTextRenderMode(2)
    obj.textOut(text)
    pdf.drawText(obj)
    pdf.restoreState()


def _draw_label(
    pdf: Canvas,
    font: str,
    words: _Words,
    child: ChildInfo,
    venue_name: str,
    event_date: date,
    lang: str,
) -> None:
    width = PAGE_WIDTH - 2 * MARGIN
    top = PAGE_HEIGHT - MARGIN

    # Heading and the code, the two things a parent must not miss.
    _centred(pdf, font, 9, top - 7, words.heading)
    code_size, code_lines = fit_lines(child.pickup_code, font, width, CODE_SIZE, 20, 1)
    _bold_centred(pdf, font, code_size, top - 55, code_lines[0])
    pdf.setLineWidth(0.4)
    pdf.line(MARGIN + 4 * mm, top - 60, PAGE_WIDTH - MARGIN - 4 * mm, top - 60)

    # What staff match against: age band and check-in number.
    age = choices.label("child_age_band", child.age_band, lang)
    detail = f"{age}　{words.number.format(n=child.visit_number)}"
    size, lines = fit_lines(detail, font, width, 9, 6, 1)
    _centred(pdf, font, size, top - 71, lines[0])

    # From the bottom up: the footer, the date, the venue (shrunk, else two lines).
    size, lines = fit_lines(words.footer, font, width, 6, 4.5, 1)
    _centred(pdf, font, size, MARGIN + 1, lines[0])
    date_y = MARGIN + 13
    _centred(pdf, font, 8, date_y, label_date(event_date, lang))
    size, lines = fit_lines(venue_name, font, width, 8, 5.5, 2)
    y = date_y + 10.5
    for line in reversed(lines):
        _centred(pdf, font, size, y, line)
        y += size + 1.5


def write_labels(pdf: bytes, target: Path) -> Path:
    """Write the PDF atomically: a reader never sees half a file."""
    return write_atomically(target, pdf, "label_write_failed")
