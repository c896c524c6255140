"""The day's tally (日計): every figure of one venue-day, computed once.

The screen, the CSV, the PDF and the CLI all render this one model; none
computes a figure of its own. Every list carries every code with 0 when
nothing happened, and cancelled rows never count. It reads one day's rows
through the (venue_id, date) and event_id indexes, whatever the history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from db.models import Event, Venue
from kiosk.consultations.counts import ConsultationCounts, in_list_order
from kiosk.consultations.lists import ListEntry
from kiosk.core import choices
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.numbers import FigureValue
from kiosk.core.transaction import read
from kiosk.core.translations import text
from kiosk.reports import engine
from kiosk.reports import figures as catalogue
from kiosk.reports.engine import UNANSWERED
from kiosk.survey.results import Rate
from kiosk.workshops.counts import WorkshopCount, WorkshopCounts

LANGUAGES = ("ja", "en")
EMPTY_CONSULTATIONS = ConsultationCounts(0, {}, {}, {}, 0, {}, 0)
FIRST_HOUR, LAST_HOUR = 8, 21  # the hours a chart shows; earlier/later fold into the ends


@dataclass(frozen=True)
class Breakdown:
    """Counts per code of one answer list, in the list's order, zeros included."""

    group: str  # the choices.json group its labels come from
    counts: tuple[tuple[str, int], ...]

    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def label(self, code: str, lang: str) -> str:
        return choices.label(self.group, code, lang)


@dataclass(frozen=True)
class DailyTally:
    venue_id: str
    venue_name: str
    day: date
    organisation: str
    event_kinds: tuple[str, ...]  # kinds of the events held that day; empty: none
    visits: int
    first_visits: int
    repeat_visits: int
    count_only: int
    regulars: int  # distinct nicknamed visitors
    age_bands: Breakdown
    residence: Breakdown
    heard_from: Breakdown
    children: int
    child_age_bands: Breakdown
    by_hour: tuple[tuple[int, int], ...]  # (hour, visits), local time
    workshops: WorkshopCounts
    survey_responses: int
    satisfaction: Rate
    consultations: ConsultationCounts = field(default_factory=lambda: EMPTY_CONSULTATIONS)
    from_paper: bool = False  # the day's counts were entered afterwards from a paper list
    paper_workshop_participants: int = 0
    # list name → language → code → label, as this installation names them
    list_labels: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    generated_at: datetime = field(
        compare=False, default_factory=lambda: datetime.now().astimezone()
    )

    @property
    def held(self) -> bool:
        return bool(self.event_kinds) or self.from_paper


def held_label(tally: DailyTally, lang: str) -> str:
    """What was held that day, as the screen, the CSV and the PDF say it."""
    if not tally.held:
        return text("report.not_held", lang)
    kinds = [choices.label("event_kind", k, lang) for k in tally.event_kinds]
    if tally.from_paper:
        kinds.append(text("report.from_paper", lang))
    return "・".join(kinds)


def _breakdown(group: str, counted: Counter[str], extra: tuple[str, ...] = ()) -> Breakdown:
    known = choices.codes(group)
    codes = [*known, *[c for c in extra if c not in known]]
    return Breakdown(group, tuple((code, counted.get(code, 0)) for code in codes))


def empty_tally(day: date = date(2000, 1, 1), venue_name: str = "") -> DailyTally:
    """All zeros: the shape of a day (for a header, or a day with no data)."""
    return DailyTally(
        venue_id="",
        venue_name=venue_name,
        day=day,
        organisation="",
        event_kinds=(),
        visits=0,
        first_visits=0,
        repeat_visits=0,
        count_only=0,
        regulars=0,
        age_bands=_breakdown("age_band", Counter()),
        residence=_breakdown("residence", Counter()),
        heard_from=_breakdown("heard_from", Counter(), extra=(UNANSWERED,)),
        children=0,
        child_age_bands=_breakdown("child_age_band", Counter()),
        by_hour=tuple((h, 0) for h in range(FIRST_HOUR, LAST_HOUR + 1)),
        workshops=WorkshopCounts((), 0, 0),
        survey_responses=0,
        satisfaction=Rate(0, 0),
    )


MIN_ID_PREFIX = 8  # characters of a venue id that name it on the command line


def venue_by_name(ctx: AppContext, name: str) -> str:
    """The id of the venue with this name (retired ones included), or of this id.

    After a merge two PCs may each hold a venue of the same name: that is
    refused with every one listed by the first characters of its id, which
    then names it (`--venue a1b2c3d4`).
    """
    text = name.strip()
    with read(ctx) as session:
        found = session.execute(
            select(Venue.id, Venue.device_id).where(Venue.name == text).order_by(Venue.id)
        ).all()
        if not found and len(text) >= MIN_ID_PREFIX:
            found = session.execute(
                select(Venue.id, Venue.device_id).where(Venue.id.startswith(text, autoescape=True))
            ).all()
        if len(found) > 1:
            held = dict(
                session.execute(
                    select(Event.venue_id, func.count())
                    .where(Event.venue_id.in_([row.id for row in found]))
                    .group_by(Event.venue_id)
                ).all()
            )
    if not found:
        raise KioskError("venue_unknown", name=name)
    if len(found) > 1:
        choices = ", ".join(f"{row.id[:MIN_ID_PREFIX]} ({held.get(row.id, 0)})" for row in found)
        raise KioskError("venue_ambiguous", name=text, choices=choices)
    return str(found[0].id)


def daily_tally(ctx: AppContext, venue_id: str, day: date) -> DailyTally:
    """The engine on one venue-day, in one read."""
    return daily_tallies(ctx, (venue_id,), day, day, hours=True)[0]


def daily_tallies(
    ctx: AppContext, venue_ids: Sequence[str], first: date, last: date, hours: bool = True
) -> list[DailyTally]:
    """Every venue-day over [first, last], day by day in the venues' order, from ONE read.

    Days with nothing in them are there too, as zeros. `hours`: count the
    visits by hour as well (the screen's and the PDF's chart), which reads a
    row per visit; the CSV has no use for it.
    """
    counted = engine.count(ctx, venue_ids, first, last, grain="day", hours=hours)
    names = dict(counted.venues)
    for venue_id in venue_ids:
        if venue_id not in names:
            raise KioskError("venue_not_found")
    list_labels = {
        n: {lang: {e.code: e.label(lang) for e in counted.lists[n]} for lang in LANGUAGES}
        for n in ("channel", "category", "agency")
    }
    # A day with nothing in it is the venue's zeros, built once and re-dated.
    zeros = {
        v: _tally(engine.Cell(), v, names[v], first, counted, 0, list_labels) for v in venue_ids
    }
    out: list[DailyTally] = []
    day = first
    while day <= last:
        for venue_id in venue_ids:
            key = (venue_id, day)
            cell = counted.cells.get(key)
            if cell is None:
                out.append(replace(zeros[venue_id], day=day))
                continue
            regulars = counted.regulars.by_cell.get(key, 0)
            out.append(_tally(cell, venue_id, names[venue_id], day, counted, regulars, list_labels))
        day += timedelta(days=1)
    return out


def _tally(
    cell: engine.Cell,
    venue_id: str,
    venue_name: str,
    day: date,
    counted: engine.Counted,
    regulars: int,
    list_labels: Mapping[str, Mapping[str, Mapping[str, str]]],
) -> DailyTally:
    return DailyTally(
        venue_id=venue_id,
        venue_name=venue_name,
        day=day,
        organisation=counted.organisation,
        event_kinds=tuple(sorted(k for k, n in cell.held.items() if n)),
        visits=cell.visits,
        first_visits=cell.first_visits,
        repeat_visits=cell.repeat_visits,
        count_only=cell.count_only,
        regulars=regulars,
        age_bands=_breakdown("age_band", cell.ages),
        residence=_breakdown("residence", cell.homes),
        heard_from=_breakdown("heard_from", cell.heard, extra=(UNANSWERED,)),
        children=sum(cell.kids.values()) + cell.kids_age_unknown,
        child_age_bands=_breakdown("child_age_band", cell.kids),
        by_hour=_hours(cell.hours),
        workshops=workshop_counts_of(cell, counted.workshop_names),
        survey_responses=cell.survey_responses,
        satisfaction=Rate(cell.satisfied, cell.answered),
        consultations=consultations_of(cell, counted.lists),
        list_labels=list_labels,
        from_paper=cell.paper_days > 0,
        paper_workshop_participants=cell.paper_workshop_participants,
    )


def _hours(counted: Mapping[int, int]) -> tuple[tuple[int, int], ...]:
    """Visits per hour of the chart; earlier and later hours fold into its ends."""
    folded: Counter[int] = Counter()
    for hour, n in counted.items():
        folded[min(max(hour, FIRST_HOUR), LAST_HOUR)] += n
    return tuple((h, folded.get(h, 0)) for h in range(FIRST_HOUR, LAST_HOUR + 1))


def workshop_counts_of(cell: engine.Cell, names: Mapping[str, str]) -> WorkshopCounts:
    """The workshops of a cell (those with an open session in it), by name then id."""
    found = sorted(
        (
            WorkshopCount(wid, names.get(wid, wid), *(c[f] for f in engine.WORKSHOP_FIELDS))
            for wid, c in cell.workshops.items()
            if c["slots"] > 0  # a workshop with no open session in the span is not listed
        ),
        key=lambda w: (w.name, w.workshop_id),
    )
    return WorkshopCounts(
        tuple(found), cell.workshop_visits_registered, cell.workshop_visits_attended
    )


def consultations_of(
    cell: engine.Cell, lists: Mapping[str, Iterable[ListEntry]]
) -> ConsultationCounts:
    """The consultation counts of a cell, each list in its order, zeros included."""
    return in_list_order(
        lists,
        {
            "channel": cell.channel,
            "category": cell.category,
            "staff_role": cell.staff_role,
            "agency": cell.agency,
        },
        cell.case_meetings,
    )


# -- one flat list of figures, for every renderer ------------------------------------

# The daily rows' item codes, and the catalogue figure each one shows.
ITEM_FIGURES = {
    "total": "visits.total",
    "first": "visits.first",
    "repeat": "visits.repeat",
    "count_only": "visits.count_only",
    "regulars": "visits.regulars",
    "children": "childcare.children",
    "registered": "workshops.registered",
    "attended": "workshops.attended",
    "waitlisted": "workshops.waitlisted",
    "no_shows": "workshops.no_shows",
    "visits_attended": "workshops.visits_attended",
    "paper_participants": "workshops.paper_participants",
    "consultations": "consultations.total",
    "case_meetings": "consultations.case_meetings",
    "referrals": "referrals.total",
    "responses": "survey.responses",
    "satisfied": "survey.satisfied",
    "answered": "survey.answered",
    "rate": "survey.rate",
}


@dataclass(frozen=True)
class Figure:
    group: str
    item: str  # a stable code; per-workshop items are "workshop:<name>:<measure>"
    group_label: str
    item_label: str
    value: FigureValue  # the satisfaction rate: a percent, or None with no answers
    wide: bool = True  # a fixed column of the one-row-per-day CSV
    figure_id: str = ""  # the catalogue figure (kiosk/reports/figures.py) it shows

    @property
    def shown(self) -> str:
        """The value as the screen and the PDF write it ("2,471", "85.0%", "—")."""
        return catalogue.shown(self.figure_id, self.value)


def figures(tally: DailyTally, lang: str = "ja") -> list[Figure]:
    """Every figure of the day in a fixed order: the screen's, CSV's and PDF's rows."""

    def fig(
        group: str,
        item: str,
        value: FigureValue,
        label: str | None = None,
        wide: bool = True,
        figure_id: str | None = None,
    ) -> Figure:
        found = figure_id or ITEM_FIGURES.get(item, "")
        return Figure(
            group,
            item,
            catalogue.heading(found, group, lang),
            label if label is not None else catalogue.label(found, lang),
            value,
            wide,
            found,
        )

    out = [
        fig("visits", "total", tally.visits),
        fig("visits", "first", tally.first_visits),
        fig("visits", "repeat", tally.repeat_visits),
        fig("visits", "count_only", tally.count_only),
        fig("visits", "regulars", tally.regulars),
    ]
    for key, breakdown in (
        ("age_band", tally.age_bands),
        ("residence", tally.residence),
        ("heard_from", tally.heard_from),
    ):
        for code, n in breakdown.counts:
            label = (
                catalogue.label("heard_from.unanswered", lang)
                if code == UNANSWERED and key == "heard_from"
                else breakdown.label(code, lang)
            )
            out.append(fig(key, code, n, label, figure_id=f"{key}.parts"))
    out.append(fig("childcare", "children", tally.children))
    for code, n in tally.child_age_bands.counts:
        label = tally.child_age_bands.label(code, lang)
        out.append(fig("childcare", f"child_{code}", n, label, figure_id="childcare.by_age"))
    w = tally.workshops
    for item, value in (
        ("registered", w.registered),
        ("attended", w.attended),
        ("waitlisted", w.waitlisted),
        ("no_shows", w.no_shows),
        ("visits_attended", w.visits_attended),
    ):
        out.append(fig("workshops", item, value))
    out.append(fig("workshops", "paper_participants", tally.paper_workshop_participants))
    for one in w.workshops:
        for measure, value in (("registered", one.registered), ("attended", one.attended)):
            found = f"workshops.one_{measure}"
            label = catalogue.label(found, lang, workshop=one.name)
            item = f"workshop:{one.name}:{measure}"
            out.append(fig("workshops", item, value, label, wide=False, figure_id=found))
    talks = tally.consultations
    out.append(fig("consultations", "consultations", talks.total))
    for prefix, counts, list_name in (
        ("channel", talks.by_channel, "channel"),
        ("category", talks.by_category, "category"),
    ):
        names = tally.list_labels.get(list_name, {}).get(lang, {})
        found = f"consultations.by_{prefix}"
        for code, n in counts.items():
            label = names.get(code, code)
            out.append(fig("consultations", f"{prefix}:{code}", n, label, figure_id=found))
    out.append(fig("consultations", "case_meetings", talks.case_meetings))
    out.append(fig("referrals", "referrals", talks.referrals))
    agencies = tally.list_labels.get("agency", {}).get(lang, {})
    for code, n in talks.by_agency.items():
        label = agencies.get(code, code)
        out.append(fig("referrals", f"agency:{code}", n, label, figure_id="referrals.by_agency"))
    out.append(fig("survey", "responses", tally.survey_responses))
    out.append(fig("survey", "satisfied", tally.satisfaction.satisfied))
    out.append(fig("survey", "answered", tally.satisfaction.answered))
    out.append(fig("survey", "rate", tally.satisfaction.percent(1)))
    return out
