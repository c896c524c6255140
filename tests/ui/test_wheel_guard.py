"""The mouse wheel scrolls the page and changes no setting it passes over.

Scrolling Settings with the wheel used to step 「年度 4月始まり」 and save
it, and the questionnaire's idle seconds with it. Here real wheel events
go to every combo box and spin box of every screen (and a dialog): no
value moves, nothing is saved, and the page beneath scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QScrollBar,
    QWidget,
)

from kiosk.core import fiscal_year
from kiosk.door import events
from kiosk.survey import responses
from ui.app import AppShell
from ui.dialogs.paper_day_dialog import PaperDayDialog
from ui.main_window import SCREENS
from ui.settings.survey_settings import SurveySettingsCard
from ui.widgets.wheel_guard import WheelGuard, install_wheel_guard, value_field

NOTCH = 120  # one click of a wheel, in eighths of a degree


def wheel(widget: QWidget, notches: int) -> None:
    """A wheel turned over the middle of `widget` (positive: away from the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, NOTCH * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def fields(root: QWidget) -> list[QWidget]:
    """Every enabled combo box, spin box (dates too) and slider under `root`."""
    found: list[QWidget] = []
    for kind in (QComboBox, QAbstractSpinBox, QAbstractSlider):
        for widget in root.findChildren(kind):
            if not isinstance(widget, QScrollBar) and widget.isEnabled():
                found.append(widget)
    return found


def value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


def wheel_over_all(root: QWidget) -> list[str]:
    """Turn the wheel both ways over each field; the fields whose value moved."""
    moved = []
    for widget in fields(root):
        before = value(widget)
        for notches in (-3, 3, 1, -1):
            wheel(widget, notches)
        if value(widget) != before:
            moved.append(f"{type(widget).__name__} {widget.objectName()} {before!r}")
    return moved


def test_no_field_on_any_screen_changes_by_the_wheel(qtbot, window, ctx, venue, db_state):
    events.open_event(ctx, venue.id)
    window.state.notify()
    for index in range(len(SCREENS)):  # first shows do their own saving (a questionnaire
        window.show_screen(index)  # definition is stored when staff open its screen)
    before = db_state()
    seen: list[QWidget] = []
    moved: list[str] = []
    for index, name in enumerate(SCREENS):
        window.show_screen(index)
        screen = window.screen_named(name)
        seen += fields(screen)
        moved += [f"{name}: {m}" for m in wheel_over_all(screen)]
    moved += [f"header: {m}" for m in wheel_over_all(window.header)]
    assert moved == []
    assert db_state() == before  # nothing was saved
    assert fiscal_year.start_month(ctx) == 4
    [card] = window.settings.findChildren(SurveySettingsCard)
    assert window.settings.fiscal_start in seen and card.idle in seen
    assert len(seen) >= 10, "the walk reached the screens' fields"


def test_a_dialogs_fields_do_not_change_by_the_wheel_either(qtbot, window, monkeypatch):
    moved: list[str] = []

    def look(dialog: PaperDayDialog) -> int:
        assert fields(dialog)
        moved.extend(wheel_over_all(dialog))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PaperDayDialog, "exec", look)
    window.show_widget(window.tally)
    qtbot.mouseClick(window.tally.paper_button, Qt.MouseButton.LeftButton)
    assert moved == []


def test_the_wheel_over_the_fiscal_year_box_scrolls_settings(qtbot, window, ctx):
    screen = window.settings
    window.show_widget(screen)
    box = screen.fiscal_start
    area = box.parentWidget()
    while not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    wheel(box, -2)  # towards the user: down the page
    assert bar.value() > 0
    assert box.value() == 4 and fiscal_year.start_month(ctx) == 4
    assert "保存" not in screen.banner.text()


def test_without_the_guard_these_wheel_events_would_change_and_save(qtbot, window, ctx, qapp):
    """The events above are real: with the guard taken out they do what the issue saw."""
    screen = window.settings
    window.show_widget(screen)
    guard = install_wheel_guard(qapp)
    qapp.removeEventFilter(guard)
    try:
        wheel(screen.fiscal_start, 1)
        [card] = screen.findChildren(SurveySettingsCard)
        idle = card.idle.value()
        wheel(card.idle, 1)
        assert card.idle.value() != idle
    finally:
        qapp.installEventFilter(guard)
    assert fiscal_year.start_month(ctx) == 5  # stepped and saved
    assert responses.idle_seconds(ctx) == idle  # the idle box saves only on Save


def test_the_app_installs_the_guard_once(qapp, ctx, shell):
    for guard in qapp.findChildren(WheelGuard):  # left by earlier tests in this process
        qapp.removeEventFilter(guard)
        guard.setParent(None)
    again = AppShell(qapp, ctx, "ja")
    again.translation.use("en")
    assert len(qapp.findChildren(WheelGuard)) == 1
    AppShell(qapp, ctx, "en")  # a second shell (a restored database) adds none
    assert len(qapp.findChildren(WheelGuard)) == 1


def test_what_counts_as_a_field(qtbot, window):
    screen = window.settings
    window.show_widget(screen)
    box = screen.fiscal_start
    assert value_field(box.lineEdit()) is box  # the text field belongs to its spin box
    [combo] = [w for w in fields(screen) if isinstance(w, QComboBox)][:1]
    assert value_field(combo) is combo
    assert value_field(combo.view()) is None  # an open list still scrolls
    assert value_field(screen.findChild(QScrollBar)) is None
