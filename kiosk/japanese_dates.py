"""Dates as Japanese documents write them: 令和8年11月22日(日).

Era boundaries are fixed facts, so a small table beats a dependency.
The first year of an era is written 元年.
"""

from __future__ import annotations

from datetime import date

# (first day, name); newest first.
ERAS: tuple[tuple[date, str], ...] = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
)
WEEKDAYS_JA = "月火水木金土日"


def era_year(day: date) -> tuple[str, int]:
    """The era name and the year within it, e.g. ("令和", 8) for 2026-11-22."""
    for start, name in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day} is before the eras this app knows")


def era_year_label(day: date) -> str:
    name, year = era_year(day)
    return f"{name}{'元' if year == 1 else year}年"


def era_date(day: date, weekday: bool = True) -> str:
    text = f"{era_year_label(day)}{day.month}月{day.day}日"
    return f"{text}({WEEKDAYS_JA[day.weekday()]})" if weekday else text


def western_date_ja(day: date) -> str:
    """2026年11月22日(日): for labels where the era would be unusual."""
    return f"{day.year}年{day.month}月{day.day}日({WEEKDAYS_JA[day.weekday()]})"
