"""Print pickup labels: a small PDF from kiosk.door.pickup_label, opened for printing."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.door.childcare import ChildInfo
from ui.background import run_in_background
from ui.dialogs import app_dialog
from ui.door_state import DoorState


def labels_folder(state: DoorState) -> Path:
    base = state.ctx.files_dir or Path(tempfile.gettempdir()) / "tsunagari"
    return base / "labels"


def label_path(state: DoorState, children: Sequence[ChildInfo]) -> Path:
    """Named by check-in number and child, never by code: a folder listing is read too."""
    first = children[0]
    day = state.ctx.today().isoformat()
    return labels_folder(state) / f"pickup-{day}-no{first.visit_number}-{first.id[:8]}.pdf"


def print_labels(parent: QWidget, state: DoorState, children: Sequence[ChildInfo]) -> None:
    """Render off the GUI thread, then open the PDF in the system viewer to print."""
    if not children or state.venue is None:
        return
    venue = state.venue.name
    day = state.ctx.today()
    target = label_path(state, children)
    lang = state.lang

    def work() -> Path:
        from kiosk.door.pickup_label import (  # ReportLab, when first needed
            render_labels,
            write_labels,
        )

        target.parent.mkdir(parents=True, exist_ok=True)
        return write_labels(render_labels(list(children), venue, day, lang), target)

    def done(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(exc: BaseException) -> None:
        error = (
            exc
            if isinstance(exc, KioskError)
            else KioskError("label_write_failed", path=str(target))
        )
        title = QCoreApplication.translate("LabelPrinting", "Pickup label")
        app_dialog.tell(parent, title, describe(error, lang), kind="warning")

    run_in_background(work, done, failed)
