"""KPI targets (目標) per fiscal year, and the achievement rate (達成率) against them.

The grant's report form lists, per fiscal year, each metric with its target,
its group (事業目標 / 事業KPI) and kind (アウトカム / アウトプット), the
actual figure (実績) and the achievement rate. The metrics, their labels and
units come from resources/kpi_metrics.json.

A target belongs to a fiscal year, a metric and a scope: every venue
(venue_id None, the usual case) or one venue. There is at most one per
(fiscal year, metric, scope); setting it again changes it. The database
refuses a second one, "every venue" included (db/models/targets.py), so a
merge of two PCs' files can no longer leave two: an import hands the rows it
would add to settle_incoming(), which keeps one by the same rule as the
migration that merged the duplicates already there (0005).

The arithmetic, `achievement()`, is pure and exact (no binary rounding).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.models import KpiTarget, Venue
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.numbers import NO_FIGURE
from kiosk.core.paths import RESOURCES
from kiosk.core.transaction import audit, read, write

METRICS_FILE = RESOURCES / "kpi_metrics.json"
RATE_UNIT = "%"
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_TARGET = 1_000_000  # more than any café counts in a year: a typo, not a target
MAX_RATE = 100


# -- metrics ------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    code: str
    labels: dict[str, str]
    unit: str  # 件, 回, 人 or %
    default_group: str  # what a new target starts with: goal | kpi
    default_kind: str  # outcome | output

    def label(self, lang: str = "ja") -> str:
        return self.labels.get(lang) or self.labels["ja"]

    @property
    def is_rate(self) -> bool:
        """A percentage (the satisfaction rate): its target is at most 100."""
        return self.unit == RATE_UNIT


@dataclass(frozen=True)
class Option:
    """A group (事業目標 / 事業KPI) or a kind (アウトカム / アウトプット)."""

    code: str
    labels: dict[str, str]

    def label(self, lang: str = "ja") -> str:
        return self.labels.get(lang) or self.labels["ja"]


def _labels(item: dict[str, str]) -> dict[str, str]:
    return {lang: item[lang] for lang in ("ja", "en") if lang in item}


@cache
def _catalogue() -> tuple[tuple[Metric, ...], tuple[Option, ...], tuple[Option, ...]]:
    raw = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
    found = tuple(
        Metric(m["code"], _labels(m), m["unit"], m["group"], m["kind"]) for m in raw["metrics"]
    )
    groups = tuple(Option(g["code"], _labels(g)) for g in raw["groups"])
    kinds = tuple(Option(k["code"], _labels(k)) for k in raw["kinds"])
    return found, groups, kinds


def metrics() -> tuple[Metric, ...]:
    """Every metric, in the order of the report form."""
    return _catalogue()[0]


def metric(code: str) -> Metric:
    found = _known(code)
    if found is not None:
        return found
    raise KioskError("kpi_metric_unknown", metric=str(code)[:40])


def groups() -> tuple[Option, ...]:
    return _catalogue()[1]


def kinds() -> tuple[Option, ...]:
    return _catalogue()[2]


def _known(code: str) -> Metric | None:
    return next((m for m in metrics() if m.code == code), None)


def metric_label(code: str, lang: str = "ja") -> str:
    """開催回数 / "Openings"; a code this release does not know is shown as it is."""
    found = _known(code)
    return code if found is None else found.label(lang)


def metric_unit(code: str, lang: str = "ja") -> str:
    """The unit written after a figure: 回, 人, 件 or % in Japanese; only % in English."""
    found = _known(code)
    if found is None:
        return ""
    return found.unit if lang == "ja" or found.is_rate else ""


def group_label(code: str, lang: str = "ja") -> str:
    """事業目標 / 事業KPI (Project goal / Project KPI)."""
    found = next((g for g in groups() if g.code == code), None)
    return code if found is None else found.label(lang)


def kind_label(code: str, lang: str = "ja") -> str:
    """アウトカム / アウトプット (Outcome / Output)."""
    found = next((k for k in kinds() if k.code == code), None)
    return code if found is None else found.label(lang)


def _require(options: tuple[Option, ...], name: str, code: str) -> str:
    if code not in {o.code for o in options}:
        raise KioskError("invalid_choice", group=name, value=str(code)[:40])
    return code


# -- the arithmetic ------------------------------------------------------------------


@dataclass(frozen=True)
class Achievement:
    """An actual figure against its target, as the report form writes it.

    percent_capped: actual ÷ target × 100, rounded *down* to a whole percent
    and capped at 100 (10 against 6 is 100%, not 167%); None when there is no
    rate to give. ratio: actual ÷ target, uncapped and unrounded (1.666… for
    10 against 6), for the column that may stand beside it; None when the
    target is 0 or missing.
    """

    actual: float | int | None
    target: float | None
    percent_capped: int | None
    ratio: float | None

    @property
    def percent_uncapped(self) -> int | None:
        """The uncapped rate rounded down (10 against 6 → 166)."""
        if self.ratio is None or self.actual is None or not self.target:
            return None
        return math.floor(_exact(self.actual) / _exact(self.target) * 100)

    def text(self) -> str:
        """ "73%", "100%", or "—" when there is no rate."""
        return NO_FIGURE if self.percent_capped is None else f"{self.percent_capped}%"

    def uncapped_text(self) -> str:
        """ "166%" for 10 against 6; "—" when there is no ratio."""
        uncapped = self.percent_uncapped
        return NO_FIGURE if uncapped is None else f"{uncapped}%"


def _exact(value: float | int) -> Fraction:
    """The number as written (0.7 is 7/10, not the nearest binary fraction)."""
    if isinstance(value, bool):
        raise ValueError("a count or rate, not a truth value")
    if isinstance(value, int):
        return Fraction(value)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Fraction(repr(float(value)))


def achievement(actual: float | int | None, target: float | None) -> Achievement:
    """The achievement rate (達成率) of `actual` against `target`.

    - No target (None), or no actual figure (None, e.g. a satisfaction rate
      with no answers): "—".
    - A target of 0 asks for nothing, so any actual figure meets it: 100%,
      with no ratio (nothing can be divided by 0) — "—" beside it.
    - Otherwise floor(actual ÷ target × 100), at most 100: 11 of 15 → 73%,
      2 of 3 → 66% (never rounded up to 67%), 10 of 6 → 100% (ratio 1.67).

    Negative or non-finite numbers are a bug in the caller: ValueError.
    """
    if actual is None or target is None:
        return Achievement(actual, target, None, None)
    got, wanted = _exact(actual), _exact(target)
    if got < 0 or wanted < 0:
        raise ValueError("actual and target are never negative")
    if wanted == 0:
        return Achievement(actual, target, 100, None)
    share = got / wanted
    return Achievement(actual, target, min(100, math.floor(share * 100)), float(share))


# -- stored targets --------------------------------------------------------------------


@dataclass(frozen=True)
class KpiTargetInfo:
    id: str
    fiscal_year: int
    metric: str
    venue_id: str | None  # None: every venue together
    target: float
    group: str  # goal (事業目標) | kpi (事業KPI)
    kind: str  # outcome (アウトカム) | output (アウトプット)

    @property
    def target_text(self) -> str:
        """180, or 80 for a rate; 12.5 stays 12.5."""
        return f"{self.target:g}" if self.target != int(self.target) else str(int(self.target))


def _info(row: KpiTarget) -> KpiTargetInfo:
    return KpiTargetInfo(
        id=row.id,
        fiscal_year=row.fiscal_year,
        metric=row.metric,
        venue_id=row.venue_id,
        target=row.target,
        group=row.target_group,
        kind=row.kind,
    )


def check_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise KioskError(
            "kpi_year_out_of_range", value=str(year)[:20], low=FIRST_YEAR, high=LAST_YEAR
        )
    return year


def check_target(code: str, target: float | int) -> float:
    """The target as stored: ≥ 0, whole for counts, ≤ 100 for a rate, never absurd."""
    m = metric(code)
    if isinstance(target, bool) or not isinstance(target, int | float) or not math.isfinite(target):
        raise KioskError("kpi_target_unreadable", value=str(target)[:20])
    if target < 0:
        raise KioskError("kpi_target_negative")
    if m.is_rate:
        if target > MAX_RATE:
            raise KioskError("kpi_rate_over_100", value=f"{target:g}")
    else:
        if target != int(target):
            raise KioskError("kpi_target_not_whole", value=f"{target:g}")
        if target > MAX_TARGET:
            raise KioskError("kpi_target_too_large", limit=f"{MAX_TARGET:,}")
    return float(target)


def parse_target(text: str) -> float | None:
    """What the coordinator typed: "180", "１８０", "1,000", "80%"; empty → None (no target).

    Only reads the number; check_target() (through set_target) judges it.
    """
    cleaned = unicodedata.normalize("NFKC", text or "").strip().replace(",", "")
    cleaned = cleaned.removesuffix("%").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise KioskError("kpi_target_unreadable", value=(text or "").strip()[:20]) from None
    if not math.isfinite(value):
        raise KioskError("kpi_target_unreadable", value=(text or "").strip()[:20])
    return value


def _scope(venue_id: str | None) -> ColumnElement[bool]:
    return KpiTarget.venue_id.is_(None) if venue_id is None else KpiTarget.venue_id == venue_id


def _find(session: Session, year: int, code: str, venue_id: str | None) -> KpiTarget | None:
    return session.scalar(
        select(KpiTarget).where(
            KpiTarget.fiscal_year == year, KpiTarget.metric == code, _scope(venue_id)
        )
    )


def _order(code: str) -> int:
    codes = [m.code for m in metrics()]
    return codes.index(code) if code in codes else len(codes)


def list_targets(
    ctx: AppContext, fiscal_year: int, venue_id: str | None = None
) -> list[KpiTargetInfo]:
    """The targets of one fiscal year and one scope (None: every venue), in form order.

    Only the metrics that have a target are listed; a metric missing here has
    none, and its rate is "—". A venue's own targets are not mixed with the
    targets for every venue: ask for each scope apart.
    """
    check_year(fiscal_year)
    with read(ctx) as session:
        rows = session.scalars(
            select(KpiTarget).where(KpiTarget.fiscal_year == fiscal_year, _scope(venue_id))
        ).all()
        found = [_info(r) for r in rows]
    return sorted(found, key=lambda t: (_order(t.metric), t.metric))


def targets_by_metric(
    ctx: AppContext, fiscal_year: int, venue_id: str | None = None
) -> dict[str, KpiTargetInfo]:
    """list_targets() keyed by metric code, for a report that walks metrics()."""
    return {t.metric: t for t in list_targets(ctx, fiscal_year, venue_id)}


def set_target(
    ctx: AppContext,
    fiscal_year: int,
    metric: str,
    target: float | int,
    group: str,
    kind: str,
    venue_id: str | None = None,
) -> KpiTargetInfo:
    """Set (or change) the target of one metric in one fiscal year and scope."""
    year = check_year(fiscal_year)
    value = check_target(metric, target)
    _require(groups(), "kpi_group", group)
    _require(kinds(), "kpi_kind", kind)
    with write(ctx) as session:
        if venue_id is not None and session.get(Venue, venue_id) is None:
            raise KioskError("venue_not_found")
        row = _find(session, year, metric, venue_id)
        previous = None if row is None else row.target
        if row is None:
            row = KpiTarget(
                fiscal_year=year,
                metric=metric,
                venue_id=venue_id,
                created_at=ctx.clock(),
                device_id=ctx.device_id,
            )
            session.add(row)
        row.target = value
        row.target_group = group
        row.kind = kind
        row.updated_at = ctx.clock()
        session.flush()
        audit(
            session,
            ctx,
            "kpi_target_set",
            "kpi_target",
            row.id,
            fiscal_year=year,
            metric=metric,
            all_venues=venue_id is None,
            target=value,
            previous=previous,
            group=group,
            kind=kind,
        )
        return _info(row)


def remove_target(
    ctx: AppContext, fiscal_year: int, metric: str, venue_id: str | None = None
) -> None:
    """Take a target away (the metric then has none: "—"). The audit line keeps its value."""
    year = check_year(fiscal_year)
    with write(ctx) as session:
        row = _find(session, year, metric, venue_id)
        if row is None:
            raise KioskError("kpi_target_not_found")
        audit(
            session,
            ctx,
            "kpi_target_removed",
            "kpi_target",
            row.id,
            fiscal_year=year,
            metric=metric,
            all_venues=venue_id is None,
            target=row.target,
        )
        session.delete(row)


def copy_targets(ctx: AppContext, from_year: int, to_year: int) -> int:
    """Copy every target of `from_year` (all scopes) to `to_year`; returns how many.

    A metric that already has a target in `to_year` keeps it, so copying twice
    adds nothing the second time. A year with no targets to copy is refused.
    """
    source, destination = check_year(from_year), check_year(to_year)
    with write(ctx) as session:
        rows: Sequence[KpiTarget] = session.scalars(
            select(KpiTarget).where(KpiTarget.fiscal_year == source)
        ).all()
        if not rows:
            raise KioskError("kpi_nothing_to_copy", year=source)
        taken = {
            (r.metric, r.venue_id)
            for r in session.scalars(select(KpiTarget).where(KpiTarget.fiscal_year == destination))
        }
        copied = 0
        for r in rows:
            if (r.metric, r.venue_id) in taken:
                continue
            session.add(
                KpiTarget(
                    fiscal_year=destination,
                    metric=r.metric,
                    venue_id=r.venue_id,
                    target=r.target,
                    target_group=r.target_group,
                    kind=r.kind,
                    created_at=ctx.clock(),
                    updated_at=ctx.clock(),
                    device_id=ctx.device_id,
                )
            )
            copied += 1
        if copied:
            audit(
                session,
                ctx,
                "kpi_targets_copied",
                "kpi_target",
                None,
                from_year=source,
                to_year=destination,
                copied=copied,
            )
        return copied


# -- one target per fiscal year, metric and scope -------------------------------------------

Scope = tuple[int, str, str | None]  # fiscal year, metric, venue id (None: every venue)


def scope_of(row: Mapping[str, Any]) -> Scope:
    """What the database keeps one target of (uq_kpi_target_all_venues and its kin)."""
    return (row["fiscal_year"], row["metric"], row["venue_id"])


def scopes_taken(session: Session, scopes: set[Scope]) -> set[Scope]:
    """Of these scopes, those that already have a target here."""
    if not scopes:
        return set()
    table = KpiTarget.__table__
    found = session.execute(
        select(table.c.fiscal_year, table.c.metric, table.c.venue_id).where(
            table.c.fiscal_year.in_(sorted({year for year, _, _ in scopes})),
            table.c.metric.in_(sorted({code for _, code, _ in scopes})),
        )
    ).all()
    return {scope for scope in map(tuple, found) if scope in scopes}
