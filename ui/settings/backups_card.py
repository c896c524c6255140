"""Settings → Backups, and the offer to restore when the database was set aside at start.

Backups are made by kiosk/care/backups.py. Restoring replaces the database file,
so the card lets go of the engine first, restores, tells the volunteer the
app will reopen the database, and emits `restored`: ui/app.py AppShell opens
the database again and rebuilds the window on the new context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kiosk.care import backups
from kiosk.care.backups import BackupInfo
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from ui.dialogs import app_dialog
from ui.dialogs.app_dialog import Choice
from ui.door_state import DoorState
from ui.widgets.card_frame import card_layout
from ui.widgets.error_display import message_for, new_banner, set_banner

MOVED_ASIDE = ("database_moved_aside", "database_moved_aside_no_backup")


def kind_label(kind: str) -> str:
    labels = {
        "daily": QCoreApplication.translate("BackupsCard", "at start"),
        "close": QCoreApplication.translate("BackupsCard", "day closed"),
        "manual": QCoreApplication.translate("BackupsCard", "by hand"),
        "pre-upgrade": QCoreApplication.translate("BackupsCard", "before an update"),
        "import": QCoreApplication.translate("BackupsCard", "before an import"),
    }
    return labels.get(kind, kind)


def size_label(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class BackupsCard(QFrame):
    restored = Signal()  # the database file was replaced: reopen it

    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.found: list[BackupInfo] = []
        layout = card_layout(self, self.tr("Backups"))
        hint = QLabel(
            self.tr(
                "A copy is made at start once a day, when a day is closed and before "
                "an update. The last 14 days and 8 weeks are kept. An import is undone "
                "under Data exchange (Undo this import…), without restoring a copy."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.banner = new_banner(self)
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(160)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore)
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self.folder = backups.folder_of(state.ctx)
        if self.folder is None:
            set_banner(
                self.banner,
                self.tr("Backups are made only of the database in the data folder."),
                "info",
            )
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        self.found = backups.list_backups(self.folder) if self.folder else []
        self.list.clear()
        for info in self.found:
            text = f"{info.taken:%Y-%m-%d %H:%M}  {kind_label(info.kind)}  {size_label(info.size)}"
            item = QListWidgetItem(text, self.list)
            item.setToolTip(info.name)
        if self.found:
            self.list.setCurrentRow(0)
        elif self.folder is not None:
            QListWidgetItem(self.tr("No backups yet."), self.list).setFlags(Qt.ItemFlag.NoItemFlags)
        self.restore_button.setEnabled(bool(self.found))

    def selected(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def back_up_now(self) -> None:
        if self.folder is None:
            return
        try:
            info = backups.create_backup(self.folder, "manual")
            backups.rotate(self.folder)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        self.refresh()
        set_banner(
            self.banner,
            self.tr("Backed up: %1").replace("%1", f"{info.taken:%Y-%m-%d %H:%M}"),
            "ok",
        )

    def restore(self) -> None:
        info = self.selected()
        if self.folder is None or info is None:
            return
        if not app_dialog.confirm(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Put the backup of %1 in place of the database? What was saved after it "
                "will not be in the app; the current file is kept aside, not deleted."
            ).replace("%1", f"{info.taken:%Y-%m-%d %H:%M}"),
            self.tr("Restore the backup"),
            self.tr("Back"),
            danger=True,
        ):
            return
        self.state.ctx.close()  # let go of the file
        try:
            backups.restore_backup(self.folder, info)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        app_dialog.tell(
            self,
            self.tr("Restored"),
            self.tr("The backup is restored. The app will now reopen the database."),
            close_text=self.tr("Reopen"),
        )
        self.restored.emit()


def recover_at_start(
    error: KioskError, folder: DataFolder, url: str | None, lang: str
) -> AppContext | None:
    """The database could not be opened: say so; if it was set aside, offer a way on.

    Returns the opened context, or None when the app should stop.
    """
    if error.code not in MOVED_ASIDE or url is not None:
        app_dialog.tell(None, "Tsunagari", describe(error, lang), kind="error")
        return None
    restore = error.code == "database_moved_aside"  # a backup exists to go back to
    if restore:
        question = QCoreApplication.translate(
            "BackupsCard",
            "Restore the latest backup now? Or start with an empty database "
            "(the damaged file stays set aside).",
        )
    else:
        question = QCoreApplication.translate(
            "BackupsCard", "Start with an empty database? The damaged file stays set aside."
        )
    choices = [
        Choice("close", QCoreApplication.translate("BackupsCard", "Close the app")),
        Choice(
            "empty",
            QCoreApplication.translate("BackupsCard", "Start with an empty database"),
            "" if restore else "primary",
        ),
    ]
    if restore:
        choices.append(
            Choice(
                "restore",
                QCoreApplication.translate("BackupsCard", "Restore the latest backup"),
                "primary",
            )
        )
    answer = app_dialog.choose(
        None,
        "Tsunagari",
        f"{describe(error, lang)}\n\n{question}",
        choices,
        safe="close",
        default="restore" if restore else "empty",
    )
    if answer == "close":
        return None
    try:
        if answer == "restore":
            backups.restore_backup(folder, backups.find_backup(folder, error.params["backup"]))
        return open_database(folder=folder)
    except KioskError as again:
        app_dialog.tell(None, "Tsunagari", describe(again, lang), kind="error")
        return None
