"""Export a month, fiscal-year or date-range report, for the CLI and the screen alike."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.consultations.lists import labels
from kiosk.core.atomic_file import write_atomically
from kiosk.core.context import AppContext
from kiosk.core.csv_cells import ENCODINGS
from kiosk.core.errors import KioskError
from kiosk.core.export_file import FORMATS, ExportFile, path_for
from kiosk.core.fiscal_year import fiscal_year_of, fiscal_year_range, start_month
from kiosk.core.translations import text
from kiosk.reports.cover_letter import cover_letter
from kiosk.reports.daily_export import report_title
from kiosk.reports.kpi import kpi_rows
from kiosk.reports.period import Period, PeriodReport, period_report
from kiosk.reports.render.period_csv import render_period_csv


@dataclass(frozen=True)
class PeriodRequest:
    period: Period
    venue_id: str | None = None  # None: all venues together
    format: str = "pdf"
    encoding: str = "utf-8-sig"
    lang: str = "ja"


def list_labels(ctx: AppContext, lang: str) -> dict[str, dict[str, str]]:
    return {name: labels(ctx, name, lang) for name in ("channel", "category", "agency")}


def build(ctx: AppContext, request: PeriodRequest) -> PeriodReport:
    if request.period.last > ctx.today() and request.period.first > ctx.today():
        raise KioskError("date_in_future", day=request.period.first.isoformat())
    return period_report(
        ctx, request.period, request.venue_id, text("report.all_venues", request.lang)
    )


def render(ctx: AppContext, request: PeriodRequest) -> ExportFile:
    if request.format not in FORMATS:
        raise KioskError("invalid_choice", group="format", value=request.format)
    if request.encoding not in ENCODINGS:
        raise KioskError("invalid_choice", group="encoding", value=request.encoding)
    if request.format == "pdf":
        return _pdf(ctx, request)
    report = build(ctx, request)
    kpis = kpi_rows(ctx, report, request.lang)
    names = list_labels(ctx, request.lang)
    title = report_title(ctx)
    if request.format == "xlsx":
        from kiosk.reports.render.export_file import period_filename
        from kiosk.reports.render.workbook import render_workbook  # openpyxl: loaded when used
        from kiosk.reports.tables import period_tables

        tables = period_tables(report, title, kpis, names, ctx.today(), request.lang)
        return render_workbook(tables, period_filename(report.period, ".xlsx"))
    return render_period_csv(
        report, title, kpis, names, ctx.today(), request.encoding, request.lang
    )


def _pdf(ctx: AppContext, request: PeriodRequest) -> ExportFile:
    """The PDF: a month with its fiscal year to date (read once, from the year's start to
    the month's end), a fiscal year or a range; the cover letter for months and years."""
    # ReportLab: loaded when a PDF is made
    from kiosk.reports.render.month_pdf import render_month_pdf
    from kiosk.reports.render.period_pdf import render_period_pdf

    period = request.period
    names = list_labels(ctx, request.lang)
    title = report_title(ctx)
    letter = cover_letter(ctx)
    if period.kind == "month":
        if period.first > ctx.today():  # the year to date would start in the past
            raise KioskError("date_in_future", day=period.first.isoformat())
        year = fiscal_year_of(period.first, start_month(ctx))
        start, _ = fiscal_year_range(year, start_month(ctx))
        to_date = Period(start, period.last, period.label, "range", fiscal_year=year)
        report = build(ctx, replace(request, period=to_date))
        kpis = kpi_rows(ctx, report, request.lang)
        return render_month_pdf(
            report, period, title, kpis, names, request.lang, letter=letter, submitted=ctx.today()
        )
    report = build(ctx, request)
    kpis = kpi_rows(ctx, report, request.lang)
    return render_period_pdf(
        report, title, kpis, names, request.lang, letter=letter, submitted=ctx.today()
    )


def export_period(ctx: AppContext, request: PeriodRequest, target: Path) -> Path:
    """Render and write; returns the path written (a CSV of several tables: its .zip)."""
    exported = render(ctx, request)
    return write_atomically(path_for(target, exported), exported.data)
