"""A question whose buttons say what they do (「閉じる」／「戻る」), not はい／いいえ.

For questions where the safe answer must be the easy one: Enter and Esc both
choose going back, so a hurried key press never does the risky thing. Tests
answer it through the `dialogs` fixture, which replaces `ask`, so callers use
`verb_question.ask(...)`, not a copy imported by name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, action: str, back: str) -> bool:
    """True only when the `action` button was pressed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(back, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    return box.clickedButton() is go
