"""The day's tally as an A4 PDF for the city office: one page per venue-day.

Title (事業名), venue, the date in the Japanese era and ISO, the figures in
grouped tables, a chart of visits by hour, a box for the preparer's and
checker's seals, and the generated time, app version and page numbers in
the footer. Text sits in Paragraphs, so long venue or workshop names wrap
instead of overflowing. The font is embedded (kiosk.reports.render.pdf_font).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kiosk import __version__
from kiosk.core.japanese_dates import era_date
from kiosk.reports.daily import DailyTally, Figure, figures
from kiosk.reports.render.csv_cells import ExportFile
from kiosk.reports.render.daily_csv import held_label
from kiosk.reports.render.pdf_font import japanese_font

ROSE = colors.HexColor("#ad574c")
LINE = colors.HexColor("#d9c9bc")
SHADE = colors.HexColor("#f6efe8")
TEXT = colors.HexColor("#3b342f")
WORDS = {
    "ja": {
        "title": "日計報告",
        "venue": "会場",
        "date": "日付",
        "held": "開催",
        "not_held": "この日は開催がありません。数値はすべて0です（電話相談などがあれば記載されます）。",
        "by_hour": "時間帯別の来場者数",
        "preparer": "作成者",
        "checker": "確認者",
        "generated": "作成",
        "page": "ページ",
        "hour": "時",
    },
    "en": {
        "title": "Daily report",
        "venue": "Venue",
        "date": "Date",
        "held": "Held",
        "not_held": "Nothing was held on this day; every figure is 0 (phone consultations would show).",
        "by_hour": "Visits by hour",
        "preparer": "Prepared by",
        "checker": "Checked by",
        "generated": "Generated",
        "page": "page",
        "hour": "h",
    },
}
# Three columns keep a day on one A4 page.
COLUMNS = (
    ("visits", "age_band", "residence", "childcare"),
    ("heard_from", "workshops", "survey"),
    ("consultations", "referrals"),
)


def render_daily_pdf(
    tallies: Sequence[DailyTally],
    title: str,
    lang: str = "ja",
    generated_at: datetime | None = None,
) -> ExportFile:
    font = japanese_font()
    words = WORDS.get(lang, WORDS["ja"])
    stamp = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    styles = _styles(font)
    story: list[Flowable] = []
    for i, tally in enumerate(tallies):
        if i:
            story.append(PageBreak())
        story.extend(_page(tally, title, lang, words, styles, font))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=f"{title} {words['title']}",
        author="Tsunagari",
        creator=f"Tsunagari {__version__}",
        initialFontName=font,
    )

    def footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(colors.HexColor("#7a6e66"))
        text = f"{words['generated']} {stamp} ・ Tsunagari {__version__}"
        canvas.drawString(16 * mm, 9 * mm, text)
        canvas.drawRightString(A4[0] - 16 * mm, 9 * mm, f"{canvas.getPageNumber()} {words['page']}")
        canvas.restoreState()

    doc.build(story or [Paragraph("—", styles["body"])], onFirstPage=footer, onLaterPages=footer)
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    span = f"{first}" if first == last else f"{first}_{last}"
    return ExportFile(f"tsunagari-daily-{span}.pdf", "application/pdf", buffer.getvalue())


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=9, leading=12, textColor=TEXT)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=17, leading=22, textColor=ROSE),
        "meta": ParagraphStyle("meta", parent=base, fontSize=10.5, leading=15),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=9, textColor=colors.HexColor("#7a6e66")
        ),
        "head": ParagraphStyle(
            "head", parent=base, fontSize=8.5, leading=10.5, textColor=colors.white
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
    }


def _page(
    tally: DailyTally,
    title: str,
    lang: str,
    words: dict[str, str],
    styles: dict[str, ParagraphStyle],
    font: str,
) -> list[Flowable]:
    day = era_date(tally.day) if lang == "ja" else tally.day.strftime("%A %d %B %Y")
    meta = (
        f"{words['venue']}：<b>{escape(tally.venue_name)}</b>　　"
        f"{words['date']}：{day}（{tally.day.isoformat()}）　　"
        f"{words['held']}：{escape(held_label(tally, lang))}"
    )
    parts: list[Flowable] = [
        Paragraph(
            escape(f"{title}　{words['title']}" if title else words["title"]), styles["title"]
        ),
        Paragraph(meta, styles["meta"]),
        Spacer(1, 3 * mm),
    ]
    if not tally.held:
        parts.append(Paragraph(words["not_held"], styles["note"]))
        parts.append(Spacer(1, 2 * mm))
    figs = figures(tally, lang)
    gap = 4 * mm
    column = (A4[0] - 32 * mm - 2 * gap) / 3
    cells = [
        _group_tables([f for f in figs if f.group in groups], styles, column) for groups in COLUMNS
    ]
    tables = Table([cells], colWidths=[column + gap] * 2 + [column])
    tables.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9),  # else Table falls back to Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    parts.append(tables)
    parts.append(Spacer(1, 3 * mm))
    parts.append(
        KeepTogether([Paragraph(words["by_hour"], styles["body"]), _hour_chart(tally, font, words)])
    )
    parts.append(Spacer(1, 4 * mm))
    parts.append(_seal_box(words, font))
    return parts


def _group_tables(
    figs: list[Figure], styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    out: list[Flowable] = []
    for _group, grouped in groupby(figs, key=lambda f: f.group):
        items = list(grouped)
        rows = [[Paragraph(escape(items[0].group_label), styles["head"]), ""]]
        rows += [[Paragraph(escape(f.item_label), styles["cell"]), str(f.value)] for f in items]
        table = Table(rows, colWidths=[width - 14 * mm, 14 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), styles["cell"].fontName, 7.5),
                    ("SPAN", (0, 0), (1, 0)),
                    ("BACKGROUND", (0, 0), (-1, 0), ROSE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
                    ("ALIGN", (1, 1), (1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
                    ("BOX", (0, 0), (-1, -1), 0.5, LINE),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                ]
            )
        )
        out.extend([table, Spacer(1, 2 * mm)])
    return out


def _hour_chart(tally: DailyTally, font: str, words: dict[str, str]) -> Drawing:
    width, height = A4[0] - 32 * mm, 38 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 24, 16
    chart.width, chart.height = width - 36, height - 24
    values = [n for _, n in tally.by_hour] or [0]
    chart.data = [values]
    chart.bars[0].fillColor = ROSE
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    top = max(values)
    chart.valueAxis.valueMax = max(5, top + (5 - top % 5 if top % 5 else 0))
    chart.valueAxis.valueStep = max(1, chart.valueAxis.valueMax // 5)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [f"{h}{words['hour']}" for h, _ in tally.by_hour]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = LINE
    chart.valueAxis.visibleGrid = True
    drawing.add(chart)
    if not any(values):
        drawing.add(
            String(width / 2, height / 2, "0", fontName=font, fontSize=9, textAnchor="middle")
        )
    return drawing


def _seal_box(words: dict[str, str], font: str) -> Table:
    box = Table(
        [[words["preparer"], words["checker"]], ["", ""]],
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
