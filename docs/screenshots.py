"""Take the README's screenshots from the real screens on demo data.

    python docs/screenshots.py

Offscreen (no display needed), with the bundled font, at the size of a
venue laptop (1366x768) and of a tablet (1024x768). The clock is fixed so
the pictures do not change from run to run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import app_demo_days, build_demo
from kiosk.door import checkin
from kiosk.reports.daily import daily_tally
from kiosk.reports.period import fiscal_year_period
from kiosk.reports.period_export import PeriodRequest, export_period
from kiosk.reports.render.daily_pdf import render_daily_pdf
from ui.app import AppShell, application, load_look
from ui.dialogs.pickup_dialog import PickupCodesDialog
from ui.dialogs.setup_dialog import SetupDialog
from ui.dialogs.signup_dialog import SignupDialog

OUT = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 11, 45, tzinfo=JST)
LAPTOP = (1366, 768)
TABLET = (1024, 768)


def save(widget: QWidget, name: str) -> None:
    QTest.qWait(100)  # let delayed layouts (list views) settle, as they would on screen
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def save_pdf_page(ctx: AppContext, venue_id: str) -> None:
    """The day's PDF as the city office sees it (needs pdftoppm from poppler-utils)."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: docs/tally-pdf.png not refreshed")
        return
    pdf = render_daily_pdf([daily_tally(ctx, venue_id, TODAY)], "女性のための居場所づくり事業")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "day.pdf"
        source.write_bytes(pdf.data)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(OUT / "tally-pdf")],
            check=True,
        )
    print("wrote", OUT / "tally-pdf.png")


def save_report_pages(ctx: AppContext, year: int) -> None:
    """The fiscal-year report of all venues, page by page (pdftoppm from poppler-utils)."""
    if shutil.which("pdftoppm") is None:
        return
    request = PeriodRequest(fiscal_year_period(year), None, "pdf")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "fy.pdf"
        export_period(ctx, request, source)
        for old in OUT.glob("fy-report-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-l", "4", str(source), str(OUT / "fy-report")],
            check=True,
        )
    print("wrote", sorted(p.name for p in OUT.glob("fy-report-*.png")))


def main() -> None:
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp))
        build_demo(folder, seed=7, days=app_demo_days(TODAY), today=TODAY, tz=JST)
        ctx = replace(open_database(folder=folder), clock=lambda: NOW)
        shell = AppShell(app, ctx, "ja")
        window = shell.build_window()
        window.resize(*LAPTOP)
        window.show()

        form = window.checkin.form
        form.age.set_value("30s")
        form.heard_from.set_value("flyer")
        form.child_rows.add_child()
        form.child_rows.rows[0].age.set_value("1-2")
        form.child_rows.rows[0].note.setText("卵アレルギー")
        save(window, "checkin.png")

        form.reset()
        form.nickname.setText("sa")
        form._search("sa")
        save(window, "checkin-search.png")
        form.reset()

        window.resize(*TABLET)
        save(window, "checkin-tablet.png")
        window.resize(*LAPTOP)

        window.show_widget(window.childcare)
        save(window, "childcare.png")
        window.show_widget(window.settings)
        save(window, "settings.png")

        window.show_widget(window.tally)
        save(window, "tally.png")
        save_pdf_page(ctx, window.state.venue.id)
        save_report_pages(ctx, 2025)

        window.show_widget(window.reports)
        window.reports.year.setValue(2026)
        for _ in range(100):  # it counts off the GUI thread
            QTest.qWait(50)
            if (
                window.reports.report is not None
                and window.reports.report.period.fiscal_year == 2026
            ):
                break
        save(window, "reports.png")

        window.show_widget(window.workshops)
        window.workshops.slot_list.setCurrentRow(0)
        save(window, "workshops.png")
        window.show_widget(window.checkin)
        newest = checkin.visits_of_event(ctx, window.state.today_event.id)[0]
        signup = SignupDialog(window.state, newest, window)
        signup.show()
        next(iter(signup.buttons.values())).setChecked(True)
        save(signup, "workshop-signup.png")
        signup.reject()

        # Consultations: the next one half entered, this morning's records beside it.
        window.show_widget(window.consultations)
        consultations = window.consultations
        consultations.category.button("health").click()
        consultations.staff_role.button("public_health_nurse").click()
        consultations.minutes.setValue(20)
        save(window, "consultations.png")
        window.show_widget(window.checkin)

        visits = checkin.visits_of_event(ctx, window.state.today_event.id)
        kids = next(v.children for v in visits if v.children)
        dialog = PickupCodesDialog(kids, "ja", lambda _k: None, window, lambda _k: None)
        dialog.show()
        QTimer.singleShot(0, dialog.accept)
        save(dialog, "pickup-codes.png")

        setup_ctx = open_database(folder=DataFolder(Path(tmp) / "fresh"))
        setup = SetupDialog(setup_ctx, "ja")
        setup.show()
        save(setup, "setup.png")
        window.close_without_asking()  # the script's own window: no one at the door


if __name__ == "__main__":
    main()
