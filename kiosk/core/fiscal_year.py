"""Fiscal years (年度): April to March by default, labelled in the Japanese era.

A fiscal year is named by the calendar year it starts in (FY2023 runs
2023-04-01 .. 2024-03-31) and written 令和5年度. The era is the one of the
31 December of that year, which gives the usage of Japanese offices across
the 2019 change: FY2018 平成30年度, FY2019 令和元年度.
"""

from __future__ import annotations

from datetime import date, timedelta

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.japanese_dates import era_year

DEFAULT_START_MONTH = 4
START_MONTH_KEY = "fiscal_year_start_month"


def start_month(ctx: AppContext) -> int:
    value = settings.get(ctx, START_MONTH_KEY)
    return (
        int(value) if value and value.isdigit() and 1 <= int(value) <= 12 else DEFAULT_START_MONTH
    )


def set_start_month(ctx: AppContext, month: int) -> None:
    if not 1 <= month <= 12:
        raise KioskError("month_invalid", value=str(month))
    settings.put(ctx, START_MONTH_KEY, str(month))


def fiscal_year_of(day: date, start: int = DEFAULT_START_MONTH) -> int:
    return day.year if day.month >= start else day.year - 1


def fiscal_year_range(year: int, start: int = DEFAULT_START_MONTH) -> tuple[date, date]:
    first = date(year, start, 1)
    last = date(year + 1, start, 1) - timedelta(days=1) if start > 1 else date(year, 12, 31)
    return first, last


def fiscal_year_months(year: int, start: int = DEFAULT_START_MONTH) -> list[tuple[int, int]]:
    """The twelve (year, month) pairs of the fiscal year, in order."""
    return [(year + (start - 1 + i) // 12, (start - 1 + i) % 12 + 1) for i in range(12)]


def fiscal_year_label(year: int, lang: str = "ja") -> str:
    if lang != "ja":
        return f"FY{year}"
    name, number = era_year(date(year, 12, 31))
    return f"{name}{'元' if number == 1 else number}年度"
