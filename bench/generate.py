"""Synthetic Tsunagari databases of a chosen size, for the benchmark.

A prefecture-wide central database holds years of many venues; the app must
stay fast there, so the benchmark needs such a file in seconds, not hours.
The rows have the demo's shapes (kiosk/demo*.py: the same visitors, answers,
children, workshops, questionnaire responses and consultations), made one
venue-fiscal-year at a time so memory stays bounded, and go in with bulk Core
inserts on a build connection that skips fsync (a half-built benchmark file is
simply built again). The result is a normal database: `open_database` on it
runs the migrations and the app opens it as it is.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, insert, text, update
from sqlalchemy.pool import NullPool

from db.models import (
    Base,
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
from kiosk.core.database import open_database
from kiosk.core.fiscal_year import fiscal_year_of, fiscal_year_range
from kiosk.core.paths import DataFolder
from kiosk.demo import consultations as demo_consultations
from kiosk.demo import paper as demo_paper
from kiosk.demo import survey as demo_survey
from kiosk.demo import targets
from kiosk.demo import workshops as demo_workshops
from kiosk.demo.build import ORGANISATION, _Builder, _Slot
from kiosk.demo.rows import DemoDays

TZ_NAME = "Asia/Tokyo"
_AGENCY_CODE = re.compile(r"agency-[0-9a-f]{10}")


@dataclass(frozen=True)
class Size:
    """How much history: venues × fiscal years × café days × visits per day.

    Every venue opens a café on `days_per_week` days, so one venue-day holds
    the same number of visits at every size: only the history grows.
    """

    name: str
    venues: int
    years: int  # whole fiscal years before the current one (which runs to yesterday)
    days_per_week: int = 2
    visits_per_day: tuple[int, int] = (16, 32)


SMALL = Size("small", venues=3, years=1)
LARGE = Size("large", venues=86, years=4)
TEMPLATES = 2  # venues made row by row; the others copy them in SQL


@dataclass(frozen=True)
class Built:
    """What a generated database holds, for the benchmark to pick its samples."""

    path: Path
    visits: int
    events: int
    venue_ids: tuple[str, ...]
    first_day: date
    last_day: date
    seconds: float = 0.0


@dataclass
class _Chunk:
    """Rows of one venue-fiscal-year, table by table, in insert order."""

    tables: list[tuple[type[Any], list[dict[str, Any]]]] = field(default_factory=list)
    visits: int = 0
    events: int = 0


def _build_engine(path: Path) -> Any:
    """A connection for building only: no fsync, no foreign-key checks."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _fast(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=OFF")  # one big transaction, no WAL of a GB
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA cache_size=-200000")
        cur.close()

    return engine


class _Generator:
    def __init__(self, size: Size, seed: int, today: date, venue_offset: int = 0) -> None:
        self.size = size
        self.seed = seed
        self.today = today
        self.venue_offset = venue_offset
        self.rng = random.Random(f"tsunagari-bench:{seed}")
        self.ids = _Builder(seed, 0, today, None)  # only for ids and aware times
        from zoneinfo import ZoneInfo

        self.tz = ZoneInfo(TZ_NAME)
        self.ids.tz = self.tz
        self.first_day, _ = fiscal_year_range(fiscal_year_of(today) - size.years)
        self.last_day = today - timedelta(days=1)
        self.built_at = self.ids.at(self.first_day - timedelta(days=1), time(9, 30))
        self.workshop_ids: list[str] = []
        self.agency_code: str | None = None

    def venues(self) -> list[dict[str, Any]]:
        rows = []
        for n in range(self.size.venues):
            number = n + 1 + self.venue_offset
            device = self.ids.new_id()  # each venue's own laptop
            row = self.ids.row(
                self.built_at, name=f"会場{number:03d}", kind="in_person", active=True
            )
            row["device_id"] = device
            rows.append(row)
        return rows

    def fiscal_years(self) -> Iterator[tuple[date, date]]:
        year = fiscal_year_of(self.first_day)
        while True:
            first, last = fiscal_year_range(year)
            first = max(first, self.first_day)
            last = min(last, self.last_day)
            if first > self.last_day:
                return
            yield first, last
            year += 1

    def chunk(self, venue: dict[str, Any], index: int, first: date, last: date) -> _Chunk:
        """One venue's fiscal year, through the demo's own row makers."""
        chunk_seed = self.seed * 1_000_000 + index
        b = _Builder(chunk_seed, (last - first).days + 1, last, self.tz)
        b.device_id = venue["device_id"]
        regulars = b._regulars(first)
        for regular in regulars:
            regular.venue = 0
            regular.chance = min(regular.chance, 0.5)
        weekdays = {(index + k * 3) % 7 for k in range(self.size.days_per_week)}
        slot = _Slot(0, "cafe", "つながりカフェ", time(10), time(15), self.size.visits_per_day)
        day = first
        while day <= last:
            if day.weekday() in weekdays:
                b._event(day, slot, venue["id"], regulars)
            day += timedelta(days=1)
        for regular, row in zip(regulars, b.rows.visitors, strict=True):
            row["last_visit_on"] = regular.last_visit_on
            row["updated_at"] = regular.last_visit_at or row["created_at"]
        rows = b.rows
        device, at, built = venue["device_id"], b.at, self.built_at
        days = DemoDays(
            seed=chunk_seed,
            venues=[venue],
            events=rows.events,
            visits=rows.visits,
            at=at,
            device_id=device,
            built_at=built,
            first=first,
            last=last,
        )
        survey = demo_survey.build(days)
        shops = demo_workshops.build(days)
        talks = demo_consultations.build(days)
        out = _Chunk(visits=len(rows.visits), events=len(rows.events))
        if not self.workshop_ids:  # the first chunk brings the catalogue and the settings
            self.workshop_ids = [w["id"] for w in shops.workshops]
            found = _AGENCY_CODE.search(" ".join(s["value"] for s in talks.settings))
            self.agency_code = found.group(0) if found else None
            out.tables += [
                (Setting, [*survey.settings, *talks.settings]),
                (Workshop, shops.workshops),
            ]
        same = dict(zip((w["id"] for w in shops.workshops), self.workshop_ids, strict=True))
        for slot_row in shops.slots:
            slot_row["workshop_id"] = same[slot_row["workshop_id"]]
        for referral in talks.referrals:
            if referral["agency"].startswith("agency-") and self.agency_code:
                referral["agency"] = self.agency_code
        paper = []
        if last == self.last_day:  # paper days only near today, as the demo has them
            paper = demo_paper.build(replace(days, built_at=at(self.today, time(9))))
        out.tables += [
            (Visitor, rows.visitors),
            (Event, rows.events),
            (Visit, rows.visits),
            (ChildCare, rows.children),
            (SurveyResponse, survey.responses),
            (WorkshopSlot, shops.slots),
            (Signup, shops.signups),
            (Consultation, talks.consultations),
            (Referral, talks.referrals),
            (CaseMeeting, talks.case_meetings),
            (PaperDay, paper),
        ]
        return out


def generate(
    root: Path,
    size: Size,
    seed: int = 1,
    today: date | None = None,
    *,
    venue_offset: int = 0,
    only_month: bool = False,
) -> Built:
    """Build the database of the data folder `root` at `size`.

    `only_month`: just the last whole month before `today` (a venue-month, as one
    laptop sends it to the coordinator). `venue_offset` numbers the venues after
    another database's, so a month file brings a venue of its own.
    """
    import time as clock

    started = clock.perf_counter()
    today = today or date.today()
    folder = DataFolder(root)
    ctx = open_database(folder=folder)  # creates the schema and this PC's device id
    ctx.close()
    gen = _Generator(size, seed, today, venue_offset)
    if only_month:
        month_end = today.replace(day=1) - timedelta(days=1)
        gen.first_day, gen.last_day = month_end.replace(day=1), month_end
    venues = gen.venues()
    for n, venue in enumerate(venues[TEMPLATES:], start=TEMPLATES):
        venue["id"] = venue["id"][:8] + venues[n % TEMPLATES]["id"][8:]  # see _copy_venue
    visits = events = 0
    engine = _build_engine(folder.database)
    with engine.begin() as conn:
        general = [
            gen.ids.row(gen.built_at, key=settings.ORGANISATION, value=ORGANISATION),
            gen.ids.row(gen.built_at, key=settings.CURRENT_VENUE, value=venues[0]["id"]),
        ]
        _insert(conn, [(Setting, general), (Venue, venues[:TEMPLATES])])
        if only_month:  # one venue's laptop: its rows are this PC's own, and travel
            conn.execute(
                update(Setting)
                .where(Setting.key == settings.DEVICE_ID)
                .values(value=venues[0]["device_id"])
            )
        _insert(
            conn,
            [
                (
                    KpiTarget,
                    targets.build(
                        DemoDays(
                            seed=seed,
                            venues=[],
                            events=[],
                            visits=[],
                            at=gen.ids.at,
                            device_id=gen.ids.device_id,
                            built_at=gen.built_at,
                            first=gen.first_day,
                            last=gen.last_day,
                        )
                    ),
                )
            ],
        )
        for n, venue in enumerate(venues[:TEMPLATES]):
            for first, last in gen.fiscal_years():
                chunk = gen.chunk(venue, n * 10_000 + first.year, first, last)
                visits += chunk.visits
                events += chunk.events
                _insert(conn, chunk.tables)
        for n, venue in enumerate(venues[TEMPLATES:], start=TEMPLATES):
            _copy_venue(conn, venues[n % TEMPLATES], venue)
        if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
            raise AssertionError("a generated row points at nothing")
        # A file built fresh has nothing erased in its free space: mark it as one the
        # purge has already rewritten (kiosk/care/data_files.py), as a real file is after
        # its first purge, so the benchmark's starts do not time that one-off rewrite.
        conn.exec_driver_sql("PRAGMA user_version=1")
        if len(venues) > TEMPLATES:  # the copies: count them rather than guess
            visits = conn.scalar(text("SELECT count(*) FROM visit")) or 0
            events = conn.scalar(text("SELECT count(*) FROM event")) or 0
    engine.dispose()
    return Built(
        path=folder.database,
        visits=visits,
        events=events,
        venue_ids=tuple(v["id"] for v in venues),
        first_day=gen.first_day,
        last_day=gen.last_day,
        seconds=clock.perf_counter() - started,
    )


# Tables holding a venue's history, every row stamped with the venue laptop's device.
COPIED = (
    "visitor",
    "event",
    "visit",
    "child_care",
    "survey_response",
    "workshop_slot",
    "signup",
    "consultation",
    "referral",
    "case_meeting",
    "paper_day",
)


def _copy_venue(conn: Connection, template: dict[str, Any], venue: dict[str, Any]) -> None:
    """The template venue's whole history again, as `venue`'s, in SQL.

    Python makes rows at ~100 µs a visit, too slow for a million; INSERT ...
    SELECT copies them at a few µs. Every id (and reference, and device id)
    keeps its random tail and takes the new venue's 8-digit prefix, so the
    copies stay unique and point at each other; the workshop catalogue is shared.
    """
    prefix = venue["id"][:8]
    if template["id"][:8] == prefix:
        raise ValueError("venue id prefix collides with its template")

    def moved(column: str) -> str:
        return f"CASE WHEN {column} IS NULL THEN NULL ELSE :prefix || substr({column}, 9) END"

    conn.execute(
        text(
            "INSERT INTO venue (id, created_at, updated_at, device_id, name, kind, active)"
            " SELECT :prefix || substr(id, 9), created_at, updated_at, :device, :name, kind, active"
            " FROM venue WHERE id = :template"
        ),
        {
            "prefix": prefix,
            "device": prefix + template["device_id"][8:],
            "name": venue["name"],
            "template": template["id"],
        },
    )
    for name in COPIED:
        table = Base.metadata.tables[name]
        columns = [c.name for c in table.columns]
        values = [
            moved(c.name)
            if c.name in ("id", "device_id", "venue_id")
            or any(fk.column.table.name != "workshop" for fk in c.foreign_keys)
            else c.name
            for c in table.columns
        ]
        conn.execute(
            text(
                f"INSERT INTO {name} ({', '.join(columns)})"
                f" SELECT {', '.join(values)} FROM {name} WHERE device_id = :device"
            ),
            {"prefix": prefix, "device": template["device_id"]},
        )


def _insert(conn: Connection, tables: list[tuple[type[Any], list[dict[str, Any]]]]) -> None:
    for model, rows in tables:
        if rows:
            conn.execute(insert(model), rows)


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=("small", "large"))
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    where = args.dir or Path(tempfile.mkdtemp(prefix="tsunagari-bench-"))
    where.mkdir(parents=True, exist_ok=True)
    built = generate(where, SMALL if args.size == "small" else LARGE)
    print(built)
