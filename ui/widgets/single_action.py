"""One gesture, one action: a double click, a held key or two quick taps run an action once.

At the door a finger bounces on a touch screen, a mouse double-clicks out of
habit, Enter stays down a moment too long. Each sends the action again: a
second visit, a toggle undone, or, at best, the answer to an empty form that
replaces 「受付しました：No. 11」 so the volunteer believes it failed and checks
her in again. Services are idempotent where they can be (a check-in's request
id), but only the screen knows what one gesture is.

So every action button at the door, with its keys, goes through one
`SingleAction`:

- while the action runs (a modal question inside it runs the event loop), a
  trigger is ignored;
- after it completes, triggers are swallowed for a settle time: the
  desktop's double-click interval, at least half a second. Each swallowed
  trigger starts the settle time again, so a burst of taps stays one action;
- a shortcut never fires on the auto-repeat of a held key, and a line edit's
  Enter neither.

The clock is `monotonic`, read through this module so tests can move it.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit

MIN_SETTLE_MS = 500  # a stressed volunteer's second tap comes later than a mouse's
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def settle_ms() -> int:
    """How long after an action a repeat of it is still the same gesture."""
    return max(MIN_SETTLE_MS, QGuiApplication.styleHints().mouseDoubleClickInterval())


class SingleAction(QObject):
    """A gate for one action and every button and key that asks for it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._running = False
        self._quiet_until = float("-inf")

    # -- the gate --------------------------------------------------------------

    def run(self, action: Callable[[], object]) -> bool:
        """Run `action` unless this is a repeat of the last gesture; True if it ran."""
        if self._running:
            return False
        now = monotonic()
        if now < self._quiet_until:
            self._quiet_until = now + settle_ms() / 1000  # the burst goes on
            return False
        self._running = True
        try:
            action()
        finally:
            self._running = False
            self.hold()
        return True

    def hold(self) -> None:
        """Swallow triggers for the settle time from now.

        After every run; also for a dialog that has just opened under a finger
        or a key that is still down, so that the press which opened it does
        not close it at once.
        """
        self._quiet_until = monotonic() + settle_ms() / 1000

    def wrap(self, action: Callable[[], object]) -> Callable[..., None]:
        """A slot for any signal (its arguments, such as `checked`, are dropped)."""

        def triggered(*_args: object) -> None:
            self.run(action)

        return triggered

    # -- what triggers it ------------------------------------------------------

    def on_button(self, button: QAbstractButton, action: Callable[[], object]) -> None:
        button.clicked.connect(self.wrap(action))

    def on_shortcut(self, shortcut: QShortcut, action: Callable[[], object]) -> None:
        shortcut.setAutoRepeat(False)  # a held key is one press
        shortcut.activated.connect(self.wrap(action))

    def on_return(self, entry: QLineEdit, action: Callable[[], object]) -> None:
        """Enter in a line edit; the auto-repeat of a held Enter is dropped before it."""
        entry.returnPressed.connect(self.wrap(action))
        entry.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.isAutoRepeat()
            and event.key() in ENTER_KEYS
        ):
            return True
        return super().eventFilter(watched, event)
