"""The one way to run slow work off the GUI thread (exports, labels, reports).

    run_in_background(lambda: render(...), on_done=show, on_error=complain)

The work function must not touch widgets; the callbacks run on the GUI
thread. Mirrors Anki's CollectionOp: screens never block on slow work.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread, never swallowed
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.done, result)

    @staticmethod
    def _report(signal: SignalInstance, value: object) -> None:
        # RuntimeError: the application is closing, there is no one left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_running: set[_Job] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    job = _Job(work)
    _running.add(job)  # keep the signals object alive until it reports

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        callback(value)

    job.signals.done.connect(lambda result: finish(on_done, result))
    job.signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(job)
