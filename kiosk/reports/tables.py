"""The report tables, neutral of any file format: what the CSV files and Excel sheets hold.

A report is a list of named tables (the period report: KPI, months, venues;
the daily tally: one). Each has a title, a header, label columns on the
left and typed rows: every figure is a number (int, Decimal percent, float
target) or None where there is no figure, never a text with its unit, and
carries the number format it is shown with. The units live in the header
(「満足度（%）」, 「達成率（%）」) or in a 単位 column. The CSV writes each
table as its own file (kiosk/reports/render/table_csv.py), the workbook as
its own sheet (kiosk/reports/render/workbook.py), so both hold the same
figures, cell for cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.core.japanese_dates import era_date
from kiosk.core.translations import text
from kiosk.reports import figures as catalogue
from kiosk.reports.daily import DailyTally, Figure, empty_tally, figures, held_label
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import PeriodFigures, PeriodReport, report_rows, row_value

# Number formats, as a spreadsheet writes them (the CSV writes the bare number).
TEXT = "@"
DATE = "yyyy-mm-dd"
COUNT = "#,##0"
PERCENT = "0.0"
WHOLE_PERCENT = "0"
RATIO = "0.00"

Value = str | int | float | Decimal | date | None


@dataclass(frozen=True)
class Row:
    """One line of a table: its values and, cell by cell, their number formats."""

    values: tuple[Value, ...]
    formats: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One table of a report: one CSV file, one sheet of the workbook."""

    name: str  # ASCII, for file names: "kpi", "months", "venues", "daily"
    sheet: str  # the sheet's name (at most 31 characters, none of []:*?/\)
    title: str  # the heading above it: project, period with era dates, table, venue
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    labels: int  # label columns on the left (kept in view when scrolling)
    made_on: str = ""  # 作成日 in the era, under the title


def kpi_header(lang: str) -> list[str]:
    """The KPI table's headings as the screen and the PDF write them (values with units)."""
    return [
        text(f"report.kpi.{c}", lang)
        for c in ("group", "metric", "kind", "target", "actual", "achieved", "ratio")
    ]


def month_heading(
    year: int, month: int, lang: str, many_years: bool, english_name: bool = False
) -> str:
    """「4月」 (「2026年4月」 across years); in English 2026-04, or "Apr" with `english_name`
    (a PDF column within one year, where a name reads more easily than a date)."""
    if lang == "ja":
        return f"{year}年{month}月" if many_years else f"{month}月"
    if english_name and not many_years:
        return date(year, month, 1).strftime("%b")
    return f"{year}-{month:02d}"


def percent_label(label: str, lang: str) -> str:
    """「満足度」 → 「満足度（%）」: the unit goes in the heading, not in the cells."""
    return text("report.in_percent", lang, label=label)


def unit_label(figure_id: str, lang: str) -> str:
    """The figure's unit as a clerk writes it (人, 回, 件, 日, %)."""
    return text(f"report.unit.{catalogue.figure(figure_id).unit}", lang)


def _format_of(figure_id: str) -> str:
    found = catalogue.BY_ID.get(figure_id)
    return PERCENT if found is not None and found.unit == "percent" else COUNT


def _number(value: float | int | Decimal | None) -> int | float | Decimal | None:
    """A whole float as an int (a target of 15.0 is written 15)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# -- the period report: KPI, months, venues --------------------------------------------


def heading(project: str, span: str, table: str, venue: str, lang: str) -> str:
    """「つながり事業　令和8年度（令和8年4月1日〜令和9年3月31日）　月別実績　全会場」."""
    return text("report.table_heading", lang, project=project, span=span, table=table, venue=venue)


def period_span(report: PeriodReport, lang: str) -> str:
    first, last = report.period.first, report.period.last
    if lang == "ja":
        dates = f"{era_date(first, weekday=False)}〜{era_date(last, weekday=False)}"
    else:
        dates = f"{first.isoformat()} – {last.isoformat()}"
    if report.period.kind == "range":
        return dates
    return (
        f"{report.period.label}（{dates}）" if lang == "ja" else f"{report.period.label} ({dates})"
    )


def made_on_text(made_on: date, lang: str) -> str:
    day = era_date(made_on, weekday=False) if lang == "ja" else made_on.isoformat()
    return text("report.made_on", lang, day=day)


def period_tables(
    report: PeriodReport,
    title: str,
    kpis: Sequence[KpiRow],
    list_labels: dict[str, dict[str, str]],
    made_on: date,
    lang: str = "ja",
) -> list[Table]:
    """The KPI table (a fiscal year), the months table, and the venues table (all venues)."""
    span = period_span(report, lang)
    made = made_on_text(made_on, lang)

    def named(name: str) -> tuple[str, str]:
        sheet = text(f"report.table.{name}", lang)
        return sheet, heading(title, span, sheet, report.venue_label, lang)

    out: list[Table] = []
    if kpis:
        sheet, head = named("kpi")
        out.append(Table("kpi", sheet, head, tuple(_kpi_header(lang)), _kpi_rows(kpis), 4, made))
    group, item = text("report.column.group", lang), text("report.column.item", lang)
    unit = text("report.column.unit", lang)
    columns = [f for _, f in report.months] + [report.totals]
    rows = report_rows([*columns, *[f for _, f in report.per_venue]], lang, list_labels)
    years = {y for (y, _), _ in report.months} if report.period.kind != "fiscal_year" else set()

    def lines(values_of: Sequence[PeriodFigures]) -> tuple[Row, ...]:
        out_rows = []
        for r in rows:
            fmt = _format_of(r.figure_id)
            label = percent_label(r.item_label, lang) if fmt == PERCENT else r.item_label
            values: list[Value] = [r.group_label, label, unit_label(r.figure_id, lang)]
            values += [row_value(f, r.item) for f in values_of]
            out_rows.append(Row(tuple(values), (TEXT,) * 3 + (fmt,) * len(values_of)))
        return tuple(out_rows)

    sheet, head = named("months")
    months = [month_heading(y, m, lang, len(years) > 1) for (y, m), _ in report.months]
    out.append(
        Table(
            "months",
            sheet,
            head,
            (group, item, unit, *months, text("report.total", lang)),
            lines(columns),
            3,
            made,
        )
    )
    if report.per_venue:
        sheet, head = named("venues")
        venues = [n for n, _ in report.per_venue]
        out.append(
            Table(
                "venues",
                sheet,
                head,
                (group, item, unit, *venues, text("report.all_venues", lang)),
                lines([f for _, f in report.per_venue] + [report.totals]),
                3,
                made,
            )
        )
    return out


def _kpi_header(lang: str) -> list[str]:
    return [
        text(f"report.kpi.{c}", lang)
        for c in ("group", "metric", "kind", "unit", "target", "actual")
    ] + [percent_label(text("report.kpi.achieved", lang), lang), text("report.kpi.ratio", lang)]


def _kpi_rows(kpis: Sequence[KpiRow]) -> tuple[Row, ...]:
    out = []
    for k in kpis:
        fmt = PERCENT if k.unit == "%" else COUNT
        ratio = None if k.ratio is None else round(k.ratio, 2)
        out.append(
            Row(
                (
                    k.group,
                    k.metric,
                    k.kind,
                    k.unit_name,
                    _number(k.target),
                    _number(k.actual),
                    k.achievement,
                    ratio,
                ),
                (TEXT, TEXT, TEXT, TEXT, fmt, fmt, WHOLE_PERCENT, RATIO),
            )
        )
    return tuple(out)


# -- the daily tally: one row per venue-day, or one row per figure ---------------------

DAILY_HEAD = ("date", "era_date", "venue", "held")
LONG_HEAD = ("date", "venue", "group", "item", "value")


def head_of(columns: Sequence[str], lang: str) -> list[str]:
    return [text(f"report.column.{c}", lang) for c in columns]


def _figure_heading(f: Figure, lang: str) -> str:
    name = f"{f.group_label}：{f.item_label}"
    return percent_label(name, lang) if _format_of(f.figure_id) == PERCENT else name


def daily_columns(
    days: Sequence[Sequence[Figure]], lang: str
) -> list[tuple[tuple[str, str], str, str]]:
    """(item code, heading, number format) of every fixed column, in order, across the days.

    The lists are the same for one installation; a hidden category that was
    used on one day still gets its column, with 0 on the other days.
    """
    columns: dict[tuple[str, str], tuple[str, str]] = {}
    for figs in days:
        for f in figs:
            if f.wide and (f.group, f.item) not in columns:
                columns[f.group, f.item] = (_figure_heading(f, lang), _format_of(f.figure_id))
    return [(code, heading, fmt) for code, (heading, fmt) in columns.items()]


def daily_span(tallies: Sequence[DailyTally], lang: str) -> str:
    if not tallies:
        return ""
    first, last = tallies[0].day, tallies[-1].day
    if lang != "ja":
        return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"
    one = era_date(first)
    return (
        one
        if first == last
        else f"{era_date(first, weekday=False)}〜{era_date(last, weekday=False)}"
    )


def daily_table(
    tallies: Sequence[DailyTally],
    long: bool = False,
    lang: str = "ja",
    project: str = "",
    made_on: date | None = None,
) -> Table:
    """The day's tally (or a range's): wide, one row per venue-day; or long, one per figure."""
    sheet = text("report.table.daily_long" if long else "report.table.daily", lang)
    venues = list(dict.fromkeys(t.venue_name for t in tallies))
    venue = venues[0] if len(venues) == 1 else text("report.all_venues", lang)
    title = heading(project, daily_span(tallies, lang), sheet, venue, lang)
    made = made_on_text(made_on, lang) if made_on else ""
    if long:
        label_formats = (DATE, TEXT, TEXT, TEXT)
        rows = tuple(
            Row(
                (t.day, t.venue_name, f.group_label, _item_label(f, lang), f.value),
                (*label_formats, _format_of(f.figure_id)),
            )
            for t in tallies
            for f in figures(t, lang)
        )
        return Table("daily-long", sheet, title, tuple(head_of(LONG_HEAD, lang)), rows, 4, made)
    days = [figures(t, lang) for t in tallies]  # once per day: they are most of the work
    found = daily_columns(days or [figures(empty_tally(), lang)], lang)
    codes = [code for code, _, _ in found]
    formats = (DATE, TEXT, TEXT, TEXT, *[fmt for _, _, fmt in found])
    out = []
    for t, figs in zip(tallies, days, strict=True):
        values = {(f.group, f.item): f.value for f in figs if f.wide}
        out.append(
            Row(
                (
                    t.day,
                    era_date(t.day, weekday=False),
                    t.venue_name,
                    held_label(t, lang),
                    *[values.get(code, 0) for code in codes],
                ),
                formats,
            )
        )
    header = (*head_of(DAILY_HEAD, lang), *[h for _, h, _ in found])
    return Table("daily", sheet, title, header, tuple(out), 4, made)


def _item_label(f: Figure, lang: str) -> str:
    return percent_label(f.item_label, lang) if _format_of(f.figure_id) == PERCENT else f.item_label
