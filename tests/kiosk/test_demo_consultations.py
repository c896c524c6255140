"""The demo month holds realistic consultations, referrals and case meetings."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from sqlalchemy import select

from db.models import CaseMeeting, Consultation, Event, Referral, Visit
from kiosk.consultations import lists
from kiosk.consultations.counts import consultation_counts
from kiosk.consultations.records import records_of_day
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)


def test_demo_month_of_consultations(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    build_demo(folder, seed=7, today=TODAY, tz=JST)
    ctx = open_database(folder=folder)
    try:
        with ctx.sessions() as session:
            rows = session.scalars(select(Consultation)).all()
            referrals = session.scalars(select(Referral)).all()
            meetings = session.scalars(select(CaseMeeting)).all()
            event_days = set(session.execute(select(Event.venue_id, Event.date)).all())
            visit_event = dict(session.execute(select(Visit.id, Visit.event_id)).all())
            event_of = {e.id: e for e in session.scalars(select(Event))}
        active = [c for c in rows if c.status == "active"]
        assert 20 <= len(active) <= 80
        assert {c.channel for c in active} == {"in_person", "phone", "online", "home_visit"}
        # phone consultations on weekdays with no event at that venue
        quiet = [
            c
            for c in active
            if c.channel == "phone"
            and c.date.weekday() < 5
            and (c.venue_id, c.date) not in event_days
        ]
        assert len(quiet) >= 3 and all(c.event_id is None and c.visit_id is None for c in quiet)
        # every link is consistent: the check-in's event, at that venue on that date
        for c in rows:
            if c.visit_id:
                assert visit_event[c.visit_id] == c.event_id
            if c.event_id:
                event = event_of[c.event_id]
                assert (event.venue_id, event.date) == (c.venue_id, c.date)
            assert c.date <= TODAY
        assert any(c.status == "cancelled" for c in rows)
        assert 2 <= sum(r.status == "active" for r in referrals) <= 15
        assert 1 <= len(meetings) <= 3
        # one referral goes to an agency the coordinator added herself
        own = {e.code for e in lists.entries(ctx, "agency") if not e.shipped}
        assert [e.label() for e in lists.entries(ctx, "agency") if not e.shipped] == [
            "社会福祉協議会"
        ]
        month = consultation_counts(ctx, None, TODAY - timedelta(days=30), TODAY)
        assert month.total == len(active) and month.case_meetings == len(meetings)
        assert month.referrals == sum(r.status == "active" for r in referrals)
        assert set(month.by_agency) >= own
        # this morning's café already has two consultations, one with a referral
        venue_id = next(e.venue_id for e in event_of.values() if e.status == "open")
        today = records_of_day(ctx, venue_id, TODAY)
        assert [c.visit_number for c in today.consultations] == [2, 4]
        assert len(today.referrals) == 1
    finally:
        ctx.close()


def test_demo_consultations_are_deterministic(tmp_path):
    dumps = []
    for name in ("a", "b"):
        folder = DataFolder(tmp_path / name)
        build_demo(folder, seed=3, today=TODAY, tz=JST)
        ctx = open_database(folder=folder)
        try:
            with ctx.sessions() as session:
                dumps.append(
                    [
                        tuple(r)
                        for r in session.execute(
                            select(*Consultation.__table__.columns).order_by(Consultation.id)
                        )
                    ]
                )
        finally:
            ctx.close()
    assert dumps[0] == dumps[1] and dumps[0]


def test_a_longer_demo_keeps_the_pace_of_a_real_corner(tmp_path):
    """About a case meeting a month and a few home visits, like the seed programs."""
    folder = DataFolder(tmp_path / "demo")
    build_demo(folder, seed=7, days=120, today=TODAY, tz=JST)
    ctx = open_database(folder=folder)
    try:
        counts = consultation_counts(ctx, None, TODAY - timedelta(days=120), TODAY)
    finally:
        ctx.close()
    assert 3 <= counts.case_meetings <= 8
    assert counts.by_channel["home_visit"] >= 3
    assert 60 <= counts.total <= 250
    assert 0.05 <= counts.referrals / counts.total <= 0.25
