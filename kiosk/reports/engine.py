"""The one counting engine: every figure of the catalogue, for any venues and days.

The daily tally is this engine on one venue-day, the daily CSV on a range of
days, the period report on a month or a fiscal year. It reads in ONE read
transaction, so every figure of a report comes from the same moment.

Each table is read once: grouped by event (the database streams the groups
in index order, no sort) or, for records kept by venue and date, by venue and
date; the few thousand small rows are then added up in Python into cells,
one per (venue, bucket), where the bucket is a day or a (year, month) as the
caller asks (`grain`). Any column of a report is a sum of cells. Distinct
regulars are not additive: they are counted apart (`Regulars`) from the
distinct (venue, bucket, visitor) triples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, tzinfo
from functools import cache
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from db.models import (
    CaseMeeting,
    ChildCare,
    Consultation,
    Event,
    PaperDay,
    Referral,
    Signup,
    SupporterAttendance,
    SurveyResponse,
    Venue,
    Visit,
    Workshop,
    WorkshopSlot,
)
from kiosk.consultations.counts import lists_in
from kiosk.consultations.lists import ListEntry
from kiosk.core import choices, settings
from kiosk.core.context import AppContext
from kiosk.core.transaction import read
from kiosk.survey.catalogue import stored_definitions
from kiosk.survey.questionnaire import Questionnaire
from kiosk.workshops.slots import REGISTERED

Month = tuple[int, int]  # (year, month)
Bucket = date | Month  # a day, or a month
Grain = Literal["day", "month"]
CellKey = tuple[str, Bucket]  # (venue id, bucket)
Rows = Sequence[Any]  # the rows one statement gives
# A satisfaction answer stored as nothing: the text SQL reads for an empty string or list.
NOT_ANSWERED = ("", "[]")
WORKSHOP_FIELDS = ("slots", "registered", "attended", "waitlisted", "no_shows")
UNANSWERED = "unanswered"  # heard_from not given (and every visit of a paper list)


@dataclass
class Cell:
    """Every additive figure of one venue-bucket (or a sum of cells). Paper days included."""

    openings: Counter[str] = field(default_factory=Counter)  # event kind → events held
    held: Counter[str] = field(default_factory=Counter)  # event kind → door events (no paper)
    participants: Counter[str] = field(default_factory=Counter)  # event kind → visits
    visits: int = 0
    first_visits: int = 0
    repeat_visits: int = 0
    count_only: int = 0
    anonymous_first: int = 0  # first visits without a nickname: each a new person
    ages: Counter[str] = field(default_factory=Counter)
    homes: Counter[str] = field(default_factory=Counter)
    heard: Counter[str] = field(default_factory=Counter)  # heard_from code, or UNANSWERED
    hours: Counter[int] = field(default_factory=Counter)  # local hour → visits (when asked)
    kids: Counter[str] = field(default_factory=Counter)
    kids_age_unknown: int = 0  # children on paper lists without ages
    paper_days: int = 0
    paper_workshop_participants: int = 0
    workshops: dict[str, Counter[str]] = field(default_factory=dict)  # id → WORKSHOP_FIELDS
    workshop_visits_registered: int = 0
    workshop_visits_attended: int = 0
    channel: Counter[str] = field(default_factory=Counter)
    category: Counter[str] = field(default_factory=Counter)
    staff_role: Counter[str] = field(default_factory=Counter)
    agency: Counter[str] = field(default_factory=Counter)
    case_meetings: int = 0
    survey_responses: int = 0
    satisfied: int = 0
    answered: int = 0

    def add(self, other: Cell) -> None:
        for name in _NUMBERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in _COUNTERS:
            getattr(self, name).update(getattr(other, name))
        for workshop_id, counts in other.workshops.items():
            self.workshops.setdefault(workshop_id, Counter()).update(counts)


_NUMBERS = tuple(f.name for f in fields(Cell) if f.type == "int")
_COUNTERS = tuple(f.name for f in fields(Cell) if str(f.type).startswith("Counter["))


def total(cells: Iterable[Cell]) -> Cell:
    out = Cell()
    for cell in cells:
        out.add(cell)
    return out


@dataclass(frozen=True)
class Regulars:
    """Distinct nicknamed visitors: over the span, per bucket, per venue, per cell."""

    total: int
    by_bucket: dict[Bucket, int]
    by_venue: dict[str, int]
    by_cell: dict[CellKey, int]


@dataclass(frozen=True)
class Counted:
    """What one read gives: the cells, the regulars, and the names to show them with."""

    cells: dict[CellKey, Cell]
    regulars: Regulars
    venues: tuple[tuple[str, str], ...]  # (id, name) of every venue, retired ones too
    workshop_names: dict[str, str]  # workshop id → name
    lists: dict[str, tuple[ListEntry, ...]]  # consultation lists, hidden entries too
    organisation: str


VENUES: BindParameter[list[str]] = bindparam("venue_ids", expanding=True)
FIRST = bindparam("first", type_=Date)
LAST = bindparam("last", type_=Date)
IN_SPAN = (Event.venue_id.in_(VENUES), Event.date >= FIRST, Event.date <= LAST)
HELD = (*IN_SPAN, Event.status != "cancelled")


class _Queries:
    """Every statement of the engine for one grain, built once: the venues and the
    first and last day are parameters, so each call only runs them (SQLAlchemy's
    compiled cache then serves every call after the first)."""

    def __init__(self, grain: Grain) -> None:
        self.grain = grain
        self.event_ids = select(Event.id).where(*HELD).scalar_subquery()
        events = [Event.venue_id, *self.bucket_of(Event.date), Event.kind]
        self.events = select(*events, func.count()).where(*HELD).group_by(*events)
        self.visits = self._rolled_up(
            select(
                Visit.event_id.label("event_id"),
                func.count(),
                _count(Visit.first_visit.is_(True)),
                _count(Visit.first_visit.is_(False)),
                _count(Visit.count_only.is_(True)),
                _count(Visit.first_visit.is_(True) & Visit.visitor_id.is_(None)),
                _count(or_(Visit.heard_from.is_(None), Visit.heard_from == "")),
                *(_count(Visit.age_band == code) for code in choices.codes("age_band")),
                *(_count(Visit.residence == code) for code in choices.codes("residence")),
                *(_count(Visit.heard_from == code) for code in choices.codes("heard_from")),
            )
            .where(Visit.event_id.in_(self.event_ids), Visit.status == "active")
            .group_by(Visit.event_id),
            by_kind=True,
        )
        self.hours = (
            select(Event.venue_id, *self.bucket_of(Event.date), Visit.checked_in_at)
            .join(Event, Event.id == Visit.event_id)
            .where(Visit.event_id.in_(self.event_ids), Visit.status == "active")
        )
        bands = choices.codes("child_age_band")
        self.children = self._rolled_up(
            select(
                ChildCare.event_id.label("event_id"),
                *(_count(ChildCare.age_band == code) for code in bands),
            )
            .where(ChildCare.event_id.in_(self.event_ids), ChildCare.status != "cancelled")
            .group_by(ChildCare.event_id)
        )
        by_event = [Event.venue_id, *self.bucket_of(Event.date)]
        self.supporters = (
            select(*by_event, func.sum(SupporterAttendance.count))
            .join(Event, Event.id == SupporterAttendance.event_id)
            .where(SupporterAttendance.event_id.in_(self.event_ids))
            .group_by(*by_event)
        )
        self._workshops()
        self.consultations: list[tuple[Select[*tuple[Any, ...]], str | None]] = []
        model: Any
        for model, column, counts in (
            (Consultation, Consultation.channel, "channel"),
            (Consultation, Consultation.category, "category"),
            (Consultation, Consultation.staff_role, "staff_role"),
            (Referral, Referral.agency, "agency"),
            (CaseMeeting, None, None),
        ):
            group = [model.venue_id, *self.bucket_of(model.date)]
            if column is not None:
                group.append(column)
            statement = (
                select(*group, func.count())
                .where(
                    model.venue_id.in_(VENUES),
                    model.date.between(FIRST, LAST),
                    model.status == "active",
                )
                .group_by(*group)
            )
            self.consultations.append((statement, counts))
        self.regulars = (
            select(Event.venue_id, *self.bucket_of(Event.date), Visit.visitor_id)
            .join(Event, Event.id == Visit.event_id)
            # Naming the events first lets the database walk them by date, then their visits.
            .where(
                Visit.event_id.in_(self.event_ids),
                Visit.status == "active",
                Visit.visitor_id.is_not(None),
            )
            .distinct()
        )
        self.paper = select(
            PaperDay.venue_id,
            PaperDay.date,
            PaperDay.visits,
            PaperDay.first_visits,
            PaperDay.visits_by_age,
            PaperDay.visits_by_residence,
            PaperDay.children,
            PaperDay.children_by_age,
            PaperDay.workshop_participants,
        ).where(
            PaperDay.venue_id.in_(VENUES),
            PaperDay.date.between(FIRST, LAST),
            PaperDay.status == "active",
        )
        self._surveys: dict[tuple[Any, ...], Select[*tuple[Any, ...]]] = {}

    def bucket_of(self, column: Any) -> list[Any]:
        """The columns naming a row's bucket: the date, or its year and month."""
        if self.grain == "day":
            return [column]
        return [func.extract("year", column), func.extract("month", column)]

    def _rolled_up(
        self, inner: Select[*tuple[Any, ...]], by_kind: bool = False
    ) -> Select[*tuple[Any, ...]]:
        """Rows of `inner` (one per event) summed by venue-bucket.

        `inner` streams its groups in index order; only its few thousand rows
        are then joined to their event and sorted, never the span's records.
        Each row: venue id, bucket, [event kind,] the sums.
        """
        sub = inner.subquery()
        group: list[Any] = [Event.venue_id, *self.bucket_of(Event.date)]
        if by_kind:
            group.append(Event.kind)
        sums = [func.sum(c) for c in sub.c if c.name != "event_id"]
        return select(*group, *sums).join(Event, Event.id == sub.c.event_id).group_by(*group)

    def _workshops(self) -> None:
        slots_held = select(WorkshopSlot.id).where(WorkshopSlot.event_id.in_(self.event_ids))
        # Per session (through its index), then by venue-bucket and workshop.
        per_slot = (
            select(
                Signup.slot_id.label("slot_id"),
                _count(Signup.status.in_(REGISTERED)).label("registered"),
                _count(Signup.status == "attended").label("attended"),
                _count(Signup.status == "waitlisted").label("waitlisted"),
                _count(Signup.status == "booked").label("booked"),
            )
            .where(Signup.slot_id.in_(slots_held))
            .group_by(Signup.slot_id)
            .subquery()
        )
        group = [Event.venue_id, *self.bucket_of(Event.date), WorkshopSlot.workshop_id]
        self.signups = (
            select(
                *group,
                func.sum(per_slot.c.registered),
                func.sum(per_slot.c.attended),
                func.sum(per_slot.c.waitlisted),
                # A booked place still unmarked when the day closed is a no-show.
                func.sum(case((Event.status == "closed", per_slot.c.booked), else_=0)),
            )
            .join(WorkshopSlot, WorkshopSlot.id == per_slot.c.slot_id)
            .join(Event, Event.id == WorkshopSlot.event_id)
            .group_by(*group)
        )
        self.slots = (
            select(*group, func.count())
            .join(Event, Event.id == WorkshopSlot.event_id)
            .where(WorkshopSlot.event_id.in_(self.event_ids), WorkshopSlot.status == "open")
            .group_by(*group)
        )
        # A check-in belongs to one event: distinct ones counted per event add up.
        self.workshop_people = self._rolled_up(
            select(
                Signup.event_id.label("event_id"),
                func.count(func.distinct(case((Signup.status.in_(REGISTERED), Signup.visit_id)))),
                func.count(func.distinct(case((Signup.status == "attended", Signup.visit_id)))),
            )
            .where(Signup.event_id.in_(self.event_ids))
            .group_by(Signup.event_id)
        )

    def survey(self, definitions: dict[str, Questionnaire]) -> Select[*tuple[Any, ...]]:
        """Responses, satisfied and answered, counted in SQL per event, then by venue-bucket.

        Each response is judged by its own questionnaire version: satisfied
        when its satisfaction answer (a single choice) is one of that
        version's satisfied codes, answered when it is there and not empty.
        """
        key = tuple(
            (ref, q.satisfied_question, tuple(sorted(q.satisfied_answers)))
            for ref, q in sorted(definitions.items())
        )
        found = self._surveys.get(key)
        if found is not None:
            return found
        satisfied: list[ColumnElement[bool]] = []
        answered: list[ColumnElement[bool]] = []
        for ref in sorted(definitions):
            questionnaire = definitions[ref]
            value = SurveyResponse.answers[questionnaire.satisfied_question].as_string()
            this_version = and_(
                SurveyResponse.questionnaire_id == questionnaire.id,
                SurveyResponse.questionnaire_version == questionnaire.version,
            )
            given = and_(value.is_not(None), value.not_in(list(NOT_ANSWERED)))
            answered.append(and_(this_version, given))
            satisfied.append(and_(this_version, value.in_(sorted(questionnaire.satisfied_answers))))
        found = self._surveys[key] = self._rolled_up(
            select(
                SurveyResponse.event_id.label("event_id"),
                func.count(),
                _count(or_(*satisfied)) if satisfied else literal(0),
                _count(or_(*answered)) if answered else literal(0),
            )
            .where(SurveyResponse.event_id.in_(self.event_ids))
            .group_by(SurveyResponse.event_id)
        )
        return found


@cache
def _queries(grain: Grain) -> _Queries:
    return _Queries(grain)


class _Cells:
    """Adds the rows of each query into cells, one per (venue, bucket)."""

    def __init__(self, grain: Grain, zone: tzinfo | None) -> None:
        self.cells: dict[CellKey, Cell] = {}
        self.grain = grain
        self.zone = zone
        self.width = 1 if grain == "day" else 2
        # Distinct nicknamed visitors are not additive: kept as sets, counted at the end.
        self.people: set[str] = set()
        self.people_by: dict[CellKey, set[str]] = {}

    def key(self, venue_id: str, parts: Sequence[Any]) -> CellKey:
        """The cell a row belongs to, from its venue and bucket columns."""
        if self.grain == "day":
            found = parts[0]
            return (venue_id, found if isinstance(found, date) else date.fromisoformat(str(found)))
        return (venue_id, (int(parts[0]), int(parts[1])))

    def on(self, venue_id: str, day: date) -> Cell:
        bucket: Bucket = day if self.grain == "day" else (day.year, day.month)
        return self.cell((venue_id, bucket))

    def cell(self, key: CellKey) -> Cell:
        found = self.cells.get(key)
        if found is None:
            found = self.cells[key] = Cell()
        return found

    def split(self, row: Sequence[Any]) -> tuple[Cell, list[Any]]:
        """A row's cell (from its venue and bucket columns) and the rest of the row."""
        return self.cell(self.key(row[0], row[1 : 1 + self.width])), list(row[1 + self.width :])

    def events(self, rows: Rows) -> None:
        for row in rows:
            cell, (kind, n) = self.split(row)
            cell.openings[kind] += int(n)
            cell.held[kind] += int(n)

    def visits(self, rows: Rows) -> None:
        ages, homes = choices.codes("age_band"), choices.codes("residence")
        heard = choices.codes("heard_from")
        for row in rows:
            cell, (kind, *numbers) = self.split(row)
            n, first, repeat, only, anonymous, unanswered, *parts = (int(x or 0) for x in numbers)
            cell.participants[kind] += n
            cell.visits += n
            cell.first_visits += first
            cell.repeat_visits += repeat
            cell.count_only += only
            cell.anonymous_first += anonymous
            cell.heard[UNANSWERED] += unanswered
            _add(cell.ages, ages, parts[: len(ages)])
            _add(cell.homes, homes, parts[len(ages) : len(ages) + len(homes)])
            _add(cell.heard, heard, parts[len(ages) + len(homes) :])

    def hours(self, rows: Rows) -> None:
        """Visits by local hour of check-in: the door's clock, as the screen shows it."""
        for row in rows:
            cell, (at,) = self.split(row)
            cell.hours[at.astimezone(self.zone).hour] += 1

    def children(self, rows: Rows) -> None:
        bands = choices.codes("child_age_band")
        for row in rows:
            cell, parts = self.split(row)
            _add(cell.kids, bands, parts)

    def supporters(self, rows: Rows) -> None:
        for row in rows:
            cell, (n,) = self.split(row)
            cell.participants["seminar"] += int(n or 0)

    def signups(self, rows: Rows) -> None:
        for row in rows:
            cell, (workshop_id, *counts) = self.split(row)
            _add(cell.workshops.setdefault(workshop_id, Counter()), WORKSHOP_FIELDS[1:], counts)

    def slots(self, rows: Rows) -> None:
        for row in rows:
            cell, (workshop_id, n) = self.split(row)
            cell.workshops.setdefault(workshop_id, Counter())["slots"] += int(n)

    def workshop_people(self, rows: Rows) -> None:
        for row in rows:
            cell, (registered, attended) = self.split(row)
            cell.workshop_visits_registered += int(registered or 0)
            cell.workshop_visits_attended += int(attended or 0)

    def survey(self, rows: Rows) -> None:
        for row in rows:
            cell, (n, yes, given_n) = self.split(row)
            cell.survey_responses += int(n or 0)
            cell.satisfied += int(yes or 0)
            cell.answered += int(given_n or 0)

    def consultations(self, rows: Rows, counts: str | None) -> None:
        for row in rows:
            cell, (*code, n) = self.split(row)
            if counts is None:
                cell.case_meetings += int(n)
            else:
                getattr(cell, counts)[code[0]] += int(n)

    def regulars(self, rows: Rows) -> None:
        """From the distinct (venue, bucket, visitor) triples: a few per regular, not per visit."""
        for row in rows:
            visitor_id = row[-1]
            key = self.key(row[0], row[1 : 1 + self.width])
            self.people.add(visitor_id)
            self.people_by.setdefault(key, set()).add(visitor_id)

    def counted_regulars(self) -> Regulars:
        by_bucket: dict[Bucket, set[str]] = {}
        by_venue: dict[str, set[str]] = {}
        for (venue_id, bucket), people in self.people_by.items():
            by_bucket.setdefault(bucket, set()).update(people)
            by_venue.setdefault(venue_id, set()).update(people)
        return Regulars(
            total=len(self.people),
            by_bucket={k: len(v) for k, v in by_bucket.items()},
            by_venue={k: len(v) for k, v in by_venue.items()},
            by_cell={k: len(v) for k, v in self.people_by.items()},
        )

    def paper(self, rows: Rows) -> None:
        """Paper days join every figure once: a café held without the laptop is an opening."""
        for row in rows:
            cell = self.on(row.venue_id, row.date)
            cell.paper_days += 1
            cell.openings["cafe"] += 1
            cell.participants["cafe"] += row.visits
            cell.visits += row.visits
            cell.first_visits += row.first_visits
            cell.repeat_visits += row.visits - row.first_visits
            cell.anonymous_first += row.first_visits
            cell.heard[UNANSWERED] += row.visits  # a paper list does not ask
            cell.ages.update(_ints(row.visits_by_age))
            cell.homes.update(_ints(row.visits_by_residence))
            if row.children_by_age is None:
                cell.kids_age_unknown += row.children
            else:
                cell.kids.update(_ints(row.children_by_age))
            cell.paper_workshop_participants += row.workshop_participants


def count(
    ctx: AppContext,
    venue_ids: Sequence[str] | None,
    first: date,
    last: date,
    grain: Grain = "month",
    hours: bool = False,
) -> Counted:
    """Every venue-bucket with anything in it over [first, last], in one read transaction.

    `venue_ids` None: every venue, retired ones too. `hours`: also count
    visits by local hour (the day's chart), which reads one row per visit.
    """
    with read(ctx) as session:
        return count_in(session, ctx, venue_ids, first, last, grain, hours)


def count_in(
    session: Session,
    ctx: AppContext,
    venue_ids: Sequence[str] | None,
    first: date,
    last: date,
    grain: Grain = "month",
    hours: bool = False,
) -> Counted:
    """`count` in a session the caller holds (one transaction for everything it reads)."""
    connection = session.connection()  # Core: the rows are plain tuples, no ORM per query
    venues = tuple(
        (str(i), str(n))
        for i, n in connection.execute(select(Venue.id, Venue.name).order_by(Venue.created_at))
    )
    ids = [i for i, _ in venues] if venue_ids is None else list(venue_ids)
    params = {"venue_ids": ids, "first": first, "last": last}

    def rows(statement: Select[*tuple[Any, ...]]) -> Rows:
        return connection.execute(statement, params).all()

    q = _queries(grain)
    cells = _Cells(grain, ctx.clock().tzinfo)
    cells.events(rows(q.events))
    cells.visits(rows(q.visits))
    cells.children(rows(q.children))
    cells.supporters(rows(q.supporters))
    cells.signups(rows(q.signups))
    cells.slots(rows(q.slots))
    cells.workshop_people(rows(q.workshop_people))
    cells.survey(rows(q.survey(stored_definitions(session))))
    for statement, counts in q.consultations:
        cells.consultations(rows(statement), counts)
    cells.paper(rows(q.paper))
    cells.regulars(rows(q.regulars))
    if hours:
        cells.hours(rows(q.hours))
    workshop_ids = {w for cell in cells.cells.values() for w in cell.workshops}
    names: dict[str, str] = {}
    if workshop_ids:
        names = {
            str(wid): str(name)
            for wid, name in connection.execute(
                select(Workshop.id, Workshop.name).where(Workshop.id.in_(workshop_ids))
            )
        }
    return Counted(
        cells=cells.cells,
        regulars=cells.counted_regulars(),
        venues=venues,
        workshop_names=names,
        lists=lists_in(session),
        organisation=settings.get_in(session, settings.ORGANISATION) or "",
    )


def _count(condition: Any) -> Any:
    """How many rows of the group meet `condition` (0, not NULL, for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _add(counter: Counter[str], codes: Sequence[str], counts: Sequence[Any]) -> None:
    for code, n in zip(codes, counts, strict=True):
        if n:
            counter[code] += int(n)


def _ints(part: dict[str, Any] | None) -> dict[str, int]:
    return {code: int(n) for code, n in (part or {}).items()}
