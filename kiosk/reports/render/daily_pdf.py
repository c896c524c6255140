"""The day's tally as an A4 PDF for the city office: one page per venue-day.

Title (事業名), venue, the date in the Japanese era and ISO, the figures in
grouped tables, a chart of visits by hour, a box for the preparer's and
checker's seals, and the generated time, app version and page numbers in
the footer. Text sits in Paragraphs, so long venue or workshop names wrap
instead of overflowing. The font is embedded (kiosk.core.pdf_font).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
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
from kiosk.core.export_file import ExportFile
from kiosk.core.japanese_dates import era_date
from kiosk.core.pdf_font import japanese_font
from kiosk.core.translations import text
from kiosk.reports.daily import DailyTally, Figure, figures, held_label
from kiosk.reports.render.export_file import daily_filename
from kiosk.reports.render.pdf_pages import (
    LINE,
    MARGIN,
    ROSE,
    SHADE,
    bar_chart,
    footer,
    seal_box,
    styles,
)

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
    look = styles(font)
    story: list[Flowable] = []
    for i, tally in enumerate(tallies):
        if i:
            story.append(PageBreak())
        story.extend(_page(tally, title, lang, look, font))
    buffer = io.BytesIO()
    name = text("report.pdf.daily_title", lang)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=MARGIN,
        title=f"{title} {name}",
        author="Tsunagari",
        creator=f"Tsunagari {__version__}",
        initialFontName=font,
    )
    page_footer = footer(font, lang, generated_at)
    doc.build(
        story or [Paragraph("—", look["body"])], onFirstPage=page_footer, onLaterPages=page_footer
    )
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    return ExportFile(daily_filename(first, last, ".pdf"), "application/pdf", buffer.getvalue())


def _page(
    tally: DailyTally,
    title: str,
    lang: str,
    look: dict[str, ParagraphStyle],
    font: str,
) -> list[Flowable]:
    day = era_date(tally.day) if lang == "ja" else tally.day.strftime("%A %d %B %Y")
    meta = (
        f"{text('report.column.venue', lang)}：<b>{escape(tally.venue_name)}</b>　　"
        f"{text('report.column.date', lang)}：{day}（{tally.day.isoformat()}）　　"
        f"{text('report.column.held', lang)}：{escape(held_label(tally, lang))}"
    )
    name = text("report.pdf.daily_title", lang)
    parts: list[Flowable] = [
        Paragraph(escape(f"{title}　{name}" if title else name), look["title"]),
        Paragraph(meta, look["meta"]),
        Spacer(1, 3 * mm),
    ]
    if not tally.held:
        parts.append(Paragraph(text("report.pdf.not_held", lang), look["note"]))
        parts.append(Spacer(1, 2 * mm))
    figs = figures(tally, lang)
    gap = 4 * mm
    column = (A4[0] - 2 * MARGIN - 2 * gap) / 3
    cells = [
        _group_tables([f for f in figs if f.group in groups], look, column) for groups in COLUMNS
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
    hours = [text("report.pdf.hour", lang, hour=h) for h, _ in tally.by_hour]
    chart = bar_chart(hours, [n for _, n in tally.by_hour], font, 38 * mm)
    parts.append(KeepTogether([Paragraph(text("report.pdf.by_hour", lang), look["body"]), chart]))
    parts.append(Spacer(1, 4 * mm))
    parts.append(seal_box(font, lang))
    return parts


def _group_tables(
    figs: list[Figure], look: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    out: list[Flowable] = []
    for _group, grouped in groupby(figs, key=lambda f: f.group):
        items = list(grouped)
        rows = [[Paragraph(escape(items[0].group_label), look["head"]), ""]]
        rows += [[Paragraph(escape(f.item_label), look["cell"]), f.shown] for f in items]
        table = Table(rows, colWidths=[width - 14 * mm, 14 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), look["cell"].fontName, 7.5),
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
