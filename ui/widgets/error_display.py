"""Turn a coded KioskError into a sentence on screen, in the UI language."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError


def message_for(error: KioskError, lang: str) -> str:
    return describe(error, lang)


def set_banner(label: QLabel, text: str, kind: str) -> None:
    """Show a coloured line: kind is 'ok', 'error' or 'info'; empty text hides it."""
    label.setProperty("role", f"banner-{kind}")
    label.setText(text)
    label.setVisible(bool(text))
    label.style().unpolish(label)
    label.style().polish(label)


def new_banner(parent: QWidget) -> QLabel:
    """An empty, hidden message line; `set_banner` fills and shows it."""
    label = QLabel(parent)
    label.setWordWrap(True)
    set_banner(label, "", "ok")
    return label
