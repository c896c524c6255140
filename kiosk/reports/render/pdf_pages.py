"""What every report PDF shares: the colours, the paragraph styles, Japanese line
breaking, the numbered footer, the seal box, the table look, tables that name
their group again on a continuation page, and the bar chart on round steps.

The daily, the month and the period PDF build their pages from these, so they
look the same and a change to the look is made once.

A clerk reads a printed report as she would a form: every number grouped
(2,471), chart axes on round steps (0 / 50 / 100), 「2 / 3 ページ」 in the
footer, and no line that starts with a closing bracket or 、。 (禁則処理).
ReportLab's own CJK wrap only hangs one character that may not start a line
and knows nothing of an opening bracket at a line's end, so the paragraphs
here break lines themselves (KinsokuParagraph).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

from kiosk import __version__
from kiosk.core.numbers import grouped
from kiosk.core.translations import text

ROSE = colors.HexColor("#ad574c")
PALE_ROSE = colors.HexColor("#e3c3bd")
LINE = colors.HexColor("#d9c9bc")
SHADE = colors.HexColor("#f6efe8")
TEXT = colors.HexColor("#3b342f")
GREY = colors.HexColor("#7a6e66")
MARGIN = 16 * mm

# 禁則: characters no line may start with (closing brackets, 、。，． and the
# like) and characters no line may end with (opening brackets). ReportLab's
# lists lack a few (》〉，．｝), added here.
NO_LINE_START = ALL_CANNOT_START + "》〉，．｝〙〗〟"
NO_LINE_END = ALL_CANNOT_END + "〘〖〝"


def styles(font: str, lang: str = "ja") -> dict[str, ParagraphStyle]:
    """body, title, meta, note, head (white on rose), cell and small; Japanese wraps by 禁則."""
    wrap = "CJK" if lang == "ja" else None
    base = ParagraphStyle(
        "body", fontName=font, fontSize=9, leading=12, textColor=TEXT, wordWrap=wrap
    )
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=15, leading=20, textColor=ROSE),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=10.5, leading=14, textColor=ROSE, spaceBefore=2
        ),
        "meta": ParagraphStyle("meta", parent=base, fontSize=10, leading=14),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=10.5, textColor=GREY),
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=10, textColor=colors.white),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2),
        "small": ParagraphStyle("small", parent=base, fontSize=6.8, leading=8.2),
    }


# -- 禁則処理 -------------------------------------------------------------------------


def _joined(before: str, after: str) -> bool:
    """True where no line may break between the two characters."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return True
    if before.isspace() or after.isspace():
        return False
    # a number or a Latin word is not cut, nor a number from its unit: 2,471人 / 85.0% / FY2026
    return (before.isascii() and after.isascii()) or (before.isascii() and before.isdigit())


def line_spans(chars: str, widths: Sequence[float], max_widths: Sequence[float]) -> list[int]:
    """Where each line ends: as many characters as fit, then moved back to a break allowed
    by 禁則 (追い出し); a run that cannot break at all is cut where it must be."""
    ends: list[int] = []
    start, used, i = 0, 0.0, 0
    while i < len(chars):
        if chars[i] == "\n":
            ends.append(i)
            start, used, i = i + 1, 0.0, i + 1
            continue
        limit = max_widths[min(len(ends), len(max_widths) - 1)]
        used += widths[i]
        if used > limit + 1e-6 and i > start:
            end = i
            while end > start + 1 and _joined(chars[end - 1], chars[end]):
                end -= 1
            if end == start + 1 and _joined(chars[end - 1], chars[end]):
                end = _hang(chars, i)
            ends.append(end)
            start, used = end, 0.0
            while start < len(chars) and chars[start] == " ":
                start += 1  # a space does not open a line
            i = start
            continue
        i += 1
    ends.append(len(chars))
    return ends


def _hang(chars: str, full: int, most: int = 2) -> int:
    """Where a line that cannot move back ends: up to `most` characters hung past the
    margin (ぶら下げ) when that reaches an allowed break, else cut where it is full."""
    for end in range(full + 1, min(full + most, len(chars)) + 1):
        if end == len(chars) or not _joined(chars[end - 1], chars[end]):
            return end
    return full


class KinsokuParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no types
    """A Paragraph whose CJK wrap obeys 禁則 (styles with wordWrap="CJK")."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        frags = self.frags
        if not frags or any(hasattr(f, "cbDefn") for f in frags) or self.style.endDots:
            return super().breakLinesCJK(maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        units = []
        for frag in frags:
            words = frag.text if hasattr(frag, "text") else "".join(getattr(frag, "words", []))
            if hasattr(frag, "lineBreak"):
                units.append(cjkU("\n", frag, "utf8"))
                continue
            units.extend(cjkU(ch, frag, "utf8") for ch in words)
        chars = "".join(str(u) for u in units)
        widths = [0.0 if c == "\n" else float(u.width) for c, u in zip(chars, units, strict=True)]
        lines = []
        start = 0
        for n, end in enumerate(line_spans(chars, widths, maxWidths)):
            limit = maxWidths[min(n, len(maxWidths) - 1)]
            part = [u for u in units[start:end] if str(u) != "\n"]
            while part and str(part[-1]) == " ":
                part.pop()
            used = sum(float(u.width) for u in part)
            broke = end < len(chars) and chars[end] == "\n"
            lines.append(makeCJKParaLine(part, limit, used, limit - used, broke, False))
            start = end + 1 if broke else end
            while start < len(chars) and chars[start] == " ":
                start += 1
        return ParaLines(kind=1, lines=lines)


def paragraph(content: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of `content` (ReportLab markup) that breaks lines by 禁則."""
    return KinsokuParagraph(content, style)


# -- the footer: 「N / M ページ」 ----------------------------------------------------


def numbered_canvas(font: str, lang: str, generated_at: datetime | None) -> Callable[..., Canvas]:
    """A canvas class that keeps its pages until it is saved, then writes on each when
    and by which version it was made and 「N / M ページ」 (ReportLab's NumberedCanvas)."""
    stamp = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    made = text("report.pdf.generated", lang, stamp=stamp, version=__version__)

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._kept)
            for state in self._kept:
                self.__dict__.update(state)
                self._footer(count)
                super().showPage()
            super().save()

        def _footer(self, count: int) -> None:
            width = self._pagesize[0]
            self.saveState()
            self.setFont(font, 7.5)
            self.setFillColor(GREY)
            self.drawString(MARGIN, 9 * mm, made)
            page = text("report.pdf.page", lang, page=self._pageNumber, pages=count)
            self.drawRightString(width - MARGIN, 9 * mm, page)
            self.restoreState()

    return NumberedCanvas


# -- boxes and tables ---------------------------------------------------------------


def seal_box(font: str, lang: str) -> Table:
    """Two boxes, for the preparer's and the checker's seals (印)."""
    box = Table(
        [[text("report.pdf.preparer", lang), text("report.pdf.checker", lang)], ["", ""]],
        colWidths=[24 * mm, 24 * mm],
        rowHeights=[6 * mm, 18 * mm],
        hAlign="RIGHT",
    )
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8.5),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("GRID", (0, 0), (-1, -1), 0.6, TEXT),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ]
        )
    )
    return box


def table_style(font: str, size: float) -> TableStyle:
    """A grid with a rose heading row."""
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, size),
            ("BACKGROUND", (0, 0), (-1, 0), ROSE),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("TEXTCOLOR", (0, 1), (-1, -1), TEXT),
            ("GRID", (0, 0), (-1, -1), 0.25, LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ]
    )


class GroupedTable(Table):  # type: ignore[misc]
    """A table whose first column names each row's group on the group's first row; when
    the table is split across pages, the continuation's first row names its group again
    (「相談（続き）」), so no rows run on under another group's heading.

    `groups` holds each row's group label ("" for heading rows); `continued` makes the
    cell that names a group on a continuation page.
    """

    def __init__(
        self,
        data: Any,
        *args: Any,
        groups: Sequence[str] = (),
        continued: Callable[[str], object] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, *args, **kwargs)
        self.groups = list(groups)
        self.continued = continued

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) != 2 or not self.groups or self.continued is None:
            return parts
        first, rest = parts
        assert isinstance(first, GroupedTable) and isinstance(rest, GroupedTable)
        cut = len(first._cellvalues)
        heads = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first.groups, first.continued = self.groups[:cut], self.continued
        rest.groups, rest.continued = self.groups[:heads] + self.groups[cut:], self.continued
        group = self.groups[cut] if cut < len(self.groups) else ""
        if group and cut > heads and self.groups[cut - 1] == group:
            rest._cellvalues[heads][0] = self.continued(group)
            if isinstance(rest._argH, list):
                rest._argH[heads] = None  # the row's height follows its new label
        return parts


# -- charts ---------------------------------------------------------------------------


def nice_step(peak: float, ticks: int = 5) -> float:
    """The axis step for values up to `peak`: 1, 2 or 5 × 10^k, about `ticks` steps."""
    if peak <= 0:
        return 1.0
    rough = peak / ticks
    power = 10.0 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if rough <= factor * power:
            return max(1.0, float(factor * power))
    return max(1.0, 10.0 * power)


def nice_axis(peak: float, ticks: int = 5) -> tuple[float, float]:
    """(top, step): the axis ends at the first round step at or above the peak."""
    step = nice_step(peak, ticks)
    return max(step, math.ceil(peak / step) * step), step


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    font: str,
    height: float,
    nothing: Flowable,
    top: float | None = None,
    highlight: int | None = None,
    width: float | None = None,
    percent: bool = False,
) -> Flowable:
    """Rose bars with their values, the axis on round steps; `nothing` where every value
    is 0 (a sentence, not an empty frame with a floating 0). `highlight`: the one bar in
    full rose, the others pale (this month among the months of the year)."""
    if not any(values):
        return nothing
    width = width or A4[0] - 2 * MARGIN
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 14, width - 40, height - 26
    chart.data = [list(values)]
    chart.bars[0].fillColor = ROSE if highlight is None else PALE_ROSE
    chart.bars[0].strokeColor = None
    if highlight is not None:
        chart.bars[(0, highlight)].fillColor = ROSE
    ticks = max(3, min(5, int((height - 26) // 16)))  # labels ~6 mm apart, not crowded
    axis_top, step = (top, top / ticks) if top else nice_axis(max(values) * 1.08, ticks)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = axis_top
    chart.valueAxis.valueStep = step
    suffix = "%" if percent else ""
    chart.valueAxis.labelTextFormat = lambda v: f"{grouped(int(v))}{suffix}"
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = list(labels)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LINE
    if len(values) <= 14:
        chart.barLabelFormat = lambda v: (
            "" if not v else f"{grouped(v if percent else int(v))}{suffix}"
        )
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 6.5
        chart.barLabels.fillColor = TEXT
        chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing
