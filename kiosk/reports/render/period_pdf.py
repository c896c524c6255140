"""A period report as a multi-page A4 PDF: cover, KPI table with charts and the
seal box (portrait), month-by-month and per-venue tables (landscape).
Same embedded font and look as the daily PDF.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
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
    Paragraph,
    Spacer,
    Table,
)

from kiosk import __version__
from kiosk.core.export_file import ExportFile
from kiosk.core.pdf_font import japanese_font
from kiosk.core.translations import text
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
from kiosk.reports.render.export_file import period_filename
from kiosk.reports.render.pdf_pages import (
    MARGIN,
    SHADE,
    bar_chart,
    footer,
    seal_box,
    styles,
    table_style,
)
from kiosk.reports.render.period_csv import kpi_header, month_heading


def render_period_pdf(
    report: PeriodReport,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    lang: str = "ja",
    generated_at: datetime | None = None,
) -> ExportFile:
    font = japanese_font()
    look = styles(font)
    buffer = io.BytesIO()
    name = text("report.pdf.period_title", lang)
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{title} {name} {report.period.label}",
        author="Tsunagari",
        creator=f"Tsunagari {__version__}",
        initialFontName=font,
    )
    margin = MARGIN
    page_footer = footer(font, lang, generated_at)
    portrait = Frame(margin, margin, A4[0] - 2 * margin, A4[1] - 2 * margin, id="portrait")
    wide = landscape(A4)
    sideways = Frame(margin, margin, wide[0] - 2 * margin, wide[1] - 2 * margin, id="landscape")
    doc.addPageTemplates(
        [
            PageTemplate("portrait", [portrait], onPage=page_footer, pagesize=A4),
            PageTemplate("landscape", [sideways], onPage=page_footer, pagesize=wide),
        ]
    )
    story: list[Flowable] = []
    story += _cover(report, title, look, lang)
    story += _kpi_page(report, kpis, look, font, lang)
    columns = [f for _, f in report.months] + [report.totals]
    rows = report_rows([*columns, *[f for _, f in report.per_venue]], lang, list_labels)
    years = {y for (y, _), _ in report.months} if report.period.kind != "fiscal_year" else set()
    headings = [month_heading(y, m, lang, len(years) > 1) for (y, m), _ in report.months]
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    months_title = f"{escape(report.venue_label)}　{text('report.pdf.months', lang)}"
    story.append(Paragraph(months_title, look["title"]))
    total = text("report.total", lang)
    story.append(_wide_table(rows, [*headings, total], columns, wide[0] - 2 * margin, font))
    if report.per_venue:
        story.append(PageBreak())
        story.append(Paragraph(text("report.pdf.venues", lang), look["title"]))
        names = [n for n, _ in report.per_venue] + [text("report.all_venues", lang)]
        figures = [f for _, f in report.per_venue] + [report.totals]
        story.append(_wide_table(rows, names, figures, wide[0] - 2 * margin, font))
    doc.build(story)
    return ExportFile(period_filename(report.period, ".pdf"), "application/pdf", buffer.getvalue())


def _cover(
    report: PeriodReport, title: str, look: dict[str, ParagraphStyle], lang: str
) -> list[Flowable]:
    name = text("report.pdf.period_title", lang)
    parts: list[Flowable] = [
        Spacer(1, 50 * mm),
        Paragraph(escape(title), look["title"]),
        Spacer(1, 4 * mm),
        Paragraph(f"{name}　{escape(report.period.label)}", look["title"]),
        Spacer(1, 6 * mm),
        Paragraph(
            f"{escape(report.venue_label)}　（{report.period.first.isoformat()} 〜 "
            f"{report.period.last.isoformat()}）",
            look["meta"],
        ),
    ]
    if report.period.crosses_fiscal_years:
        parts.append(Paragraph(text("report.pdf.crosses", lang), look["note"]))
    parts += [Spacer(1, 10 * mm), Paragraph(distinct_method(lang), look["note"]), PageBreak()]
    return parts


def _kpi_page(
    report: PeriodReport,
    kpis: Sequence[KpiRow],
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> list[Flowable]:
    parts: list[Flowable] = [
        Paragraph(text("report.pdf.kpi", lang), look["title"]),
        Spacer(1, 3 * mm),
    ]
    if kpis:
        data = [kpi_header(lang)] + [
            [
                k.group,
                Paragraph(escape(k.metric), look["cell"]),
                *k.texts()[2:],
            ]
            for k in kpis
        ]
        table = Table(
            data,
            colWidths=[22 * mm, 52 * mm, 22 * mm, 20 * mm, 20 * mm, 16 * mm, 14 * mm],
            repeatRows=1,
        )
        table.setStyle(table_style(font, 8.5))
        note = Paragraph(text("report.pdf.rate_note", lang), look["note"])
        parts += [table, Spacer(1, 2 * mm), note]
    else:
        parts.append(Paragraph(text("report.pdf.no_kpi", lang), look["note"]))
    parts.append(Spacer(1, 6 * mm))
    months = report.months
    labels = [f"{m}" for (_, m), _ in months]
    parts.append(Paragraph(text("report.pdf.visits_chart", lang), look["body"]))
    parts.append(bar_chart(labels, [f.visits for _, f in months], font, 42 * mm))
    parts.append(Paragraph(text("report.pdf.satisfaction_chart", lang), look["body"]))
    parts.append(bar_chart(labels, [_rate(f) for _, f in months], font, 42 * mm, top=100))
    parts.append(Spacer(1, 4 * mm))
    parts.append(seal_box(font, lang))
    return parts


def _rate(figures: PeriodFigures) -> float:
    value = figures.satisfaction.percent(1)
    return float(value) if value is not None else 0.0


def _wide_table(
    rows: list[ReportRow],
    headings: list[str],
    figures: list[PeriodFigures],
    width: float,
    font: str,
) -> Table:
    first, second = 26 * mm, 50 * mm
    each = (width - first - second) / max(1, len(headings))
    label_style = ParagraphStyle("label", fontName=font, fontSize=6.8, leading=8)
    data: list[list[object]] = [["", "", *headings]]
    previous = None
    for r in rows:
        data.append(
            [
                r.group_label if r.group != previous else "",
                Paragraph(escape(r.item_label), label_style),
                *[shown(r.figure_id, row_value(f, r.item)) for f in figures],
            ]
        )
        previous = r.group
    table = Table(data, colWidths=[first, second, *[each] * len(headings)], repeatRows=1)
    style = table_style(font, 6.8)
    style.add("ALIGN", (2, 1), (-1, -1), "RIGHT")
    style.add("BACKGROUND", (-1, 1), (-1, -1), SHADE)
    table.setStyle(style)
    return table
