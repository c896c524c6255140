"""The placeholders a city's own Excel form may hold, and the value each one stands for.

A city hands the NPO its own form (様式); the coordinator types `{{来場者数}}`
or `{{visits.total}}` where a figure goes and the app fills it in
(kiosk/reports/city_form/fill.py). Every field has one key and several names,
all matched after NFKC-normalising, dropping spaces and ignoring case
(全角 and 半角 alike):

- a figure of the catalogue (kiosk/reports/figures.py) by its id, its Japanese
  label or its English label: `visits.total`, 来場者数（延べ人数）, Visits;
- a part of a breakdown by `<figure id>.<code>` and `<label>：<part label>`:
  `age_band.parts.20s`, 年代別：20代, By age: 20s (a workshop's part is its name:
  `workshops.one_attended.ヨガ`, ヨガ：参加);
- a KPI: `kpi.<metric>.target|actual|achievement`, 目標：来場者数, 実績：来場者数,
  達成率：来場者数 (Target: Visits, …), the achievement a percent as in the report;
- the report's own facts (`meta.*`): 事業名, 団体名, 会場, 期間, 年度, 対象月,
  開始日, 終了日, 提出日 (作成日, 記入日), 所在地, 代表者, 宛先 — dates in the era.

Short aliases are accepted where they name one field only: a label without its
parenthetical (来場者数（延べ人数）→ 来場者数), a group alone for its total
(visits, 来場 → visits.total), a KPI metric's name for its actual
(カフェ延参加者数 → visits.total), `<group>：<label>` (ワークショップ：参加（延べ）).

A figure may take a month: `{{visits.total@4}}`, `{{来場者数@4月}}` or
`{{来場者数@2026-04}}` is that month of the report's period (a fiscal-year
form with a row per month); a month outside the period is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kiosk.core import choices
from kiosk.core.context import AppContext
from kiosk.core.fiscal_year import fiscal_year_label, fiscal_year_of, start_month
from kiosk.core.japanese_dates import era_date, era_year_label
from kiosk.core.numbers import NO_FIGURE, grouped
from kiosk.core.translations import shipped_languages, text
from kiosk.reports import figures as catalogue
from kiosk.reports.period import PeriodFigures, PeriodReport, attended_by_name
from kiosk.reports.period import row_value as report_row_value

FieldValue = int | float | Decimal | str | None  # a number, a text (meta), None = no figure
Month = tuple[int, int]  # (year, month)

META = (
    "project",
    "organisation",
    "venue",
    "period",
    "fiscal_year",
    "month",
    "first_day",
    "last_day",
    "today",
    "address",
    "representative",
    "addressee",
)
META_ALIASES = {"today": ("作成日", "記入日", "date"), "organisation": ("organization",)}
KPI_MEASURES = ("target", "actual", "achievement")
# A group's name alone stands for its total.
GROUP_TOTALS = {
    "openings": "openings.total",
    "visits": "visits.total",
    "childcare": "childcare.children",
    "workshops": "workshops.attended",
    "consultations": "consultations.total",
    "referrals": "referrals.total",
    "survey": "survey.responses",
}
# Breakdowns whose parts are the codes of a choices group (the rest: consultation
# lists, or workshop names).
CHOICE_PARTS = {
    "openings.by_kind": "event_kind",
    "participants.by_kind": "event_kind",
    "age_band.parts": "age_band",
    "residence.parts": "residence",
    "heard_from.parts": "heard_from",
    "childcare.by_age": "child_age_band",
}
LIST_PARTS = {
    "consultations.by_channel": "channel",
    "consultations.by_category": "category",
    "referrals.by_agency": "agency",
}
WORKSHOP_PARTS = ("workshops.one_registered", "workshops.one_attended")
MONTH_QUALIFIER = re.compile(r"^(?:(\d{4})[-/年])?(\d{1,2})月?$")


@dataclass(frozen=True)
class FormField:
    """One placeholder name's meaning: what it is filled with."""

    key: str  # visits.total, age_band.parts.20s, kpi.visits.target, meta.period
    section: str  # the figure's group, "kpi" or "meta": how the list is grouped
    labels: Mapping[str, str]  # language → its name in that language
    units: Mapping[str, str]  # language → unit (人, 件, 回, %; "" for a text)
    figure_id: str = ""  # the catalogue figure it shows ("" for meta)
    monthly: bool = False  # takes a month: {{visits.total@4}}
    percent: bool = False  # a percent (85.0), written as 85% where a cell formats it so
    aliases: tuple[str, ...] = ()  # short names, kept only where they name this field alone

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["ja"]

    def unit(self, lang: str) -> str:
        return self.units.get(lang, "")

    @property
    def names(self) -> tuple[str, ...]:
        """Its own names: the key and its label in every language."""
        return (self.key, *self.labels.values())


def normalised(name: str) -> str:
    """How names are compared: NFKC (全角→半角), no spaces, case ignored."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def without_parentheses(name: str) -> str:
    """来場者数（延べ人数）→ 来場者数 (on a normalised name)."""
    return re.sub(r"\([^()]*\)", "", name)


@dataclass(frozen=True)
class FieldCatalogue:
    """Every field of this installation (its consultation lists and workshops included)."""

    fields: tuple[FormField, ...]
    by_name: Mapping[str, str] = field(default_factory=dict)  # normalised name → key
    by_key: Mapping[str, FormField] = field(default_factory=dict)

    def find(self, name: str) -> FormField | None:
        key = self.by_name.get(normalised(name))
        return None if key is None else self.by_key[key]


@dataclass(frozen=True)
class Resolved:
    """A placeholder understood: its field and, for a month cell, the month."""

    field: FormField
    month: Month | None = None


# Why a placeholder cannot be filled (the message keys under form.problem.*).
UNKNOWN, NOT_IN_PERIOD, NO_MONTHS, MONTH_AMBIGUOUS = (
    "unknown",
    "not_in_period",
    "no_months",
    "month_ambiguous",
)


def _same(value: str) -> dict[str, str]:
    return {lang: value for lang in shipped_languages()}


def _unit_texts(unit: str) -> dict[str, str]:
    return {lang: text(f"form.unit.{unit}", lang) for lang in shipped_languages()}


def _both(key: str, **params: object) -> dict[str, str]:
    return {lang: text(key, lang, **params) for lang in shipped_languages()}


def _figure_labels(figure_id: str, **params: object) -> dict[str, str]:
    return {lang: catalogue.label(figure_id, lang, **params) for lang in shipped_languages()}


def _part(figure_labels: Mapping[str, str], part_labels: Mapping[str, str]) -> dict[str, str]:
    return {
        lang: text("form.part", lang, figure=figure_labels[lang], part=part_labels[lang])
        for lang in shipped_languages()
    }


def build_fields(
    list_labels: Mapping[str, Mapping[str, Mapping[str, str]]],
    workshop_names: Iterable[str],
) -> FieldCatalogue:
    """The catalogue of fields; `list_labels` is list → language → code → label."""
    from kiosk.reports import targets as kpi_targets

    out: list[FormField] = [
        FormField(
            f"meta.{name}",
            "meta",
            _both(f"form.meta.{name}"),
            _same(""),
            aliases=META_ALIASES.get(name, ()),
        )
        for name in META
    ]
    workshops = sorted(set(workshop_names))
    for figure in catalogue.CATALOGUE:
        if figure.id in WORKSHOP_PARTS:
            continue  # one per workshop, below
        units = _unit_texts(figure.unit)
        percent = figure.unit == "percent"
        base = _figure_labels(figure.id, workshop="…")
        if figure.kind != "breakdown":
            group = {
                lang: catalogue.group_label(figure.group, lang) for lang in shipped_languages()
            }
            aliases = [
                text("form.part", lang, figure=group[lang], part=base[lang]) for lang in group
            ]
            aliases += [
                name
                for g, total_id in GROUP_TOTALS.items()
                if total_id == figure.id
                for name in (g, *group.values())
            ]
            if figure.metric:
                aliases += [figure.metric, *_metric_labels(figure.metric).values()]
            out.append(
                FormField(
                    figure.id,
                    figure.group,
                    _figure_labels(figure.id),
                    units,
                    figure.id,
                    monthly=True,
                    percent=percent,
                    aliases=tuple(aliases),
                )
            )
            continue
        parts: list[tuple[str, dict[str, str]]]
        if figure.id in CHOICE_PARTS:
            group_name = CHOICE_PARTS[figure.id]
            parts = [
                (
                    code,
                    {lang: choices.label(group_name, code, lang) for lang in shipped_languages()},
                )
                for code in choices.codes(group_name)
            ]
        elif figure.id in LIST_PARTS:
            found = list_labels.get(LIST_PARTS[figure.id], {})
            codes = list(dict.fromkeys(c for by_code in found.values() for c in by_code))
            parts = [
                (code, {lang: found.get(lang, {}).get(code, code) for lang in shipped_languages()})
                for code in codes
            ]
        else:
            parts = []
        for code, part_labels in parts:
            out.append(
                FormField(
                    f"{figure.id}.{code}",
                    figure.group,
                    _part(base, part_labels),
                    units,
                    figure.id,
                    monthly=True,
                )
            )
    for figure_id in WORKSHOP_PARTS:  # per workshop: its name in its label
        figure = catalogue.figure(figure_id)
        for name in workshops:
            out.append(
                FormField(
                    f"{figure_id}.{name}",
                    figure.group,
                    _figure_labels(figure_id, workshop=name),
                    _unit_texts(figure.unit),
                    figure_id,
                    monthly=True,
                )
            )
    by_figure = {f.key: f for f in out}
    for metric in kpi_targets.metrics():
        fed = catalogue.feeding(metric.code)
        if fed is None:
            continue
        figure_field = by_figure[fed.id]
        for measure in KPI_MEASURES:
            prefix = _both(f"form.kpi.{measure}")
            labels = {
                lang: text(
                    "form.kpi.name", lang, measure=prefix[lang], name=figure_field.label(lang)
                )
                for lang in shipped_languages()
            }
            aliases = [f"{fed.id}.{measure}", f"{metric.code}.{measure}"]
            # 目標：来場者数, 目標：カフェ延参加者数, Target: visits …
            short = [
                *figure_field.names,
                *figure_field.aliases,
                *_metric_labels(metric.code).values(),
                *(without_parentheses(normalised(n)) for n in figure_field.labels.values()),
            ]
            aliases += [
                text("form.kpi.name", lang, measure=prefix[lang], name=name)
                for name in short
                for lang in shipped_languages()
            ]
            units = (
                _same("%")
                if measure == "achievement"
                else {
                    lang: kpi_targets.metric_unit(metric.code, lang) for lang in shipped_languages()
                }
            )
            out.append(
                FormField(
                    f"kpi.{metric.code}.{measure}",
                    "kpi",
                    labels,
                    units,
                    fed.id,
                    percent=measure == "achievement" or figure_field.percent,
                    aliases=tuple(aliases),
                )
            )
    return _indexed(out)


def _metric_labels(code: str) -> dict[str, str]:
    from kiosk.reports import targets as kpi_targets

    return {lang: kpi_targets.metric_label(code, lang) for lang in shipped_languages()}


def _indexed(fields: list[FormField]) -> FieldCatalogue:
    """Own names first (the first field to claim one keeps it); then every alias that
    names one field only and is no field's own name."""
    by_name: dict[str, str] = {}
    for f in fields:
        for name in f.names:
            by_name.setdefault(normalised(name), f.key)
    claims: dict[str, set[str]] = {}
    for f in fields:
        short = [without_parentheses(normalised(n)) for n in f.names]
        for name in (*f.aliases, *short):
            found = normalised(name)
            if found and found not in by_name:
                claims.setdefault(found, set()).add(f.key)
    for name, keys in claims.items():
        if len(keys) == 1:
            by_name[name] = next(iter(keys))
    return FieldCatalogue(tuple(fields), by_name, {f.key: f for f in fields})


def field_catalogue(ctx: AppContext) -> FieldCatalogue:
    """The fields of this installation: its consultation lists and workshop names."""
    from kiosk.consultations.lists import labels
    from kiosk.workshops.catalogue import list_workshops

    lists = {
        name: {lang: labels(ctx, name, lang) for lang in shipped_languages()}
        for name in ("channel", "category", "agency")
    }
    return build_fields(lists, (w.name for w in list_workshops(ctx, include_retired=True)))


def resolve(fields: FieldCatalogue, written: str, months: Iterable[Month]) -> Resolved | str:
    """The field (and month) a placeholder names, or why it names none (a problem code)."""
    name, at, qualifier = unicodedata.normalize("NFKC", written).rpartition("@")
    if not at:
        name, qualifier = qualifier, ""
    found = fields.find(name)
    if found is None:
        return UNKNOWN
    if not at:
        return Resolved(found)
    if not found.monthly:
        return NO_MONTHS
    match = MONTH_QUALIFIER.match(normalised(qualifier))
    if match is None or not 1 <= int(match[2]) <= 12:
        return UNKNOWN
    month = int(match[2])
    fitting = [m for m in months if m[1] == month and (match[1] is None or m[0] == int(match[1]))]
    if not fitting:
        return NOT_IN_PERIOD
    if len(fitting) > 1:
        return MONTH_AMBIGUOUS
    return Resolved(found, fitting[0])


# -- values ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldValues:
    """What every field of a report is filled with: the totals, each month, the facts."""

    totals: Mapping[str, FieldValue]
    months: Mapping[Month, Mapping[str, FieldValue]]

    def value(self, resolved: Resolved) -> FieldValue:
        column = self.totals if resolved.month is None else self.months[resolved.month]
        return column.get(resolved.field.key)


def figure_values(fields: FieldCatalogue, figures: PeriodFigures) -> dict[str, FieldValue]:
    """Every figure field's value for one column of the report (the period, or a month)."""
    row_items = {figure_id: item for item, figure_id in _row_figures().items()}
    extra: dict[str, FieldValue] = {
        "openings.total": figures.total_openings,
        "participants.seminar": figures.seminar_participants,
        "visits.regulars": figures.regulars,
        "heard_from.unanswered": figures.heard_from_unanswered,
        "workshops.waitlisted": figures.workshops.waitlisted,
        "workshops.no_shows": figures.workshops.no_shows,
        "workshops.visits_attended": figures.workshops.visits_attended,
        "workshops.paper_participants": figures.paper_workshop_participants,
    }
    heard = dict(figures.heard_from.counts)
    registered: dict[str, int] = {}
    for one in figures.workshops.workshops:
        registered[one.name] = registered.get(one.name, 0) + one.registered
    attended = attended_by_name(figures)
    out: dict[str, FieldValue] = {}
    for f in fields.fields:
        if not f.figure_id or f.section == "kpi":
            continue
        if f.key in extra:
            out[f.key] = extra[f.key]
        elif f.key == f.figure_id:
            out[f.key] = report_row_value(figures, row_items[f.figure_id])
        else:
            code = f.key[len(f.figure_id) + 1 :]
            if f.figure_id == "heard_from.parts":
                out[f.key] = heard.get(code, 0)
            elif f.figure_id == "workshops.one_registered":
                out[f.key] = registered.get(code, 0)
            elif f.figure_id == "workshops.one_attended":
                out[f.key] = attended.get(code, 0)
            else:
                prefix = _part_rows()[f.figure_id]
                out[f.key] = report_row_value(figures, f"{prefix}:{code}")
    return out


def _row_figures() -> dict[str, str]:
    from kiosk.reports.period import ROW_FIGURES

    return ROW_FIGURES


def _part_rows() -> dict[str, str]:
    """Breakdown figure → the report row kind that holds its parts (age:20s …)."""
    return {
        figure_id: item
        for item, figure_id in _row_figures().items()
        if figure_id in {*CHOICE_PARTS, *LIST_PARTS} and figure_id != "heard_from.parts"
    }


def field_values(
    ctx: AppContext,
    fields: FieldCatalogue,
    report: PeriodReport,
    lang: str = "ja",
) -> FieldValues:
    """The value of every field for a report: figures, KPIs and the report's facts."""
    from kiosk.reports.kpi import kpi_rows
    from kiosk.reports.targets import metric_label, metrics

    totals = figure_values(fields, report.totals)
    # Every metric's actual is its figure; the targets and rates come from the KPI table
    # (a fiscal year's; a month or a range has none), its rows named by metric label.
    code_of = {metric_label(m.code, lang): m.code for m in metrics()}
    for metric in metrics():
        fed = catalogue.feeding(metric.code)
        if fed is not None:
            totals[f"kpi.{metric.code}.actual"] = totals.get(fed.id)
    for row in kpi_rows(ctx, report, lang):
        code = code_of[row.metric]
        totals[f"kpi.{code}.target"] = _whole(row.target)
        totals[f"kpi.{code}.actual"] = _whole(row.actual)
        totals[f"kpi.{code}.achievement"] = row.achievement
    totals.update(meta_values(ctx, report, lang))
    months = {ym: figure_values(fields, figures) for ym, figures in report.months}
    return FieldValues(totals, months)


def _whole(value: float | int | None) -> FieldValue:
    """200.0 → 200: a whole target is written as a whole number."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _day(day: date, lang: str) -> str:
    return era_date(day, weekday=False) if lang == "ja" else day.isoformat()


def meta_values(ctx: AppContext, report: PeriodReport, lang: str) -> dict[str, FieldValue]:
    """The report's own facts: names from the settings, the period in the era."""
    from kiosk.reports.cover_letter import cover_letter
    from kiosk.reports.daily_export import report_title

    period = report.period
    letter = cover_letter(ctx)
    first, last = period.first, period.last
    if period.kind == "range":
        span = f"{_day(first, lang)}〜{_day(last, lang)}"
    elif period.kind == "month" and lang == "ja":
        span = f"{era_year_label(first)}{first.month}月"
    else:
        span = period.label
    year = period.fiscal_year or fiscal_year_of(first, start_month(ctx))
    person = "　".join(p for p in (letter.representative_title, letter.representative_name) if p)
    return {
        "meta.project": report_title(ctx),
        "meta.organisation": letter.organisation,
        "meta.venue": report.venue_label,
        "meta.period": span,
        "meta.fiscal_year": fiscal_year_label(year, lang),
        "meta.month": span,
        "meta.first_day": _day(first, lang),
        "meta.last_day": _day(last, lang),
        "meta.today": _day(ctx.today(), lang),
        "meta.address": letter.address,
        "meta.representative": person,
        "meta.addressee": letter.addressee,
    }


def written(value: FieldValue, percent: bool = False) -> str:
    """A value as people read it inside a sentence: 2,471 / 85.0% / — ."""
    if value is None:
        return NO_FIGURE
    if isinstance(value, str):
        return value
    shown = grouped(value)
    return f"{shown}%" if percent else shown
