"""The day's tally as CSV: one row per venue-day (fixed columns), or long format.

Wide: 日付, 和暦, 会場, 開催, then one column per figure in a fixed order
(README lists them). Long: 日付, 会場, 区分, 項目, 値 — one row per figure,
per-workshop figures included, for pivot tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.core.csv_cells import render_csv
from kiosk.core.export_file import ExportFile
from kiosk.core.japanese_dates import era_date
from kiosk.core.translations import text
from kiosk.reports.daily import DailyTally, Figure, empty_tally, figures, held_label
from kiosk.reports.render.export_file import daily_filename

HEAD = ("date", "era_date", "venue", "held")
LONG_HEAD = ("date", "venue", "group", "item", "value")


def _head(columns: Sequence[str], lang: str) -> list[str]:
    return [text(f"report.column.{c}", lang) for c in columns]


def wide_columns(
    tallies: Sequence[DailyTally], lang: str = "ja"
) -> list[tuple[tuple[str, str], str]]:
    """(item code, heading) of every fixed column, in order, across all the days.

    The lists are the same for one installation; a hidden category that was
    used on one day still gets its column, with 0 on the other days.
    """
    return _columns([figures(t, lang) for t in tallies or [empty_tally()]])


def _columns(days: Sequence[Sequence[Figure]]) -> list[tuple[tuple[str, str], str]]:
    columns: dict[tuple[str, str], str] = {}
    for figs in days:
        for f in figs:
            if f.wide and (f.group, f.item) not in columns:
                columns[f.group, f.item] = f"{f.group_label}：{f.item_label}"
    return list(columns.items())


def wide_header(tallies: Sequence[DailyTally] = (), lang: str = "ja") -> list[str]:
    return _header(wide_columns(tallies, lang), lang)


def _header(columns: Sequence[tuple[tuple[str, str], str]], lang: str) -> list[str]:
    return [*_head(HEAD, lang), *[heading for _, heading in columns]]


def render_daily_csv(
    tallies: Sequence[DailyTally],
    encoding: str = "utf-8-sig",
    long: bool = False,
    lang: str = "ja",
) -> ExportFile:
    rows: list[tuple[object, ...]]
    if long:
        rows = [
            (t.day.isoformat(), t.venue_name, f.group_label, f.item_label, f.value)
            for t in tallies
            for f in figures(t, lang)
        ]
        data = render_csv(_head(LONG_HEAD, lang), rows, encoding)
    else:
        days = [figures(t, lang) for t in tallies]  # once per day: they are most of the work
        found = _columns(days or [figures(empty_tally(), lang)])
        columns = [code for code, _ in found]
        rows = []
        for t, figs in zip(tallies, days, strict=True):
            values = {(f.group, f.item): f.value for f in figs if f.wide}
            rows.append(
                (
                    t.day.isoformat(),
                    era_date(t.day, weekday=False),
                    t.venue_name,
                    held_label(t, lang),
                    *[values.get(code, 0) for code in columns],
                )
            )
        data = render_csv(_header(found, lang), rows, encoding)
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    name = daily_filename(first, last, "-long.csv" if long else ".csv")
    return ExportFile(name, "text/csv", data)
