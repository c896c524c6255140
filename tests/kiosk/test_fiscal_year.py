from datetime import date

import pytest

from kiosk.core.errors import KioskError
from kiosk.core.fiscal_year import (
    fiscal_year_label,
    fiscal_year_months,
    fiscal_year_of,
    fiscal_year_range,
    set_start_month,
    start_month,
)


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2024, 3, 31), 2023),
        (date(2024, 4, 1), 2024),
        (date(2019, 4, 30), 2019),
        (date(2020, 1, 1), 2019),
    ],
)
def test_the_fiscal_year_turns_on_april_1(day, year):
    assert fiscal_year_of(day) == year


def test_labels_across_the_era_change():
    assert [fiscal_year_label(y) for y in (2018, 2019, 2020, 2023)] == [
        "平成30年度",
        "令和元年度",
        "令和2年度",
        "令和5年度",
    ]
    assert fiscal_year_label(2023, "en") == "FY2023"


def test_range_and_months():
    assert fiscal_year_range(2023) == (date(2023, 4, 1), date(2024, 3, 31))
    months = fiscal_year_months(2023)
    assert months[0] == (2023, 4) and months[-1] == (2024, 3) and len(months) == 12
    assert fiscal_year_range(2023, start=1) == (date(2023, 1, 1), date(2023, 12, 31))
    assert fiscal_year_of(date(2023, 9, 30), start=10) == 2022


def test_start_month_setting(ctx):
    assert start_month(ctx) == 4
    set_start_month(ctx, 10)
    assert start_month(ctx) == 10
    with pytest.raises(KioskError) as info:
        set_start_month(ctx, 13)
    assert info.value.code == "month_invalid" and start_month(ctx) == 10
