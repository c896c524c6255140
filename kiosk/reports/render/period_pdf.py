"""A period report as a multi-page A4 PDF: cover, KPI table with charts and the
seal box (portrait), month-by-month and per-venue tables (landscape).
Same embedded font and look as the daily PDF.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
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
    TableStyle,
)

from kiosk import __version__
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import (
    DISTINCT_METHOD,
    PeriodFigures,
    PeriodReport,
    ReportRow,
    report_rows,
    row_value,
)
from kiosk.reports.render.csv_cells import ExportFile
from kiosk.reports.render.daily_pdf import LINE, ROSE, SHADE, TEXT, _seal_box, _styles
from kiosk.reports.render.daily_pdf import WORDS as DAILY_WORDS
from kiosk.reports.render.pdf_font import japanese_font
from kiosk.reports.render.period_csv import WORDS, _filename, month_heading

TITLES = {
    "ja": {
        "report": "実施状況報告",
        "kpi": "目標・KPIの達成状況",
        "no_kpi": "この期間に目標は設定されていません（設定→目標）。",
        "months": "月別の実績",
        "venues": "会場別の実績",
        "visits_chart": "月別の来場者数（延べ）",
        "satisfaction_chart": "月別の満足度（%）",
        "crosses": "※ この期間は年度をまたいでいます。",
        "rate_note": "達成率＝実績÷目標（小数点以下切り捨て、100%を上限）。比率は上限なしの値。",
    },
    "en": {
        "report": "Activity report",
        "kpi": "Targets and KPIs",
        "no_kpi": "No targets were set for this period (Settings → targets).",
        "months": "By month",
        "venues": "By venue",
        "visits_chart": "Visits per month",
        "satisfaction_chart": "Satisfaction per month (%)",
        "crosses": "* This period crosses fiscal years.",
        "rate_note": "Achieved = actual ÷ target, rounded down, at most 100%. Ratio: uncapped.",
    },
}


def render_period_pdf(
    report: PeriodReport,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    lang: str = "ja",
    generated_at: datetime | None = None,
) -> ExportFile:
    font = japanese_font()
    words = TITLES.get(lang, TITLES["ja"])
    daily = DAILY_WORDS.get(lang, DAILY_WORDS["ja"])
    styles = _styles(font)
    stamp = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{title} {words['report']} {report.period.label}",
        author="Tsunagari",
        creator=f"Tsunagari {__version__}",
        initialFontName=font,
    )
    margin = 16 * mm

    def footer(canvas: Canvas, _doc: object) -> None:
        width = canvas._pagesize[0]
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(colors.HexColor("#7a6e66"))
        canvas.drawString(
            margin, 9 * mm, f"{daily['generated']} {stamp} ・ Tsunagari {__version__}"
        )
        canvas.drawRightString(width - margin, 9 * mm, f"{canvas.getPageNumber()} {daily['page']}")
        canvas.restoreState()

    portrait = Frame(margin, margin, A4[0] - 2 * margin, A4[1] - 2 * margin, id="portrait")
    wide = landscape(A4)
    sideways = Frame(margin, margin, wide[0] - 2 * margin, wide[1] - 2 * margin, id="landscape")
    doc.addPageTemplates(
        [
            PageTemplate("portrait", [portrait], onPage=footer, pagesize=A4),
            PageTemplate("landscape", [sideways], onPage=footer, pagesize=wide),
        ]
    )
    story: list[Flowable] = []
    story += _cover(report, title, words, styles, lang)
    story += _kpi_page(report, kpis, words, daily, styles, font)
    columns = [f for _, f in report.months] + [report.totals]
    rows = report_rows([*columns, *[f for _, f in report.per_venue]], lang, list_labels)
    years = {y for (y, _), _ in report.months} if report.period.kind != "fiscal_year" else set()
    headings = [month_heading(y, m, lang, len(years) > 1) for (y, m), _ in report.months]
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    story.append(Paragraph(f"{escape(report.venue_label)}　{words['months']}", styles["title"]))
    story.append(
        _wide_table(
            rows, [*headings, str(WORDS[lang]["total"])], columns, wide[0] - 2 * margin, font
        )
    )
    if report.per_venue:
        story.append(PageBreak())
        story.append(Paragraph(words["venues"], styles["title"]))
        names = [n for n, _ in report.per_venue] + [str(WORDS[lang]["all"])]
        figures = [f for _, f in report.per_venue] + [report.totals]
        story.append(_wide_table(rows, names, figures, wide[0] - 2 * margin, font))
    doc.build(story)
    return ExportFile(_filename(report, "pdf"), "application/pdf", buffer.getvalue())


def _cover(
    report: PeriodReport,
    title: str,
    words: dict[str, str],
    styles: dict[str, ParagraphStyle],
    lang: str,
) -> list[Flowable]:
    parts: list[Flowable] = [
        Spacer(1, 50 * mm),
        Paragraph(escape(title), styles["title"]),
        Spacer(1, 4 * mm),
        Paragraph(f"{words['report']}　{escape(report.period.label)}", styles["title"]),
        Spacer(1, 6 * mm),
        Paragraph(
            f"{escape(report.venue_label)}　（{report.period.first.isoformat()} 〜 "
            f"{report.period.last.isoformat()}）",
            styles["meta"],
        ),
    ]
    if report.period.crosses_fiscal_years:
        parts.append(Paragraph(words["crosses"], styles["note"]))
    parts += [Spacer(1, 10 * mm), Paragraph(DISTINCT_METHOD[lang], styles["note"]), PageBreak()]
    return parts


def _kpi_page(
    report: PeriodReport,
    kpis: Sequence[KpiRow],
    words: dict[str, str],
    daily: dict[str, str],
    styles: dict[str, ParagraphStyle],
    font: str,
) -> list[Flowable]:
    lang = "en" if words is TITLES["en"] else "ja"
    parts: list[Flowable] = [Paragraph(words["kpi"], styles["title"]), Spacer(1, 3 * mm)]
    if kpis:
        head = WORDS[lang]["kpi"]
        data = [list(head)] + [
            [
                k.group,
                Paragraph(escape(k.metric), styles["cell"]),
                k.kind,
                k.target,
                k.actual,
                k.achievement,
                k.ratio,
            ]
            for k in kpis
        ]
        table = Table(
            data,
            colWidths=[22 * mm, 52 * mm, 22 * mm, 20 * mm, 20 * mm, 16 * mm, 14 * mm],
            repeatRows=1,
        )
        table.setStyle(_table_style(font, 8.5))
        parts += [table, Spacer(1, 2 * mm), Paragraph(words["rate_note"], styles["note"])]
    else:
        parts.append(Paragraph(words["no_kpi"], styles["note"]))
    parts.append(Spacer(1, 6 * mm))
    months = report.months
    labels = [f"{m}" for (_, m), _ in months]
    parts.append(Paragraph(words["visits_chart"], styles["body"]))
    parts.append(_bars(labels, [f.visits for _, f in months], font))
    parts.append(Paragraph(words["satisfaction_chart"], styles["body"]))
    parts.append(_bars(labels, [_rate(f) for _, f in months], font, top=100))
    parts.append(Spacer(1, 4 * mm))
    parts.append(_seal_box(daily, font))
    return parts


def _rate(figures: PeriodFigures) -> float:
    value = figures.satisfaction.percent(1)
    return float(value) if value is not None else 0.0


def _bars(labels: list[str], values: list[float], font: str, top: float | None = None) -> Drawing:
    width, height = A4[0] - 32 * mm, 42 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 26, 14, width - 36, height - 22
    chart.data = [values or [0]]
    chart.bars[0].fillColor = ROSE
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    peak = top or max(5.0, max(values or [0]) * 1.15)
    chart.valueAxis.valueMax = peak
    chart.valueAxis.valueStep = max(1.0, round(peak / 5))
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = labels or [""]
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LINE
    drawing.add(chart)
    return drawing


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
                *[str(row_value(f, r.item)) for f in figures],
            ]
        )
        previous = r.group
    table = Table(data, colWidths=[first, second, *[each] * len(headings)], repeatRows=1)
    style = _table_style(font, 6.8)
    style.add("ALIGN", (2, 1), (-1, -1), "RIGHT")
    style.add("BACKGROUND", (-1, 1), (-1, -1), SHADE)
    table.setStyle(style)
    return table


def _table_style(font: str, size: float) -> TableStyle:
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
