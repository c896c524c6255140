"""Month and fiscal-year reports: hand counts (how they add up: tests/kiosk/test_engine.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.core.errors import KioskError
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.reports.daily import daily_tally
from kiosk.reports.period import (
    fiscal_year_period,
    metric_actual,
    month_period,
    parse_month,
    period_report,
    range_period,
    report_rows,
    row_value,
)
from tests.conftest import JST
from tests.report_files import csv_tables


def on_day(clock, day: date, hour: int = 10) -> None:
    clock.now = datetime(day.year, day.month, day.day, hour, 0, tzinfo=JST)


def hold(ctx, clock, venue_id, day, visits):
    """A café day with the given check-ins (dicts of CheckInRequest fields)."""
    on_day(clock, day)
    event = events.open_event(ctx, venue_id)
    for answers in visits:
        clock.advance(minutes=3)
        checkin.check_in(ctx, CheckInRequest(event_id=event.id, **answers))
    events.close_event(ctx, event.id, force=True)
    return event


def test_periods_and_labels():
    assert month_period(2023, 10).label == "令和5年10月"
    assert parse_month("2019-04").label == "平成31年4月"
    fy = fiscal_year_period(2023)
    assert (fy.first, fy.last, fy.label) == (date(2023, 4, 1), date(2024, 3, 31), "令和5年度")
    assert range_period(date(2024, 3, 1), date(2024, 4, 30)).crosses_fiscal_years
    assert not range_period(date(2024, 4, 1), date(2024, 4, 30)).crosses_fiscal_years
    for bad in ("2023-13", "2023", "abc", "2023-00"):
        with pytest.raises(KioskError) as info:
            parse_month(bad)
        assert info.value.code == "month_invalid"


def test_a_hand_counted_month_with_distinct_people(ctx, venue, clock):
    hold(
        ctx,
        clock,
        venue.id,
        date(2026, 10, 4),
        [
            {"age_band": "30s", "nickname": "さくら", "children": (ChildRequest("1-2"),)},
            {"age_band": "40s"},  # first visit, no nickname: a person
            {
                "age_band": "50s",
                "first_visit": False,
            },  # came before, no nickname: not counted again
        ],
    )
    sakura = checkin.find_visitors(ctx, "sakura")[0]
    hold(
        ctx,
        clock,
        venue.id,
        date(2026, 10, 18),
        [
            {"age_band": "30s", "visitor_id": sakura.visitor_id},  # the same regular again
            {"age_band": "20s", "nickname": "ゆき"},
        ],
    )
    on_day(clock, date(2026, 11, 22))
    report = period_report(ctx, month_period(2026, 10), venue.id)
    t = report.totals
    assert (t.visits, t.first_visits, t.repeat_visits, t.children) == (5, 3, 2, 1)
    assert t.distinct_people == 3  # さくら, ゆき, and the 40s first-timer
    assert t.openings["cafe"] == 2 and t.participants["cafe"] == 5
    assert metric_actual(t, "openings") == 2 and metric_actual(t, "satisfaction_rate") is None
    assert [ym for ym, _ in report.months] == [(2026, 10)]


def test_fiscal_year_has_twelve_month_columns_summing_to_the_total(ctx, venue, clock):
    hold(ctx, clock, venue.id, date(2024, 3, 31), [{"age_band": "30s"}])  # previous FY
    hold(ctx, clock, venue.id, date(2024, 4, 1), [{"age_band": "30s"}, {"age_band": "60s"}])
    hold(ctx, clock, venue.id, date(2025, 3, 31), [{"age_band": "20s"}])
    on_day(clock, date(2026, 11, 22))
    report = period_report(ctx, fiscal_year_period(2024))
    months = report.months
    assert [ym for ym, _ in months][:2] == [(2024, 4), (2024, 5)] and months[-1][0] == (2025, 3)
    assert report.totals.visits == 3 == sum(f.visits for _, f in months)
    rows = report_rows([report.totals], "ja", {})
    assert row_value(report.totals, "age:60s") == 1
    assert {r.group for r in rows} >= {"openings", "visits", "consultations", "survey"}


def test_all_venues_has_a_column_per_venue(ctx, venue, clock):
    other = venues.add_venue(ctx, "東部センター")
    hold(ctx, clock, venue.id, date(2026, 10, 4), [{"age_band": "30s"}])
    hold(ctx, clock, other.id, date(2026, 10, 5), [{"age_band": "30s"}, {"age_band": "40s"}])
    report = period_report(ctx, month_period(2026, 10))
    assert report.venue_label == "全会場"
    assert [(n, f.visits) for n, f in report.per_venue] == [("中央公民館", 1), ("東部センター", 2)]
    assert report.totals.visits == 3


def test_kpi_table_as_the_grant_form_writes_it(ctx, venue, clock):
    from kiosk.consultations.records import record_case_meeting
    from kiosk.reports.kpi import kpi_rows
    from kiosk.reports.targets import set_target

    hold(ctx, clock, venue.id, date(2025, 6, 1), [{"age_band": "30s"} for _ in range(10)])
    on_day(clock, date(2026, 11, 22))
    for day in range(1, 11):
        record_case_meeting(ctx, venue.id, date(2025, 7, day))
    set_target(ctx, 2025, "case_meetings", 6, "goal", "outcome")
    set_target(ctx, 2025, "visits", 15, "kpi", "output")
    report = period_report(ctx, fiscal_year_period(2025))
    rows = {r.metric: r for r in kpi_rows(ctx, report)}
    meetings = rows["個別ケース会議の実施回数"]
    assert (meetings.group, meetings.kind, meetings.target_text, meetings.actual_text) == (
        "事業目標",
        "アウトカム",
        "6回",
        "10回",
    )
    assert (meetings.achievement_text, meetings.ratio_text) == (
        "100%",
        "1.67",
    )  # capped, ratio beside it
    visits = rows["カフェ延参加者数"]
    assert (visits.actual_text, visits.achievement_text) == ("10人", "66%")  # 10/15 rounded down
    assert kpi_rows(ctx, period_report(ctx, month_period(2025, 6))) == []  # months: no KPI table


def test_paper_lists_join_every_total_once(ctx, venue, clock):
    from kiosk.door.paper_days import PaperDayDraft, record_paper_day
    from kiosk.reports.render.daily_csv import render_daily_csv

    hold(ctx, clock, venue.id, date(2026, 10, 4), [{"age_band": "30s"}, {"age_band": "40s"}])
    on_day(clock, date(2026, 11, 22))
    paper_day = date(2026, 10, 11)  # the laptop stayed at the office that Sunday
    record_paper_day(
        ctx,
        PaperDayDraft(
            venue.id,
            paper_day,
            {"30s": 3, "60s": 1},
            {"resident": 4},
            first_visits=1,
            children=2,
            children_by_age={"3-5": 2},
            workshop_participants=2,
        ),
    )
    tally = daily_tally(ctx, venue.id, paper_day)
    assert tally.held and tally.from_paper and not tally.event_kinds
    assert (tally.visits, tally.first_visits, tally.repeat_visits, tally.children) == (4, 1, 3, 2)
    assert dict(tally.age_bands.counts)["60s"] == 1
    assert "紙の受付簿（後日入力）" in render_daily_csv([tally]).data.decode("utf-8-sig")

    month = period_report(ctx, month_period(2026, 10), venue.id).totals
    assert (month.visits, month.total_openings, month.paper_days) == (6, 2, 1)
    assert month.openings["cafe"] == 2 and month.participants["cafe"] == 6
    assert month.distinct_people == 2 + 1  # two first-timers at the door, one on paper
    assert metric_actual(month, "workshop_participants") == 2
    assert month.visits == sum(
        daily_tally(ctx, venue.id, d).visits for d in (date(2026, 10, 4), paper_day)
    )


def test_every_metric_is_listed_and_the_pdf_holds_the_kpi_figures(ctx, venue, clock):
    import io

    from pypdf import PdfReader

    from kiosk.reports.period_export import PeriodRequest, render
    from kiosk.reports.targets import set_target

    hold(ctx, clock, venue.id, date(2025, 6, 1), [{"age_band": "30s"} for _ in range(11)])
    on_day(clock, date(2026, 11, 22))
    set_target(ctx, 2025, "visits", 15, "goal", "outcome")
    from kiosk.reports.kpi import kpi_rows

    rows = kpi_rows(ctx, period_report(ctx, fiscal_year_period(2025)))
    assert len(rows) == 10  # every metric of the form
    no_target = next(r for r in rows if r.metric == "相談件数")
    assert (no_target.target, no_target.achievement) == (None, None)
    assert (no_target.target_text, no_target.achievement_text) == ("—", "—")
    pdf = render(ctx, PeriodRequest(fiscal_year_period(2025), None, "pdf")).data
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "カフェ延参加者数" in text and "15人" in text and "11人" in text and "73%" in text
    exported = render(ctx, PeriodRequest(fiscal_year_period(2025), None, "csv"))
    kpi = csv_tables(exported.data)["kpi"]
    assert kpi[0][3:] == ["単位", "目標", "実績", "達成率（%）", "比率"]
    assert ["事業目標", "カフェ延参加者数", "アウトカム", "人", "15", "11", "73", "0.73"] in kpi


def test_workshops_of_the_same_name_from_two_pcs_are_summed(ctx, venue, clock):
    """Two venue PCs each made their own ヨガ; after a merge the report row holds both."""
    from datetime import time as clock_time

    from db.models import Workshop
    from kiosk.workshops import catalogue, signups, slots
    from kiosk.workshops.catalogue import WorkshopDraft

    mine = catalogue.add_workshop(ctx, WorkshopDraft("ヨガ"))
    with ctx.sessions.begin() as session:  # the other PC's ヨガ, as an import leaves it
        theirs = Workshop(name="ヨガ", active=True, device_id="other-pc", default_minutes=60)
        session.add(theirs)
        session.flush()
        theirs_id = theirs.id
    day = date(2026, 11, 22)
    on_day(clock, day)
    event = events.open_event(ctx, venue.id)
    for workshop_id, people in ((mine.id, 2), (theirs_id, 3)):
        slot = slots.add_slot(ctx, event.id, workshop_id, clock_time(13, 0), None)
        for _ in range(people):
            visit = checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
            signed = signups.sign_up(ctx, slot.id, visit.visit.id)
            signups.set_attended(ctx, signed.signup.id)
    report = period_report(ctx, month_period(2026, 11))
    rows = [row.item for row in report_rows([report.totals], "ja", {})]
    assert rows.count("workshop:ヨガ") == 1
    assert row_value(report.totals, "workshop:ヨガ") == 5
