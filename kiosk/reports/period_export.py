"""Export a month, fiscal-year or date-range report, for the CLI and the screen alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.consultations.lists import labels
from kiosk.core.atomic_file import write_atomically
from kiosk.core.context import AppContext
from kiosk.core.csv_cells import ENCODINGS
from kiosk.core.errors import KioskError
from kiosk.core.export_file import FORMATS, ExportFile, path_for
from kiosk.core.translations import text
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
    report = build(ctx, request)
    kpis = kpi_rows(ctx, report, request.lang)
    names = list_labels(ctx, request.lang)
    title = report_title(ctx)
    if request.format == "pdf":
        from kiosk.reports.render.period_pdf import (
            render_period_pdf,  # ReportLab: loaded when a PDF is made
        )

        return render_period_pdf(report, title, kpis, names, request.lang)
    if request.format == "xlsx":
        from kiosk.reports.render.export_file import period_filename
        from kiosk.reports.render.workbook import render_workbook  # openpyxl: loaded when used
        from kiosk.reports.tables import period_tables

        tables = period_tables(report, title, kpis, names, ctx.today(), request.lang)
        return render_workbook(tables, period_filename(report.period, ".xlsx"))
    return render_period_csv(
        report, title, kpis, names, ctx.today(), request.encoding, request.lang
    )


def export_period(ctx: AppContext, request: PeriodRequest, target: Path) -> Path:
    """Render and write; returns the path written (a CSV of several tables: its .zip)."""
    exported = render(ctx, request)
    return write_atomically(path_for(target, exported), exported.data)
