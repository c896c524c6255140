"""Dates as Japanese documents write them: 令和8年11月22日(日).

Era boundaries are fixed facts, so a small table beats a dependency.
The first year of an era is written 元年.

Every era since Japan took up the Western calendar is known: 明治6年1月1日
(1873-01-01) is the first day a Western date has a Japanese one with the
same month and day. An earlier date is refused with a coded error (no
report is about it; it is a typing slip), never a traceback.
"""

from __future__ import annotations

from datetime import date

from kiosk.core.errors import KioskError

# (first day, name, the Western year of its 元年); newest first.
ERAS: tuple[tuple[date, str, int], ...] = (
    (date(2019, 5, 1), "令和", 2019),
    (date(1989, 1, 8), "平成", 1989),
    (date(1926, 12, 25), "昭和", 1926),
    (date(1912, 7, 30), "大正", 1912),
    (date(1873, 1, 1), "明治", 1868),  # the Western calendar from 明治6年
)
FIRST_DAY = ERAS[-1][0]
WEEKDAYS_JA = "月火水木金土日"


def check_supported(day: date) -> date:
    """`day` itself, or date_before_eras for a day no Japanese date can be written for."""
    if day < FIRST_DAY:
        raise KioskError("date_before_eras", day=day.isoformat(), first=FIRST_DAY.isoformat())
    return day


def era_year(day: date) -> tuple[str, int]:
    """The era name and the year within it, e.g. ("令和", 8) for 2026-11-22."""
    check_supported(day)
    for start, name, first_year in ERAS:
        if day >= start:
            return name, day.year - first_year + 1
    raise AssertionError("check_supported let an earlier day through")


def era_year_label(day: date) -> str:
    name, year = era_year(day)
    return f"{name}{'元' if year == 1 else year}年"


def era_date(day: date, weekday: bool = True) -> str:
    text = f"{era_year_label(day)}{day.month}月{day.day}日"
    return f"{text}({WEEKDAYS_JA[day.weekday()]})" if weekday else text


def western_date_ja(day: date) -> str:
    """2026年11月22日(日): for labels where the era would be unusual."""
    return f"{day.year}年{day.month}月{day.day}日({WEEKDAYS_JA[day.weekday()]})"
