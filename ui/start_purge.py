"""The retention purge at every start, with a word on screen when it takes a while.

Usually it takes milliseconds. The first purge that meets a file rewrites it
once (kiosk/care/data_files.py: text an older SQLite left in free space goes
too), which on a coordinator's file of a million visits takes half a minute.
So the purge runs off the GUI thread, and if it is not done within half a
second a small window says what is happening instead of a frozen start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from kiosk.care import retention
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from ui.background import run_in_background

log = logging.getLogger(__name__)
NOTE_AFTER_MS = 500


def purge_at_start(ctx: AppContext) -> None:
    """Erase what is past the retention period; returns when done, whatever happened."""
    loop = QEventLoop()
    note: list[QProgressDialog] = []

    def show_note() -> None:
        dialog = QProgressDialog(
            QCoreApplication.translate(
                "StartPurge",
                "Tidying the data files (personal details past the retention period)…\n"
                "The first time this can take a minute.",
            ),
            "",
            0,
            0,
        )
        dialog.setWindowTitle("Tsunagari")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        note.append(dialog)

    def finished(_result: object) -> None:
        loop.quit()

    def failed(exc: BaseException) -> None:
        if isinstance(exc, KioskError):
            log.warning("retention purge at start failed: %s", exc.code)
        else:
            log.error("retention purge at start failed: %s", type(exc).__name__)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_note)
    timer.start(NOTE_AFTER_MS)
    run_in_background(lambda: retention.purge(ctx, trigger="start"), finished, failed)
    loop.exec()
    timer.stop()
    for dialog in note:
        dialog.close()
        dialog.deleteLater()
