"""The names the report files are given (the day, the range, the month or the fiscal year)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.reports.period import Period


def daily_filename(first: date | None, last: date | None, ending: str) -> str:
    """tsunagari-daily-<day><ending>, or -<first>_<last> for a range (ending: ".pdf")."""
    span = f"{first}" if first == last else f"{first}_{last}"
    return f"tsunagari-daily-{span}{ending}"


def period_filename(period: Period, ending: str) -> str:
    """tsunagari-report-<YYYY-MM | FY<year> | first_last><ending> (ending: ".pdf")."""
    span = (
        period.first.strftime("%Y-%m")
        if period.kind == "month"
        else f"{period.first}_{period.last}"
    )
    if period.kind == "fiscal_year":
        span = f"FY{period.fiscal_year}"
    return f"tsunagari-report-{span}{ending}"
