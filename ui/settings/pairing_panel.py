"""Settings → data exchange, the pairing part: this PC's role, pairing, and revoking a PC.

On the coordinator's PC: 「会場PCを追加…」 (an invitation file, and its code
on screen), 「返信ファイルを開く…」 (the venue PC's answer: pair only when both
screens show the same six digits), and the paired PCs, each of which can be
revoked (a lost or retired laptop) behind the coordinator PIN. On a venue PC:
the coordinator it is paired with, and 「コーディネーターとペアリング…」.
Before any pairing, both ways in are offered and the role line says which
to use where. The key stretching runs off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError, StorageError
from kiosk.exchange import pairing
from kiosk.exchange.roles import COORDINATOR, VENUE_PC, PairingRole, pairing_role
from ui.background import run_in_background
from ui.dialogs import app_dialog
from ui.dialogs.pairing_dialogs import (
    DECLINED,
    PAIRING_SUFFIX,
    AnswerDialog,
    InvitationDialog,
    JoinDialog,
    short_id,
    with_suffix,
)
from ui.door_state import DoorState
from ui.settings.privacy_card import coordinator_agrees
from ui.widgets.error_display import message_for, set_banner
from ui.widgets.flow_layout import FlowLayout

DAY = "%Y-%m-%d"
log = logging.getLogger(__name__)


class PairingPanel(QWidget):
    paired = Signal()  # the role or the list of PCs changed: the card refreshes

    def __init__(self, state: DoorState, banner: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.banner = banner  # the card's message line
        self.pairing_dialog: QDialog | None = None  # the one open now (tests click in it)
        self.working = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Pairing"), self)
        title.setProperty("role", "section")
        layout.addWidget(title)
        self.role_label = QLabel(self)
        self.role_label.setWordWrap(True)
        layout.addWidget(self.role_label)

        # They wrap in a narrow window (one column of cards on a portrait tablet).
        button_box = QWidget(self)
        buttons = FlowLayout(button_box, spacing=8)
        self.invite_button = self._button(self.tr("Add a venue PC…"), self.add_venue_pc)
        self.answer_button = self._button(self.tr("Open an answer file…"), self.open_answer)
        self.join_button = self._button(self.tr("Pair with the coordinator…"), self.join)
        for button in (self.invite_button, self.answer_button, self.join_button):
            buttons.addWidget(button)
        layout.addWidget(button_box)

        self.devices_title = QLabel(self.tr("Paired venue PCs"), self)
        layout.addWidget(self.devices_title)
        self.device_tree = QTreeWidget(self)
        self.device_tree.setHeaderLabels([self.tr("PC"), self.tr("Paired on"), self.tr("Status")])
        self.device_tree.setRootIsDecorated(False)
        self.device_tree.setMinimumHeight(90)
        self.device_tree.setMaximumHeight(170)  # a few PCs; it scrolls past that
        header = self.device_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.device_tree.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.device_tree)
        revoke_row = QHBoxLayout()
        self.revoke_button = self._button(self.tr("Stop using this PC…"), self.revoke)
        self.revoke_button.setProperty("role", "danger")
        self.revoke_hint = QLabel(
            self.tr("For a lost, stolen or retired laptop: its files are refused from then on."),
            self,
        )
        self.revoke_hint.setProperty("role", "hint")
        self.revoke_hint.setWordWrap(True)
        revoke_row.addWidget(self.revoke_button)
        revoke_row.addWidget(self.revoke_hint, 1)
        layout.addLayout(revoke_row)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- what is shown ------------------------------------------------------------------

    def refresh(self) -> PairingRole | None:
        """Show this PC's role; None (and a message) when it cannot be read."""
        try:
            role = pairing_role(self.state.ctx)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return None
        self.role_label.setText(self._role_text(role))
        coordinator = role.role == COORDINATOR
        self.invite_button.setVisible(role.role != VENUE_PC)
        self.answer_button.setVisible(role.role != VENUE_PC)
        self.join_button.setVisible(role.role != COORDINATOR)
        for widget in (self.devices_title, self.device_tree, self.revoke_button, self.revoke_hint):
            widget.setVisible(coordinator)
        self._fill(role.devices)
        return role

    def _role_text(self, role: PairingRole) -> str:
        if role.role == COORDINATOR:
            text = self.tr("This PC is the coordinator's PC: %1 venue PC(s) paired and in use.")
            text = text.replace("%1", str(role.active))
            if role.revoked:
                text += " " + self.tr("%1 revoked.").replace("%1", str(role.revoked))
            return text
        if role.role == VENUE_PC and role.coordinator is not None:
            found = role.coordinator
            return (
                self.tr(
                    "This PC is a venue PC, paired with %1 (%2) since %3. Its files can be "
                    "read only by that coordinator's PC."
                )
                .replace("%1", found.organisation or self.tr("(no name)"))
                .replace("%2", short_id(found.device_id))
                .replace("%3", f"{found.paired_at.astimezone():{DAY}}")
            )
        return self.tr(
            "This PC is not paired yet, so it cannot export. On the coordinator's PC, start "
            "with “Add a venue PC…”; on a venue PC, with “Pair with the coordinator…”."
        )

    def _fill(self, devices: tuple[pairing.PairedDevice, ...]) -> None:
        self.device_tree.clear()
        for device in devices:
            status = (
                self.tr("In use")
                if device.active
                else self.tr("Stopped on %1").replace(
                    "%1", f"{device.revoked_at.astimezone():{DAY}}" if device.revoked_at else ""
                )
            )
            item = QTreeWidgetItem(
                self.device_tree,
                [
                    f"{device.device_name or self.tr('(no name)')} ({short_id(device.device_id)})",
                    f"{device.paired_at.astimezone():{DAY}}",
                    status,
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, device)
        self._selection_changed()

    def selected_device(self) -> pairing.PairedDevice | None:
        items = self.device_tree.selectedItems()
        if not items:
            return None
        found = items[0].data(0, Qt.ItemDataRole.UserRole)
        return found if isinstance(found, pairing.PairedDevice) else None

    def _selection_changed(self) -> None:
        device = self.selected_device()
        self.revoke_button.setEnabled(not self.working and device is not None and device.active)

    # --- the coordinator ----------------------------------------------------------------

    def add_venue_pc(self) -> None:
        ctx = self.state.ctx
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the invitation for a venue PC"),
            str(Path.home() / f"tsunagari-invitation-{ctx.clock():%Y%m%d-%H%M}{PAIRING_SUFFIX}"),
            self.tr("Pairing files (*.json)"),
        )
        if not path:
            return
        target = with_suffix(path)
        self._work(lambda: pairing.invite(ctx, target), self._invited)

    def _invited(self, invitation: pairing.Invitation) -> None:
        set_banner(
            self.banner,
            self.tr("Invitation saved: %1. Its code is on screen only.").replace(
                "%1", str(invitation.path)
            ),
            "ok",
        )
        self._show_dialog(InvitationDialog(invitation, self))

    def open_answer(self) -> None:
        ctx = self.state.ctx
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a venue PC's answer file"),
            str(Path.home()),
            self.tr("Pairing files (*.json)"),
        )
        if not path:
            return
        self._work(lambda: pairing.read_answer(ctx, Path(path)), self._answer_read)

    def _answer_read(self, request: pairing.PairingRequest) -> None:
        set_banner(self.banner, "", "ok")
        dialog = AnswerDialog(request, self)
        dialog.finished.connect(lambda result: self._answered(request, result))
        self._show_dialog(dialog)

    def _answered(self, request: pairing.PairingRequest, result: int) -> None:
        name = f"{request.device_name or self.tr('(no name)')} ({short_id(request.device_id)})"
        try:
            if result == QDialog.DialogCode.Accepted:
                pairing.confirm(self.state.ctx, request)
                text = self.tr("Paired: %1. Its files can now be imported here.")
            elif result == DECLINED:
                pairing.decline(self.state.ctx, request)
                text = self.tr(
                    "Cancelled: %1 was not paired. To start again, make a new invitation."
                )
            else:
                text = self.tr("Nothing decided for %1: open the answer file again when ready.")
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        kind = "ok" if result == QDialog.DialogCode.Accepted else "info"
        set_banner(self.banner, text.replace("%1", name), kind)
        self.paired.emit()

    def revoke(self) -> None:
        device = self.selected_device()
        if device is None or not device.active:
            return
        name = f"{device.device_name or self.tr('(no name)')} ({short_id(device.device_id)})"
        if not app_dialog.confirm(
            self,
            self.tr("Stop using a venue PC"),
            self.tr(
                "Stop using “%1”? Files from it will be refused from now on; the records it "
                "already sent stay. To use it again, pair it anew."
            ).replace("%1", name),
            self.tr("Stop using it"),
            self.tr("Back"),
        ):
            return
        if not coordinator_agrees(self.state, self, self.banner):
            return
        try:
            pairing.revoke(self.state.ctx, device.device_id)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(
            self.banner,
            self.tr("Stopped: %1. Its files will be refused from now on.").replace("%1", name),
            "ok",
        )
        self.paired.emit()

    # --- the venue PC -------------------------------------------------------------------

    def join(self) -> None:
        role = self.refresh()
        if role is not None and role.role == VENUE_PC and role.coordinator is not None:
            organisation = role.coordinator.organisation or short_id(role.coordinator.device_id)
            if not app_dialog.confirm(
                self,
                self.tr("Pair with the coordinator"),
                self.tr(
                    "This PC is already paired with %1. Pair it again with a new invitation? "
                    "Its files will then be sealed to the new invitation's coordinator."
                ).replace("%1", organisation),
                self.tr("Pair again"),
                self.tr("Back"),
            ):
                return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the coordinator's invitation file"),
            str(Path.home()),
            self.tr("Pairing files (*.json)"),
        )
        if not path:
            return
        dialog = JoinDialog(self.state, Path(path), self)
        dialog.joined.connect(self._joined)
        self._show_dialog(dialog)

    def _joined(self, joined: pairing.Joined) -> None:
        set_banner(
            self.banner,
            self.tr("Answer saved: %1. Show the coordinator the confirmation number.").replace(
                "%1", str(joined.answer)
            ),
            "ok",
        )
        self.paired.emit()

    # --- shared -------------------------------------------------------------------------

    def _show_dialog(self, dialog: QDialog) -> None:
        if self.pairing_dialog is not None:
            self.pairing_dialog.deleteLater()  # closed by now: one at a time, window-modal
        self.pairing_dialog = dialog
        dialog.open()

    def _work(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.set_working(True)
        set_banner(self.banner, self.tr("Working…"), "info")

        def finished(result: Any) -> None:
            self.set_working(False)
            done(result)

        def failed(exc: BaseException) -> None:
            self.set_working(False)
            if not isinstance(exc, KioskError):
                log.error("pairing failed", exc_info=exc)  # the file names no person
                exc = StorageError("storage_failed")
            set_banner(self.banner, message_for(exc, self.state.lang), "error")

        run_in_background(work, finished, failed)

    def set_working(self, working: bool) -> None:
        """While a pairing step or an export/import runs, no second one starts."""
        self.working = working
        for button in (self.invite_button, self.answer_button, self.join_button):
            button.setEnabled(not working)
        self._selection_changed()
