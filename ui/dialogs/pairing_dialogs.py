"""The three dialogs of pairing a venue PC with the coordinator, each showing its number large.

1. InvitationDialog, on the coordinator: the one-time code from 「会場PCを追加」,
   with the next steps. The code is never in the file, so it is shown only here.
2. JoinDialog, on the venue PC: the code typed in a large field; then the
   answer file is saved and the six-digit confirmation number shown.
3. AnswerDialog, on the coordinator: the venue PC's name and the same six
   digits, with two buttons that say what they do. Neither is the default:
   Enter pairs nothing, and Esc only closes (the answer can be opened again).

The dialogs open with open(), not exec(), so the window stays alive behind
them and tests click their buttons as a person does.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError, StorageError
from kiosk.exchange import pairing
from kiosk.exchange.ledger import device_name
from kiosk.exchange.typed_codes import typed_code
from ui.background import run_in_background
from ui.door_state import DoorState
from ui.widgets.error_display import message_for, new_banner, set_banner

PAIRING_SUFFIX = ".json"
DECLINED = 2  # AnswerDialog's result when the numbers differ (Accepted pairs, Rejected waits)
DIALOG_WIDTH = 680
log = logging.getLogger(__name__)


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def _big(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "big-code")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def with_suffix(path: str) -> Path:
    """What a save dialog returned, ending in .json (a name typed without it gets it)."""
    return Path(path) if path.lower().endswith(PAIRING_SUFFIX) else Path(path + PAIRING_SUFFIX)


def short_id(device_id: str) -> str:
    return device_id[:8]


class InvitationDialog(QDialog):
    """The coordinator's screen after 「会場PCを追加」: the code, large, and what comes next."""

    def __init__(self, invitation: pairing.Invitation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a venue PC"))
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(_label(self.tr("Pairing code for the venue PC"), self, "title"))
        self.code_label = _big(invitation.code, self)
        layout.addWidget(self.code_label)
        until = f"{invitation.expires_at.astimezone():%Y-%m-%d %H:%M}"
        layout.addWidget(
            _label(self.tr("Valid once, until %1.").replace("%1", until), self, "subtitle")
        )
        self.steps_label = _label(
            "\n".join(
                (
                    self.tr("1. Carry the invitation file to the venue PC (a USB stick): %1"),
                    self.tr(
                        "2. On the venue PC: Settings → Data exchange → “Pair with the "
                        "coordinator…”; open the file and type this code."
                    ),
                    self.tr(
                        "3. Bring back the answer file it saves, and open it here with "
                        "“Open an answer file…”. Both screens then show a six-digit number."
                    ),
                )
            ).replace("%1", str(invitation.path)),
            self,
        )
        layout.addWidget(self.steps_label)
        layout.addWidget(
            _label(
                self.tr(
                    "The code is not in the file: do not write it on the stick. Read it out "
                    "or show this screen. Once this window is closed, the code is not shown "
                    "again (make a new invitation if it is lost)."
                ),
                self,
                "hint",
            )
        )
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setProperty("role", "primary")
        # Not on Enter: a key still down from the save dialog must not close the code away.
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        layout.addLayout(row)


class AnswerDialog(QDialog):
    """The coordinator compares the six digits with the venue PC's screen, then decides."""

    def __init__(self, request: pairing.PairingRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pair a venue PC"))
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        name = request.device_name or self.tr("(no name)")
        self.who_label = _label(
            self.tr("Answer from the venue PC “%1” (%2).")
            .replace("%1", name)
            .replace("%2", short_id(request.device_id)),
            self,
            "title",
        )
        layout.addWidget(self.who_label)
        layout.addWidget(
            _label(self.tr("Does the venue PC's screen show this same number?"), self, "section")
        )
        self.number_label = _big(request.confirmation, self)
        layout.addWidget(self.number_label)
        layout.addWidget(
            _label(
                self.tr(
                    "Pair only if both screens show the same six digits. If they differ, the "
                    "file may have been swapped on the way: cancel, and start again with a "
                    "new invitation."
                ),
                self,
                "hint",
            )
        )
        row = QHBoxLayout()
        self.decline_button = QPushButton(self.tr("The numbers differ (cancel)"), self)
        self.decline_button.setProperty("role", "danger")
        self.decline_button.setAutoDefault(False)
        self.decline_button.clicked.connect(self.numbers_differ)
        self.pair_button = QPushButton(self.tr("Same number: pair this PC"), self)
        self.pair_button.setProperty("role", "primary")
        self.pair_button.setAutoDefault(False)
        self.pair_button.clicked.connect(self.accept)
        row.addWidget(self.decline_button)
        row.addStretch(1)
        row.addWidget(self.pair_button)
        layout.addLayout(row)

    def numbers_differ(self) -> None:
        self.done(DECLINED)


class JoinDialog(QDialog):
    """The venue PC's side: the code from the coordinator's screen in, the six digits out."""

    joined = Signal(object)  # pairing.Joined, once the answer file is written

    def __init__(self, state: DoorState, invitation: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.invitation = invitation
        self.answer: Path | None = None  # where the last try saved (offered again on a retry)
        self.setWindowTitle(self.tr("Pair with the coordinator"))
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._code_page())
        self.pages.addWidget(self._number_page())

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(
            _label(self.tr("Type the pairing code from the coordinator's screen"), page, "title")
        )
        layout.addWidget(
            _label(
                self.tr("Invitation: %1").replace("%1", str(self.invitation)),
                page,
                "hint",
            )
        )
        self.code_field = QLineEdit(page)
        self.code_field.setProperty("role", "code-entry")
        self.code_field.setPlaceholderText("XXXX-XXXX")
        self.code_field.setMaxLength(24)
        self.code_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_field.returnPressed.connect(self.pair_with_code)
        layout.addWidget(self.code_field)
        layout.addWidget(
            _label(
                self.tr(
                    "8 letters and digits; small letters, spaces and full-width characters "
                    "are fine. Next, choose where to save the answer file for the coordinator "
                    "(the same USB stick)."
                ),
                page,
                "hint",
            )
        )
        self.banner = new_banner(page)
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button = QPushButton(self.tr("Pair and save the answer file…"), page)
        self.next_button.setProperty("role", "primary")
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.pair_with_code)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        return page

    def _number_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.paired_label = _label("", page, "title")
        layout.addWidget(self.paired_label)
        layout.addWidget(_label(self.tr("Confirmation number"), page, "section"))
        self.number_label = _big("", page)
        layout.addWidget(self.number_label)
        self.next_steps = _label("", page)
        layout.addWidget(self.next_steps)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        return page

    def pair_with_code(self) -> None:
        if not self.next_button.isEnabled():  # Enter while the last try is still running
            return
        try:
            code = typed_code(self.code_field.text())
        except KioskError as exc:
            self._refused(exc)
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the answer file for the coordinator"),
            str(self.answer or self.invitation.parent / self._answer_name()),
            self.tr("Pairing files (*.json)"),
        )
        if not path:
            return
        self.answer = target = with_suffix(path)
        ctx, invitation = self.state.ctx, self.invitation
        self._set_busy(True)
        set_banner(self.banner, self.tr("Checking the code…"), "info")
        run_in_background(
            lambda: pairing.join(ctx, invitation, code, target), self._joined, self._failed
        )

    def _answer_name(self) -> str:
        name = device_name(self.state.ctx) or short_id(self.state.ctx.device_id)
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name)
        return f"tsunagari-answer-{safe}{PAIRING_SUFFIX}"

    def _joined(self, joined: pairing.Joined) -> None:
        self._set_busy(False)
        organisation = joined.coordinator.organisation or short_id(joined.coordinator.device_id)
        self.paired_label.setText(
            self.tr("Answer saved for the coordinator of %1.").replace("%1", organisation)
        )
        self.number_label.setText(joined.confirmation)
        self.next_steps.setText(
            "\n".join(
                (
                    self.tr("1. Carry the answer file to the coordinator's PC: %1"),
                    self.tr("2. There, open it with “Open an answer file…”."),
                    self.tr(
                        "3. The coordinator's screen must show this same number. If it shows "
                        "another, tell the coordinator: the pairing is then cancelled."
                    ),
                )
            ).replace("%1", str(joined.answer))
        )
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()
        self.joined.emit(joined)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, KioskError):
            log.error("pairing failed", exc_info=exc)  # the file names no person
            exc = StorageError("storage_failed")
        self._refused(exc)

    def _refused(self, exc: KioskError) -> None:
        set_banner(self.banner, message_for(exc, self.state.lang), "error")
        self.code_field.setFocus()
        self.code_field.selectAll()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.next_button, self.cancel_button, self.code_field):
            widget.setEnabled(not busy)
