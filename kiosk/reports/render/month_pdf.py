"""The month report as two A4 pages: the cover letter, then the month's figures.

A month report is due by the 10th; the clerk files two pages. Page 2 sets the
month beside the fiscal year to date: the KPI table (this month, the year so far,
the year's target and its achievement so far), the visits of each month of the
year so far with this month in full colour (a chart of one bar says nothing, so a
first month has none), and every figure in two columns of grouped tables.

The report is read once, over the fiscal year's start to the month's end: its
last month is the month, its totals are the year to date. Figures per venue are
in the CSV and Excel exports; the paper says so rather than crowd the page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from kiosk.core.export_file import ExportFile
from kiosk.core.fiscal_year import fiscal_year_label
from kiosk.core.pdf_font import japanese_font
from kiosk.core.translations import text
from kiosk.reports.cover_letter import CoverLetter
from kiosk.reports.figures import shown
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import (
    Period,
    PeriodFigures,
    PeriodReport,
    ReportRow,
    distinct_method,
    metric_actual,
    report_rows,
    row_value,
)
from kiosk.reports.render.cover_letter_pdf import LetterContent, cover_letter_page
from kiosk.reports.render.export_file import period_filename
from kiosk.reports.render.pdf_pages import (
    LINE,
    MARGIN,
    ROSE,
    SHADE,
    bar_chart,
    numbered_canvas,
    paragraph,
    styles,
    table_style,
)
from kiosk.reports.render.period_pdf import report_document
from kiosk.reports.tables import month_heading
from kiosk.reports.targets import metrics

GAP = 5 * mm


def render_month_pdf(
    year_to_date: PeriodReport,
    month: Period,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    lang: str = "ja",
    generated_at: datetime | None = None,
    letter: CoverLetter | None = None,
    submitted: date | None = None,
) -> ExportFile:
    """`year_to_date`: the report from the fiscal year's start to the month's end."""
    font = japanese_font()
    look = styles(font, lang)
    buffer = io.BytesIO()
    doc = report_document(buffer, f"{title} {month.label}", font)
    this_month = year_to_date.months[-1][1]
    content = LetterContent(
        title=text("report.letter.title_month", lang, month=month.label, project=title),
        project=title,
        first=month.first,
        last=month.last,
        figures=this_month,
        results=(),
    )
    story = cover_letter_page(
        letter or CoverLetter(), content, submitted or date.today(), look, font, lang
    )
    story.append(PageBreak())
    story += _figures_page(year_to_date, month, title, kpis, list_labels, look, font, lang)
    doc.build(story, canvasmaker=numbered_canvas(font, lang, generated_at))
    return ExportFile(period_filename(month, ".pdf"), "application/pdf", buffer.getvalue())


def _figures_page(
    report: PeriodReport,
    month: Period,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> list[Flowable]:
    year = fiscal_year_label(report.period.fiscal_year or month.first.year, lang)
    sheet = text("report.pdf.month_sheet", lang, month=month.label)
    parts: list[Flowable] = [
        paragraph(escape(sheet), look["title"]),
        paragraph(escape(f"{title}　{report.venue_label}"), look["meta"]),
        Spacer(1, 2 * mm),
        paragraph(escape(text("report.pdf.month_kpi", lang, month=month.label)), look["heading"]),
        _kpi_table(report, kpis, look, font, lang),
    ]
    if not any(k.target is not None for k in kpis):
        parts.append(paragraph(escape(text("report.pdf.no_kpi", lang)), look["note"]))
    else:
        parts.append(paragraph(escape(text("report.pdf.rate_note", lang)), look["note"]))
    months = report.months
    chart: list[Flowable] = []
    if len(months) > 1:
        labels = [month_heading(y, m, lang, False, english_name=True) for (y, m), _ in months]
        chart_title = text("report.pdf.visits_fy_chart", lang, year=year, month=month.label)
        nothing = paragraph(escape(text("report.pdf.no_visits_chart", lang)), look["note"])
        chart = [
            Spacer(1, 2 * mm),
            paragraph(escape(chart_title), look["heading"]),
            bar_chart(
                labels,
                [f.visits for _, f in months],
                font,
                20 * mm,
                nothing,
                highlight=len(months) - 1,
            ),
        ]
    parts += [
        Spacer(1, 2 * mm),
        paragraph(escape(text("report.pdf.month_figures", lang)), look["heading"]),
        Spacer(1, 1 * mm),
    ]
    notes: list[Flowable] = [
        Spacer(1, 1 * mm),
        paragraph(escape(distinct_method(lang)), look["note"]),
    ]
    if len(report.venue_ids) > 1:
        notes.append(paragraph(escape(text("report.pdf.per_venue_elsewhere", lang)), look["note"]))
    columns = _two_columns(report, list_labels, look, font, lang, notes)
    # The figures come first: on a month with many workshops or categories the chart
    # gives way, so the sheet stays one page rather than pushing the figures to a third.
    if _height([*parts, *chart, columns]) <= A4[1] - 2 * MARGIN - 12:  # the frame pads 6 pt
        parts[-3:-3] = chart
    return [*parts, columns]


def _height(flowables: Sequence[Flowable]) -> float:
    """How tall the flowables stand on a portrait page's frame, spaces included."""
    width = A4[0] - 2 * MARGIN
    return float(
        sum(f.wrap(width, A4[1])[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)
    )


def _kpi_table(
    report: PeriodReport,
    kpis: Sequence[KpiRow],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> Table:
    """目標・KPI, this month, the year to date, the year's target, achieved so far."""
    this_month = report.months[-1][1]
    columns = ("item", "month", "year_to_date", "target", "achieved")
    data: list[list[object]] = [[text(f"report.pdf.column.{c}", lang) for c in columns]]
    for known, row in zip(metrics(), kpis, strict=True):
        month_row = replace(row, actual=metric_actual(this_month, known.code))
        data.append(
            [
                paragraph(escape(row.metric), look["cell"]),
                month_row.actual_text,
                row.actual_text,
                row.target_text,
                row.achievement_text,
            ]
        )
    table = Table(data, colWidths=[70 * mm, 26 * mm, 28 * mm, 28 * mm, 20 * mm], repeatRows=1)
    style = table_style(font, 8)
    style.add("ALIGN", (1, 0), (-1, -1), "RIGHT")
    style.add("BACKGROUND", (1, 1), (1, -1), SHADE)
    style.add("TOPPADDING", (0, 0), (-1, -1), 0.6)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 0.6)
    table.setStyle(style)
    return table


def _two_columns(
    report: PeriodReport,
    list_labels: dict[str, dict[str, str]],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
    notes: list[Flowable],
) -> Table:
    """Every figure, this month and the year to date, in grouped tables in two columns of
    about the same height (a group never split between them); `notes` under the shorter."""
    this_month, to_date = report.months[-1][1], report.totals
    rows = report_rows([this_month, to_date], lang, list_labels)
    groups = [list(items) for _, items in groupby(rows, key=lambda r: r.group_label)]
    column = (A4[0] - 2 * MARGIN - GAP) / 2
    tables = _group_tables(groups, this_month, to_date, look, column, lang)
    heights = [t.wrap(column, A4[1])[1] for t in tables]
    split = min(
        range(len(tables) + 1),
        key=lambda n: max(sum(heights[:n]), sum(heights[n:])),
    )
    left, right = tables[:split], tables[split:]
    shorter = left if sum(heights[:split]) <= sum(heights[split:]) else right
    shorter += notes
    table = Table([[left, right]], colWidths=[column + GAP, column])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _group_tables(
    groups: list[list[ReportRow]],
    this_month: PeriodFigures,
    to_date: PeriodFigures,
    look: dict[str, ParagraphStyle],
    width: float,
    lang: str,
) -> list[Flowable]:
    head = look["head"]
    small = look["small"]
    number = 17 * mm
    out: list[Flowable] = []
    for rows in groups:
        data: list[list[object]] = [
            [
                paragraph(escape(rows[0].group_label), head),
                text("report.pdf.column.month", lang),
                text("report.pdf.column.year_to_date", lang),
            ]
        ]
        data += [
            [
                paragraph(escape(r.item_label), small),
                shown(r.figure_id, row_value(this_month, r.item)),
                shown(r.figure_id, row_value(to_date, r.item)),
            ]
            for r in rows
        ]
        table = Table(data, colWidths=[width - 2 * number, number, number])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), small.fontName, 6.8),
                    ("BACKGROUND", (0, 0), (-1, 0), ROSE),
                    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
                    ("BOX", (0, 0), (-1, -1), 0.5, LINE),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ]
            )
        )
        table.spaceAfter = 0.8 * mm
        out.append(table)
    return out
