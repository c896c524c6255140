"""A fiscal-year or date-range report as an A4 PDF.

Fiscal year: the cover letter (実績報告書の鑑), the KPI page (targets, actuals,
achievement) with the monthly trends on round axes, then the month-by-month table
(12 months and 合計, landscape) and the tables per venue, at most VENUES_PER_PAGE
venue columns to a table so 86 venues stay readable. A range: a heading and the
tables, no letter. Group labels are repeated on every continuation page.
Same embedded font and look as the daily PDF (kiosk/reports/render/pdf_pages.py).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from kiosk import __version__
from kiosk.core.export_file import ExportFile
from kiosk.core.pdf_font import japanese_font
from kiosk.core.translations import text
from kiosk.reports.cover_letter import CoverLetter
from kiosk.reports.figures import shown
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import (
    PeriodFigures,
    PeriodReport,
    ReportRow,
    distinct_method,
    report_rows,
    row_value,
)
from kiosk.reports.render.cover_letter_pdf import (
    LetterContent,
    cover_letter_page,
    day_text,
    result_lines,
)
from kiosk.reports.render.export_file import period_filename
from kiosk.reports.render.pdf_pages import (
    LINE,
    MARGIN,
    SHADE,
    TEXT,
    GroupedTable,
    bar_chart,
    numbered_canvas,
    paragraph,
    seal_box,
    styles,
    table_style,
)
from kiosk.reports.tables import kpi_header, month_heading

VENUES_PER_PAGE = 10  # venue columns in one table; more venues: more tables
WIDE = landscape(A4)


def render_period_pdf(
    report: PeriodReport,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    lang: str = "ja",
    generated_at: datetime | None = None,
    letter: CoverLetter | None = None,
    submitted: date | None = None,
) -> ExportFile:
    """The fiscal-year report (with `letter`: its cover letter first) or a range's."""
    font = japanese_font()
    look = styles(font, lang)
    buffer = io.BytesIO()
    fiscal = report.period.kind == "fiscal_year"
    doc = report_document(buffer, f"{title} {report.period.label}", font, wide_first=not fiscal)
    story: list[Flowable] = []
    if fiscal and letter is not None:
        content = LetterContent(
            title=text("report.letter.title_year", lang, year=report.period.label, project=title),
            project=title,
            first=report.period.first,
            last=report.period.last,
            figures=report.totals,
            results=result_lines(kpis, lang),
        )
        story += cover_letter_page(letter, content, submitted or date.today(), look, font, lang)
        story.append(PageBreak())
    if fiscal:
        story += _kpi_page(report, kpis, look, font, lang)
        story += [NextPageTemplate("landscape"), PageBreak()]
    story += _heading(report, title, look, lang, with_title=not fiscal)
    story += month_tables(report, list_labels, look, font, lang)
    story += venue_tables(report, list_labels, look, font, lang)
    if not fiscal:
        story += [Spacer(1, 4 * mm), seal_box(font, lang)]
    doc.build(story, canvasmaker=numbered_canvas(font, lang, generated_at))
    return ExportFile(period_filename(report.period, ".pdf"), "application/pdf", buffer.getvalue())


def report_document(
    buffer: io.BytesIO, title: str, font: str, wide_first: bool = False
) -> BaseDocTemplate:
    """An A4 document with a portrait and a landscape page template (the first one first)."""
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Tsunagari",
        creator=f"Tsunagari {__version__}",
        initialFontName=font,
    )
    portrait = Frame(
        MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="portrait", showBoundary=0
    )
    sideways = Frame(MARGIN, MARGIN, WIDE[0] - 2 * MARGIN, WIDE[1] - 2 * MARGIN, id="landscape")
    templates = [
        PageTemplate("portrait", [portrait], pagesize=A4),
        PageTemplate("landscape", [sideways], pagesize=WIDE),
    ]
    doc.addPageTemplates(templates[::-1] if wide_first else templates)
    if wide_first:
        doc.pagesize = WIDE
    return doc


def _heading(
    report: PeriodReport,
    title: str,
    look: dict[str, ParagraphStyle],
    lang: str,
    with_title: bool,
) -> list[Flowable]:
    parts: list[Flowable] = []
    if with_title:
        name = text("report.pdf.period_title", lang)
        parts.append(paragraph(escape(f"{title}　{name}　{report.period.label}"), look["title"]))
        line = text(
            "report.pdf.period_line",
            lang,
            first=day_text(report.period.first, lang),
            last=day_text(report.period.last, lang),
            venue=report.venue_label,
        )
        parts.append(paragraph(escape(line), look["meta"]))
        if report.period.crosses_fiscal_years:
            parts.append(paragraph(escape(text("report.pdf.crosses", lang)), look["note"]))
        parts.append(paragraph(escape(distinct_method(lang)), look["note"]))
        parts.append(Spacer(1, 3 * mm))
    return parts


def _kpi_page(
    report: PeriodReport,
    kpis: Sequence[KpiRow],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> list[Flowable]:
    parts: list[Flowable] = [
        paragraph(escape(f"{text('report.pdf.kpi', lang)}　{report.period.label}"), look["title"]),
        paragraph(escape(report.venue_label), look["meta"]),
        Spacer(1, 3 * mm),
    ]
    if any(k.target is not None for k in kpis):
        parts += [kpi_table(kpis, look, font, lang), Spacer(1, 1.5 * mm)]
        parts.append(paragraph(escape(text("report.pdf.rate_note", lang)), look["note"]))
    else:
        parts.append(paragraph(escape(text("report.pdf.no_kpi", lang)), look["body"]))
    parts.append(Spacer(1, 6 * mm))
    months = report.months
    labels = [month_heading(y, m, lang, False, english_name=True) for (y, m), _ in months]
    parts.append(paragraph(escape(text("report.pdf.visits_chart", lang)), look["heading"]))
    nothing = paragraph(escape(text("report.pdf.no_visits_chart", lang)), look["note"])
    parts.append(bar_chart(labels, [f.visits for _, f in months], font, 46 * mm, nothing))
    parts.append(Spacer(1, 4 * mm))
    parts.append(paragraph(escape(text("report.pdf.satisfaction_chart", lang)), look["heading"]))
    nothing = paragraph(escape(text("report.pdf.no_rate_chart", lang)), look["note"])
    rates = [_rate(f) for _, f in months]
    parts.append(bar_chart(labels, rates, font, 46 * mm, nothing, top=100, percent=True))
    parts.append(Spacer(1, 3 * mm))
    parts.append(paragraph(escape(distinct_method(lang)), look["note"]))
    return parts


def kpi_table(
    kpis: Sequence[KpiRow], look: dict[str, ParagraphStyle], font: str, lang: str
) -> Table:
    """区分, 目標・KPI, 種別, 目標, 実績, 達成率, 比率: as the grant's form writes them."""
    header: list[object] = list(kpi_header(lang))
    data: list[list[object]] = [header]
    for k in kpis:
        group, metric, kind, *numbers = k.texts()
        data.append([group, paragraph(escape(metric), look["cell"]), kind, *numbers])
    table = Table(
        data,
        colWidths=[22 * mm, 56 * mm, 22 * mm, 20 * mm, 20 * mm, 16 * mm, 14 * mm],
        repeatRows=1,
    )
    style = table_style(font, 8)
    style.add("ALIGN", (3, 1), (-1, -1), "RIGHT")
    table.setStyle(style)
    return table


def _rate(figures: PeriodFigures) -> float:
    value = figures.satisfaction.percent(1)
    return float(value) if value is not None else 0.0


def month_tables(
    report: PeriodReport,
    list_labels: dict[str, dict[str, str]],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> list[Flowable]:
    """The month-by-month table, each month and the total (合計)."""
    columns = [f for _, f in report.months] + [report.totals]
    rows = report_rows([*columns, *[f for _, f in report.per_venue]], lang, list_labels)
    years = {y for (y, _), _ in report.months}
    many = report.period.kind != "fiscal_year" and len(years) > 1
    headings = [month_heading(y, m, lang, many, english_name=True) for (y, m), _ in report.months]
    heading = f"{escape(report.venue_label)}　{escape(text('report.pdf.months', lang))}"
    return [
        paragraph(heading, look["heading"]),
        Spacer(1, 1.5 * mm),
        wide_table(rows, [*headings, text("report.total", lang)], columns, look, font, lang),
    ]


def venue_tables(
    report: PeriodReport,
    list_labels: dict[str, dict[str, str]],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> list[Flowable]:
    """The tables per venue: at most VENUES_PER_PAGE venue columns each, 全会場 last."""
    if not report.per_venue:
        return []
    columns = [*report.per_venue, (text("report.all_venues", lang), report.totals)]
    rows = report_rows([f for _, f in columns], lang, list_labels)
    count = math.ceil(len(columns) / VENUES_PER_PAGE)
    size = math.ceil(len(columns) / count)
    parts: list[Flowable] = []
    for n in range(count):
        chunk = columns[n * size : (n + 1) * size]
        heading = (
            text("report.pdf.venues_part", lang, part=n + 1, parts=count)
            if count > 1
            else text("report.pdf.venues", lang)
        )
        parts += [
            PageBreak(),
            paragraph(escape(heading), look["heading"]),
            Spacer(1, 1.5 * mm),
            wide_table(
                rows,
                [c for c, _ in chunk],
                [f for _, f in chunk],
                look,
                font,
                lang,
                total_last=n == count - 1,
            ),
        ]
    return parts


def wide_table(
    rows: list[ReportRow],
    headings: list[str],
    figures: list[PeriodFigures],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
    total_last: bool = True,
    width: float = WIDE[0] - 2 * MARGIN,
) -> GroupedTable:
    """Group, item and one column per heading; the last one shaded when it is the total
    (合計 / 全会場)."""
    first, second = 27 * mm, 46 * mm
    each = min(24 * mm, (width - first - second) / max(1, len(headings)))
    small = look["small"]
    head = ParagraphStyle("wide_head", parent=look["head"], fontSize=6.8, leading=8)
    data: list[list[object]] = [
        ["", "", *[paragraph(escape(h), head) for h in headings]],
    ]
    groups = [""]
    starts: list[int] = []
    previous = None
    for r in rows:
        if r.group_label != previous:  # 相談の方法別 and 相談の内容別 are two headings
            starts.append(len(data))
        data.append(
            [
                paragraph(escape(r.group_label), small) if r.group_label != previous else "",
                paragraph(escape(r.item_label), small),
                *[shown(r.figure_id, row_value(f, r.item)) for f in figures],
            ]
        )
        groups.append(r.group_label)
        previous = r.group_label

    def continued(group: str) -> object:
        return paragraph(escape(text("report.pdf.continued", lang, group=group)), small)

    table = GroupedTable(
        data,
        colWidths=[first, second, *[each] * len(headings)],
        repeatRows=1,
        groups=groups,
        continued=continued,
        hAlign="LEFT",
    )
    style = table_style(font, 6.8)
    style.add("ALIGN", (2, 1), (-1, -1), "RIGHT")
    style.add("VALIGN", (0, 1), (0, -1), "TOP")
    if total_last:
        style.add("BACKGROUND", (-1, 1), (-1, -1), SHADE)
    style.add("TOPPADDING", (0, 0), (-1, -1), 0.8)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 0.8)
    for start in starts:
        style.add("LINEABOVE", (0, start), (-1, start), 0.8, TEXT)
    style.add("LINEBELOW", (0, -1), (-1, -1), 0.8, LINE)
    table.setStyle(style)
    return table
