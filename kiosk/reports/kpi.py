"""The KPI table of a period report, as the grant's form writes it.

区分 (事業目標 / 事業KPI), 目標・KPI, 種別 (アウトカム / アウトプット), 目標, 実績,
達成率 (actual ÷ target, rounded down to a whole percent, capped at 100%),
and the uncapped ratio beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.context import AppContext
from kiosk.core.numbers import NO_FIGURE, grouped
from kiosk.core.translations import text
from kiosk.reports.figures import feeding
from kiosk.reports.period import PeriodReport, metric_actual


@dataclass(frozen=True)
class KpiRow:
    """One metric's line: numbers (None where there is none), and their texts for people."""

    group: str
    metric: str
    kind: str
    unit: str  # written after a figure: 回, 人, 件, % in Japanese; only % in English
    target: float | None
    actual: float | None
    achievement: int | None  # percent, rounded down, capped at 100
    ratio: float | None  # actual ÷ target, uncapped
    unit_name: str = ""  # the unit column of the CSV and the workbook: 回 / events, 人 / people

    @property
    def target_text(self) -> str:
        return _with_unit(self.target, self.unit)

    @property
    def actual_text(self) -> str:
        return _with_unit(self.actual, self.unit)

    @property
    def achievement_text(self) -> str:
        return NO_FIGURE if self.achievement is None else f"{self.achievement}%"

    @property
    def ratio_text(self) -> str:
        return NO_FIGURE if self.ratio is None else f"{self.ratio:.2f}"

    def texts(self) -> list[str]:
        """The row as the screen and the PDF write it (the KPI header's order)."""
        return [
            self.group,
            self.metric,
            self.kind,
            self.target_text,
            self.actual_text,
            self.achievement_text,
            self.ratio_text,
        ]


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
                unit=unit,
                target=target.target if target else None,
                actual=actual,
                achievement=result.percent_capped,
                ratio=result.ratio,
                unit_name=unit or _unit_name(known.code, lang),
            )
        )
    return rows


def _with_unit(value: float | None, unit: str) -> str:
    if value is None:
        return NO_FIGURE
    return f"{grouped(value) if float(value).is_integer() else grouped(value, 1)}{unit}"


def _unit_name(metric: str, lang: str) -> str:
    """English writes no counter after a number, but a unit column still names one."""
    found = feeding(metric)
    return "" if found is None else text(f"report.unit.{found.unit}", lang)
