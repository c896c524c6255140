"""Settings → data exchange: pair this PC, send its data to the coordinator, take in other PCs'.

Files travel only between PCs paired with each other (ui/settings/pairing_panel.py
shows the role and pairs); before pairing, the export button says why it
cannot export instead of failing half-way. Export and import run off the
GUI thread with a progress bar; the buttons stay disabled until they
finish, so a second click cannot start a second copy. Renaming this PC
needs the coordinator PIN (its name is in every file it makes). The lists
show which PCs and venues have sent data, up to when, and the imports that
can still be undone (kiosk/exchange/undo.py: milliseconds, so on the GUI
thread, after a confirmation).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from kiosk.core.errors import KioskError, StorageError
from kiosk.exchange import undo
from kiosk.exchange.export import SUFFIX, ExportResult, export_for_coordinator, suggested_name
from kiosk.exchange.file_format import table_label
from kiosk.exchange.importer import ImportResult, import_files
from kiosk.exchange.ledger import device_name, set_device_name
from kiosk.exchange.overview import ExchangeOverview, exchange_overview, short_id
from kiosk.exchange.roles import COORDINATOR, PairingRole
from kiosk.exchange.trust import addressees
from ui.background import Report, run_with_progress
from ui.dialogs import app_dialog
from ui.door_state import Change, DoorState
from ui.settings.pairing_panel import PairingPanel
from ui.settings.privacy_card import coordinator_agrees
from ui.widgets.card_frame import card_layout
from ui.widgets.error_display import message_for, new_banner, set_banner

STAMP = "%Y-%m-%d %H:%M"
log = logging.getLogger(__name__)


class ExchangeCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.busy = False
        self.stale = True
        layout = card_layout(self, self.tr("Data exchange between venues"))
        hint = QLabel(
            self.tr(
                "Each venue PC is paired once with the coordinator's PC, then exports its "
                "records to a file (USB stick or shared folder) that only the coordinator "
                "can read; the coordinator imports the files into one database. Importing a "
                "file twice counts nothing twice. Nicknames and care notes never leave this PC."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename this PC…"), self)
        self.rename_button.setAutoDefault(False)
        self.rename_button.clicked.connect(self.rename)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.rename_button, 0, 1)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        layout.addSpacing(6)
        self.pairing = PairingPanel(state, self.banner, self)
        self.pairing.paired.connect(self.refresh)
        layout.addWidget(self.pairing)
        layout.addSpacing(6)
        files_title = QLabel(self.tr("Exchange files"), self)
        files_title.setProperty("role", "section")
        layout.addWidget(files_title)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.everything = QCheckBox(self.tr("Export everything, not only what changed"), self)
        layout.addWidget(self.everything)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export for the coordinator…"), self)
        self.export_button.setProperty("role", "primary")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("Import files…"), self)
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)

        self.result_tree = self._tree(
            [
                self.tr("Records"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Conflicts"),
            ]
        )
        self.result_tree.setVisible(False)
        layout.addWidget(self.result_tree)
        self.devices_title = QLabel(self.tr("Data received from"), self)
        layout.addWidget(self.devices_title)
        self.devices = self._tree([self.tr("PC"), self.tr("File made"), self.tr("Imported")])
        layout.addWidget(self.devices)
        layout.addWidget(QLabel(self.tr("Imports that can be undone"), self))
        self.imports = self._tree(
            [self.tr("PC"), self.tr("Imported"), self.tr("New"), self.tr("Updated")]
        )
        layout.addWidget(self.imports)
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        self.undo_button = QPushButton(self.tr("Undo this import…"), self)
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_import)
        undo_row.addWidget(self.undo_button)
        layout.addLayout(undo_row)
        layout.addWidget(QLabel(self.tr("Records by venue"), self))
        self.venues = self._tree(
            [self.tr("Venue"), self.tr("Recorded on"), self.tr("Days"), self.tr("Held")]
        )
        layout.addWidget(self.venues)
        state.follow(self, Change.EVERYTHING, self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setMinimumHeight(120)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    # --- what is shown ------------------------------------------------------------------

    def refresh(self) -> None:
        # Counting unexported rows reads every table: not on each check-in at
        # the door while Settings is out of sight, only when the card is shown.
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        self._show_role(self.pairing.refresh())
        try:
            view = exchange_overview(self.state.ctx)
            undoable = undo.imports(self.state.ctx)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self._show(view)
        self._show_imports(undoable)

    def _show_imports(self, records: list[undo.ImportRecord]) -> None:
        self.imports.clear()
        for record in records:
            item = QTreeWidgetItem(
                self.imports,
                [
                    record.device_name or short_id(record.device_id),
                    f"{record.imported_at.astimezone():{STAMP}}",
                    str(record.new),
                    str(record.updated),
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.file_id)
        first = self.imports.topLevelItem(0)
        if records and first is not None:
            self.imports.setCurrentItem(first)
        else:
            QTreeWidgetItem(self.imports, [self.tr("No import to undo")])
        self.undo_button.setEnabled(bool(records) and not self.busy)

    def _show_role(self, role: PairingRole | None) -> None:
        if role is not None and role.role == COORDINATOR:
            self.export_button.setText(self.tr("Export set-up for the venue PCs…"))
        else:
            self.export_button.setText(self.tr("Export for the coordinator…"))

    def _show(self, view: ExchangeOverview) -> None:
        name = view.device_name or self.tr("(no name yet)")
        self.name_label.setText(
            self.tr("This PC: %1 (%2)").replace("%1", name).replace("%2", short_id(view.device_id))
        )
        last = (
            self.tr("last export %1").replace("%1", f"{view.last_export.astimezone():{STAMP}}")
            if view.last_export
            else self.tr("never exported")
        )
        self.status_label.setText(
            self.tr("%1 · %2 record(s) not yet exported")
            .replace("%1", last)
            .replace("%2", str(view.unexported))
        )
        self.devices.clear()
        for device in view.devices:
            if device.this_pc or device.made_at is None or device.imported_at is None:
                continue
            label = f"{device.name or self.tr('(no name)')} ({short_id(device.device_id)})"
            QTreeWidgetItem(
                self.devices,
                [
                    label,
                    f"{device.made_at.astimezone():{STAMP}}",
                    f"{device.imported_at.astimezone():{STAMP}}",
                ],
            )
        if self.devices.topLevelItemCount() == 0:
            QTreeWidgetItem(self.devices, [self.tr("No file imported yet")])
        self.venues.clear()
        for line in view.venues:
            QTreeWidgetItem(
                self.venues,
                [
                    line.venue,
                    line.device,
                    f"{line.first_day:%Y-%m-%d} – {line.last_day:%Y-%m-%d}",
                    str(line.events),
                ],
            )

    # --- actions ------------------------------------------------------------------------

    def rename(self) -> None:
        ctx = self.state.ctx
        current = device_name(ctx)
        text = app_dialog.ask_text(
            self,
            self.tr("Rename this PC"),
            self.tr("A name the coordinator will recognise (for example 会場PC 1):"),
            self.tr("Change"),
            self.tr("Back"),
            value=current,
        )
        if text is None or (current and text.strip() == current):
            return
        if not coordinator_agrees(self.state, self, self.banner):
            return
        try:
            name = set_device_name(ctx, text)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(self.banner, self.tr("This PC is now called %1.").replace("%1", name), "ok")
        self.refresh()

    def export(self) -> None:
        ctx = self.state.ctx
        try:
            addressees(ctx)  # before pairing: say so now, not after choosing a file
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export for the coordinator"),
            str(Path.home() / suggested_name(ctx)),
            self.tr("Exchange files (*.tsunagari)"),
        )
        if not path:
            return
        target = Path(path) if path.endswith(SUFFIX) else Path(path + SUFFIX)
        everything = self.everything.isChecked()
        self._run(
            lambda report: export_for_coordinator(ctx, target, everything, report),
            self._exported,
        )

    def _exported(self, result: ExportResult) -> None:
        set_banner(
            self.banner,
            self.tr("Exported %1 record(s) to %2.")
            .replace("%1", str(result.rows))
            .replace("%2", str(result.path)),
            "ok",
        )
        self.refresh()

    def import_(self) -> None:
        ctx = self.state.ctx
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import exchange files"),
            str(Path.home()),
            self.tr("Exchange files (*.tsunagari)"),
        )
        if not paths:
            return
        self._run(
            lambda report: import_files(ctx, [Path(p) for p in paths], report), self._imported
        )

    def _imported(self, results: list[ImportResult]) -> None:
        lines = [self._summary(r) for r in results]
        conflicts = sum(r.total("conflict") for r in results)
        set_banner(self.banner, "\n".join(lines), "info" if conflicts else "ok")
        self.result_tree.clear()
        totals: dict[str, list[int]] = {}
        for result in results:
            for table, c in result.tables.items():
                row = totals.setdefault(table, [0, 0, 0, 0])
                for i, n in enumerate((c.new, c.updated, c.unchanged, c.conflicts)):
                    row[i] += n
        for table, counts in totals.items():
            QTreeWidgetItem(
                self.result_tree, [table_label(table, self.state.lang), *map(str, counts)]
            )
        self.result_tree.setVisible(bool(totals))
        self.state.notify()  # the door, tallies and reports now see the new rows

    def _summary(self, result: ImportResult) -> str:
        source = result.device_name or short_id(result.device_id)
        if result.already_imported_at is not None:
            return (
                self.tr("%1: this file was imported on %2; nothing changed.")
                .replace("%1", source)
                .replace("%2", f"{result.already_imported_at.astimezone():{STAMP}}")
            )
        if not result.changed and not result.total("conflict"):
            return self.tr("%1: everything was already here; nothing changed.").replace(
                "%1", source
            )
        return (
            self.tr("%1: %2 new, %3 updated, %4 unchanged, %5 conflict(s)")
            .replace("%1", source)
            .replace("%2", str(result.total("new")))
            .replace("%3", str(result.total("updated")))
            .replace("%4", str(result.total("unchanged")))
            .replace("%5", str(result.total("conflict")))
        )

    def undo_import(self) -> None:
        item = self.imports.currentItem()
        file_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if item is None or not isinstance(file_id, str):
            set_banner(self.banner, self.tr("Choose an import in the list first."), "error")
            return
        source, when = item.text(0), item.text(1)
        if not app_dialog.confirm(
            self,
            self.tr("Undo an import"),
            self.tr(
                "Undo the import from %1 of %2? The records it added are removed and the "
                "records it changed get their earlier values back. The file can be "
                "imported again later."
            )
            .replace("%1", source)
            .replace("%2", when),
            self.tr("Undo the import"),
            self.tr("Back"),
        ):
            return
        ctx = self.state.ctx
        self._run(lambda _report: undo.undo_import(ctx, file_id), self._undone)

    def _undone(self, record: undo.ImportRecord) -> None:
        set_banner(
            self.banner,
            self.tr("Undone: the import from %1 (%2 new removed, %3 updated put back).")
            .replace("%1", record.device_name or short_id(record.device_id))
            .replace("%2", str(record.new))
            .replace("%3", str(record.updated)),
            "ok",
        )
        self.result_tree.setVisible(False)
        self.state.notify()  # the door, tallies and reports no longer see those rows

    def _run(self, work: Callable[[Report], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)
        set_banner(self.banner, self.tr("Working… the other screens stay usable."), "info")

        def finished(result: Any) -> None:
            self._set_busy(False)
            done(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if not isinstance(exc, KioskError):
                log.error("exchange failed", exc_info=exc)  # the file names no person
                exc = StorageError("storage_failed")
            set_banner(self.banner, message_for(exc, self.state.lang), "error")

        run_with_progress(work, self._progress, finished, failed)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        for button in (
            self.export_button,
            self.import_button,
            self.rename_button,
            self.undo_button,
        ):
            button.setEnabled(not busy)
        self.pairing.set_working(busy)
