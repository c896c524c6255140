"""After a save, only the screen in front is redrawn; hidden ones catch up when shown.

Counted as a volunteer meets it: every screen opened once from the sidebar,
then check-ins at the door through the window. Each screen's refresh is
wrapped before the window is built, so the counts are of real redraws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ui.main_window import SCREENS, MainWindow
from ui.screens.checkin_screen import CheckInScreen
from ui.screens.childcare_screen import ChildcareScreen
from ui.screens.consultations_screen import ConsultationsScreen
from ui.screens.settings_screen import SettingsScreen
from ui.screens.survey_screen import SurveyScreen
from ui.screens.tally_screen import TallyScreen
from ui.screens.workshops_screen import WorkshopsScreen

# The method each screen's change notice calls.
REFRESHED_BY = {
    "checkin": (CheckInScreen, "refresh"),
    "childcare": (ChildcareScreen, "refresh"),
    "workshops": (WorkshopsScreen, "refresh"),
    "consultations": (ConsultationsScreen, "_state_changed"),
    "survey": (SurveyScreen, "refresh"),
    "tally": (TallyScreen, "_state_changed"),
    "settings": (SettingsScreen, "refresh"),
}


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def refreshes(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()

    def counting(name: str, original: Callable[..., None]) -> Callable[..., None]:
        def wrapped(self: Any, *args: Any) -> None:
            counts[name] += 1
            original(self, *args)

        return wrapped

    for name, (cls, method) in REFRESHED_BY.items():
        monkeypatch.setattr(cls, method, counting(name, getattr(cls, method)))
    return counts


@pytest.fixture
def counted(refreshes: Counter[str], window: MainWindow) -> MainWindow:
    """The window, built after the refreshes are wrapped (fixtures run in this order)."""
    return window


def go_to(qtbot: Any, window: MainWindow, name: str) -> None:
    click(qtbot, window.nav_buttons[SCREENS.index(name)])
    assert window.pages.currentIndex() == SCREENS.index(name)


def check_in(qtbot: Any, window: MainWindow, age: str) -> None:
    form = window.checkin.form
    click(qtbot, form.age.button(age))
    click(qtbot, window.checkin.submit_button)
    assert "No." in window.checkin.banner.text()


def test_a_check_in_redraws_the_door_and_the_counters_only(qtbot, refreshes, counted, gestures):
    window = counted
    click(qtbot, window.header.event_button)  # open the day
    for name in SCREENS:  # every screen opened once, as over a morning
        go_to(qtbot, window, name)
    go_to(qtbot, window, "checkin")
    refreshes.clear()

    check_in(qtbot, window, "30s")
    gestures.pause()  # the next visitor
    check_in(qtbot, window, "40s")

    assert window.header.visits.value.text() == "2"  # the header always follows
    assert window.checkin.visit_list.count() == 2
    assert refreshes == Counter({"checkin": 2})  # no hidden screen was redrawn

    go_to(qtbot, window, "tally")  # shown: it catches up once, not once per check-in
    assert refreshes["tally"] == 1
    assert window.tally.value("visits", "total") == "2"
    go_to(qtbot, window, "tally")  # shown again, nothing new: no redraw
    assert refreshes["tally"] == 1

    go_to(qtbot, window, "childcare")
    go_to(qtbot, window, "workshops")
    assert refreshes["childcare"] == 1 and refreshes["workshops"] == 1
    # A check-in is none of these screens' business: shown as they were. (The
    # questionnaire screen reads its answers at every showing: the tablet's come
    # in without a notice.)
    for name in ("consultations", "settings"):
        go_to(qtbot, window, name)
        assert refreshes[name] == 0, name


def test_the_screen_in_front_is_redrawn_at_once(qtbot, refreshes, counted):
    window = counted
    go_to(qtbot, window, "tally")
    refreshes.clear()
    click(qtbot, window.header.event_button)  # the day opened while the tally is in front
    assert refreshes["tally"] == 1 and refreshes["checkin"] == 0
    assert window.checkin.pages.currentIndex() == 1  # still the "not open" page, unseen
    go_to(qtbot, window, "checkin")
    assert refreshes["checkin"] == 1
    assert window.checkin.pages.currentIndex() == 0  # the form, now the day is open
