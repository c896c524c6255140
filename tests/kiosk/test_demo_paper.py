"""The demo database has two paper lists entered afterwards, each one a valid entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from db.models import Event, PaperDay
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo import paper
from kiosk.demo.build import build_demo
from kiosk.demo.rows import DemoDays
from kiosk.door.paper_days import PaperDayDraft, check_draft, has_checkins, paper_counts

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)


def test_demo_paper_days_obey_every_rule_and_never_meet_a_check_in(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    build_demo(folder, seed=7, today=TODAY, tz=JST)
    ctx = replace(
        open_database(folder=folder), clock=lambda: datetime(2026, 11, 22, 12, tzinfo=JST)
    )
    with ctx.sessions() as session:
        days = session.scalars(select(PaperDay).order_by(PaperDay.date)).all()
        held = {tuple(r) for r in session.execute(select(Event.venue_id, Event.date))}
    assert [d.date.weekday() for d in days] == [5, 5]  # two Saturdays
    assert all(d.date < TODAY and d.created_at.date() >= d.date for d in days)
    assert [d.children_by_age is None for d in days] == [False, True]
    for d in days:
        assert (d.venue_id, d.date) not in held
        assert not has_checkins(ctx, d.venue_id, d.date)
        # What the dialog would send for it passes every check of the service.
        draft = PaperDayDraft(
            d.venue_id,
            d.date,
            d.visits_by_age,
            d.visits_by_residence,
            d.first_visits,
            d.children,
            d.children_by_age,
            d.workshop_participants,
        )
        assert check_draft(ctx, draft).visits == d.visits
    month = paper_counts(ctx, None, date(2026, 10, 23), TODAY)
    assert month.days == 2 and month.visits == sum(d.visits for d in days) > 0


def test_the_same_seed_gives_the_same_paper_days():
    venues = [{"id": "v1"}]
    events = [{"venue_id": "v1", "date": date(2026, 11, 1)}]
    built = datetime(2026, 11, 22, 9, 30, tzinfo=JST)

    def at(day, clock):
        return datetime.combine(day, clock, JST)

    days = DemoDays(7, venues, events, [], at, "device", built, date(2026, 11, 1), TODAY)
    first = paper.build(days)
    assert first == paper.build(days)
    assert first != paper.build(replace(days, seed=8))
    assert [r["date"] for r in first] == [date(2026, 11, 14), date(2026, 11, 21)]
    assert paper.build(replace(days, events=[])) == []
