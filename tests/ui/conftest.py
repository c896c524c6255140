"""Widgets under test: the real main window on a temporary database.

Modal boxes are answered by fixtures (they would block a headless run);
everything else is clicked and typed the way a volunteer does it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kiosk.core.context import AppContext
from tests.ui.gestures import GestureClock, gestures  # noqa: F401  (a fixture for every screen test)
from ui.app import AppShell, load_look
from ui.dialogs import pickup_dialog, verb_question
from ui.main_window import MainWindow


@dataclass
class Dialogs:
    """What modal boxes were shown, and how the 'user' answers them."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pickup_codes: list[list[str]] = field(default_factory=list)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    seen = Dialogs()

    def question(_parent: Any, _title: str, text: str, *args: Any, **kw: Any) -> Any:
        seen.questions.append(text)
        return seen.answer

    def note(_parent: Any, _title: str, text: str, *args: Any, **kw: Any) -> Any:
        seen.notes.append(text)
        return QMessageBox.StandardButton.Ok

    def ask(_parent: Any, _title: str, text: str, *args: Any, **kw: Any) -> bool:
        seen.questions.append(text)  # a question with verbs on its buttons: Yes = do it
        return seen.answer == QMessageBox.StandardButton.Yes

    def show_codes(dialog: QDialog) -> int:
        seen.pickup_codes.append([label.text() for label in dialog.code_labels])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", note)
    monkeypatch.setattr(QMessageBox, "warning", note)
    monkeypatch.setattr(QMessageBox, "critical", note)
    monkeypatch.setattr(verb_question, "ask", ask)
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
