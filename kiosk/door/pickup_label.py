"""What a pickup label says, and where each label sits on the stock it is printed on.

Each child in care gets two labels with the same pickup code (お迎え番号): a
child tag for her bag or clothes, and a parent stub the parent keeps and shows
at pickup. Neither carries a nickname or a care note: only the code, the
child's age band, the check-in number, the venue and the date.

This module holds words and millimetres only; ui/printing draws them with
QPainter on a QPrinter (a label printer, an A4 sheet, or a PDF), so the core
stays free of Qt and every rule here is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.core import choices, translations
from kiosk.core.japanese_dates import western_date_ja
from kiosk.door.childcare import ChildInfo

TAG = "tag"  # on the child's bag or clothes
STUB = "stub"  # kept by the parent, shown at pickup


@dataclass(frozen=True)
class LabelText:
    """One label's lines, top to bottom; `code` is drawn large."""

    kind: str  # TAG or STUB
    heading: str
    code: str
    detail: str  # age band and check-in number
    venue: str
    day: str
    footer: str


@dataclass(frozen=True)
class LabelStock:
    """The paper a label is printed on, in millimetres.

    A roll prints one label per page (the page is the label); a sheet holds a
    grid of die-cut labels at fixed places, filled row by row.
    """

    code: str
    page_width: float
    page_height: float
    label_width: float
    label_height: float
    columns: int = 1
    rows: int = 1
    left: float = 0.0  # from the page's left edge to the first column
    top: float = 0.0  # from the page's top edge to the first row
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


ROLL_62 = "roll_62mm"
SHEET_A4_12 = "a4_12"
# 62 mm continuous roll (Brother DK-2205 and the like): one 62 × 40 mm label a page.
ROLL_62MM = LabelStock(ROLL_62, 62.0, 40.0, 62.0, 40.0)
# A4 sheet of 12 labels, 2 × 6 of 86.4 × 42.3 mm with margins all round and no
# gaps (A-one 12面 四辺余白付, e.g. 31531; ELECOM and others sell the same die):
# a child's tag on the left, her parent's stub beside it on the right.
SHEET_A4_12_LABELS = LabelStock(
    SHEET_A4_12, 210.0, 297.0, 86.4, 42.3, columns=2, rows=6, left=18.6, top=21.6
)
STOCKS = {stock.code: stock for stock in (ROLL_62MM, SHEET_A4_12_LABELS)}


@dataclass(frozen=True)
class Placement:
    """Where one label goes: page index and its top-left corner (mm) on that page."""

    page: int
    x: float
    y: float


def placements(stock: LabelStock, count: int, skip: int = 0) -> list[Placement]:
    """`count` label places of `stock`, page after page, row by row, after the first
    `skip` places of the first page (labels already peeled off a sheet)."""
    found: list[Placement] = []
    for n in range(skip, skip + count):
        page, cell = divmod(n, stock.per_page)
        row, column = divmod(cell, stock.columns)
        x = stock.left + column * (stock.label_width + stock.gap_x)
        y = stock.top + row * (stock.label_height + stock.gap_y)
        found.append(Placement(page, x, y))
    return found


def label_date(day: date, lang: str = "ja") -> str:
    """2026年11月22日(日) in Japanese, 2026-11-22 (Sun) otherwise."""
    if lang == "ja":
        return western_date_ja(day)
    return day.strftime("%Y-%m-%d (%a)")


def labels_for(
    children: Sequence[ChildInfo], venue_name: str, event_date: date, lang: str = "ja"
) -> list[LabelText]:
    """For each child, her tag then her parent's stub: two labels, one code.

    In this order a sheet of two columns puts the pair side by side, and a
    roll prints them one after the other, to be torn off together.
    """
    if not children:
        raise ValueError("no children to print a label for")
    lang = lang if lang in translations.shipped_languages() else translations.SOURCE_LANGUAGE

    def word(key: str, **params: object) -> str:
        return translations.text(f"pickup.{key}", lang, **params)

    day = label_date(event_date, lang)
    found: list[LabelText] = []
    for child in children:
        age = choices.label("child_age_band", child.age_band, lang)
        detail = f"{word('number', n=child.visit_number)}　{age}"
        for kind, heading, footer in (
            (TAG, word("tag_heading"), word("tag_footer")),
            (STUB, word("heading"), word("footer")),
        ):
            found.append(
                LabelText(kind, heading, child.pickup_code, detail, venue_name, day, footer)
            )
    return found


_NO_LINE_START = set(
    "ー、。，．・：；？！）」』】〉》〕ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)

Measure = Callable[[str, float], float]  # width of a text at a size, in the caller's units


def fit_lines(
    text: str,
    measure: Measure,
    width: float,
    size: float,
    min_size: float,
    max_lines: int = 2,
) -> tuple[float, list[str]]:
    """The largest size (down to `min_size`) at which `text` fits `width`.

    Shrinks first; if one line at `min_size` is still too wide, wraps into
    at most `max_lines` lines (at spaces when it can, else between any two
    characters, as Japanese does), and cuts the last line with an ellipsis.
    `measure(text, size)` is the renderer's own metric (Qt's, for printing).
    """

    def fits(s: str, at: float) -> bool:
        return measure(s, at) <= width

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
