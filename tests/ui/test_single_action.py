"""One gesture, one action: the guard every action button at the door goes through."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from tests.ui.gestures import DOUBLE_TAPS, hold_key
from ui.widgets.single_action import SingleAction, settle_ms


class Panel(QWidget):
    """A button, a line edit and an Enter shortcut, all doing one counted action."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.button = QPushButton("go", self)
        self.entry = QLineEdit(self)
        self.other = QPushButton("other", self)
        layout.addWidget(self.button)
        layout.addWidget(self.entry)
        layout.addWidget(self.other)
        self.runs = 0
        self.clicks = 0  # what the button itself says, guard or not
        self.button.clicked.connect(self._clicked)
        self.also = None  # something the action does besides counting
        self.once = SingleAction(self)
        self.once.on_button(self.button, self.act)
        self.once.on_return(self.entry, self.act)
        self.once.on_shortcut(QShortcut(QKeySequence("Ctrl+Return"), self), self.act)

    def _clicked(self) -> None:
        self.clicks += 1

    def act(self) -> None:
        self.runs += 1
        if self.also is not None:
            self.also()


@pytest.fixture
def panel(qtbot) -> Panel:
    widget = Panel()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("gesture", DOUBLE_TAPS)
def test_a_double_tap_runs_the_action_once(qtbot, panel, gesture):
    gesture(qtbot, panel.button)
    assert panel.clicks == 2  # the button did see two clicks
    assert panel.runs == 1


def test_after_the_settle_time_it_runs_again(qtbot, panel, gestures):
    click(qtbot, panel.button)
    gestures.advance(settle_ms() / 1000 + 0.01)
    click(qtbot, panel.button)
    assert panel.runs == 2


def test_each_swallowed_repeat_restarts_the_settle_time(qtbot, panel, gestures):
    """Taps 0.4 s apart are one burst; the first tap after a real pause runs."""
    click(qtbot, panel.button)
    for _ in range(4):
        gestures.advance(0.4)
        click(qtbot, panel.button)
    assert panel.runs == 1
    gestures.advance(settle_ms() / 1000 + 0.01)
    click(qtbot, panel.button)
    assert panel.runs == 2


def test_the_settle_time_counts_from_the_end_of_the_action(qtbot, panel, gestures):
    """A slow action (a save, a question) must not use up the settle time."""
    panel.also = lambda: gestures.advance(3.0)
    click(qtbot, panel.button)
    gestures.advance(0.1)
    click(qtbot, panel.button)
    assert panel.runs == 1


def test_one_guard_for_button_and_keys(qtbot, panel, gestures):
    """A click then Enter in the field: the same action, so one run."""
    click(qtbot, panel.button)
    panel.entry.setFocus()
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.runs == 1


def test_a_held_enter_in_the_field_runs_once(qtbot, panel, gestures):
    panel.entry.setFocus()
    hold_key(gestures, panel.entry, seconds=2.0)
    assert panel.runs == 1


def test_a_held_shortcut_runs_once(qtbot, panel, gestures):
    from PySide6.QtTest import QTest

    panel.other.setFocus()
    mods = Qt.KeyboardModifier.ControlModifier
    QTest.simulateEvent(panel.other, True, Qt.Key.Key_Return, mods, "\r", False)
    for _ in range(60):
        gestures.advance(0.03)
        QTest.simulateEvent(panel.other, True, Qt.Key.Key_Return, mods, "\r", True)
    assert panel.runs == 1


def test_a_trigger_while_the_action_runs_is_ignored(qtbot, panel, gestures):
    """A modal question inside the action runs the event loop: a click may arrive."""
    panel.also = lambda: panel.button.click() if panel.runs < 5 else None
    click(qtbot, panel.button)
    assert panel.runs == 1


def test_an_error_in_the_action_does_not_lock_the_button(qtbot, panel, gestures):
    def fail() -> None:
        raise RuntimeError("boom")

    panel.also = fail
    with qtbot.capture_exceptions() as raised:
        click(qtbot, panel.button)
    assert len(raised) == 1
    panel.also = None
    gestures.pause()
    click(qtbot, panel.button)
    assert panel.runs == 2


def test_hold_swallows_from_now(qtbot, panel, gestures):
    """A dialog that just opened under a finger still on the key holds its button."""
    panel.once.hold()
    click(qtbot, panel.button)
    assert panel.runs == 0
    gestures.pause()
    click(qtbot, panel.button)
    assert panel.runs == 1


def test_the_settle_time_is_a_double_click_interval_at_least_half_a_second(qapp):
    interval = QGuiApplication.styleHints().mouseDoubleClickInterval()
    assert settle_ms() >= max(500, interval)
