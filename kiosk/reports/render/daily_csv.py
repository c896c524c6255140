"""The day's tally as CSV: one row per venue-day (fixed columns), or long format.

Wide: 日付, 和暦, 会場, 開催, then one column per figure in a fixed order
(README lists them). Long: 日付, 会場, 区分, 項目, 値 — one row per figure,
per-workshop figures included, for pivot tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.core import choices
from kiosk.core.japanese_dates import era_date
from kiosk.reports.daily import DailyTally, empty_tally, figures
from kiosk.reports.render.csv_cells import ExportFile, render_csv

HEAD = {
    "ja": ("日付", "和暦", "会場", "開催"),
    "en": ("Date", "Japanese date", "Venue", "Held"),
}
LONG_HEAD = {
    "ja": ("日付", "会場", "区分", "項目", "値"),
    "en": ("Date", "Venue", "Group", "Item", "Value"),
}
NOT_HELD = {"ja": "開催なし", "en": "not held"}
FROM_PAPER = {"ja": "紙の受付簿（後日入力）", "en": "paper list (entered afterwards)"}


def held_label(tally: DailyTally, lang: str) -> str:
    if not tally.held:
        return NOT_HELD.get(lang, NOT_HELD["ja"])
    kinds = [choices.label("event_kind", k, lang) for k in tally.event_kinds]
    if tally.from_paper:
        kinds.append(FROM_PAPER.get(lang, FROM_PAPER["ja"]))
    return "・".join(kinds)


def wide_columns(
    tallies: Sequence[DailyTally], lang: str = "ja"
) -> list[tuple[tuple[str, str], str]]:
    """(item code, heading) of every fixed column, in order, across all the days.

    The lists are the same for one installation; a hidden category that was
    used on one day still gets its column, with 0 on the other days.
    """
    columns: dict[tuple[str, str], str] = {}
    for tally in tallies or [empty_tally()]:
        for f in figures(tally, lang):
            if f.wide and (f.group, f.item) not in columns:
                columns[f.group, f.item] = f"{f.group_label}：{f.item_label}"
    return list(columns.items())


def wide_header(tallies: Sequence[DailyTally] = (), lang: str = "ja") -> list[str]:
    return [*HEAD[lang], *[heading for _, heading in wide_columns(tallies, lang)]]


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
        data = render_csv(LONG_HEAD[lang], rows, encoding)
    else:
        columns = [code for code, _ in wide_columns(tallies, lang)]
        rows = []
        for t in tallies:
            values = {(f.group, f.item): f.value for f in figures(t, lang) if f.wide}
            rows.append(
                (
                    t.day.isoformat(),
                    era_date(t.day, weekday=False),
                    t.venue_name,
                    held_label(t, lang),
                    *[values.get(code, 0) for code in columns],
                )
            )
        data = render_csv(wide_header(tallies, lang), rows, encoding)
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    span = f"{first}" if first == last else f"{first}_{last}"
    suffix = "-long" if long else ""
    return ExportFile(f"tsunagari-daily-{span}{suffix}.csv", "text/csv", data)
