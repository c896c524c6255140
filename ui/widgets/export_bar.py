"""The export controls every report screen shares: encoding, CSV and PDF buttons,
and one way to ask for a path and write the file off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from kiosk.core.errors import KioskError
from ui.background import run_in_background
from ui.widgets.error_display import message_for, set_banner


class ExportBar(QWidget):
    requested = Signal(str)  # "csv" or "pdf"

    def __init__(
        self, banner: QLabel, lang: str, with_long: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self.lang = lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.encoding = QComboBox(self)
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.addItem(self.tr("CSV: UTF-8 (Excel)"), "utf-8-sig")
        self.encoding.addItem(self.tr("CSV: Shift_JIS"), "cp932")
        self.long = QCheckBox(self.tr("one row per figure"), self)
        self.long.setVisible(with_long)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.setProperty("role", "primary")
        for button, fmt in ((self.csv_button, "csv"), (self.pdf_button, "pdf")):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, f=fmt: self.requested.emit(f))
        for widget in (self.encoding, self.long, self.csv_button, self.pdf_button):
            widget.ensurePolished()
            widget.setMinimumWidth(widget.sizeHint().width())  # never squeezed into "CSV："
            layout.addWidget(widget)

    def run(self, fmt: str, suggested: Path, write: Callable[[Path], object]) -> None:
        """Ask where, then write in the background and say where it went (or why not)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(suggested), f"{fmt.upper()} (*.{fmt})"
        )
        if not path:
            return
        target = Path(path)
        self._busy(True)
        set_banner(self.banner, self.tr("Exporting…"), "info")

        def done(_result: object) -> None:
            self._busy(False)
            set_banner(self.banner, self.tr("Saved: %1").replace("%1", str(target)), "ok")

        def failed(exc: BaseException) -> None:
            self._busy(False)
            error = (
                exc
                if isinstance(exc, KioskError)
                else KioskError("export_write_failed", path=str(target))
            )
            set_banner(self.banner, message_for(error, self.lang), "error")

        run_in_background(lambda: write(target), done, failed)

    def _busy(self, busy: bool) -> None:
        self.csv_button.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy)
