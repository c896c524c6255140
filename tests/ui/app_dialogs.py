"""Answering the app's own dialogs (ui/dialogs/app_dialog.py) in tests.

`Answer` is what the `dialogs` fixture answers every box with: Yes presses
the box's action (its primary button, else its first verb that is not the
safe one), No presses the safe answer, as Escape would. `when_modal_opens`
lets a test click the real box: the box runs its own event loop, so the
test's hand is scheduled to act once it is up.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Answer(Enum):
    Yes = "the action"
    No = "the safe answer"


def when_modal_opens(qtbot: Any, act: Callable[[QWidget], None], *, within_ms: int = 5000) -> None:
    """Run `act(box)` on the next modal window, as soon as it is shown."""
    timer = QTimer(QApplication.instance())  # owned by the app: lives until it fires
    timer.setInterval(10)
    waited = {"ms": 0}

    def look() -> None:
        box = QApplication.activeModalWidget()
        waited["ms"] += 10
        if box is not None and box.isVisible():
            timer.stop()
            timer.deleteLater()
            act(box)
        elif waited["ms"] > within_ms:
            timer.stop()
            timer.deleteLater()

    timer.timeout.connect(look)
    timer.start()
