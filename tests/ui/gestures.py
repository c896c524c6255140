"""How a volunteer's hands reach a button: double clicks, quick taps, a held key.

`gestures` replaces the clock of the double-tap guard (ui/widgets/single_action.py)
with one the test moves by hand, so "she paused before the next visitor"
costs no real time and a held key can last a second without waiting for it.
The quick taps of the tests themselves stay real (qtbot.wait).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

KEY_TEXT = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r"}


class GestureClock:
    """The guard's monotonic clock, in seconds, moved only by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def pause(self) -> None:
        """The volunteer turns to the next visitor: far longer than any settle time."""
        self.advance(5.0)


@pytest.fixture
def gestures(monkeypatch: pytest.MonkeyPatch) -> GestureClock:
    from ui.widgets import single_action

    clock = GestureClock()
    monkeypatch.setattr(single_action, "monotonic", clock)
    return clock


def double_click(qtbot: Any, widget: QWidget) -> None:
    """A real double click, sent through the window as the window system sends it.

    Qt turns it into press, release, double-click, release: the button is
    clicked twice. (qtbot.mouseDClick on the widget itself sends the
    double-click event alone, which clicks no button at all in Qt 6.)
    """
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None, "the widget's window must be shown"
    at = widget.mapTo(top, widget.rect().center())
    qtbot.mouseDClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def click_twice(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def two_taps(qtbot: Any, widget: QWidget) -> None:
    """Two quick taps of a finger, 30 ms apart (a bounce, or an impatient second tap)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.wait(30)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


DOUBLE_TAPS: list[Callable[[Any, QWidget], None]] = [double_click, click_twice, two_taps]


def focused(widget: QWidget) -> QWidget:
    """Where the keyboard goes in the window of `widget`: its focus widget."""
    return widget.window().focusWidget() or widget


def press_key(widget: QWidget, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """The first press of a key (not yet a repeat)."""
    QTest.simulateEvent(widget, True, key, Qt.KeyboardModifier.NoModifier, KEY_TEXT[key], False)


def key_repeats(
    clock: GestureClock,
    fallback: QWidget,
    key: Qt.Key = Qt.Key.Key_Return,
    seconds: float = 1.5,
    every: float = 0.03,
) -> None:
    """The key is still held: auto-repeat events every 30 ms, then the release.

    Each goes to the widget that has the focus in the window of `fallback` at
    that moment (a dialog may have opened or closed since the first press).
    """
    text = KEY_TEXT[key]
    mods = Qt.KeyboardModifier.NoModifier
    for _ in range(round(seconds / every)):
        clock.advance(every)
        QTest.simulateEvent(focused(fallback), False, key, mods, text, True)
        QTest.simulateEvent(focused(fallback), True, key, mods, text, True)
    QTest.simulateEvent(focused(fallback), False, key, mods, text, False)


def hold_key(
    clock: GestureClock, widget: QWidget, key: Qt.Key = Qt.Key.Key_Return, seconds: float = 1.5
) -> None:
    """Press a key and keep it down for `seconds` (on the guard's clock)."""
    press_key(widget, key)
    key_repeats(clock, widget, key, seconds)
