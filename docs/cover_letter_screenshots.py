"""Take the screenshots of Settings → the cover letter of reports, in Japanese and English.

    python docs/cover_letter_screenshots.py

Offscreen, with the bundled font and a fixed clock, at laptop size
(1366x768): the card as Settings shows it, filled in as a coordinator would.
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
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.reports.cover_letter import CoverLetter, save_cover_letter
from ui.app import AppShell, application, load_look
from ui.settings.cover_letter_card import CoverLetterCard

OUT = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 16, 30, tzinfo=JST)
LAPTOP = (1366, 768)
LETTER = CoverLetter(
    addressee="〇〇市長 〇〇 〇〇",
    address="〇〇県〇〇市本町1-2-3",
    representative_title="理事長",
    representative_name="山田 花子",
    grant_name="〇〇市女性の居場所づくり事業補助金",
    decision_date=date(2026, 4, 10),
    decision_number="〇〇第123号",
)


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
        save_cover_letter(ctx, LETTER)
        for lang in ("ja", "en"):
            shell = AppShell(app, ctx, lang)
            window = shell.build_window()
            window.resize(*LAPTOP)
            window.show()
            window.show_widget(window.settings)
            card = window.settings.findChild(CoverLetterCard)
            save(card, f"settings-cover-letter-{lang}.png")
            if lang == "ja":  # the card in its place on the screen
                window.settings.findChild(QScrollArea).ensureWidgetVisible(card, 0, 12)
                save(window, "settings-cover-letter-window.png")
            window.close_without_asking()  # the script's own window: no one at the door
            shell.translation.use("en")


if __name__ == "__main__":
    main()
