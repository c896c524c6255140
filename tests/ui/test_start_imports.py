"""Start-up loads only what the door needs: the rest is imported when first used."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

START = """
import sys
from ui.app import application, load_look
from ui.main_window import MainWindow
from kiosk.cli import main as cli_main
LATER = ("alembic", "reportlab", "cryptography", "kiosk.exchange", "kiosk.reports",
         "ui.screens.settings_screen", "ui.screens.reports_screen")
print(sorted(m for m in LATER if m in sys.modules))
"""


def test_the_start_path_imports_no_alembic_reportlab_exchange_reports_or_other_screens():
    done = subprocess.run(
        [sys.executable, "-c", START],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_screen_is_built_the_first_time_it_is_shown_then_kept(qtbot, window):
    from ui.screens.settings_screen import SettingsScreen

    assert not isinstance(window.pages.widget(7), SettingsScreen)  # not built at start
    qtbot.mouseClick(window.nav_buttons[7], Qt.MouseButton.LeftButton)
    shown = window.pages.currentWidget()
    assert isinstance(shown, SettingsScreen) and shown.isVisible()
    assert window.pages.count() == 8
    qtbot.mouseClick(window.nav_buttons[0], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.checkin
    qtbot.mouseClick(window.nav_buttons[7], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is shown is window.settings  # the same screen
