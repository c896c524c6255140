"""Settings → privacy: how long personal details are kept, erase now, the audit log.

Changing the retention period and erasing need the coordinator PIN when one
is set (the same PIN and the same growing wait as the questionnaire kiosk).
Without a PIN the card says so and points to where one is set.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kiosk.care import pin, retention
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from ui.dialogs import app_dialog
from ui.dialogs.audit_log_dialog import AuditLogDialog
from ui.dialogs.pin_dialogs import UnlockDialog
from ui.door_state import Change, DoorState
from ui.widgets.card_frame import card_layout
from ui.widgets.error_display import message_for, new_banner, set_banner


class PinCheckDialog(UnlockDialog):
    """The kiosk's PIN dialog, worded for a change in Settings."""

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, lang, parent)
        self.setWindowTitle(self.tr("Coordinator PIN"))
        for label in self.findChildren(QLabel):
            if label.property("role") == "hint":
                label.setText(self.tr("Only the coordinator can change this."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Continue"))


def coordinator_agrees(state: DoorState, parent: QWidget, banner: QLabel) -> bool:
    """True without a PIN set; else only when the right PIN is typed (else says so)."""
    if not pin.is_set(state.ctx):
        return True
    dialog = PinCheckDialog(state.ctx, state.lang, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return True
    set_banner(
        banner,
        QCoreApplication.translate("PrivacyCard", "Nothing was changed: the PIN was not given."),
        "info",
    )
    return False


class PrivacyCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.log_dialog: AuditLogDialog | None = None
        layout = card_layout(self, self.tr("Privacy and the audit log"))
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        hint = QLabel(
            self.tr(
                "Nicknames and care notes are erased when they are older than this, "
                "at every start. Counts and reports stay as they are."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        self.days = QSpinBox(self)
        self.days.setRange(retention.MIN_DAYS, retention.MAX_DAYS)
        self.days.setSingleStep(30)
        self.days.setSuffix(self.tr(" days"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_days)
        grid.addWidget(QLabel(self.tr("Keep personal details for"), self), 0, 0)
        grid.addWidget(self.days, 0, 1)
        grid.addWidget(self.save_button, 0, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        self.purge_button = QPushButton(self.tr("Erase old details now…"), self)
        self.purge_button.setProperty("role", "danger")
        self.purge_button.setAutoDefault(False)
        self.purge_button.clicked.connect(self.purge_now)
        self.log_button = QPushButton(self.tr("View the audit log…"), self)
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(self.view_log)
        buttons = QGridLayout()
        buttons.addWidget(self.purge_button, 0, 0)
        buttons.addWidget(self.log_button, 0, 1)
        layout.addLayout(buttons)

        self.pin_note = QLabel(self)
        self.pin_note.setProperty("role", "hint")
        self.pin_note.setWordWrap(True)
        layout.addWidget(self.pin_note)
        layout.addStretch(1)
        state.follow(self, Change.SETTINGS | Change.SURVEY, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.state.ctx
        if not self.days.hasFocus():
            self.days.setValue(retention.retention_days(ctx))
        if pin.is_set(ctx):
            self.pin_note.setText(self.tr("Changes here ask for the coordinator PIN."))
        else:
            self.pin_note.setText(
                self.tr(
                    "No coordinator PIN is set, so anyone at this laptop can change this. "
                    "Set one under Questionnaire → Coordinator PIN."
                )
            )

    def _coordinator_agrees(self) -> bool:
        return coordinator_agrees(self.state, self, self.banner)

    def save_days(self) -> None:
        days = self.days.value()
        if days == retention.retention_days(self.state.ctx):
            set_banner(self.banner, self.tr("That is already the setting."), "info")
            return
        if not self._coordinator_agrees():
            self.refresh()
            return
        try:
            retention.set_retention_days(self.state.ctx, days)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(
            self.banner,
            self.tr("Saved: personal details are kept for %1 days.").replace("%1", str(days)),
            "ok",
        )
        self.state.notify(Change.SETTINGS)

    def purge_now(self) -> None:
        ctx = self.state.ctx
        try:
            due = retention.purge(ctx, dry_run=True)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        if due.total == 0:
            set_banner(
                self.banner,
                self.tr("Nothing to erase: no details from before %1.").replace(
                    "%1", due.cutoff.isoformat()
                ),
                "info",
            )
            return
        agreed = app_dialog.confirm(
            self,
            self.tr("Erase old details"),
            self.tr(
                "Erase %1 nickname(s) and %2 care note(s) from before %3? "
                "Counts and reports stay. This cannot be undone."
            )
            .replace("%1", str(due.visitors))
            .replace("%2", str(due.care_notes))
            .replace("%3", due.cutoff.isoformat()),
            self.tr("Erase them"),
            self.tr("Back"),
            danger=True,
        )
        if not agreed or not self._coordinator_agrees():
            return
        try:
            done = retention.purge(ctx, trigger="settings")
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(
            self.banner,
            self.tr("Erased %1 nickname(s) and %2 care note(s).")
            .replace("%1", str(done.visitors))
            .replace("%2", str(done.care_notes)),
            "ok",
        )
        self.state.notify(Change.VISITS | Change.CARE)

    def view_log(self) -> None:
        self.log_dialog = AuditLogDialog(self.state, self)
        self.log_dialog.open()
