"""The one counting engine: one read per report, and cells that add up across grains.

Replaces the old oracle test (period totals against a tally per day, 11 s):
the daily tally and the period report are now the same engine, so what is
left to prove is that its cells add up: the month cells are the sum of the
day cells, and a fiscal year is the sum of its months. The data is made once
per test; hypothesis then picks spans and venues, which costs a few queries.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.reports import engine
from kiosk.reports.daily import daily_tally
from kiosk.reports.daily_export import ExportRequest, tallies_for
from kiosk.reports.engine import Cell, total
from kiosk.reports.period import fiscal_year_period, month_period, period_report
from tests.kiosk.test_period_report import on_day

START = date(2025, 3, 20)  # the span crosses into fiscal year 2025 (April)
DAYS = 75
ANSWERS = ("20s", "30s", "40s", "unanswered")


@pytest.fixture
def history(ctx, venue, clock) -> list[str]:
    """Two venues, café days over three months: first visits, repeats, count-only visits,
    children, and check-ins cancelled afterwards (which never count)."""
    other = venues.add_venue(ctx, "東部センター")
    ids = [venue.id, other.id]
    for n, offset in enumerate(range(0, DAYS, 7)):
        for index, venue_id in enumerate(ids):
            if (n + index) % 3 == 2:
                continue
            on_day(clock, START + timedelta(days=offset), hour=9 + n % 8)
            event = events.open_event(ctx, venue_id)
            for k in range(1 + (n + index) % 4):
                clock.advance(minutes=37)
                request = (
                    checkin.count_only_request(event.id)
                    if k == 3
                    else CheckInRequest(
                        event_id=event.id,
                        age_band=ANSWERS[(n + k) % 4],
                        first_visit=(n + k) % 2 == 0,
                        heard_from="flyer" if k % 2 else None,
                        children=tuple(ChildRequest("3-5") for _ in range(k % 2)),
                    )
                )
                done = checkin.check_in(ctx, request).visit
                if (n + k) % 5 == 4:
                    checkin.cancel_visit(ctx, done.id, "mistake")
            events.close_event(ctx, event.id, force=True)
    on_day(clock, date(2026, 11, 22))
    return ids


def additive(cell: Cell) -> dict[str, Any]:
    """Every figure of a cell, counters without their zeros (they add up exactly)."""
    out: dict[str, Any] = {}
    for f in fields(Cell):
        value = getattr(cell, f.name)
        if isinstance(value, dict):
            value = {k: (+v if hasattr(v, "items") else v) for k, v in value.items() if v}
        out[f.name] = value
    return out


def by_month(cells: dict[engine.CellKey, Cell]) -> dict[tuple[str, tuple[int, int]], Cell]:
    out: dict[tuple[str, tuple[int, int]], Cell] = {}
    for (venue_id, day), cell in cells.items():
        assert isinstance(day, date)
        out.setdefault((venue_id, (day.year, day.month)), Cell()).add(cell)
    return out


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.integers(0, DAYS),
    length=st.integers(0, DAYS),
    which=st.sampled_from([(0,), (1,), (0, 1)]),
)
def test_month_cells_are_the_sum_of_day_cells(ctx, history, first, length, which):
    ids = [history[i] for i in which]
    start = START + timedelta(days=first)
    end = start + timedelta(days=length)
    days = engine.count(ctx, ids, start, end, grain="day")
    months = engine.count(ctx, ids, start, end, grain="month")
    summed = by_month(days.cells)
    assert set(summed) == set(months.cells)
    for key, cell in months.cells.items():
        assert additive(summed[key]) == additive(cell), key
    assert additive(total(days.cells.values())) == additive(total(months.cells.values()))
    # Distinct regulars are not additive, but the span's are the same however it is cut.
    assert days.regulars.total == months.regulars.total


def test_a_fiscal_year_is_the_sum_of_its_months(ctx, history):
    year = period_report(ctx, fiscal_year_period(2025))
    months = [period_report(ctx, month_period(y, m)).totals for (y, m), _ in year.months]
    assert year.totals.visits > 0
    for name in ("visits", "first_visits", "repeat_visits", "count_only", "children"):
        assert getattr(year.totals, name) == sum(getattr(m, name) for m in months), name
    assert year.totals.total_openings == sum(m.total_openings for m in months)
    for code, n in year.totals.age_bands.counts:
        assert n == sum(dict(m.age_bands.counts)[code] for m in months)
    assert [f.visits for _, f in year.months] == [m.visits for m in months]
    # and each day of it is the daily tally of that day
    day = START + timedelta(days=16)
    cells = engine.count(ctx, history[:1], day, day, grain="day").cells
    assert daily_tally(ctx, history[0], day).visits == sum(c.visits for c in cells.values())


class CountingSessions:
    """A sessionmaker that counts the sessions opened through it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.opened = 0
        self.kw = inner.kw

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.opened += 1
        return self.inner(*args, **kwargs)


def test_a_tally_and_a_range_export_are_one_read(ctx, history):
    """One consistent read: before the engine a tally opened five sessions, and a range
    one tally per venue per day."""
    sessions = CountingSessions(ctx.sessions)
    counted = replace(ctx, sessions=sessions)
    daily_tally(counted, history[0], START)
    assert sessions.opened == 1
    sessions.opened = 0
    request = ExportRequest(START, START + timedelta(days=DAYS), tuple(history), "csv")
    found = tallies_for(counted, request)
    assert sessions.opened == 1
    assert sum(t.visits for t in found) == period_report(
        ctx, month_period(2025, 3)
    ).totals.visits + sum(
        period_report(ctx, month_period(2025, m)).totals.visits for m in (4, 5, 6)
    )
