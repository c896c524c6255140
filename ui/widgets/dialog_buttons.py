"""The row closing a dialog: Cancel on the left, the one primary action on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton


def dialog_buttons(
    dialog: QDialog, cancel_text: str, ok_text: str, on_ok: Callable[[], None]
) -> tuple[QHBoxLayout, QPushButton]:
    """The row and its primary button (Enter presses it; Cancel rejects the dialog)."""
    row = QHBoxLayout()
    cancel = QPushButton(cancel_text, dialog)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    ok = QPushButton(ok_text, dialog)
    ok.setProperty("role", "primary")
    ok.setDefault(True)
    ok.clicked.connect(on_ok)
    row.addWidget(cancel)
    row.addStretch(1)
    row.addWidget(ok)
    return row, ok
