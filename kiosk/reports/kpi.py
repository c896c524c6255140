"""The KPI table of a period report, as the grant's form writes it.

区分 (事業目標 / 事業KPI), 目標・KPI, 種別 (アウトカム / アウトプット), 目標, 実績,
達成率 (actual ÷ target, rounded down to a whole percent, capped at 100%),
and the uncapped ratio beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.context import AppContext
from kiosk.reports.period import PeriodReport, metric_actual


@dataclass(frozen=True)
class KpiRow:
    group: str
    metric: str
    kind: str
    target: str
    actual: str
    achievement: str
    ratio: str


def kpi_rows(ctx: AppContext, report: PeriodReport, lang: str = "ja") -> list[KpiRow]:
    """Targets of the report's fiscal year (one venue's own, else the all-venue ones)."""
    from kiosk.reports import targets as kpi_targets

    year = report.period.fiscal_year
    if year is None:
        return []
    venue = report.venue_ids[0] if len(report.venue_ids) == 1 else None
    targets = kpi_targets.list_targets(ctx, year, venue)
    if not targets and venue is not None:
        targets = kpi_targets.list_targets(ctx, year, None)
    by_metric = {t.metric: t for t in targets}
    rows = []
    for known in kpi_targets.metrics():  # every metric, in the form's order; no target → —
        target = by_metric.get(known.code)
        actual = metric_actual(report.totals, known.code)
        unit = kpi_targets.metric_unit(known.code, lang)
        result = kpi_targets.achievement(actual, target.target if target else None)
        rows.append(
            KpiRow(
                group=kpi_targets.group_label(
                    target.group if target else known.default_group, lang
                ),
                metric=kpi_targets.metric_label(known.code, lang),
                kind=kpi_targets.kind_label(target.kind if target else known.default_kind, lang),
                target=f"{_number(target.target)}{unit}" if target else "—",
                actual="—" if actual is None else f"{_number(actual)}{unit}",
                achievement=result.text(),
                ratio="—" if result.ratio is None else f"{result.ratio:.2f}",
            )
        )
    return rows


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
