"""A period report as CSV (same encodings and formula safety as the daily CSV).

Blocks separated by an empty line, each with its own Japanese header:
1. 事業名, 期間, 会場, 作成日
2. the KPI table (区分, 目標・KPI, 種別, 目標, 実績, 達成率, 比率), for a fiscal year
3. figures by month: 区分, 項目, one column per month, 合計
4. for all venues: 区分, 項目, one column per venue, 全会場
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kiosk.core.csv_cells import render_csv
from kiosk.core.export_file import ExportFile
from kiosk.core.translations import text
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import PeriodReport, report_rows, row_value
from kiosk.reports.render.export_file import period_filename

META = ("project", "period", "venue", "made_on")
KPI = ("group", "metric", "kind", "target", "actual", "achieved", "ratio")


def kpi_header(lang: str) -> list[str]:
    """The KPI table's headings, as the grant's form has them."""
    return [text(f"report.kpi.{c}", lang) for c in KPI]


def month_heading(year: int, month: int, lang: str, many_years: bool) -> str:
    if lang == "ja":
        return f"{year}年{month}月" if many_years else f"{month}月"
    return f"{year}-{month:02d}"


def render_period_csv(
    report: PeriodReport,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    made_on: date,
    encoding: str = "utf-8-sig",
    lang: str = "ja",
) -> ExportFile:
    group, item = text("report.column.group", lang), text("report.column.item", lang)
    columns = [f for _, f in report.months] + [report.totals]
    rows = report_rows([*columns, *[f for _, f in report.per_venue]], lang, list_labels)
    years = {y for (y, _), _ in report.months} if report.period.kind != "fiscal_year" else set()
    table: list[Sequence[object]] = [
        [title, report.period.label, report.venue_label, made_on.isoformat()],
        [],
    ]
    if kpis:
        table.append(kpi_header(lang))
        table += [k.texts() for k in kpis]
        table.append([])
    table.append(
        [
            group,
            item,
            *[month_heading(y, m, lang, len(years) > 1) for (y, m), _ in report.months],
            text("report.total", lang),
        ]
    )
    table += [[r.group_label, r.item_label, *[row_value(f, r.item) for f in columns]] for r in rows]
    if report.per_venue:
        table.append([])
        table.append(
            [group, item, *[n for n, _ in report.per_venue], text("report.all_venues", lang)]
        )
        venue_columns = [f for _, f in report.per_venue] + [report.totals]
        table += [
            [r.group_label, r.item_label, *[row_value(f, r.item) for f in venue_columns]]
            for r in rows
        ]
    data = render_csv([text(f"report.column.{c}", lang) for c in META], table, encoding)
    return ExportFile(period_filename(report.period, ".csv"), "text/csv", data)
