"""The day's tally as CSV: one row per venue-day (fixed columns), or long format.

Wide: 日付, 和暦, 会場, 開催, then one column per figure in a fixed order
(README lists them); the satisfaction rate's heading says （%）. Long:
日付, 会場, 区分, 項目, 値 — one row per figure, per-workshop figures
included, for pivot tables. Every figure is a number (kiosk/reports/tables.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.core.csv_cells import render_csv
from kiosk.core.export_file import ExportFile
from kiosk.reports.daily import DailyTally, empty_tally, figures
from kiosk.reports.render.export_file import daily_filename
from kiosk.reports.tables import DAILY_HEAD, daily_columns, daily_table, head_of


def wide_columns(
    tallies: Sequence[DailyTally], lang: str = "ja"
) -> list[tuple[tuple[str, str], str]]:
    """(item code, heading) of every fixed column, in order, across all the days."""
    days = [figures(t, lang) for t in tallies or [empty_tally()]]
    return [(code, heading) for code, heading, _ in daily_columns(days, lang)]


def wide_header(tallies: Sequence[DailyTally] = (), lang: str = "ja") -> list[str]:
    return [*head_of(DAILY_HEAD, lang), *[heading for _, heading in wide_columns(tallies, lang)]]


def render_daily_csv(
    tallies: Sequence[DailyTally],
    encoding: str = "utf-8-sig",
    long: bool = False,
    lang: str = "ja",
) -> ExportFile:
    table = daily_table(tallies, long, lang)
    data = render_csv(table.header, (row.values for row in table.rows), encoding)
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    name = daily_filename(first, last, "-long.csv" if long else ".csv")
    return ExportFile(name, "text/csv", data)
