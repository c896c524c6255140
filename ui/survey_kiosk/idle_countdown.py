"""Notice when nobody has touched the screen for a while, then count down.

The kiosk starts over when a respondent walks away, so the next one never
sees her answers. After `idle_ms` without a touch, a key or typed text,
`countdown` is emitted once a tick with the seconds left; any touch during
it emits `resumed`; at zero, `expired`. The timings are parameters so tests
can run the whole thing in a few milliseconds of real Qt timers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class IdleCountdown(QObject):
    countdown = Signal(int)  # seconds left
    resumed = Signal()
    expired = Signal()

    def __init__(
        self,
        idle_ms: int,
        countdown_ticks: int = 15,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.countdown_ticks = countdown_ticks
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(idle_ms)
        self._quiet.timeout.connect(self._begin_countdown)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._count)
        self._left = 0
        self._watching = False

    @property
    def counting(self) -> bool:
        return self._tick.isActive()

    def start(self) -> None:
        """Watch from now on (again): the quiet time starts over."""
        if not self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self.poke()

    def stop(self) -> None:
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False
        self._quiet.stop()
        self._tick.stop()

    def poke(self) -> None:
        """Someone is there: hide any countdown and start the quiet time again."""
        if not self._watching:
            return
        if self._tick.isActive():
            self._tick.stop()
            self.resumed.emit()
        self._quiet.start()

    def _begin_countdown(self) -> None:
        self._left = self.countdown_ticks
        self.countdown.emit(self._left)
        self._tick.start()

    def _count(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.countdown.emit(self._left)
            return
        self._tick.stop()
        self.expired.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.poke()
        return False
