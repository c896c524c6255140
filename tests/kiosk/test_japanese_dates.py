"""Japanese era dates: every era since the Western calendar, and a clear refusal before it."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.core.fiscal_year import fiscal_year_label
from kiosk.core.japanese_dates import era_date, era_year_label


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2026, 11, 22), "令和8年11月22日(日)"),
        (date(2019, 5, 1), "令和元年5月1日(水)"),
        (date(2019, 4, 30), "平成31年4月30日(火)"),
        (date(1989, 1, 8), "平成元年1月8日(日)"),
        (date(1989, 1, 7), "昭和64年1月7日(土)"),
        (date(1926, 12, 25), "昭和元年12月25日(土)"),
        (date(1926, 12, 24), "大正15年12月24日(金)"),
        (date(1912, 7, 30), "大正元年7月30日(火)"),
        (date(1912, 7, 29), "明治45年7月29日(月)"),
        (date(1900, 1, 1), "明治33年1月1日(月)"),
        (date(1873, 1, 1), "明治6年1月1日(水)"),
    ],
)
def test_every_era_since_the_western_calendar(day, written):
    assert era_date(day) == written


@pytest.mark.parametrize("day", [date(1872, 12, 31), date(1, 1, 1)])
def test_a_day_before_it_is_refused_with_a_message(day):
    """It used to raise a bare ValueError: a traceback from `export daily --date 1800-01-01`."""
    for write in (era_date, era_year_label):
        with pytest.raises(KioskError) as excinfo:
            write(day)
        assert excinfo.value.code == "date_before_eras"
    assert "明治6年1月1日" in describe(excinfo.value, "ja")
    assert day.isoformat() in describe(excinfo.value, "en")


def test_fiscal_years_use_the_same_table():
    assert fiscal_year_label(2018) == "平成30年度"
    assert fiscal_year_label(2019) == "令和元年度"
    assert fiscal_year_label(1900) == "明治33年度"
