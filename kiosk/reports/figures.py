"""The figure catalogue: every figure the app reports, declared once.

Each figure has an id (`group.item`), the group it is shown under, its unit,
its kind (a count, distinct people, a rate, or a breakdown into the codes of
a list), the KPI metric it feeds (resources/kpi_metrics.json), and its
label, which lives in the one kiosk translation catalogue
(resources/locales/<lang>.json) under `figure.<id>`; group headings under
`report.group.<group>`. The screen, the CSV, the PDF and the CLI all take
their labels from here, so a figure reads the same wherever it appears.
The counting engine (kiosk/reports/engine.py) counts every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from kiosk.core.numbers import FigureValue, figure_text
from kiosk.core.translations import text

Kind = Literal["count", "distinct", "rate", "breakdown"]
Unit = Literal["visit", "person", "event", "day", "record", "percent"]


@dataclass(frozen=True)
class Figure:
    """One figure of the catalogue (its value comes from the engine, per venue and span)."""

    id: str  # group.item, stable: the key of its label, the code renderers use
    unit: Unit
    kind: Kind
    metric: str | None = None  # the KPI metric (kpi_metrics.json code) it gives the actual of
    parts: str | None = None  # a breakdown: the choices group or consultation list of its codes

    @property
    def group(self) -> str:
        return self.id.partition(".")[0]

    @property
    def key(self) -> str:
        return f"figure.{self.id}"

    def label(self, lang: str, **params: object) -> str:
        return text(self.key, lang, **params)


CATALOGUE: tuple[Figure, ...] = (
    Figure("openings.total", "event", "count", metric="openings"),
    Figure("openings.by_kind", "event", "breakdown", parts="event_kind"),
    Figure("participants.by_kind", "person", "breakdown", parts="event_kind"),
    Figure("participants.seminar", "person", "count", metric="seminar_participants"),
    Figure("visits.total", "visit", "count", metric="visits"),
    Figure("visits.distinct", "person", "distinct", metric="distinct_visitors"),
    Figure("visits.first", "visit", "count"),
    Figure("visits.repeat", "visit", "count"),
    Figure("visits.count_only", "visit", "count"),
    Figure("visits.regulars", "person", "distinct"),
    Figure("visits.paper_days", "day", "count"),
    Figure("age_band.parts", "visit", "breakdown", parts="age_band"),
    Figure("residence.parts", "visit", "breakdown", parts="residence"),
    Figure("heard_from.parts", "visit", "breakdown", parts="heard_from"),
    Figure("heard_from.unanswered", "visit", "count"),
    Figure("childcare.children", "person", "count", metric="children"),
    Figure("childcare.by_age", "person", "breakdown", parts="child_age_band"),
    Figure("workshops.registered", "person", "count"),
    Figure("workshops.attended", "person", "count", metric="workshop_participants"),
    Figure("workshops.waitlisted", "person", "count"),
    Figure("workshops.no_shows", "person", "count"),
    Figure("workshops.visits_attended", "person", "distinct"),
    Figure("workshops.paper_participants", "person", "count"),
    Figure("workshops.one_registered", "person", "count"),  # "{workshop}：申込"
    Figure("workshops.one_attended", "person", "count"),  # "{workshop}：参加"
    Figure("consultations.total", "record", "count", metric="consultations"),
    Figure("consultations.by_channel", "record", "breakdown", parts="channel"),
    Figure("consultations.by_category", "record", "breakdown", parts="category"),
    Figure("consultations.case_meetings", "record", "count", metric="case_meetings"),
    Figure("referrals.total", "record", "count", metric="referrals"),
    Figure("referrals.by_agency", "record", "breakdown", parts="agency"),
    Figure("survey.responses", "record", "count"),
    Figure("survey.satisfied", "record", "count"),
    Figure("survey.answered", "record", "count"),
    Figure("survey.rate", "percent", "rate", metric="satisfaction_rate"),
)
BY_ID = {f.id: f for f in CATALOGUE}
GROUPS = tuple(dict.fromkeys(f.group for f in CATALOGUE))


def figure(figure_id: str) -> Figure:
    return BY_ID[figure_id]


def label(figure_id: str, lang: str, **params: object) -> str:
    """The label of a figure in `lang`: the same on every screen and in every file."""
    if params:
        return BY_ID[figure_id].label(lang, **params)
    return _plain_label(figure_id, lang)


@cache
def _plain_label(figure_id: str, lang: str) -> str:
    """A label without placeholders; the catalogue files are read once per process."""
    return BY_ID[figure_id].label(lang)


@cache
def group_label(group: str, lang: str) -> str:
    return text(f"report.group.{group}", lang)


# Breakdowns that share their group with another breakdown: consultations by
# channel and by category are two views of the same talks, so each is headed by
# its own label (相談の方法別, 相談の内容別), never run together under 相談, where
# a clerk adding a heading's rows would count every talk twice.
OWN_HEADING = frozenset({"consultations.by_channel", "consultations.by_category"})


def heading(figure_id: str, group: str, lang: str) -> str:
    """The heading a figure's row sits under, on every screen table and in every file."""
    if figure_id in OWN_HEADING:
        return _plain_label(figure_id, lang)
    return group_label(group, lang)


def feeding(metric: str) -> Figure | None:
    """The figure whose value is the actual of a KPI metric."""
    return next((f for f in CATALOGUE if f.metric == metric), None)


def shown(figure_id: str, value: FigureValue | str) -> str:
    """A value of the figure as people read it: "2,471", "85.0%", "—"."""
    found = BY_ID.get(figure_id)
    return figure_text(value, percent=found is not None and found.unit == "percent")
