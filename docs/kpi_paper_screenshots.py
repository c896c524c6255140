"""Take the screenshots of the KPI targets card and the paper-list dialog, on demo data.

    python docs/kpi_paper_screenshots.py

Offscreen, with the bundled font and a fixed clock, at laptop size
(1366x768): the card as Settings shows it, and a paper list half entered for
a Saturday with no event, its two totals not yet agreeing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.door import venues
from ui.app import AppShell, application, load_look
from ui.dialogs.paper_day_dialog import PaperDayDialog
from ui.settings.kpi_targets_card import KpiTargetsCard

OUT = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 16, 30, tzinfo=JST)
LAPTOP = (1366, 768)


def save(widget: QWidget, name: str) -> None:
    QTest.qWait(120)  # let delayed layouts settle, as they would on screen
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> None:
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp))
        build_demo(folder, seed=7, today=TODAY, tz=JST)
        ctx = replace(open_database(folder=folder), clock=lambda: NOW)
        shell = AppShell(app, ctx, "ja")
        window = shell.build_window()
        window.resize(*LAPTOP)
        window.show()

        window.show_widget(window.settings)
        card = window.settings.findChild(KpiTargetsCard)
        save(card, "kpi-targets.png")

        # The east venue's third Saturday: no event, so the list is entered afterwards.
        east = next(v for v in venues.list_venues(ctx) if v.name.startswith("東部"))
        window.show_widget(window.tally)
        dialog = PaperDayDialog(window.state, east.id, date(2026, 11, 21), window)
        dialog.show()
        for code, n in (("20s", 2), ("30s", 4), ("40s", 3), ("60s", 1)):
            dialog.by_age[code].setValue(n)
        for code, n in (("resident", 7), ("outside", 1)):
            dialog.by_residence[code].setValue(n)
        dialog.first_visits.setValue(3)
        dialog.children_count.setValue(2)
        dialog.workshops.setValue(4)
        save(dialog, "paper-day.png")
        dialog.reject()
        window.close_without_asking()  # the script's own window: no one at the door


if __name__ == "__main__":
    main()
