"""Take the screenshots of the app's own dialogs, over the window they open from.

    python docs/dialog_screenshots.py

Offscreen, on demo data, with the bundled font, in a 1366x768 window, in
Japanese and English: the full-workshop question, the set-PIN dialog and
the visitor picker of the Workshops screen. A dialog is its own window, so
the picture lays it over a dimmed grab of the main window, centred, as the
window system shows it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget

from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import app_demo_days, build_demo
from kiosk.door import checkin
from kiosk.workshops.slots import slots_of_event
from ui.app import AppShell, application, load_look
from ui.dialogs.app_dialog import AppDialog
from ui.dialogs.pin_dialogs import SetPinDialog
from ui.dialogs.signup_flow import full_workshop_dialog
from ui.dialogs.visitor_picker import VisitorPickerDialog
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 11, 45, tzinfo=JST)
LAPTOP = (1366, 768)


def save_over(window: QWidget, dialog: QDialog, name: str) -> None:
    """The window, dimmed, with the dialog centred on it."""
    dialog.show()
    QTest.qWait(100)  # let the dialog fit its buttons and the lists settle
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(59, 52, 47, 90))
    box = dialog.grab()
    at = QPoint((picture.width() - box.width()) // 2, (picture.height() - box.height()) // 2)
    painter.drawPixmap(at, box)
    painter.end()
    picture.save(str(OUT / name))
    print("wrote", OUT / name, f"(dialog {box.width()}x{box.height()})")
    dialog.close()


def dialogs_of(window: MainWindow) -> dict[str, Callable[[], QDialog]]:
    state = window.state
    event = state.today_event
    assert event is not None
    full = next(s for s in slots_of_event(state.ctx, event.id) if s.capacity)
    full = replace(full, registered=full.capacity or 0, waitlisted=2)

    def full_prompt() -> AppDialog:
        window.show_widget(window.workshops)
        return full_workshop_dialog(window, full)

    def set_pin() -> QDialog:
        window.show_widget(window.settings)
        return SetPinDialog(state.ctx, state.lang, window)

    def picker() -> QDialog:
        window.show_widget(window.workshops)
        window.workshops.slot_list.setCurrentRow(0)
        visits = [v for v in checkin.visits_of_event(state.ctx, event.id) if v.active]
        return VisitorPickerDialog(visits, state.lang, full.name, window)

    return {"full-workshop": full_prompt, "set-pin": set_pin, "visitor-picker": picker}


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
        for lang in ("ja", "en"):
            if lang != shell.state.lang:
                shell.change_language(lang)
            window = shell.window or shell.build_window()
            window.resize(*LAPTOP)
            window.show()
            for name, make in dialogs_of(window).items():
                save_over(window, make(), f"dialog-{name}-{lang}.png")
        assert shell.window is not None
        shell.window.close_without_asking()  # the script's own window: no one at the door


if __name__ == "__main__":
    main()
