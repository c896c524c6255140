"""Month, fiscal-year and date-range reports: the figures cities ask for.

Built from the same counts as the daily tally, but aggregated in the
database over the whole period: one pass of grouped queries gives the
figures of every venue-month (kiosk/reports/engine.py), and the total, each
month and each venue are sums of those. Month-by-month columns across a
fiscal year, one venue or all.

実人数 (distinct people) is counted as: distinct nicknamed regulars, plus
first visits of visitors without a nickname (each is a new person), the
method the report itself states. Supporters at seminars are counted apart
and never mix into visitor figures.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kiosk.consultations.counts import ConsultationCounts
from kiosk.consultations.lists import ListEntry
from kiosk.core import choices
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.fiscal_year import fiscal_year_label, fiscal_year_months, fiscal_year_range
from kiosk.core.japanese_dates import era_year_label
from kiosk.core.numbers import FigureValue
from kiosk.core.translations import text
from kiosk.reports import engine
from kiosk.reports import figures as catalogue
from kiosk.reports.daily import Breakdown, _breakdown, consultations_of, workshop_counts_of
from kiosk.reports.engine import Cell, total
from kiosk.survey.results import Rate
from kiosk.workshops.counts import WorkshopCounts

EVENT_KINDS = ("cafe", "online_dialogue", "seminar", "lecture")


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    label: str  # 令和8年11月 / 令和5年度 / 2026-04-01〜2026-06-30
    kind: str  # month / fiscal_year / range
    fiscal_year: int | None = None
    crosses_fiscal_years: bool = False


@dataclass(frozen=True)
class PeriodFigures:
    openings: dict[str, int]  # event kind → events held
    participants: dict[str, int]  # event kind → visits (supporters for seminars)
    visits: int
    first_visits: int
    repeat_visits: int
    count_only: int
    distinct_people: int
    age_bands: Breakdown
    residence: Breakdown
    children: int
    child_age_bands: Breakdown
    workshops: WorkshopCounts
    consultations: ConsultationCounts
    survey_responses: int
    satisfaction: Rate
    paper_days: int = 0  # venue-days entered afterwards from paper lists (included above)
    paper_workshop_participants: int = 0
    # Figures the report's tables do not show, for the city's own form (kiosk/reports/city_form/fields.py).
    regulars: int = 0  # distinct nicknamed visitors
    heard_from: Breakdown = field(default_factory=lambda: _breakdown("heard_from", Counter()))
    heard_from_unanswered: int = 0

    @property
    def workshop_participants(self) -> int:
        return self.workshops.attended + self.paper_workshop_participants

    @property
    def total_openings(self) -> int:
        return sum(self.openings.values())

    @property
    def seminar_participants(self) -> int:
        return self.participants.get("seminar", 0)


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    venue_ids: tuple[str, ...]
    venue_label: str  # one venue's name, or "all venues"
    totals: PeriodFigures
    months: tuple[tuple[tuple[int, int], PeriodFigures], ...]  # ((year, month), figures)
    per_venue: tuple[tuple[str, PeriodFigures], ...]  # (venue name, figures), when all venues


def month_period(year: int, month: int, lang: str = "ja") -> Period:
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise KioskError("month_invalid", value=f"{year}-{month:02d}")
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    label = f"{era_year_label(first)}{month}月" if lang == "ja" else first.strftime("%B %Y")
    return Period(first, last, label, "month")


def parse_month(text: str, lang: str = "ja") -> Period:
    try:
        year, month = (int(part) for part in text.strip().split("-"))
    except ValueError as exc:
        raise KioskError("month_invalid", value=text) from exc
    return month_period(year, month, lang)


def fiscal_year_period(year: int, start_month: int = 4, lang: str = "ja") -> Period:
    if not 2000 <= year <= 2100:
        raise KioskError("year_invalid", value=str(year))
    first, last = fiscal_year_range(year, start_month)
    return Period(first, last, fiscal_year_label(year, lang), "fiscal_year", fiscal_year=year)


def range_period(first: date, last: date, start_month: int = 4) -> Period:
    if last < first:
        raise KioskError("date_range_reversed")
    from kiosk.core.fiscal_year import fiscal_year_of

    crosses = fiscal_year_of(first, start_month) != fiscal_year_of(last, start_month)
    return Period(first, last, f"{first.isoformat()}〜{last.isoformat()}", "range", None, crosses)


def _figures(
    cell: Cell,
    regulars: int,
    workshop_names: dict[str, str],
    lists: dict[str, tuple[ListEntry, ...]],
) -> PeriodFigures:
    """The report's figures of one column: a sum of cells, and its distinct regulars."""
    return PeriodFigures(
        openings={k: cell.openings.get(k, 0) for k in EVENT_KINDS},
        participants={k: cell.participants.get(k, 0) for k in EVENT_KINDS},
        visits=cell.visits,
        first_visits=cell.first_visits,
        repeat_visits=cell.repeat_visits,
        count_only=cell.count_only,
        distinct_people=regulars + cell.anonymous_first,
        age_bands=_breakdown("age_band", cell.ages),
        residence=_breakdown("residence", cell.homes),
        children=sum(cell.kids.values()) + cell.kids_age_unknown,
        child_age_bands=_breakdown("child_age_band", cell.kids),
        workshops=workshop_counts_of(cell, workshop_names),
        consultations=consultations_of(cell, lists),
        survey_responses=cell.survey_responses,
        satisfaction=Rate(cell.satisfied, cell.answered),
        paper_days=cell.paper_days,
        paper_workshop_participants=cell.paper_workshop_participants,
        regulars=regulars,
        heard_from=_breakdown("heard_from", cell.heard),
        heard_from_unanswered=cell.heard.get(engine.UNANSWERED, 0),
    )


def period_report(
    ctx: AppContext,
    period: Period,
    venue_id: str | None = None,
    all_label: str | None = None,
) -> PeriodReport:
    """The report of one venue, or of all venues together with a table per venue."""
    wanted = None if venue_id is None else [venue_id]
    counted = engine.count(ctx, wanted, period.first, period.last, grain="month")
    chosen = [(i, n) for i, n in counted.venues if venue_id is None or i == venue_id]
    if venue_id is not None and not chosen:
        raise KioskError("venue_not_found")
    ids = tuple(i for i, _ in chosen)
    cells, regulars = counted.cells, counted.regulars
    names, lists = counted.workshop_names, counted.lists

    by_month: dict[tuple[int, int], Cell] = {}
    by_venue: dict[str, Cell] = {}
    for (venue, month), cell in cells.items():
        assert isinstance(month, tuple)
        by_month.setdefault(month, Cell()).add(cell)
        by_venue.setdefault(venue, Cell()).add(cell)

    def column(cell: Cell | None, people: int) -> PeriodFigures:
        return _figures(cell or Cell(), people, names, lists)

    totals = column(total(by_month.values()), regulars.total)
    months = tuple(
        (ym, column(by_month.get(ym), regulars.by_bucket.get(ym, 0))) for ym in _months_of(period)
    )
    per_venue = (
        tuple((name, column(by_venue.get(i), regulars.by_venue.get(i, 0))) for i, name in chosen)
        if venue_id is None and len(chosen) > 1
        else ()
    )
    label = chosen[0][1] if venue_id is not None else all_label or text("report.all_venues", "ja")
    return PeriodReport(period, ids, label, totals, months, per_venue)


def _months_of(period: Period) -> list[tuple[int, int]]:
    if period.kind == "fiscal_year" and period.fiscal_year is not None:
        return fiscal_year_months(period.fiscal_year, period.first.month)
    out, year, month = [], period.first.year, period.first.month
    while (year, month) <= (period.last.year, period.last.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def event_kind_label(kind: str, lang: str) -> str:
    return choices.label("event_kind", kind, lang)


# -- rows for every renderer (screen, CSV, PDF) ----------------------------------------

# The report rows' item codes, and the catalogue figure each one shows.
ROW_FIGURES = {
    "openings": "openings.by_kind",
    "participants": "participants.by_kind",
    "visits": "visits.total",
    "distinct": "visits.distinct",
    "first": "visits.first",
    "repeat": "visits.repeat",
    "count_only": "visits.count_only",
    "paper_days": "visits.paper_days",
    "age": "age_band.parts",
    "home": "residence.parts",
    "children": "childcare.children",
    "child": "childcare.by_age",
    "registered": "workshops.registered",
    "attended": "workshops.attended",
    "workshop": "workshops.one_attended",
    "consultations": "consultations.total",
    "channel": "consultations.by_channel",
    "category": "consultations.by_category",
    "case_meetings": "consultations.case_meetings",
    "referrals": "referrals.total",
    "agency": "referrals.by_agency",
    "responses": "survey.responses",
    "satisfied": "survey.satisfied",
    "answered": "survey.answered",
    "rate": "survey.rate",
}


def distinct_method(lang: str) -> str:
    """How 実人数 is counted, as every period report states it."""
    return text("report.distinct_method", lang)


@dataclass(frozen=True)
class ReportRow:
    group: str
    item: str
    group_label: str
    item_label: str
    figure_id: str = ""  # the catalogue figure (kiosk/reports/figures.py) it shows


def report_rows(
    sample: Sequence[PeriodFigures], lang: str, list_labels: dict[str, dict[str, str]]
) -> list[ReportRow]:
    """The rows of the report, in a fixed order, for the figures given (all months)."""

    def row(group: str, item: str, label: str | None = None) -> ReportRow:
        found = ROW_FIGURES[item.partition(":")[0]]
        return ReportRow(
            group,
            item,
            catalogue.heading(found, group, lang),
            label or catalogue.label(found, lang),
            found,
        )

    rows = [row("openings", f"openings:{k}", event_kind_label(k, lang)) for k in EVENT_KINDS]
    rows += [
        row("participants", f"participants:{k}", event_kind_label(k, lang)) for k in EVENT_KINDS
    ]
    rows += [
        row("visits", k)
        for k in ("visits", "distinct", "first", "repeat", "count_only", "paper_days")
    ]
    rows += [
        row("age_band", f"age:{c}", choices.label("age_band", c, lang))
        for c in choices.codes("age_band")
    ]
    rows += [
        row("residence", f"home:{c}", choices.label("residence", c, lang))
        for c in choices.codes("residence")
    ]
    rows.append(row("childcare", "children"))
    rows += [
        row("childcare", f"child:{c}", choices.label("child_age_band", c, lang))
        for c in choices.codes("child_age_band")
    ]
    rows += [row("workshops", "registered"), row("workshops", "attended")]
    names = sorted({w.name for f in sample for w in f.workshops.workshops})
    rows += [
        row(
            "workshops",
            f"workshop:{n}",
            catalogue.label("workshops.one_attended", lang, workshop=n),
        )
        for n in names
    ]
    rows.append(row("consultations", "consultations"))
    for prefix, key in (("channel", "by_channel"), ("category", "by_category")):
        codes = list(dict.fromkeys(c for f in sample for c in getattr(f.consultations, key)))
        rows += [
            row("consultations", f"{prefix}:{c}", list_labels.get(prefix, {}).get(c, c))
            for c in codes
        ]
    rows.append(row("consultations", "case_meetings"))
    rows.append(row("referrals", "referrals"))
    agencies = list(dict.fromkeys(c for f in sample for c in f.consultations.by_agency))
    rows += [
        row("referrals", f"agency:{c}", list_labels.get("agency", {}).get(c, c)) for c in agencies
    ]
    rows += [row("survey", k) for k in ("responses", "satisfied", "answered", "rate")]
    return rows


def row_value(figures: PeriodFigures, item: str) -> FigureValue:
    """The value of one report row for one column of figures (the rate: a percent)."""
    kind, _, code = item.partition(":")
    simple: dict[str, FigureValue] = {
        "visits": figures.visits,
        "distinct": figures.distinct_people,
        "first": figures.first_visits,
        "repeat": figures.repeat_visits,
        "count_only": figures.count_only,
        "children": figures.children,
        "registered": figures.workshops.registered,
        "attended": figures.workshop_participants,
        "paper_days": figures.paper_days,
        "consultations": figures.consultations.total,
        "case_meetings": figures.consultations.case_meetings,
        "referrals": figures.consultations.referrals,
        "responses": figures.survey_responses,
        "satisfied": figures.satisfaction.satisfied,
        "answered": figures.satisfaction.answered,
        "rate": figures.satisfaction.percent(1),
    }
    if item in simple:
        return simple[item]
    lookups: dict[str, dict[str, int]] = {
        "openings": figures.openings,
        "participants": figures.participants,
        "age": dict(figures.age_bands.counts),
        "home": dict(figures.residence.counts),
        "child": dict(figures.child_age_bands.counts),
        "channel": figures.consultations.by_channel,
        "category": figures.consultations.by_category,
        "agency": figures.consultations.by_agency,
        "workshop": attended_by_name(figures),
    }
    return lookups[kind].get(code, 0)


def attended_by_name(figures: PeriodFigures) -> dict[str, int]:
    """Participants per workshop name: counted by id, summed where several PCs made one
    of the same name (each venue PC keeps its own catalogue; a merge brings them together)."""
    totals: Counter[str] = Counter()
    for workshop in figures.workshops.workshops:
        totals[workshop.name] += workshop.attended
    return dict(totals)


# The value of each catalogue figure that feeds a KPI metric, for one column of figures.
METRIC_VALUES: dict[str, Callable[[PeriodFigures], float | None]] = {
    "openings.total": lambda f: f.total_openings,
    "visits.total": lambda f: f.visits,
    "visits.distinct": lambda f: f.distinct_people,
    "childcare.children": lambda f: f.children,
    "workshops.attended": lambda f: f.workshop_participants,
    "participants.seminar": lambda f: f.seminar_participants,
    "consultations.total": lambda f: f.consultations.total,
    "referrals.total": lambda f: f.consultations.referrals,
    "consultations.case_meetings": lambda f: f.consultations.case_meetings,
    "survey.rate": lambda f: _percent(f.satisfaction),
}


def metric_actual(figures: PeriodFigures, metric: str) -> float | None:
    """The actual value of a KPI metric (the grant form's 実績): its catalogue figure's."""
    found = catalogue.feeding(metric)
    if found is None:
        return None
    return METRIC_VALUES[found.id](figures)


def _percent(rate: Rate) -> float | None:
    value = rate.percent(1)
    return None if value is None else float(value)
