"""The demo database: a month of made-up but plausible café life.

Volunteers learn the app, and coordinators try the reports, on a separate
database (the `demo` folder beside the real one) so nothing real is touched.
Everything is made up: the nicknames are nicknames, no row holds a name.

Deterministic: the same seed and the same `today` give the same rows, ids
and timestamps included, so screenshots and tests can rely on them. The rows
go in with bulk Core inserts in one transaction (the ORM one by one would
take ten times as long).
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import insert, update

from db.models import (
    AuditEntry,
    CaseMeeting,
    ChildCare,
    Consultation,
    Event,
    KpiTarget,
    PaperDay,
    Referral,
    Setting,
    Signup,
    SurveyResponse,
    Venue,
    Visit,
    Visitor,
    Workshop,
    WorkshopSlot,
)
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.fiscal_year import fiscal_year_of, fiscal_year_range
from kiosk.core.paths import DataFolder
from kiosk.demo import consultations as demo_consultations
from kiosk.demo import paper
from kiosk.demo import survey as demo_survey
from kiosk.demo import targets as demo_targets
from kiosk.demo import workshops as demo_workshops
from kiosk.demo.rows import DemoDays, pick
from kiosk.door import nickname

ORGANISATION = "NPO法人 つながりネット"

# (name, kind) of the three venues, in the order the app lists them.
VENUES = (
    ("中央公民館", "in_person"),
    ("東部コミュニティセンター", "in_person"),
    ("オンライン相談会", "online"),
)

REGULARS = (
    "さくら",
    "ゆき",
    "はるママ",
    "みどり",
    "あおい",
    "ひまわり",
    "小春",
    "そらまめ",
    "ミカン",
    "くるみ",
    "コスモス",
    "陽だまり",
)

AGE_BANDS = (
    ("10s", 2),
    ("20s", 12),
    ("30s", 33),
    ("40s", 30),
    ("50s", 12),
    ("60s", 6),
    ("70plus", 2),
    ("unanswered", 3),
)
RESIDENCES = (("resident", 72), ("commuter", 10), ("outside", 13), ("unanswered", 5))
HEARD_FROM = (
    ("word_of_mouth", 25),
    ("flyer", 20),
    ("line", 20),
    ("city_bulletin", 12),
    ("sns", 10),
    ("agency", 8),
    ("other", 5),
)
PARENT_AGE_BANDS = (("20s", 25), ("30s", 45), ("40s", 30))
CHILD_AGE_BANDS = (("0", 20), ("1-2", 35), ("3-5", 35), ("school", 10))
CARE_NOTES = (
    "卵アレルギー",
    "乳アレルギー",
    "小麦アレルギー",
    "お昼寝あり",
    "人見知りがあります",
    "ミルク持参",
    "おむつ替えあり",
)

FIRST_VISIT_RATE = 0.35  # of the visitors who are not regulars: ~25% overall
COUNT_ONLY_RATE = 0.05
CONSULTATION_RATE = 0.15
CHILDCARE_RATE = 0.12
CANCEL_RATE = 0.02

MAX_DAYS = 3660  # ten years back: about 8 s to build
_CAFE_TITLE = "つながりカフェ"


@dataclass(frozen=True)
class DemoSummary:
    venues: int
    events: int
    visits: int  # active check-ins
    children: int
    regulars: int
    survey_responses: int = 0


@dataclass(frozen=True)
class _Slot:
    """One opening on the schedule: which venue, what, when, how busy."""

    venue: int
    kind: str
    title: str
    starts: time
    ends: time
    visits: tuple[int, int]


@dataclass
class _Regular:
    id: str
    nickname: str
    venue: int
    chance: float
    age_band: str
    residence: str
    heard_from: str
    child_age_band: str | None
    care_note: str | None
    last_visit_on: date | None = None
    last_visit_at: datetime | None = None


@dataclass
class _Rows:
    venues: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    visitors: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    children: list[dict[str, Any]] = field(default_factory=list)


def _schedule(day: date) -> list[_Slot]:
    """What opens on a day: venue 1 on Sundays and Wednesdays, venue 2 on the
    2nd and 4th Saturday, online on Tuesday evenings and 1st/3rd Friday mornings."""
    slots: list[_Slot] = []
    week_of_month = (day.day - 1) // 7 + 1
    weekday = day.weekday()  # Monday 0 ... Sunday 6
    if weekday == 6:
        slots.append(_Slot(0, "cafe", _CAFE_TITLE, time(10), time(15), (14, 25)))
    if weekday == 2:
        slots.append(_Slot(0, "cafe", "平日つながりカフェ", time(10), time(14), (10, 18)))
    if weekday == 5 and week_of_month in (2, 4):
        slots.append(_Slot(1, "cafe", "ひがしカフェ", time(13), time(16), (10, 20)))
    online = "online_dialogue"
    if weekday == 1:
        slots.append(_Slot(2, online, "オンライン対話会（夜）", time(19, 30), time(21), (3, 8)))
    if weekday == 4 and week_of_month in (1, 3):
        slots.append(_Slot(2, online, "オンライン対話会（朝）", time(10), time(11, 30), (3, 8)))
    return slots


def check_days(days: int) -> int:
    """How many days back a demo may span: at least one, at most ten years."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise KioskError("demo_days_invalid", value=str(days)[:20], low=1, high=MAX_DAYS)
    return days


def build_demo(
    folder: DataFolder,
    seed: int = 7,
    days: int = 30,
    today: date | None = None,
    *,
    tz: tzinfo | None = None,
) -> DemoSummary:
    """Replace the demo database in `folder` with `days` days of data up to `today`.

    `tz` is the zone the café's clock times are in (default: this computer's).
    """
    check_days(days)
    builder = _Builder(seed, days, today or date.today(), tz)
    rows = builder.build()  # all in memory first: a bug here leaves the old demo alone
    _remove_database(folder)
    ctx = open_database(folder=folder)
    engine = ctx.engine
    try:
        summary = _insert(ctx, builder, rows, seed)
    except BaseException:
        engine.dispose()
        _remove_database(folder)  # never leave a half-built demo for ensure_demo to keep
        raise
    engine.dispose()
    return summary


def _insert(ctx: AppContext, builder: _Builder, rows: _Rows, seed: int) -> DemoSummary:
    """Every row in one transaction, table by table, with bulk inserts."""
    device = builder.device_id
    built_at = builder.at(builder.today, time(9, 30))
    days = DemoDays(
        seed=seed,
        venues=rows.venues,
        events=rows.events,
        visits=rows.visits,
        at=builder.at,
        device_id=device,
        built_at=built_at,
        first=builder.today - timedelta(days=builder.days),
        last=builder.today,
    )
    survey = demo_survey.build(days)
    workshops = demo_workshops.build(days)
    consultations = demo_consultations.build(days)
    targets = demo_targets.build(days)
    paper_days = paper.build(days)
    summary = DemoSummary(
        venues=len(rows.venues),
        events=len(rows.events),
        visits=sum(v["status"] == "active" for v in rows.visits),
        children=sum(c["status"] != "cancelled" for c in rows.children),
        regulars=len(rows.visitors),
        survey_responses=len(survey.responses),
    )
    with ctx.sessions.begin() as session:
        # open_database gave this new file a random device id: make it the demo's own.
        session.execute(
            update(Setting)
            .where(Setting.key == settings.DEVICE_ID)
            .values(
                id=builder.new_id(),
                value=device,
                device_id=device,
                created_at=built_at,
                updated_at=built_at,
            )
        )
        setting_rows = [
            builder.row(built_at, key=settings.ORGANISATION, value=ORGANISATION),
            builder.row(built_at, key=settings.CURRENT_VENUE, value=rows.venues[0]["id"]),
            *survey.settings,
            *consultations.settings,
        ]
        audit_rows = [
            builder.row(
                built_at,
                at=built_at,
                action="demo_built",
                entity="database",
                entity_id=None,
                detail={"seed": seed, "days": builder.days, **asdict(summary)},
            )
        ]
        for model, batch in (
            (Setting, setting_rows),
            (Venue, rows.venues),
            (Event, rows.events),
            (Visitor, rows.visitors),
            (Visit, rows.visits),
            (ChildCare, rows.children),
            (SurveyResponse, survey.responses),
            (Workshop, workshops.workshops),
            (WorkshopSlot, workshops.slots),
            (Signup, workshops.signups),
            (Consultation, consultations.consultations),
            (Referral, consultations.referrals),
            (CaseMeeting, consultations.case_meetings),
            (KpiTarget, targets),
            (PaperDay, paper_days),
            (AuditEntry, audit_rows),
        ):
            if batch:
                session.execute(insert(model), batch)
    return summary


def app_demo_days(today: date | None = None) -> int:
    """What `tsunagari --demo` and `tsunagari demo` build: from the first day of
    the previous fiscal year to today, so the fiscal-year report of a whole
    year looks real."""
    today = today or date.today()
    first, _ = fiscal_year_range(fiscal_year_of(today) - 1)
    return (today - first).days


def ensure_demo(folder: DataFolder) -> None:
    """Build the demo database on first use; an existing one is left as it is."""
    path = folder.database
    if path.exists() and path.stat().st_size > 0:
        return
    build_demo(folder, days=app_demo_days())


def _remove_database(folder: DataFolder) -> None:
    """Delete the demo database file and its WAL companions, nothing else."""
    base = folder.database
    for path in (base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")):
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
        except PermissionError as exc:
            raise StorageError("read_only", path=str(folder.root)) from exc
        except OSError as exc:
            raise StorageError("cannot_open", path=str(folder.root)) from exc


class _Builder:
    """Makes every row in memory, from one seeded generator."""

    def __init__(self, seed: int, days: int, today: date, tz: tzinfo | None) -> None:
        self.rng = random.Random(seed)
        self._ids = random.Random(f"tsunagari-demo-ids:{seed}")
        self.days = days
        self.today = today
        self.tz = tz
        self.device_id = self.new_id()
        self.rows = _Rows()

    # -- small helpers -------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def at(self, day: date, clock: time) -> datetime:
        """An aware instant: `clock` on `day` in the café's zone."""
        naive = datetime.combine(day, clock)
        return naive.replace(tzinfo=self.tz) if self.tz else naive.astimezone()

    def row(
        self, created: datetime, updated: datetime | None = None, **values: Any
    ) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "created_at": created,
            "updated_at": updated or created,
            "device_id": self.device_id,
            **values,
        }

    def pick(self, weighted: Sequence[tuple[str, int]]) -> str:
        return pick(self.rng, weighted)

    # -- the month -----------------------------------------------------------

    def build(self) -> _Rows:
        start = self.today - timedelta(days=self.days)
        set_up = self.at(start - timedelta(days=180), time(9))
        venue_ids = []
        for i, (name, kind) in enumerate(VENUES):
            made = set_up + timedelta(minutes=i)
            row = self.row(made, name=name, kind=kind, active=True)
            self.rows.venues.append(row)
            venue_ids.append(row["id"])
        regulars = self._regulars(start)
        for offset in range(self.days):
            day = start + timedelta(days=offset)
            for slot in _schedule(day):
                self._event(day, slot, venue_ids[slot.venue], regulars)
        self._today(venue_ids[0], regulars)
        for regular, row in zip(regulars, self.rows.visitors, strict=True):
            row["last_visit_on"] = regular.last_visit_on
            row["updated_at"] = regular.last_visit_at or row["created_at"]
        return self.rows

    def _regulars(self, start: date) -> list[_Regular]:
        regulars = []
        for name in REGULARS:
            venue = 1 if self.rng.random() < 0.25 else 0
            with_child = self.rng.random() < 0.25
            regular = _Regular(
                id=self.new_id(),
                nickname=name,
                venue=venue,
                chance=self.rng.uniform(0.3, 0.6) if venue == 0 else 0.9,
                age_band=self.pick(PARENT_AGE_BANDS if with_child else AGE_BANDS[1:6]),
                residence=self.pick(RESIDENCES[:3]),
                heard_from=self.pick(HEARD_FROM),
                child_age_band=self.pick(CHILD_AGE_BANDS[:3]) if with_child else None,
                care_note=(
                    self.rng.choice(CARE_NOTES) if with_child and self.rng.random() < 0.3 else None
                ),
            )
            regulars.append(regular)
            first_seen = start - timedelta(days=self.rng.randint(20, 300))
            made = self.at(first_seen, time(10, self.rng.randint(0, 59)))
            self.rows.visitors.append(
                {
                    "id": regular.id,
                    "created_at": made,
                    "updated_at": made,
                    "device_id": self.device_id,
                    "nickname": name,
                    "search_key": nickname.search_key(name),
                    "last_visit_on": None,
                    "purged_at": None,
                }
            )
        return regulars

    def _event(self, day: date, slot: _Slot, venue_id: str, regulars: list[_Regular]) -> None:
        opened = self.at(day, slot.starts) - timedelta(minutes=15)
        ends = self.at(day, slot.ends)
        closed = ends + timedelta(minutes=self.rng.randint(5, 25))
        event = self.row(
            opened,
            closed,
            venue_id=venue_id,
            date=day,
            kind=slot.kind,
            title=slot.title,
            starts_at=slot.starts,
            ends_at=slot.ends,
            status="closed",
            opened_at=opened,
            closed_at=closed,
        )
        self.rows.events.append(event)
        total = self.rng.randint(*slot.visits)
        coming = [r for r in regulars if r.venue == slot.venue and self.rng.random() < r.chance]
        coming = coming[:total]
        who: list[_Regular | None] = [*coming, *[None] * (total - len(coming))]
        self.rng.shuffle(who)
        window = (ends - self.at(day, slot.starts)).total_seconds() / 60 - 20
        minutes = sorted(self.rng.uniform(0, window) for _ in who)
        codes = iter(self.rng.sample(range(100, 1000), min(900, total * 2)))
        in_person = slot.kind != "online_dialogue"
        for number, (regular, minute) in enumerate(zip(who, minutes, strict=True), start=1):
            arrived = self.at(day, slot.starts) + timedelta(minutes=round(minute, 1))
            arrived = arrived.replace(microsecond=0)
            visit = self._visit(event, number, arrived, regular)
            if visit["status"] != "active" or not in_person:
                continue
            kids = self._children_of(regular, visit)
            if kids and visit["age_band"] not in dict(PARENT_AGE_BANDS):
                visit["age_band"] = self.pick(PARENT_AGE_BANDS)
            for age_band, note in kids:
                back = arrived + timedelta(minutes=self.rng.randint(40, 150))
                back = min(back, ends + timedelta(minutes=5))
                self._child(event, visit, age_band, note, str(next(codes)), arrived, back)

    def _visit(
        self, event: dict[str, Any], number: int, arrived: datetime, regular: _Regular | None
    ) -> dict[str, Any]:
        rng = self.rng
        if regular is not None:
            answers: dict[str, Any] = {
                "visitor_id": regular.id,
                "age_band": regular.age_band,
                "residence": regular.residence,
                "first_visit": False,
                "heard_from": regular.heard_from,
                "count_only": False,
            }
            regular.last_visit_on = event["date"]
            regular.last_visit_at = arrived
        elif rng.random() < COUNT_ONLY_RATE:
            answers = {
                "visitor_id": None,
                "age_band": "unanswered",
                "residence": "unanswered",
                "first_visit": None,
                "heard_from": None,
                "count_only": True,
            }
        else:
            first = rng.random() < FIRST_VISIT_RATE
            answers = {
                "visitor_id": None,
                "age_band": self.pick(AGE_BANDS),
                "residence": self.pick(RESIDENCES),
                "first_visit": first,
                "heard_from": self.pick(HEARD_FROM) if first or rng.random() < 0.6 else None,
                "count_only": False,
            }
        wants = not answers["count_only"] and rng.random() < CONSULTATION_RATE
        cancelled = event["status"] == "closed" and rng.random() < CANCEL_RATE
        cancelled_at = arrived + timedelta(minutes=rng.randint(1, 5)) if cancelled else None
        visit = self.row(
            arrived,
            cancelled_at,
            event_id=event["id"],
            number=number,
            checked_in_at=arrived,
            wants_consultation=wants,
            source="door",
            status="cancelled" if cancelled else "active",
            cancelled_at=cancelled_at,
            cancel_reason=rng.choice(("mistake", "duplicate")) if cancelled else None,
            **answers,
        )
        self.rows.visits.append(visit)
        return visit

    def _children_of(
        self, regular: _Regular | None, visit: dict[str, Any]
    ) -> list[tuple[str, str | None]]:
        rng = self.rng
        if regular is not None:
            if regular.child_age_band is None or rng.random() < 0.2:
                return []
            return [(regular.child_age_band, regular.care_note)]
        if visit["count_only"] or rng.random() >= CHILDCARE_RATE:
            return []
        count = 2 if rng.random() < 0.2 else 1
        return [
            (self.pick(CHILD_AGE_BANDS), rng.choice(CARE_NOTES) if rng.random() < 0.12 else None)
            for _ in range(count)
        ]

    def _child(
        self,
        event: dict[str, Any],
        visit: dict[str, Any],
        age_band: str,
        note: str | None,
        code: str,
        arrived: datetime,
        back: datetime | None,
    ) -> None:
        self.rows.children.append(
            self.row(
                arrived,
                back,
                visit_id=visit["id"],
                event_id=event["id"],
                age_band=age_band,
                pickup_code=code,
                care_note=note,
                checked_in_at=arrived,
                handed_back_at=back,
                status="handed_back" if back else "in_care",
            )
        )

    def _today(self, venue_id: str, regulars: list[_Regular]) -> None:
        """Venue 1 open this morning: six check-ins, two children still in care."""
        day = self.today
        opened = self.at(day, time(9, 50))
        event = self.row(
            opened,
            venue_id=venue_id,
            date=day,
            kind="cafe",
            title=_CAFE_TITLE,
            starts_at=time(10),
            ends_at=time(15),
            status="open",
            opened_at=opened,
            closed_at=None,
        )
        self.rows.events.append(event)
        arrivals = [
            time(h, m) for h, m in ((10, 5), (10, 12), (10, 31), (10, 48), (11, 7), (11, 30))
        ]
        ours = [r for r in regulars if r.venue == 0]
        regular_at = dict(zip((2, 5), ours, strict=False))
        # Check-in No. 1 and 3 left a child in care: (age band, care note).
        with_child = {1: ("1-2", None), 3: ("3-5", "卵アレルギー")}
        codes = self.rng.sample(range(100, 1000), len(with_child))
        for number, clock in enumerate(arrivals, start=1):
            arrived = self.at(day, clock)
            visit = self._visit(event, number, arrived, regular_at.get(number))
            if number in with_child:
                if visit["count_only"]:
                    visit.update(
                        residence="resident", first_visit=True, heard_from="flyer", count_only=False
                    )
                if visit["age_band"] not in dict(PARENT_AGE_BANDS):
                    visit["age_band"] = self.pick(PARENT_AGE_BANDS)
                age_band, note = with_child[number]
                code = str(codes.pop())
                self._child(event, visit, age_band, note, code, arrived, None)
