"""The export controls every report screen shares: the CSV encoding, the CSV, Excel
and PDF buttons, and one way to ask for a path and write the file off the GUI thread.

`save` renders first (in the background), then asks where with the file's own
ending: a report of several tables exported as CSV is a .zip, so the dialog
suggests and filters .zip, not .csv."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from kiosk.core.atomic_file import write_atomically
from kiosk.core.errors import KioskError
from kiosk.core.export_file import ExportFile
from ui.background import run_in_background
from ui.widgets.error_display import message_for, set_banner
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.text_width import hold_text_width

ENDINGS = (".csv", ".zip", ".xlsx", ".pdf")


class ExportBar(QWidget):
    requested = Signal(str)  # "csv", "xlsx" or "pdf"

    def __init__(
        self, banner: QLabel, lang: str, with_long: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self.lang = lang
        # Wraps onto a second line in a narrow window rather than laying buttons over
        # the encoding box (issue 17: 1280x800, English at 1366, portrait tablets).
        layout = FlowLayout(self, spacing=8)
        self.encoding = QComboBox(self)
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.addItem(self.tr("CSV: UTF-8 (Excel)"), "utf-8-sig")
        self.encoding.addItem(self.tr("CSV: Shift_JIS"), "cp932")
        self.encoding.setToolTip(self.tr("The encoding of CSV files (Excel and PDF need none)"))
        self.long = QCheckBox(self.tr("one row per figure"), self)
        self.long.setVisible(with_long)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.setProperty("role", "primary")
        self.buttons = (
            (self.csv_button, "csv"),
            (self.xlsx_button, "xlsx"),
            (self.pdf_button, "pdf"),
        )
        for button, fmt in self.buttons:
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, f=fmt: self.requested.emit(f))
        for widget in (
            self.encoding,
            self.long,
            self.csv_button,
            self.xlsx_button,
            self.pdf_button,
        ):
            hold_text_width(widget)  # never squeezed into "CSV："
            layout.addWidget(widget)

    def save(self, render: Callable[[], ExportFile], stem: Path) -> None:
        """Render in the background, ask where (stem + the file's ending), then write."""
        self._busy(True)
        set_banner(self.banner, self.tr("Exporting…"), "info")

        def rendered(result: object) -> None:
            self._busy(False)
            set_banner(self.banner, "", "ok")
            assert isinstance(result, ExportFile)
            ending = Path(result.filename).suffix or ".csv"
            suggested = stem.with_name(stem.name + ending)
            self.run(
                ending[1:],
                suggested,
                lambda target: write_atomically(target, result.data),
            )

        run_in_background(render, rendered, self._failed(stem))

    def run(self, fmt: str, suggested: Path, write: Callable[[Path], object]) -> None:
        """Ask where, then write in the background and say where it went (or why not)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(suggested), self._file_filter(fmt)
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() in ENDINGS:  # a zip named .csv would not open as one
            target = target.with_suffix(f".{fmt}")
        self._busy(True)
        set_banner(self.banner, self.tr("Exporting…"), "info")

        def done(_result: object) -> None:
            self._busy(False)
            set_banner(self.banner, self.tr("Saved: %1").replace("%1", str(target)), "ok")

        run_in_background(lambda: write(target), done, self._failed(target))

    def _failed(self, target: Path) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self._busy(False)
            error = (
                exc
                if isinstance(exc, KioskError)
                else KioskError("export_write_failed", path=str(target))
            )
            set_banner(self.banner, message_for(error, self.lang), "error")

        return failed

    def _file_filter(self, fmt: str) -> str:
        names = {
            "csv": self.tr("CSV file (*.csv)"),
            "zip": self.tr("Zip of CSV files (*.zip)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "pdf": self.tr("PDF (*.pdf)"),
        }
        return names.get(fmt, f"{fmt.upper()} (*.{fmt})")

    def _busy(self, busy: bool) -> None:
        for button, _ in self.buttons:
            button.setEnabled(not busy)
