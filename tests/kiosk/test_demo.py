"""The demo database: plausible, deterministic, replaced on rebuild, fast."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from db.models import AuditEntry, Base, ChildCare, Event, Visit, Visitor
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import DemoSummary, build_demo, ensure_demo
from kiosk.door import checkin, childcare, events, venues

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)  # a Sunday


def build(folder: DataFolder, **kwargs: object) -> DemoSummary:
    kwargs.setdefault("today", TODAY)
    kwargs.setdefault("tz", JST)
    return build_demo(folder, **kwargs)  # type: ignore[arg-type]


def opened(folder: DataFolder) -> AppContext:
    return open_database(folder=folder)


def dispose(ctx: AppContext) -> None:
    ctx.close()


def visit_dump(folder: DataFolder) -> list[tuple[object, ...]]:
    ctx = opened(folder)
    try:
        with ctx.sessions() as session:
            visits = session.execute(
                select(*Visit.__table__.columns).order_by(Visit.checked_in_at, Visit.id)
            ).all()
            kids = session.execute(
                select(*ChildCare.__table__.columns).order_by(ChildCare.checked_in_at, ChildCare.id)
            ).all()
            return [tuple(r) for r in visits] + [tuple(r) for r in kids]
    finally:
        dispose(ctx)


@pytest.fixture
def demo(tmp_path: Path) -> tuple[DataFolder, DemoSummary]:
    folder = DataFolder(tmp_path / "data").demo
    return folder, build(folder)


def test_counts_are_plausible(demo: tuple[DataFolder, DemoSummary]) -> None:
    folder, summary = demo
    assert summary.venues == 3
    assert 12 <= summary.events <= 24
    assert 120 <= summary.visits <= 320
    assert 5 <= summary.children <= 80
    assert summary.regulars == 12
    ctx = opened(folder)
    try:
        assert settings.organisation(ctx) == "NPO法人 つながりネット"
        with ctx.sessions() as session:
            visits = session.scalars(select(Visit)).all()
            assert sum(v.status == "active" for v in visits) == summary.visits
            n = len(visits)
            first = sum(bool(v.first_visit) for v in visits) / n
            count_only = [v for v in visits if v.count_only]
            assert 0.12 <= first <= 0.4
            assert 0.05 <= sum(v.wants_consultation for v in visits) / n <= 0.3
            assert len(count_only) / n <= 0.12
            assert all(
                v.first_visit is None and v.age_band == "unanswered" and v.residence == "unanswered"
                for v in count_only
            )
            ages = Counter(v.age_band for v in visits)
            assert ages["30s"] + ages["40s"] > n / 2
            assert Counter(v.residence for v in visits).most_common(1)[0][0] == "resident"
            # Regulars come back, always as repeat visits.
            regular_visits = [v for v in visits if v.visitor_id]
            assert all(v.first_visit is False for v in regular_visits)
            per_regular = Counter(v.visitor_id for v in regular_visits)
            assert sum(c >= 2 for c in per_regular.values()) >= 8
            # Check-in numbers run 1..n within every event.
            by_event: dict[str, list[int]] = {}
            for v in visits:
                by_event.setdefault(v.event_id, []).append(v.number)
            for numbers in by_event.values():
                assert sorted(numbers) == list(range(1, len(numbers) + 1))
            # Every row is stamped by this installation, with aware times.
            device = ctx.device_id
            for model in (Event, Visit, ChildCare, Visitor):
                rows = session.scalars(select(model)).all()
                assert rows and all(r.device_id == device for r in rows)
                assert all(r.created_at.tzinfo is not None for r in rows)
            # Past events are closed, and every child of them went home.
            past = session.scalars(select(Event).where(Event.date < TODAY)).all()
            assert past and all(e.status == "closed" and e.closed_at for e in past)
            assert all(e.date >= TODAY - timedelta(days=30) for e in past)
            kids = session.scalars(
                select(ChildCare)
                .join(Event, Event.id == ChildCare.event_id)
                .where(Event.date < TODAY)
            ).all()
            assert kids and all(k.status == "handed_back" and k.handed_back_at for k in kids)
            audit = session.scalars(select(AuditEntry.action)).all()
            assert audit == ["demo_built"]
    finally:
        dispose(ctx)


def test_online_sessions_are_small_and_without_childcare(
    demo: tuple[DataFolder, DemoSummary],
) -> None:
    folder, _ = demo
    ctx = opened(folder)
    try:
        with ctx.sessions() as session:
            online = session.scalars(select(Event).where(Event.kind == "online_dialogue")).all()
            assert online
            for event in online:
                n = session.scalar(select(func.count()).where(Visit.event_id == event.id))
                assert 3 <= (n or 0) <= 8
                assert event.starts_at is not None
                kids = session.scalar(select(func.count()).where(ChildCare.event_id == event.id))
                assert kids == 0
    finally:
        dispose(ctx)


def test_today_is_open_with_children_in_care(demo: tuple[DataFolder, DemoSummary]) -> None:
    folder, _ = demo
    ctx = opened(folder)
    try:
        venue = venues.current_venue(ctx)
        assert venue is not None and venue.name == "中央公民館"
        today = events.event_on(ctx, venue.id, TODAY)
        assert today is not None and today.is_open
        counts = events.counts(ctx, today.id)
        assert 4 <= counts.visits <= 8
        assert counts.children_in_care == 2
        visits = checkin.visits_of_event(ctx, today.id)
        times = [v.checked_in_at.astimezone(JST) for v in visits]
        assert all(t.date() == TODAY and 10 <= t.hour < 12 for t in times)
        in_care = [c for c in childcare.children_of_event(ctx, today.id) if c.in_care]
        assert len(in_care) == 2
        # Only today's event is open.
        with ctx.sessions() as session:
            assert session.scalar(select(func.count()).where(Event.status == "open")) == 1
    finally:
        dispose(ctx)


def whole_dump(folder: DataFolder) -> dict[str, list[tuple[object, ...]]]:
    ctx = opened(folder)
    try:
        with ctx.sessions() as session:
            return {
                table.name: sorted(
                    (tuple(r) for r in session.execute(select(*table.columns))), key=repr
                )
                for table in Base.metadata.sorted_tables
            }
    finally:
        dispose(ctx)


def test_same_seed_and_day_give_identical_rows(tmp_path: Path) -> None:
    a, b = DataFolder(tmp_path / "a"), DataFolder(tmp_path / "b")
    assert build(a) == build(b)
    assert visit_dump(a) == visit_dump(b)
    # Ids, timestamps and the device id included: the whole database is the same.
    assert whole_dump(a) == whole_dump(b)


def test_a_different_seed_differs(tmp_path: Path) -> None:
    a, b = DataFolder(tmp_path / "a"), DataFolder(tmp_path / "b")
    build(a, seed=7)
    build(b, seed=8)
    assert visit_dump(a) != visit_dump(b)


def test_rebuild_replaces_the_database(demo: tuple[DataFolder, DemoSummary]) -> None:
    folder, summary = demo
    keep = folder.root / "backups"
    keep.mkdir()
    (keep / "mine.txt").write_text("not the demo's to delete")
    again = build(folder)
    assert again == summary
    ctx = opened(folder)
    try:
        with ctx.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Visit)) >= summary.visits
            active = session.scalar(select(func.count()).where(Visit.status == "active"))
            assert active == summary.visits
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1
    finally:
        dispose(ctx)
    assert (keep / "mine.txt").exists()


def test_ensure_demo_keeps_an_existing_one(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data").demo
    ensure_demo(folder)
    assert folder.database.exists()
    ctx = opened(folder)
    try:
        venue = venues.add_venue(ctx, "練習用の会場")
    finally:
        dispose(ctx)
    ensure_demo(folder)
    ctx = opened(folder)
    try:
        assert venue.id in {v.id for v in venues.list_venues(ctx)}
    finally:
        dispose(ctx)


def test_ensure_demo_builds_over_an_empty_file(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "demo")
    folder.root.mkdir()
    folder.database.touch()
    ensure_demo(folder)
    ctx = opened(folder)
    try:
        assert venues.current_venue(ctx) is not None
    finally:
        dispose(ctx)


def test_pickup_codes_are_unique_per_event(demo: tuple[DataFolder, DemoSummary]) -> None:
    folder, _ = demo
    ctx = opened(folder)
    try:
        with ctx.sessions() as session:
            rows = session.execute(select(ChildCare.event_id, ChildCare.pickup_code)).all()
        assert rows
        assert len(set(rows)) == len(rows)
        assert all(len(code) == 3 and code.isdigit() for _, code in rows)
    finally:
        dispose(ctx)


def test_no_real_name_like_field(demo: tuple[DataFolder, DemoSummary]) -> None:
    folder, _ = demo
    ctx = opened(folder)
    # A nickname is allowed (chosen by her); a name, a phone or an address is not.
    forbidden = {"name", "phone", "tel", "address", "email", "birthday", "birth", "kana"}
    try:
        bind = ctx.engine
        for table in ("visit", "visitor", "child_care"):
            columns = [c["name"] for c in inspect(bind).get_columns(table)]
            words = {word for c in columns for word in c.split("_")}
            assert not words & forbidden, table
        with ctx.sessions() as session:
            nicknames = session.scalars(select(Visitor.nickname)).all()
        assert all(n and len(n) <= 6 and " " not in n for n in nicknames)
    finally:
        dispose(ctx)


def test_demo_is_fast(tmp_path: Path) -> None:
    started = time.perf_counter()
    build(DataFolder(tmp_path / "demo"))
    assert time.perf_counter() - started < 2.0
