"""What every report PDF shares: the colours, the paragraph styles, the footer,
the preparer's and checker's seal box, the table look and the bar chart.

The daily and the period PDF build their pages from these, so both look the
same and a change to the look is made once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from kiosk import __version__
from kiosk.core.translations import text

ROSE = colors.HexColor("#ad574c")
LINE = colors.HexColor("#d9c9bc")
SHADE = colors.HexColor("#f6efe8")
TEXT = colors.HexColor("#3b342f")
GREY = colors.HexColor("#7a6e66")
MARGIN = 16 * mm


def styles(font: str) -> dict[str, ParagraphStyle]:
    """body, title, meta, note, head (white on rose) and cell, in the embedded font."""
    base = ParagraphStyle("body", fontName=font, fontSize=9, leading=12, textColor=TEXT)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=17, leading=22, textColor=ROSE),
        "meta": ParagraphStyle("meta", parent=base, fontSize=10.5, leading=15),
        "note": ParagraphStyle("note", parent=base, fontSize=9, textColor=GREY),
        "head": ParagraphStyle(
            "head", parent=base, fontSize=8.5, leading=10.5, textColor=colors.white
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
    }


def footer(font: str, lang: str, generated_at: datetime | None) -> Callable[[Canvas, object], None]:
    """The page callback writing when and by which version it was made, and the page number."""
    stamp = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    made = text("report.pdf.generated", lang, stamp=stamp, version=__version__)

    def draw(canvas: Canvas, _doc: object) -> None:
        width = canvas._pagesize[0]
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 9 * mm, made)
        page = text("report.pdf.page", lang, page=canvas.getPageNumber())
        canvas.drawRightString(width - MARGIN, 9 * mm, page)
        canvas.restoreState()

    return draw


def seal_box(font: str, lang: str) -> Table:
    """Two boxes, for the preparer's and the checker's seals (印)."""
    box = Table(
        [[text("report.pdf.preparer", lang), text("report.pdf.checker", lang)], ["", ""]],
        colWidths=[28 * mm, 28 * mm],
        rowHeights=[6 * mm, 22 * mm],
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


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    font: str,
    height: float,
    top: float | None = None,
) -> Drawing:
    """Rose bars across the page's width; `top`: the axis's end (else rounded up to 5s)."""
    width = A4[0] - 2 * MARGIN
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 26, 14, width - 36, height - 22
    shown = list(values) or [0.0]
    chart.data = [shown]
    chart.bars[0].fillColor = ROSE
    chart.bars[0].strokeColor = None
    peak = max(shown)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top or max(5, peak + (5 - peak % 5 if peak % 5 else 0))
    chart.valueAxis.valueStep = max(1, round(chart.valueAxis.valueMax / 5))
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LINE
    drawing.add(chart)
    if not any(shown):
        drawing.add(
            String(width / 2, height / 2, "0", fontName=font, fontSize=9, textAnchor="middle")
        )
    return drawing
