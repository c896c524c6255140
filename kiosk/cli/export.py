"""`tsunagari export daily ...`: the daily tally to a CSV, Excel or PDF file, headless.

tsunagari export daily --date 2026-11-22 [--to 2026-11-30] [--venue NAME]
                       --format csv|pdf|xlsx [--encoding utf-8-sig|cp932] [--long] -o FILE

A month or fiscal-year report of several tables as CSV is a .zip of one CSV
per table: `-o report.csv` writes report.zip, and says so.
"""

from __future__ import annotations

import argparse

from kiosk.cli import arguments
from kiosk.cli.commands import Subcommands, command, output_option, subcommands
from kiosk.core.context import AppContext
from kiosk.core.csv_cells import ENCODINGS
from kiosk.core.export_file import FORMATS
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown
from kiosk.core.translations import text


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
    for parser in (month, fiscal):
        parser.add_argument(
            "--venue",
            type=arguments.venue_name,
            metavar="NAME",
            help="one venue; default all together",
        )
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--encoding", choices=ENCODINGS, default="utf-8-sig")
        output_option(parser)


def run_export(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    # The reports are imported when a command runs, not at every start of the window.
    from kiosk.core.database import open_database
    from kiosk.reports import figures as catalogue
    from kiosk.reports.daily_export import ExportRequest, export_daily, venue_ids_by_names

    ctx = open_database(url=args.database_url, folder=folder)
    if args.report in ("month", "fiscal-year"):
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
    from kiosk.reports.period import fiscal_year_period, parse_month
    from kiosk.reports.period_export import PeriodRequest, export_period

    if args.report == "month":
        period = parse_month(args.month, lang)
    else:
        period = fiscal_year_period(args.year, start_month(ctx), lang)
    request = PeriodRequest(
        period=period,
        venue_id=venue_by_name(ctx, args.venue) if args.venue else None,
        format=args.format,
        encoding=args.encoding,
        lang=lang,
    )
    target = export_period(ctx, request, args.output)
    print(shown(text("report.cli.written_period", lang, path=target, label=period.label)))
    return 0
