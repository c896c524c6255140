"""The day's tally as an A4 PDF for the city office: one page per venue-day.

For one date, a venue where nothing happened that day is not a page of zeros but
one line in the list of venues closed that day (「この日に開催のなかった会場：…」);
when no venue held anything, one page says so, with the list. `every_venue` keeps
a page for every venue, zeros and all.

Title (事業名), venue, the date in the Japanese era and ISO, the figures in
grouped tables, a chart of visits by hour, a box for the preparer's and
checker's seals, and the generated time, app version and page numbers in
the footer. Text sits in Paragraphs, so long venue or workshop names wrap
instead of overflowing. The font is embedded (kiosk.core.pdf_font).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
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
from kiosk.reports.daily_export import has_anything
from kiosk.reports.render.export_file import daily_filename
from kiosk.reports.render.pdf_pages import (
    LINE,
    MARGIN,
    ROSE,
    SHADE,
    bar_chart,
    numbered_canvas,
    paragraph,
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
    every_venue: bool = False,
) -> ExportFile:
    """One page per venue-day; for one date, closed venues listed, not printed."""
    font = japanese_font()
    look = styles(font, lang)
    one_day = len({t.day for t in tallies}) == 1
    shown = list(tallies)
    closed: list[DailyTally] = []
    if one_day and not every_venue:
        shown = [t for t in tallies if has_anything(t)]
        closed = [t for t in tallies if not has_anything(t)]
    story: list[Flowable] = []
    for i, tally in enumerate(shown):
        if i:
            story.append(PageBreak())
        story.extend(_page(tally, title, lang, look, font, closed if i == 0 else []))
    if not shown and tallies:
        story = _nothing_held(tallies[0].day, closed, title, lang, look)
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
    doc.build(
        story or [paragraph("—", look["body"])],
        canvasmaker=numbered_canvas(font, lang, generated_at),
    )
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    return ExportFile(daily_filename(first, last, ".pdf"), "application/pdf", buffer.getvalue())


def _day_text(day: date, lang: str) -> str:
    return era_date(day) if lang == "ja" else day.strftime("%A %d %B %Y")


def _closed_line(
    closed: Sequence[DailyTally], lang: str, look: dict[str, ParagraphStyle]
) -> list[Flowable]:
    if not closed:
        return []
    names = ("、" if lang == "ja" else ", ").join(t.venue_name for t in closed)
    line = text("report.pdf.closed_venues", lang, venues=names)
    return [paragraph(escape(line), look["meta"]), Spacer(1, 2 * mm)]


def _nothing_held(
    day: date,
    closed: Sequence[DailyTally],
    title: str,
    lang: str,
    look: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """The one page of a date on which no venue held anything."""
    name = text("report.pdf.daily_title", lang)
    meta = f"{text('report.column.date', lang)}：{_day_text(day, lang)}（{day.isoformat()}）"
    return [
        paragraph(escape(f"{title}　{name}" if title else name), look["title"]),
        paragraph(meta, look["meta"]),
        Spacer(1, 6 * mm),
        paragraph(escape(text("report.pdf.nothing_held", lang)), look["meta"]),
        Spacer(1, 2 * mm),
        *_closed_line(closed, lang, look),
    ]


def _page(
    tally: DailyTally,
    title: str,
    lang: str,
    look: dict[str, ParagraphStyle],
    font: str,
    closed: Sequence[DailyTally] = (),
) -> list[Flowable]:
    day = _day_text(tally.day, lang)
    meta = (
        f"{text('report.column.venue', lang)}：<b>{escape(tally.venue_name)}</b>　　"
        f"{text('report.column.date', lang)}：{day}（{tally.day.isoformat()}）　　"
        f"{text('report.column.held', lang)}：{escape(held_label(tally, lang))}"
    )
    name = text("report.pdf.daily_title", lang)
    parts: list[Flowable] = [
        paragraph(escape(f"{title}　{name}" if title else name), look["title"]),
        paragraph(meta, look["meta"]),
        Spacer(1, 2 * mm),
        *_closed_line(closed, lang, look),
    ]
    if not tally.held:
        parts.append(paragraph(escape(text("report.pdf.not_held", lang)), look["note"]))
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
    empty = "report.pdf.no_hours" if tally.visits else "report.pdf.no_visits_by_hour"
    nothing = paragraph(escape(text(empty, lang)), look["note"])
    chart = bar_chart(hours, [n for _, n in tally.by_hour], font, 38 * mm, nothing)
    heading = paragraph(escape(text("report.pdf.by_hour", lang)), look["heading"])
    parts.append(KeepTogether([heading, chart]))
    parts.append(Spacer(1, 4 * mm))
    parts.append(seal_box(font, lang))
    return parts


def _group_tables(
    figs: list[Figure], look: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    out: list[Flowable] = []
    for _group, grouped in groupby(figs, key=lambda f: f.group_label):
        items = list(grouped)
        rows = [[paragraph(escape(items[0].group_label), look["head"]), ""]]
        rows += [[paragraph(escape(f.item_label), look["cell"]), f.shown] for f in items]
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
