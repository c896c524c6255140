"""The one way to run slow work off the GUI thread (exports, labels, reports).

    run_in_background(lambda: render(...), on_done=show, on_error=complain)
    run_with_progress(lambda report: work(report), on_progress=bar, on_done=..., on_error=...)

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
    progress = Signal(int, int)


Report = Callable[[int, int], None]  # done, of total: safe to call from the worker


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def report(self, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):
            self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self.report)
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
    _start(_Job(lambda _report: work()), on_done, on_error)


def run_with_progress(
    work: Callable[[Report], Any],
    on_progress: Callable[[int, int], None],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Like run_in_background; `work` gets a `report(done, total)` that updates the screen."""
    job = _Job(work)
    job.signals.progress.connect(on_progress)
    _start(job, on_done, on_error)


def _start(
    job: _Job, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
) -> None:
    _running.add(job)  # keep the signals object alive until it reports

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        callback(value)

    job.signals.done.connect(lambda result: finish(on_done, result))
    job.signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(job)
