"""The start hook the benchmark and the bundle's smoke test time and check a start by.

With TSUNAGARI_QUIT_WHEN_SHOWN set, a start says what it shows (the check-in
screen, or the questionnaire kiosk) and ends on its own, even on a day whose
window would ask before closing (children still in care).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.care import pin
from kiosk.core.database import open_database
from kiosk.core.frontends import LaunchOptions
from kiosk.core.paths import DataFolder
from kiosk.door import events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest, check_in
from ui.app import ICON_SIZES, ICONS, QUIT_WHEN_SHOWN, SHOWN_MARKER, application, run


def open_cafe_with_a_child_in_care(folder: DataFolder, *, with_pin: bool = False) -> None:
    ctx = open_database(folder=folder)  # the real clock: run() opens today's café
    try:
        venue = venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
        event = events.open_event(ctx, venue.id)
        check_in(
            ctx,
            CheckInRequest(
                event_id=event.id,
                age_band="30s",
                residence="resident",
                first_visit=True,
                heard_from="flyer",
                wants_consultation=False,
                children=(ChildRequest("1-2"),),
            ),
        )
        if with_pin:
            pin.set_pin(ctx, "2468", "2468")
    finally:
        ctx.close()


@pytest.fixture
def quit_when_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(QUIT_WHEN_SHOWN, "1")


def test_a_start_says_the_check_in_screen_is_shown_and_ends_without_asking(
    qapp: QApplication, dialogs: Any, quit_when_shown: None, capsys: Any, tmp_path: Path
):
    folder = DataFolder(tmp_path / "data")
    open_cafe_with_a_child_in_care(folder)

    assert run(LaunchOptions(folder=folder, lang="en")) == 0

    assert f"{SHOWN_MARKER}: checkin" in capsys.readouterr().out.splitlines()
    assert dialogs.questions == []  # "children are still in care, close anyway?" never asked
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]  # the app as it was found
    assert not Path(f"{folder.database}-wal").exists()  # the database was closed as after any run


def test_a_kiosk_start_says_the_kiosk_is_shown(
    qapp: QApplication, dialogs: Any, quit_when_shown: None, capsys: Any, tmp_path: Path
):
    folder = DataFolder(tmp_path / "data")
    open_cafe_with_a_child_in_care(folder, with_pin=True)

    assert run(LaunchOptions(folder=folder, lang="en", survey_kiosk=True)) == 0

    assert f"{SHOWN_MARKER}: survey-kiosk" in capsys.readouterr().out.splitlines()
    assert dialogs.questions == []
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]


def test_the_window_icon_has_every_size_drawn_for_it(qapp: QApplication):
    icon = application().windowIcon()

    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    for size in ICON_SIZES:
        image = QImage(str(ICONS / f"tsunagari-{size}.png"))
        assert image.size() == QSize(size, size)
        # A mark on a tile, not an empty square: the middle has the rings' colour.
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
