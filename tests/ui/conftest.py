"""Widgets under test: the real main window on a temporary database.

Modal boxes are answered by fixtures (they would block a headless run);
everything else is clicked and typed the way a volunteer does it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from kiosk.core.context import AppContext
from tests.ui.app_dialogs import Answer
from tests.ui.gestures import GestureClock, gestures  # noqa: F401  (a fixture for every screen test)
from ui.app import AppShell, load_look
from ui.dialogs import pickup_dialog
from ui.dialogs.app_dialog import AppDialog
from ui.main_window import MainWindow


@dataclass
class Dialogs:
    """What the app's boxes said, and how the 'user' answers them (tests/ui/app_dialogs.py)."""

    answer: Answer = Answer.Yes
    pick: str | None = None  # the key of one verb to press, in a box of several
    typed: list[str] = field(default_factory=list)  # typed, in turn, into boxes with a field
    found_in_fields: list[str] = field(default_factory=list)  # what each field held when shown
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    verbs: list[list[str]] = field(default_factory=list)  # each box's buttons
    pickup_codes: list[list[str]] = field(default_factory=list)


def typed_into(entry: QWidget, text: str) -> None:
    """Replace the field's text as her keyboard would (an input method commits whole words)."""
    line = entry if isinstance(entry, QLineEdit) else entry.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    line.insert(text)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    seen = Dialogs()

    def answer(box: AppDialog) -> int:
        """Press one of the box's own buttons, the way a tap would."""
        seen.verbs.append([b.text() for b in box.buttons.values()])
        if isinstance(box.field, QLineEdit):
            seen.found_in_fields.append(box.field.text())
        if box.field is not None and seen.typed:
            typed_into(box.field, seen.typed.pop(0))
        if len(box.buttons) == 1:
            seen.notes.append(box.message.text())
            key = box.safe
        else:
            seen.questions.append(box.message.text())
            others = [c for c in box.choices if c.key != box.safe]
            action = next((c for c in others if c.role == "primary"), others[0])
            if seen.pick in box.buttons:
                key = seen.pick
            else:
                key = action.key if seen.answer is Answer.Yes else box.safe
        box.buttons[key].click()
        return box.result()

    def show_codes(dialog: QDialog) -> int:
        seen.pickup_codes.append([label.text() for label in dialog.code_labels])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AppDialog, "exec", answer)
    monkeypatch.setattr(pickup_dialog.PickupCodesDialog, "exec", show_codes)
    return seen


@pytest.fixture
def shell(qapp: QApplication, ctx: AppContext, dialogs: Dialogs) -> Iterator[AppShell]:
    load_look(qapp)
    app_shell = AppShell(qapp, ctx, "ja")
    yield app_shell
    app_shell.translation.use("en")


@pytest.fixture
def window(qtbot: Any, shell: AppShell, venue: Any) -> MainWindow:
    shell.state.reload()
    win = shell.build_window()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def gesture_clock(gestures: GestureClock) -> GestureClock:  # noqa: F811
    """Every screen test runs the one-action guard on the test's clock, never the real one:
    on a loaded machine two taps 30 ms apart could otherwise arrive after the settle time."""
    return gestures
