"""Page images of the report PDFs for the README (docs/reports/*.png).

    python docs/report_pdf_pages.py

Builds the demo as of 2026-12-01 (its last complete month is 2026-11, fiscal
year 2026), then renders at 80 dpi with pdftoppm (poppler-utils): the fiscal
year's first pages with a blank cover letter (ruled lines to write on), the
month report with the letter filled in as a coordinator would, and the daily
PDF of a date on which two of the three venues were closed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import app_demo_days, build_demo
from kiosk.reports.cover_letter import CoverLetter, save_cover_letter
from kiosk.reports.daily_export import ExportRequest, export_daily
from kiosk.reports.period import fiscal_year_period, month_period
from kiosk.reports.period_export import PeriodRequest, export_period

OUT = Path(__file__).resolve().parent / "reports"
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 12, 1)
FY_PAGES = 4  # the letter, the KPI page and the month-by-month table's two pages
SAMPLE_LETTER = CoverLetter(
    addressee="〇〇市長　〇〇 〇〇",
    address="〇〇市中央町1丁目2番3号",
    organisation="NPO法人 つながりネット",
    representative_title="理事長",
    representative_name="〇〇 〇〇",
    grant_name="〇〇市女性の居場所づくり事業補助金",
    decision_date=date(2026, 4, 10),
    decision_number="〇〇市男女第123号",
)


def pages(pdf: Path, name: str, last: int | None = None) -> None:
    limit = ["-l", str(last)] if last else []
    subprocess.run(["pdftoppm", "-r", "80", "-png", *limit, str(pdf), str(OUT / name)], check=True)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = DataFolder(Path(work) / "demo")
        build_demo(folder, seed=1, days=app_demo_days(TODAY), today=TODAY, tz=JST)
        ctx = replace(
            open_database(folder=folder), clock=lambda: datetime(2026, 12, 1, 9, tzinfo=JST)
        )
        settings.put(ctx, settings.PROJECT_NAME, "女性のための居場所づくり事業")
        pdf = Path(work) / "report.pdf"
        export_period(ctx, PeriodRequest(fiscal_year_period(2026), None, "pdf"), pdf)
        pages(pdf, "fiscal-year", FY_PAGES)
        save_cover_letter(ctx, SAMPLE_LETTER)
        export_period(ctx, PeriodRequest(month_period(2026, 11), None, "pdf"), pdf)
        pages(pdf, "month")
        day = date(2026, 11, 29)
        export_daily(ctx, ExportRequest(day, day, (), "pdf"), pdf)
        pages(pdf, "daily")
        ctx.close()
    for image in sorted(OUT.glob("*.png")):
        print("wrote", image)


if __name__ == "__main__":
    main()
