"""The additive figures of a period, per venue and month ("cells"), in one pass.

A fiscal-year report of every venue shows the total, twelve months and a
column per venue. Computing each of those 99 columns with its own queries
read the year's rows about three times over, ten queries at a time: 7 s at a
million visits. Here each table is read once: grouped by event (SQLite
streams the groups in index order, no sort) or, for the records kept by
venue and date, by venue and month; the few thousand small rows are then
added up in Python by (venue, month). Any column of the report is a sum of
cells. Distinct regulars are not additive: they are counted apart
(`Regulars`) for the whole period, each month and each venue, from the
distinct (venue, month, visitor) triples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select

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
    Visit,
    WorkshopSlot,
)
from kiosk.core import choices
from kiosk.core.context import AppContext
from kiosk.core.transaction import read
from kiosk.survey.questionnaire import Questionnaire
from kiosk.workshops.slots import REGISTERED

Month = tuple[int, int]  # (year, month)
# A reading yields its queries one by one and is sent each one's rows.
Reading = Generator[Select[*tuple[Any, ...]], list[Any], None]
CellKey = tuple[str, Month]  # (venue id, month)
# A satisfaction answer stored as nothing: the text SQL reads for an empty string or list.
NOT_ANSWERED = ("", "[]")
WORKSHOP_FIELDS = ("slots", "registered", "attended", "waitlisted", "no_shows")


@dataclass
class Cell:
    """Every additive figure of one venue-month (or a sum of cells). Paper days included."""

    openings: Counter[str] = field(default_factory=Counter)  # event kind → events held
    participants: Counter[str] = field(default_factory=Counter)  # event kind → visits
    visits: int = 0
    first_visits: int = 0
    repeat_visits: int = 0
    count_only: int = 0
    anonymous_first: int = 0  # first visits without a nickname: each a new person
    ages: Counter[str] = field(default_factory=Counter)
    homes: Counter[str] = field(default_factory=Counter)
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
            mine = getattr(self, name)
            for code, n in getattr(other, name).items():
                mine[code] += n
        for workshop_id, counts in other.workshops.items():
            mine = self.workshops.setdefault(workshop_id, Counter())
            for name, n in counts.items():
                mine[name] += n


_NUMBERS = tuple(f.name for f in fields(Cell) if f.type == "int")
_COUNTERS = tuple(f.name for f in fields(Cell) if f.type == "Counter[str]")


def total(cells: Iterable[Cell]) -> Cell:
    out = Cell()
    for cell in cells:
        out.add(cell)
    return out


@dataclass(frozen=True)
class Regulars:
    """Distinct nicknamed visitors: over the period, per month, per venue."""

    total: int
    by_month: dict[Month, int]
    by_venue: dict[str, int]


class _Cells:
    """Reads every table once for the venues over [first, last], into cells."""

    def __init__(self, venue_ids: Sequence[str], first: date, last: date):
        self.cells: dict[CellKey, Cell] = {}
        self.in_period = (
            Event.venue_id.in_(venue_ids),
            Event.date >= first,
            Event.date <= last,
            Event.status != "cancelled",
        )
        self.by_venue_date = (venue_ids, first, last)
        self.event_ids = select(Event.id).where(*self.in_period).scalar_subquery()
        self.year = func.extract("year", Event.date)
        self.month = func.extract("month", Event.date)
        # Distinct nicknamed visitors are not additive: kept as sets, counted at the end.
        self.people: set[str] = set()
        self.people_by_month: dict[Month, set[str]] = {}
        self.people_by_venue: dict[str, set[str]] = {}

    def cell(self, venue_id: str, year: Any, month: Any) -> Cell:
        key = (venue_id, (int(year), int(month)))
        found = self.cells.get(key)
        if found is None:
            found = self.cells[key] = Cell()
        return found

    def _rolled_up(
        self, inner: Select[*tuple[Any, ...]], keys: Sequence[str], by_kind: bool = False
    ) -> Select[*tuple[Any, ...]]:
        """Rows of `inner` (one per event, or per session of an event) summed by venue-month.

        `inner` streams its groups in index order; only its few thousand rows
        are then joined to their event and sorted, never the year's records.
        Each row: venue id, year, month, [event kind,] the `keys`, the sums.
        """
        sub = inner.subquery()
        event_id = sub.c.event_id
        group = [Event.venue_id, self.year, self.month]
        if by_kind:
            group.append(Event.kind)
        group += [sub.c[k] for k in keys]
        sums = [func.sum(c) for c in sub.c if c.name != "event_id" and c.name not in keys]
        return select(*group, *sums).join(Event, Event.id == event_id).group_by(*group)

    def events(self) -> Reading:
        rows = yield (
            select(Event.venue_id, self.year, self.month, Event.kind, func.count())
            .where(*self.in_period)
            .group_by(Event.venue_id, self.year, self.month, Event.kind)
        )
        for venue_id, year, month, kind, n in rows:
            self.cell(venue_id, year, month).openings[kind] += int(n)

    def visits(self) -> Reading:
        ages, homes = choices.codes("age_band"), choices.codes("residence")
        inner = (
            select(
                Visit.event_id.label("event_id"),
                func.count(),
                _count(Visit.first_visit.is_(True)),
                _count(Visit.first_visit.is_(False)),
                _count(Visit.count_only.is_(True)),
                _count(Visit.first_visit.is_(True) & Visit.visitor_id.is_(None)),
                *(_count(Visit.age_band == code) for code in ages),
                *(_count(Visit.residence == code) for code in homes),
            )
            .where(Visit.event_id.in_(self.event_ids), Visit.status == "active")
            .group_by(Visit.event_id)
        )
        rows = yield self._rolled_up(inner, (), by_kind=True)
        for row in rows:
            venue_id, year, month, kind, *numbers = row
            n, first, repeat, only, anonymous, *parts = (int(x or 0) for x in numbers)
            cell = self.cell(venue_id, year, month)
            cell.participants[kind] += n
            cell.visits += n
            cell.first_visits += first
            cell.repeat_visits += repeat
            cell.count_only += only
            cell.anonymous_first += anonymous
            _add(cell.ages, ages, parts[: len(ages)])
            _add(cell.homes, homes, parts[len(ages) :])

    def children(self) -> Reading:
        bands = choices.codes("child_age_band")
        inner = (
            select(
                ChildCare.event_id.label("event_id"),
                *(_count(ChildCare.age_band == code) for code in bands),
            )
            .where(ChildCare.event_id.in_(self.event_ids), ChildCare.status != "cancelled")
            .group_by(ChildCare.event_id)
        )
        rows = yield self._rolled_up(inner, ())
        for venue_id, year, month, *parts in rows:
            _add(self.cell(venue_id, year, month).kids, bands, parts)

    def supporters(self) -> Reading:
        rows = yield (
            select(Event.venue_id, self.year, self.month, func.sum(SupporterAttendance.count))
            .join(Event, Event.id == SupporterAttendance.event_id)
            .where(SupporterAttendance.event_id.in_(self.event_ids))
            .group_by(Event.venue_id, self.year, self.month)
        )
        for venue_id, year, month, n in rows:
            self.cell(venue_id, year, month).participants["seminar"] += int(n or 0)

    def workshops(self) -> Reading:
        slots_held = select(WorkshopSlot.id).where(WorkshopSlot.event_id.in_(self.event_ids))
        # Per session (through its index), then by venue-month and workshop.
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
        group = (Event.venue_id, self.year, self.month, WorkshopSlot.workshop_id)
        signups = yield (
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
        for venue_id, year, month, workshop_id, *counts in signups:
            found = self.cell(venue_id, year, month).workshops.setdefault(workshop_id, Counter())
            _add(found, WORKSHOP_FIELDS[1:], counts)
        slots = yield (
            select(*group, func.count())
            .join(Event, Event.id == WorkshopSlot.event_id)
            .where(WorkshopSlot.event_id.in_(self.event_ids), WorkshopSlot.status == "open")
            .group_by(*group)
        )
        for venue_id, year, month, workshop_id, n in slots:
            found = self.cell(venue_id, year, month).workshops.setdefault(workshop_id, Counter())
            found["slots"] += int(n)
        # A check-in belongs to one event: distinct ones counted per event add up.
        people = (
            select(
                Signup.event_id.label("event_id"),
                func.count(func.distinct(case((Signup.status.in_(REGISTERED), Signup.visit_id)))),
                func.count(func.distinct(case((Signup.status == "attended", Signup.visit_id)))),
            )
            .where(Signup.event_id.in_(self.event_ids))
            .group_by(Signup.event_id)
        )
        counted = yield self._rolled_up(people, ())
        for venue_id, year, month, registered, attended in counted:
            cell = self.cell(venue_id, year, month)
            cell.workshop_visits_registered += int(registered or 0)
            cell.workshop_visits_attended += int(attended or 0)

    def survey(self, definitions: dict[str, Questionnaire]) -> Reading:
        """Responses, satisfied and answered, counted in SQL per event, then by venue-month.

        Each response is judged by its own questionnaire version: satisfied
        when its satisfaction answer (a single choice) is one of that
        version's satisfied codes, answered when it is there and not empty.
        """
        satisfied: list[Any] = []
        answered: list[Any] = []
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
        inner = (
            select(
                SurveyResponse.event_id.label("event_id"),
                func.count(),
                _count(or_(*satisfied)) if satisfied else literal(0),
                _count(or_(*answered)) if answered else literal(0),
            )
            .where(SurveyResponse.event_id.in_(self.event_ids))
            .group_by(SurveyResponse.event_id)
        )
        rows = yield self._rolled_up(inner, ())
        for venue_id, year, month, n, yes, given_n in rows:
            cell = self.cell(venue_id, year, month)
            cell.survey_responses += int(n or 0)
            cell.satisfied += int(yes or 0)
            cell.answered += int(given_n or 0)

    def consultations(self) -> Reading:
        """One grouped count per list: a few thousand rows, not one per combination."""
        venue_ids, first, last = self.by_venue_date
        for model, column, counts in (
            (Consultation, Consultation.channel, "channel"),
            (Consultation, Consultation.category, "category"),
            (Consultation, Consultation.staff_role, "staff_role"),
            (Referral, Referral.agency, "agency"),
            (CaseMeeting, None, None),
        ):
            year, month = func.extract("year", model.date), func.extract("month", model.date)
            group = [model.venue_id, year, month, *([column] if column is not None else [])]
            rows = yield (
                select(*group, func.count())
                .where(
                    model.venue_id.in_(venue_ids),
                    model.date.between(first, last),
                    model.status == "active",
                )
                .group_by(*group)
            )
            for venue_id, y, m, *code, n in rows:
                cell = self.cell(venue_id, y, m)
                if counts is None:
                    cell.case_meetings += int(n)
                else:
                    getattr(cell, counts)[code[0]] += int(n)

    def regulars(self) -> Reading:
        """From the distinct (venue, month, visitor) triples: a few per regular, not per visit."""
        triples = yield (
            select(Event.venue_id, self.year, self.month, Visit.visitor_id)
            .join(Event, Event.id == Visit.event_id)
            # Naming the events first lets the database walk them by date, then their visits.
            .where(
                Visit.event_id.in_(self.event_ids),
                Visit.status == "active",
                Visit.visitor_id.is_not(None),
            )
            .distinct()
        )
        for venue_id, year, month, visitor_id in triples:
            self.people.add(visitor_id)
            self.people_by_month.setdefault((int(year), int(month)), set()).add(visitor_id)
            self.people_by_venue.setdefault(venue_id, set()).add(visitor_id)

    def counted_regulars(self) -> Regulars:
        return Regulars(
            total=len(self.people),
            by_month={k: len(v) for k, v in self.people_by_month.items()},
            by_venue={k: len(v) for k, v in self.people_by_venue.items()},
        )

    def paper(self) -> Reading:
        """Paper days join every figure once: a café held without the laptop is an opening."""
        venue_ids, first, last = self.by_venue_date
        rows = yield select(
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
            PaperDay.venue_id.in_(venue_ids),
            PaperDay.date.between(first, last),
            PaperDay.status == "active",
        )
        for row in rows:
            cell = self.cell(row.venue_id, row.date.year, row.date.month)
            cell.paper_days += 1
            cell.openings["cafe"] += 1
            cell.participants["cafe"] += row.visits
            cell.visits += row.visits
            cell.first_visits += row.first_visits
            cell.repeat_visits += row.visits - row.first_visits
            cell.anonymous_first += row.first_visits
            cell.ages.update(_ints(row.visits_by_age))
            cell.homes.update(_ints(row.visits_by_residence))
            if row.children_by_age is None:
                cell.kids_age_unknown += row.children
            else:
                cell.kids.update(_ints(row.children_by_age))
            cell.paper_workshop_participants += row.workshop_participants


READERS = 2  # threads reading at once: a venue laptop has at least two cores


def period_cells(
    ctx: AppContext,
    venue_ids: Sequence[str],
    first: date,
    last: date,
    definitions: dict[str, Questionnaire],
) -> tuple[dict[CellKey, Cell], Regulars]:
    """Every venue-month with anything in it over [first, last], and the distinct regulars.

    The queries are independent, so they run READERS at a time, each in its
    own read transaction (SQLite's WAL lets readers run side by side, and
    the database works while Python waits); adding rows up stays on this
    thread. A check-in committed while a report is read may count in one
    figure and not yet in another, as it would a second later.
    """
    reader = _Cells(venue_ids, first, last)
    _read_all(
        ctx,
        [
            reader.events(),
            reader.visits(),
            reader.children(),
            reader.supporters(),
            reader.workshops(),
            reader.survey(definitions),
            reader.consultations(),
            reader.paper(),
            reader.regulars(),
        ],
    )
    return reader.cells, reader.counted_regulars()


def _read_all(ctx: AppContext, readings: list[Reading]) -> None:
    """Run each reading's queries on the pool; feed it its rows here, one reading at a time."""
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        pending: dict[Future[list[Any]], Reading] = {}

        def submit(reading: Reading, statement: Select[*tuple[Any, ...]]) -> None:
            pending[pool.submit(_rows, ctx, statement)] = reading

        for reading in readings:
            submit(reading, next(reading))
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                reading = pending.pop(future)
                try:
                    statement = reading.send(future.result())
                except StopIteration:
                    continue  # that reading has added all its rows
                submit(reading, statement)


def _rows(ctx: AppContext, statement: Select[*tuple[Any, ...]]) -> list[Any]:
    with read(ctx) as session:
        return list(session.execute(statement))


def _count(condition: Any) -> Any:
    """How many rows of the group meet `condition` (0, not NULL, for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _add(counter: Counter[str], codes: Sequence[str], counts: Sequence[Any]) -> None:
    for code, n in zip(codes, counts, strict=True):
        if n:
            counter[code] += int(n)


def _ints(part: dict[str, Any] | None) -> dict[str, int]:
    return {code: int(n) for code, n in (part or {}).items()}
