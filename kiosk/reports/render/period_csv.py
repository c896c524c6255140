"""A period report as CSV: its tables (KPI, months, venues), one table per file.

The KPI table: 区分, 目標・KPI, 種別, 単位, 目標, 実績, 達成率（%）, 比率, all
figures numbers. The months table: 区分, 項目, 単位, one column per month,
合計. The venues table (all venues): 区分, 項目, 単位, one column per venue,
全会場. A month of one venue is one .csv; otherwise a .zip of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kiosk.core.export_file import ExportFile
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import PeriodReport
from kiosk.reports.render.export_file import period_filename
from kiosk.reports.render.table_csv import render_tables_csv
from kiosk.reports.tables import period_tables


def render_period_csv(
    report: PeriodReport,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    made_on: date,
    encoding: str = "utf-8-sig",
    lang: str = "ja",
) -> ExportFile:
    tables = period_tables(report, title, kpis, list_labels, made_on, lang)
    return render_tables_csv(tables, period_filename(report.period, ""), encoding)
