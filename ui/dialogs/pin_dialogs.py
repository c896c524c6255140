"""The coordinator PIN: unlock the kiosk, or set a new PIN in Settings.

A tablet may have no keyboard, so the dialogs carry their own number pad of
large keys; a keyboard works as well. The PIN itself is checked and stored
by kiosk/care/pin.py (scrypt hash, growing wait after five misses).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.care import pin as coordinator_pin
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from ui.widgets.error_display import message_for, new_banner, set_banner


def _pin_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(coordinator_pin.MAX_DIGITS)
    field.setValidator(QRegularExpressionValidator(r"[0-9]*", field))
    field.setProperty("role", "code-entry")
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class PinKeypad(QWidget):
    """Ten digits and a delete key, 64 px each, typing into whichever field is current."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        layout = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "⌫"]
        for i, key in enumerate(layout):
            if not key:
                continue
            button = QPushButton(key, self)
            button.setProperty("role", "pin-key")
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key == "⌫":
                button.setText(self.tr("Delete"))
                button.clicked.connect(self._delete)
            else:
                button.clicked.connect(lambda _=False, digit=key: self._type(digit))
            self.keys[key] = button
            grid.addWidget(button, i // 3, i % 3)
        self.ensurePolished()
        for button in self.keys.values():
            button.ensurePolished()
        self.setMinimumSize(grid.sizeHint())  # never squeezed below 64-px keys

    def _type(self, digit: str) -> None:
        if self.target is not None and len(self.target.text()) < self.target.maxLength():
            self.target.setText(self.target.text() + digit)

    def _delete(self) -> None:
        if self.target is not None:
            self.target.setText(self.target.text()[:-1])

    def press(self, digits: str) -> None:
        """Tap the keys for `digits` (tests and the screenshot script use it)."""
        for digit in digits:
            self.keys[digit].click()


class UnlockDialog(QDialog):
    """Asks for the coordinator PIN to leave the kiosk; accepted only when it is right."""

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.setWindowTitle(self.tr("Leave the questionnaire"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # room for the message
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Coordinator PIN"), self)
        title.setProperty("role", "title")
        hint = QLabel(self.tr("Only staff can leave the questionnaire."), self)
        hint.setProperty("role", "hint")
        self.banner = new_banner(self)
        self.field = _pin_field(self)
        self.field.returnPressed.connect(self.try_pin)
        self.keypad = PinKeypad(self)
        self.keypad.target = self.field
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Back to the questionnaire"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Leave"), self)
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.try_pin)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        for widget in (title, hint, self.banner, self.field, self.keypad):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.field.setFocus()

    def try_pin(self) -> None:
        pin = self.field.text()
        self.field.clear()
        try:
            coordinator_pin.verify(self.ctx, pin)
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.lang), "error")
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            return
        self.accept()


class SetPinDialog(QDialog):
    """A new coordinator PIN, typed twice."""

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.setWindowTitle(self.tr("Coordinator PIN"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "The PIN lets staff leave the questionnaire kiosk. Use %1 to %2 digits "
                "that participants cannot guess."
            )
            .replace("%1", str(coordinator_pin.MIN_DIGITS))
            .replace("%2", str(coordinator_pin.MAX_DIGITS)),
            self,
        )
        intro.setWordWrap(True)
        self.banner = new_banner(self)
        self.first = _pin_field(self)
        self.again = _pin_field(self)
        # Labels above the fields, not placeholders: a 34-px placeholder was cut to
        # 「確認のためもう…」, and a label stays readable while she types.
        first_label = QLabel(self.tr("New PIN"), self)
        again_label = QLabel(self.tr("The same PIN again, to check"), self)
        for label, field in ((first_label, self.first), (again_label, self.again)):
            label.setProperty("role", "section")
            label.setBuddy(field)
            field.setAccessibleName(label.text())
        self.keypad = PinKeypad(self)
        self.keypad.target = self.first
        for field in (self.first, self.again):
            field.installEventFilter(self)
        self.again.returnPressed.connect(self.save)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save the PIN"), self)
        self.save_button.setProperty("role", "primary")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        for widget in (intro, self.banner, first_label, self.first, again_label, self.again):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(buttons)  # below the keypad, never over its last row
        self.outer = layout
        self.resize(self.keypad.minimumWidth() + 48, self.height())
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped intro at this width: the keypad's last row
        (0 and 消す) was drawn under Cancel/Save when the intro's lines were not counted."""
        needed = self.outer.totalHeightForWidth(self.width())
        if needed > 0:
            self.setMinimumHeight(needed)
            if self.height() < needed:
                self.resize(self.width(), needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The number pad types into the field that has the focus."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.keypad.target = watched
        return False

    def save(self) -> None:
        try:
            coordinator_pin.set_pin(self.ctx, self.first.text(), self.again.text())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.lang), "error")
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            self.again.clear()
            return
        self.accept()
