"""Accessibility as a screen-reader or keyboard user meets it.

Every control on every screen (and in the main dialogs) says its name; the
check-in form is crossed with Tab one answer row at a time, and a visitor
can be checked in from the keyboard alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.door import checkin
from kiosk.workshops import catalogue
from tests.conftest import JST
from ui.accessible_names import field_name, install_accessible_names, is_control, says_something
from ui.app import AppShell, load_look
from ui.dialogs.paper_day_dialog import PaperDayDialog
from ui.dialogs.pin_dialogs import SetPinDialog
from ui.dialogs.setup_dialog import SetupDialog
from ui.dialogs.signup_dialog import SignupDialog
from ui.dialogs.slot_dialog import AddSlotDialog
from ui.dialogs.venue_dialog import VenueDialog
from ui.main_window import SCREENS, MainWindow

TODAY = date(2026, 11, 22)
ROW = 12  # px: widgets this close in height stand in one row (a default button is taller)
NOW = datetime(2026, 11, 22, 11, 45, tzinfo=JST)


@pytest.fixture
def demo_ctx(tmp_path: Path) -> Iterator[AppContext]:
    folder = DataFolder(tmp_path / "demo")
    build_demo(folder, seed=7, days=30, today=TODAY, tz=JST)
    opened = open_database(folder=folder)
    try:
        yield replace(opened, clock=lambda: NOW)
    finally:
        opened.close()


@contextmanager
def main_window(qtbot: Any, qapp: QApplication, ctx: AppContext, lang: str) -> Iterator[MainWindow]:
    """The main window on `ctx`, shown at a laptop's size; no translator of ours stays after."""
    load_look(qapp)
    shell = AppShell(qapp, ctx, lang)
    shell.state.reload()
    window = shell.build_window()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.close_without_asking()
        shell.translation.use("en")


@pytest.fixture(params=["ja", "en"])
def demo_window(
    request: pytest.FixtureRequest,
    qtbot: Any,
    qapp: QApplication,
    demo_ctx: AppContext,
    dialogs: Any,
) -> Iterator[MainWindow]:
    """The main window on a month of demo data, in each language."""
    with main_window(qtbot, qapp, demo_ctx, request.param) as window:
        yield window


def unnamed(root: QWidget) -> list[str]:
    """Every visible control under `root` that a screen reader could not name."""
    return [
        f"{type(w).__name__} {w.objectName() or ''} in {type(w.parentWidget()).__name__}: "
        f"{field_name(w)!r}"
        for w in root.findChildren(QWidget)
        if is_control(w) and w.isVisible() and not says_something(field_name(w))
    ]


def test_every_control_on_every_screen_has_a_name(qtbot: Any, demo_window: MainWindow) -> None:
    window = demo_window
    window.checkin.form.child_rows.add_child()  # a child row's fields too
    missing: dict[str, list[str]] = {}
    walked = 0
    for index, name in enumerate(SCREENS):
        window.show_screen(index)
        qtbot.wait(10)
        page = window.pages.currentWidget()
        walked += sum(1 for w in page.findChildren(QWidget) if is_control(w) and w.isVisible())
        gaps = unnamed(window)
        if gaps:
            missing[name] = gaps
    assert walked > 150  # the walk really met the screens' controls
    assert missing == {}


def test_a_field_takes_its_name_from_what_the_screen_shows(qtbot: Any, qapp: QApplication) -> None:
    """The filter reads the name off the screen when a field is first shown: the label
    in its grid row (live, as the buddy), a placeholder, a tooltip for a symbol
    button; never a hint; never over a name given in code."""
    install_accessible_names(qapp)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    grid = QGridLayout(dialog)
    row_label = QLabel("Venue name", dialog)
    labelled = QLineEdit(dialog)
    hint = QLabel("Shown on the tally", dialog)
    hint.setProperty("role", "hint")
    hinted = QLineEdit(dialog)
    hinted.setPlaceholderText("e.g. Station Front Salon")
    cross = QPushButton("✕", dialog)
    cross.setToolTip("Remove this child")
    given = QLineEdit(dialog)
    given.setPlaceholderText("placeholder")
    given.setAccessibleName("Given name")
    for row, (left, right) in enumerate(((row_label, labelled), (hint, hinted))):
        grid.addWidget(left, row, 0)
        grid.addWidget(right, row, 1)
    grid.addWidget(cross, 2, 1)
    grid.addWidget(given, 3, 1)
    assert [field_name(w) for w in (labelled, hinted, cross)] == ["", "", "✕"]
    dialog.show()
    qtbot.waitExposed(dialog)
    assert field_name(labelled) == "Venue name"
    row_label.setText("Name of the venue")
    assert field_name(labelled) == "Name of the venue"  # follows the label
    assert field_name(hinted) == "e.g. Station Front Salon"
    assert field_name(cross) == "Remove this child"
    assert field_name(given) == "Given name"


def main_dialogs(window: MainWindow, fresh: AppContext) -> list[QDialog]:
    state = window.state
    ctx = state.ctx
    assert state.today_event is not None
    visit = checkin.visits_of_event(ctx, state.today_event.id)[0]
    return [
        SetupDialog(fresh, state.lang),
        VenueDialog(state, window),
        AddSlotDialog(state, catalogue.list_workshops(ctx), window),
        SignupDialog(state, visit, window),
        SetPinDialog(ctx, state.lang, window),
        PaperDayDialog(state, parent=window),
    ]


def tab_cycle(qtbot: Any, dialog: QDialog) -> list[QWidget]:
    """Every stop of the dialog's Tab cycle once, from its topmost, leftmost stop."""
    stops: list[QWidget] = []
    for _ in range(60):
        focus = QApplication.focusWidget()
        assert focus is not None and dialog.isAncestorOf(focus)
        if focus in stops:
            break
        stops.append(focus)
        for _section in range(6):  # in a date or time field Tab first steps through its parts
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is not focus:
                break
    top = min(place(dialog, w).y() for w in stops)
    first_row = [w for w in stops if place(dialog, w).y() <= top + ROW]  # fields a pixel apart
    first = min(first_row, key=lambda w: place(dialog, w).x())
    at = stops.index(first)
    return stops[at:] + stops[:at]


def place(dialog: QDialog, widget: QWidget) -> QPoint:
    return widget.mapTo(dialog, QPoint(0, 0))


def test_the_main_dialogs_name_every_control_and_tab_in_reading_order(
    qtbot: Any, qapp: QApplication, demo_ctx: AppContext, dialogs: Any, tmp_path: Path
) -> None:
    fresh = open_database(folder=DataFolder(tmp_path / "fresh"))
    try:
        with main_window(qtbot, qapp, demo_ctx, "ja") as window:
            for dialog in main_dialogs(window, fresh):
                name = type(dialog).__name__
                qtbot.addWidget(dialog)
                dialog.show()
                dialog.activateWindow()
                qtbot.waitExposed(dialog)
                qtbot.waitUntil(lambda d=dialog: d.isAncestorOf(QApplication.focusWidget()))
                assert unnamed(dialog) == [], name
                stops = tab_cycle(qtbot, dialog)
                assert len(stops) >= 3, name
                for before, after in pairwise(stops):
                    a, b = place(dialog, before), place(dialog, after)
                    same_row = abs(b.y() - a.y()) <= ROW
                    # down the dialog, and left to right along a row
                    assert b.y() > a.y() - ROW and (b.x() >= a.x() or not same_row), (
                        f"{name}: Tab goes back from {field_name(before)!r} to {field_name(after)!r}"
                    )
                dialog.reject()
    finally:
        fresh.close()


# -- the keyboard alone ----------------------------------------------------------------


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QWidget:
    """A key to whatever has the focus now, as the keyboard delivers it; the focus after."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)
    qtbot.wait(1)
    after = QApplication.focusWidget()
    assert after is not None
    return after


def tab_to(qtbot: Any, wanted: QWidget, most: int = 40) -> int:
    """Tab until `wanted` has the focus; how many presses it took."""
    for presses in range(most + 1):
        if QApplication.focusWidget() is wanted:
            return presses
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(wanted).__name__} {field_name(wanted)!r}")


def open_day_from_keyboard(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    window.nav_buttons[0].setFocus()
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.state.open_event is not None


def test_tab_crosses_the_check_in_form_one_answer_row_at_a_time(
    qtbot: Any, window: MainWindow
) -> None:
    open_day_from_keyboard(qtbot, window)
    screen = window.checkin
    form = screen.form
    tab_to(qtbot, form.nickname)
    stops = [press(qtbot, Qt.Key.Key_Tab) for _ in range(10)]
    rows = (form.age, form.residence, form.first_visit, form.consultation, form.heard_from)
    assert [stop.parentWidget() for stop in stops[:5]] == list(rows)
    assert form.residence.button("resident") is stops[1]  # the row's chosen answer
    actions = [
        form.child_rows.add_button,
        screen.clear_button,
        screen.count_only_button,
        screen.workshops_button,  # shown only on a day with workshops
        screen.submit_button,
    ]
    shown = [button for button in actions if button.isVisible() and button.isEnabled()]
    assert len(shown) >= 4
    assert stops[5 : 5 + len(shown)] == shown  # left to right, 受付する last


def test_a_check_in_from_the_keyboard_alone(qtbot: Any, window: MainWindow) -> None:
    open_day_from_keyboard(qtbot, window)
    form = window.checkin.form
    tab_to(qtbot, form.nickname)
    qtbot.keyClicks(form.nickname, "hana")
    focus = press(qtbot, Qt.Key.Key_Tab)  # the age row
    assert focus.parentWidget() is form.age
    for _ in range(12):  # along the row with the arrow keys to 30s
        if focus is form.age.button("30s"):
            break
        focus = press(qtbot, Qt.Key.Key_Right)
    assert focus is form.age.button("30s")
    press(qtbot, Qt.Key.Key_Space)
    focus = press(qtbot, Qt.Key.Key_Tab)  # lives: in the city, already chosen
    assert focus is form.residence.button("resident")
    focus = press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    assert form.residence.value() == focus.property("code") != "resident"
    press(qtbot, Qt.Key.Key_Return)

    visits = checkin.visits_of_event(window.state.ctx, window.state.open_event.id)
    assert len(visits) == 1
    assert (visits[0].age_band, visits[0].residence) == ("30s", focus.property("code"))
    assert visits[0].nickname == "hana"
    assert form.age.value() is None  # a blank form for the next visitor
