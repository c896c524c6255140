"""KPI targets for the demo's fiscal years, so the reports show the grant's table."""

from __future__ import annotations

from typing import Any

from kiosk.core.fiscal_year import fiscal_year_of
from kiosk.demo.rows import DemoDays
from kiosk.reports.targets import metric

# Per fiscal year, for the three demo venues together (the demo's pace).
TARGETS = {
    "openings": 200,
    "visits": 2400,
    "distinct_visitors": 500,
    "children": 300,
    "workshop_participants": 700,
    "consultations": 300,
    "referrals": 25,
    "case_meetings": 10,
    "satisfaction_rate": 80,
}


def build(days: DemoDays) -> list[dict[str, Any]]:
    row = days.rows("targets").row
    built_at = days.built_at
    rows = []
    for year in range(fiscal_year_of(days.first), fiscal_year_of(days.last) + 1):
        for code, target in TARGETS.items():
            known = metric(code)
            rows.append(
                row(
                    built_at,
                    fiscal_year=year,
                    metric=code,
                    venue_id=None,
                    target=float(target),
                    target_group=known.default_group,
                    kind=known.default_kind,
                )
            )
    return rows
