"""`tsunagari export daily ...`: the daily tally to a CSV, Excel or PDF file, headless.

tsunagari export daily --date 2026-11-22 [--to 2026-11-30] [--venue NAME]
                       --format csv|pdf|xlsx [--encoding utf-8-sig|cp932] [--long]
                       [--every-venue] -o FILE
tsunagari export month --month 2026-11 | fiscal-year --year 2026 | range --from D --to D
                       [--venue NAME] (--format csv|pdf|xlsx | --template FORM.xlsx) -o FILE
tsunagari export fields: every {{placeholder}} a city's own form may hold

A month or fiscal-year report of several tables as CSV is a .zip of one CSV
per table: `-o report.csv` writes report.zip, and says so.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli import arguments
from kiosk.cli.commands import Subcommands, command, output_option, subcommands
from kiosk.core.context import AppContext
from kiosk.core.csv_cells import ENCODINGS
from kiosk.core.errors import KioskError
from kiosk.core.export_file import FORMATS
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown
from kiosk.core.translations import text

if TYPE_CHECKING:
    from kiosk.reports.period_export import PeriodRequest


def add_export_parser(sub: Subcommands) -> None:
    export = sub.add_parser("export", help="export reports for the city office")
    kinds = subcommands(export, "report", "REPORT")
    daily = command(kinds, "daily", help="the daily tally of a date or a date range")
    daily.add_argument(
        "--date",
        required=True,
        type=arguments.day,
        metavar="YYYY-MM-DD",
        help="the (first) day",
    )
    daily.add_argument(
        "--to", type=arguments.day, metavar="YYYY-MM-DD", help="last day of a range (inclusive)"
    )
    daily.add_argument(
        "--venue",
        action="append",
        type=arguments.venue_name,
        metavar="NAME",
        help="only this venue (repeatable); default all",
    )
    daily.add_argument("--format", choices=FORMATS, required=True)
    daily.add_argument("--encoding", choices=ENCODINGS, default="utf-8-sig", help="CSV encoding")
    daily.add_argument("--long", action="store_true", help="CSV, xlsx: one row per figure")
    daily.add_argument(
        "--every-venue",
        action="store_true",
        help="PDF of one date: a page for every venue, zeros and all "
        "(default: venues closed that day are listed in one line)",
    )
    output_option(daily)

    month = command(kinds, "month", help="the report of one month (all venues unless --venue)")
    month.add_argument("--month", required=True, metavar="YYYY-MM")
    fiscal = command(kinds, "fiscal-year", help="the report of a fiscal year (April to March)")
    fiscal.add_argument(
        "--year",
        required=True,
        type=arguments.fiscal_year,
        metavar="YYYY",
        help="the year it starts in",
    )
    span = command(
        kinds, "range", help="the report of any span of days (all venues unless --venue)"
    )
    span.add_argument(
        "--from", dest="first", required=True, type=arguments.day, metavar="YYYY-MM-DD"
    )
    span.add_argument("--to", dest="last", required=True, type=arguments.day, metavar="YYYY-MM-DD")
    for parser in (month, fiscal, span):
        parser.add_argument(
            "--venue",
            type=arguments.venue_name,
            metavar="NAME",
            help="one venue; default all together",
        )
        made = parser.add_mutually_exclusive_group(required=True)
        made.add_argument("--format", choices=FORMATS)
        made.add_argument(
            "--template",
            type=Path,
            metavar="FORM.xlsx",
            help="fill the city's own Excel form wherever it holds a {{placeholder}}",
        )
        parser.add_argument("--encoding", choices=ENCODINGS, default="utf-8-sig")
        output_option(parser)
    fields = command(kinds, "fields", help="list every {{placeholder}} a city's form may hold")
    del fields  # only the common options (--lang)


def run_export(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    # The reports are imported when a command runs, not at every start of the window.
    from kiosk.core.database import open_database
    from kiosk.reports import figures as catalogue
    from kiosk.reports.daily_export import ExportRequest, export_daily, venue_ids_by_names

    ctx = open_database(url=args.database_url, folder=folder)
    if args.report == "fields":
        return _list_fields(ctx, lang)
    if args.report in ("month", "fiscal-year", "range"):
        return _run_period(ctx, args, lang)
    first = args.date
    last = args.to or first
    request = ExportRequest(
        first=first,
        last=last,
        venue_ids=venue_ids_by_names(ctx, args.venue or []),
        format=args.format,
        encoding=args.encoding,
        long=args.long,
        lang=lang,
        every_venue=args.every_venue,
    )
    target = args.output
    tallies = export_daily(ctx, request, target)
    for tally in tallies:
        if not tally.held:
            note = text(
                "report.cli.not_held", lang, day=tally.day.isoformat(), venue=tally.venue_name
            )
            print(shown(note))
    print(shown(text("report.cli.written", lang, path=target, count=len(tallies))))
    # The headline figure, labelled as the screen, the CSV and the PDF label it.
    visits = sum(t.visits for t in tallies)
    label = catalogue.label("visits.total", lang)
    print(shown(text("report.cli.figure", lang, label=label, value=visits)))
    return 0


def _run_period(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kiosk.core.fiscal_year import start_month
    from kiosk.reports.daily import venue_by_name
    from kiosk.reports.period import fiscal_year_period, parse_month, range_period
    from kiosk.reports.period_export import PeriodRequest, export_period

    if args.report == "month":
        period = parse_month(args.month, lang)
    elif args.report == "range":
        if args.last > ctx.today():  # a range is of days that have been
            raise KioskError("date_in_future", day=args.last.isoformat())
        period = range_period(args.first, args.last, start_month(ctx))
    else:
        period = fiscal_year_period(args.year, start_month(ctx), lang)
    request = PeriodRequest(
        period=period,
        venue_id=venue_by_name(ctx, args.venue) if args.venue else None,
        format=args.format or "xlsx",
        encoding=args.encoding,
        lang=lang,
    )
    if args.template is not None:
        return _fill_form(ctx, request, args.template, args.output)
    target = export_period(ctx, request, args.output)
    print(shown(text("report.cli.written_period", lang, path=target, label=period.label)))
    return 0


def _fill_form(ctx: AppContext, request: PeriodRequest, form: Path, target: Path) -> int:
    """Fill the city's form; a placeholder not understood: listed, nothing written."""
    import sys

    from kiosk.reports.city_form.fields import field_catalogue
    from kiosk.reports.city_form.fill import plan_form, read_form, refuse_problems, write_plan
    from kiosk.reports.period_export import build

    template = read_form(form)  # refused before the report is counted
    plan = plan_form(template, field_catalogue(ctx), ctx, build(ctx, request), request.lang)
    for problem in plan.problems:  # every one, with why; then the error, and no file
        print(shown(problem.line()), file=sys.stderr)
    refuse_problems(plan, request.lang)
    write_plan(plan, target)
    label = request.period.label
    print(
        shown(
            text("form.cli.filled", request.lang, path=target, count=plan.filled_cells, label=label)
        )
    )
    return 0


def _list_fields(ctx: AppContext, lang: str) -> int:
    """Every placeholder with its meaning, grouped as the report groups its figures."""
    from kiosk.reports import figures as catalogue
    from kiosk.reports.city_form.fields import field_catalogue

    fields = field_catalogue(ctx)
    print(shown(text("form.cli.fields_intro", lang)))
    sections = dict.fromkeys(f.section for f in fields.fields)
    for section in sections:
        heading = (
            text(f"form.section.{section}", lang)
            if section in ("meta", "kpi")
            else catalogue.group_label(section, lang)
        )
        print(shown(""))
        print(shown(f"[{heading}]"))
        for f in fields.fields:
            if f.section == section:
                unit = f.unit(lang) or text("form.unit.text", lang)
                line = text("form.cli.field_line", lang, key=f.key, label=f.label(lang), unit=unit)
                print(shown(line))
    return 0
