"""Export the daily tally for a date or a range, for the CLI and the screen alike.

Rules: dates are YYYY-MM-DD and not in the future; a range is at most
MAX_DAYS long. One date exports every chosen venue, with zeros and a note
where nothing was held; its PDF lists the venues closed that day in one line
instead of a page of zeros each, unless `every_venue` asks for every page. A
range exports the venue-days that had anything, so a month is not a pile of
empty pages (zeros for the first day if none had). The file is written atomically: a failure leaves no partial file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.core import settings
from kiosk.core.atomic_file import write_atomically
from kiosk.core.context import AppContext
from kiosk.core.csv_cells import ENCODINGS
from kiosk.core.errors import KioskError
from kiosk.core.export_file import FORMATS, ExportFile
from kiosk.door import venues
from kiosk.reports.daily import DailyTally, daily_tallies, venue_by_name
from kiosk.reports.render.daily_csv import render_daily_csv

MAX_DAYS = 366


@dataclass(frozen=True)
class ExportRequest:
    first: date
    last: date
    venue_ids: tuple[str, ...]  # empty: every active venue
    format: str = "csv"
    encoding: str = "utf-8-sig"
    long: bool = False
    lang: str = "ja"
    every_venue: bool = False  # PDF of one date: a page for every venue, zeros and all


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError) as exc:
        raise KioskError("date_invalid", value=str(text)) from exc


def check_range(ctx: AppContext, first: date, last: date) -> None:
    today = ctx.today()
    for day in (first, last):
        if day > today:
            raise KioskError("date_in_future", day=day.isoformat())
    if last < first:
        raise KioskError("date_range_reversed")
    if (last - first).days + 1 > MAX_DAYS:
        raise KioskError("date_range_too_long", limit=MAX_DAYS)


def report_title(ctx: AppContext) -> str:
    return settings.get(ctx, settings.PROJECT_NAME) or settings.organisation(ctx)


def tallies_for(ctx: AppContext, request: ExportRequest) -> list[DailyTally]:
    check_range(ctx, request.first, request.last)
    ids = request.venue_ids or tuple(v.id for v in venues.list_venues(ctx))
    # One read for the whole range; the chart by hour only where it is drawn.
    out = daily_tallies(ctx, ids, request.first, request.last, hours=request.format == "pdf")
    if request.first != request.last:
        kept = [t for t in out if has_anything(t)]
        out = kept or out[: len(ids)]
    return out


def has_anything(tally: DailyTally) -> bool:
    talks = tally.consultations
    return bool(
        tally.held
        or tally.visits
        or tally.survey_responses
        or talks.total
        or talks.referrals
        or talks.case_meetings
    )


def render(ctx: AppContext, request: ExportRequest) -> tuple[ExportFile, list[DailyTally]]:
    if request.format not in FORMATS:
        raise KioskError("invalid_choice", group="format", value=request.format)
    if request.encoding not in ENCODINGS:
        raise KioskError("invalid_choice", group="encoding", value=request.encoding)
    tallies = tallies_for(ctx, request)
    if request.format == "pdf":
        from kiosk.reports.render.daily_pdf import (
            render_daily_pdf,  # ReportLab: loaded when a PDF is made
        )

        title = report_title(ctx)
        return render_daily_pdf(
            tallies, title, request.lang, every_venue=request.every_venue
        ), tallies
    if request.format == "xlsx":
        return render_daily_workbook(ctx, request, tallies), tallies
    return render_daily_csv(tallies, request.encoding, request.long, request.lang), tallies


def render_daily_workbook(
    ctx: AppContext, request: ExportRequest, tallies: list[DailyTally]
) -> ExportFile:
    from kiosk.reports.render.export_file import daily_filename
    from kiosk.reports.render.workbook import render_workbook  # openpyxl: loaded when used
    from kiosk.reports.tables import daily_table

    table = daily_table(tallies, request.long, request.lang, report_title(ctx), ctx.today())
    first, last = (tallies[0].day, tallies[-1].day) if tallies else (None, None)
    name = daily_filename(first, last, "-long.xlsx" if request.long else ".xlsx")
    return render_workbook([table], name)


def export_daily(ctx: AppContext, request: ExportRequest, target: Path) -> list[DailyTally]:
    """Render and write; returns the tallies written (for notes such as 'not held')."""
    exported, tallies = render(ctx, request)
    write_atomically(target, exported.data)
    return tallies


def venue_ids_by_names(ctx: AppContext, names: Sequence[str]) -> tuple[str, ...]:
    return tuple(venue_by_name(ctx, name) for name in names)
