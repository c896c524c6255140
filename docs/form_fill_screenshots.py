"""Take the pictures of filling the city's own Excel form, on demo data.

    python docs/form_fill_screenshots.py

Offscreen, with the bundled font and a fixed clock (2026-12-01, so November
2026 is the last complete month), at laptop size (1366x768): the Reports
screen with the preview dialog over it, in Japanese and in English, and the
same with a form holding a mistyped placeholder. With LibreOffice and
pdftoppm installed, also the sample year form filled in, as Calc prints it.
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

from openpyxl import load_workbook
from PySide6.QtGui import QColor, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import app_demo_days, build_demo
from kiosk.reports.city_form.fill import fill_form, keep_form, read_form
from kiosk.reports.period import fiscal_year_period, period_report
from ui.app import AppShell, application, load_look
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
ROOT = OUT.parent
YEAR_FORM = ROOT / "tests" / "fixtures" / "city_form_year.xlsx"
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=JST)
LAPTOP = (1366, 768)


def wait(condition: object, tries: int = 200) -> None:
    for _ in range(tries):
        QTest.qWait(50)
        if callable(condition) and condition():
            return
    raise TimeoutError("the screen did not settle")


def save_with_dialog(window: MainWindow, name: str) -> None:
    """The window with the preview dialog over it, as the coordinator sees them."""
    dialog = window.reports.form_dialog
    assert dialog is not None
    QTest.qWait(150)
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(59, 52, 47, 110))  # the window behind a modal
    x = (picture.width() - dialog.width()) // 2
    y = (picture.height() - dialog.height()) // 2
    painter.drawPixmap(x, y, dialog.grab())
    painter.setPen(QColor("#b9a99c"))
    painter.drawRect(x - 1, y - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    picture.save(str(OUT / name))
    print("wrote", OUT / name)


def preview(app: QApplication, ctx: AppContext, lang: str, name: str) -> None:
    shell = AppShell(app, ctx, lang)
    window = shell.build_window()
    window.resize(*LAPTOP)
    window.show()
    window.show_widget(window.reports)
    window.reports.year.setValue(2026)
    wait(lambda: window.reports.report is not None)
    window.reports.form_button.click()
    dialog = window.reports.form_dialog
    assert dialog is not None
    dialog.resize(1060, 640)
    wait(lambda: dialog.plan is not None)
    save_with_dialog(window, name)
    dialog.reject()
    window.close_without_asking()  # the script's own window: no one at the door
    shell.translation.use("en")


def filled_form_page(ctx: AppContext, folder: Path) -> None:
    """The sample year form filled for FY2026, printed by LibreOffice Calc."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None or shutil.which("pdftoppm") is None:
        print("libreoffice or pdftoppm not found: docs/form-filled.png not refreshed")
        return
    filled = folder / "form-filled.xlsx"
    report = period_report(ctx, fiscal_year_period(2026), all_label="全会場")
    fill_form(ctx, read_form(YEAR_FORM), report, filled)
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(filled)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(folder / "form-filled.pdf"),
         str(OUT / "form-filled")],
        check=True,
    )  # fmt: skip
    print("wrote", OUT / "form-filled.png")


def main() -> None:
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp) / "data")
        build_demo(folder, seed=7, days=app_demo_days(TODAY), today=TODAY, tz=JST)
        ctx = replace(open_database(folder=folder), clock=lambda: NOW)
        keep_form(ctx, YEAR_FORM)
        preview(app, ctx, "ja", "form-fill-ja.png")
        preview(app, ctx, "en", "form-fill-en.png")

        # A form with a mistyped placeholder: listed in red, Save stays off.
        typo = Path(tmp) / "city_form_year.xlsx"
        book = load_workbook(YEAR_FORM)
        book["年度実績"]["C9"] = "{{相談件数s}}"
        book.save(typo)
        keep_form(ctx, typo)
        preview(app, ctx, "ja", "form-fill-unknown-ja.png")
        filled_form_page(ctx, Path(tmp))
        ctx.close()


if __name__ == "__main__":
    main()
