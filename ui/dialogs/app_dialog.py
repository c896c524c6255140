"""The app's one message, confirmation and choice box, in the app's own look.

Stock boxes showed 「はい(Y)／いいえ(N)」, a blue "?" and buttons that cut
their own text. Here every button names what it does (「キャンセル待ちにする」,
「戻る」), is as wide as its text and at least 44 px tall, and the buttons
stack into a column when the window is too narrow for a row. Escape (and
the window's close box) always chooses the safe answer, and Enter presses
the safe answer unless the caller names a harmless default. The first tap
decides: a double tap cannot answer twice.

Call `tell`, `confirm` or `choose` through the module (`app_dialog.confirm`),
so tests can answer every box at one place (tests/ui/conftest.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError

KINDS = ("question", "info", "warning", "error")
PREFERRED_WIDTH = 560  # a calm reading width for the message
MARGIN = 28
SPACING = 12
MIN_BUTTON_WIDTH = 96  # a short verb (「戻る」) is still an easy target
FIELD_HEIGHT = 48  # a field to type in, as easy to tap as a button


@dataclass(frozen=True)
class Choice:
    """One button: `key` is what `choose` returns, `text` a verb, `role` its look.

    role: "primary" (the expected action), "danger" (a risky one) or "" (plain).
    """

    key: str
    text: str
    role: str = ""


class AppDialog(QDialog):
    """A heading, a message and a row (or column) of verb buttons."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        choices: Sequence[Choice],
        safe: str,
        *,
        default: str | None = None,
        kind: str = "question",
        field: QWidget | None = None,
        listing: bool = False,
    ) -> None:
        super().__init__(parent)
        keys = [c.key for c in choices]
        if safe not in keys or (default is not None and default not in keys):
            raise ValueError(f"safe/default must be among {keys}")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        self.setObjectName("AppDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.safe = safe
        self.chosen = safe
        self.answered = False
        self.choices = list(choices)
        self.outer = layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 24, MARGIN, 22)
        layout.setSpacing(14)
        self.heading = QLabel(title, self)
        self.heading.setProperty("role", "dialog-heading")
        self.heading.setProperty("kind", kind)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(text, self)
        self.message.setProperty("role", "dialog-message")
        self.message.setWordWrap(True)
        # Nicknames and file names are shown as typed, never read as HTML.
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.message, 1)
        # What she types (a name, a number) sits between the question and the verbs.
        self.field = field
        if field is not None:
            field.setParent(self)
            self.message.setBuddy(field)
            layout.addWidget(field)

        self.buttons: dict[str, QPushButton] = {}
        for choice in self.choices:
            button = QPushButton(choice.text, self)
            if choice.role:
                button.setProperty("role", choice.role)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, key=choice.key: self.pick(key))
            self.buttons[choice.key] = button
        pressed_by_enter = self.buttons[default or safe]
        pressed_by_enter.setDefault(True)
        (field or pressed_by_enter).setFocus()
        self.strip = QWidget(self)
        self.strip_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.strip)
        self.strip_layout.setContentsMargins(0, 4, 0, 0)
        self.strip_layout.setSpacing(SPACING)
        self.in_column = False
        # A list of options to pick from reads top to bottom, always in a column.
        self.listing = listing
        layout.addWidget(self.strip)
        self._size_buttons()
        self._place_buttons(column=listing)
        self.setMinimumWidth(self.column_width())
        self.resize(self.width_for(self.room()), self.sizeHint().height())

    # -- answering -----------------------------------------------------------------

    def pick(self, key: str) -> None:
        """The first answer counts; a second tap of a double tap finds it decided."""
        if self.answered:
            return
        self.answered = True
        self.chosen = key
        if key == self.safe:
            super().reject()
        else:
            self.accept()

    def reject(self) -> None:
        """Escape and the close box: the safe answer."""
        self.pick(self.safe)

    def ask(self) -> str:
        """Show the box and wait; the key of the choice made."""
        self.exec()
        return self.chosen

    # -- fitting -------------------------------------------------------------------

    def _size_buttons(self) -> None:
        """As wide as its text, always: a button never cuts its own verb.

        Measured once the style sheet has given each button its font (a primary
        button's is larger), so asked again when the box is shown.
        """
        self.ensurePolished()
        for button in self.buttons.values():
            button.ensurePolished()
            button.setMinimumWidth(max(MIN_BUTTON_WIDTH, button.sizeHint().width()))

    def row_width(self) -> int:
        """The buttons side by side, at their own widths, with the margins."""
        widths = [b.minimumWidth() for b in self.buttons.values()]
        return sum(widths) + SPACING * (len(widths) - 1) + 2 * MARGIN

    def column_width(self) -> int:
        """The narrowest the box may be: its widest button, one per line."""
        return max(b.minimumWidth() for b in self.buttons.values()) + 2 * MARGIN

    def room(self) -> int:
        """How wide the box may be: its window's width, or the screen's."""
        parent = self.parentWidget()
        if parent is not None and parent.window().isVisible():
            return parent.window().width() - 32
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry().width() - 32 if screen else PREFERRED_WIDTH

    def width_for(self, room: int) -> int:
        wanted = max(PREFERRED_WIDTH, self.column_width() if self.listing else self.row_width())
        return max(self.column_width(), min(wanted, room))

    def _place_buttons(self, column: bool) -> None:
        """A row (safe answer left, the action right) or a column (action on top)."""
        self.in_column = column
        box = self.strip_layout
        while box.count():
            box.takeAt(0)
        order = list(self.buttons.values())
        safe_button = self.buttons[self.safe]
        order.remove(safe_button)
        if column:
            box.setDirection(QBoxLayout.Direction.TopToBottom)
            for button in order if self.listing else reversed(order):
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                box.addWidget(button)
            safe_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            box.addWidget(safe_button)
        else:
            box.setDirection(QBoxLayout.Direction.LeftToRight)
            box.addWidget(safe_button)
            box.addStretch(1)
            for button in order:
                button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
                box.addWidget(button)

    def _fit(self) -> None:
        column = self.listing or self.row_width() > self.width()
        if column != self.in_column:
            self._place_buttons(column)
            self.outer.activate()
        needed = self.outer.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        self._size_buttons()
        self.setMinimumWidth(self.column_width())
        self.resize(self.width_for(self.room()), self.height())
        self._fit()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    kind: str = "info",
    close_text: str | None = None,
) -> None:
    """A message with one button (「閉じる」 unless the caller names a better verb)."""
    close = Choice(
        "close", close_text or QCoreApplication.translate("AppDialog", "Close"), "primary"
    )
    AppDialog(parent, title, text, [close], "close", kind=kind).ask()


def tell_error(parent: QWidget | None, error: KioskError, lang: str, title: str) -> None:
    """A refused action said in a box, for where no banner can say it."""
    tell(parent, title, describe(error, lang), kind="warning")


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    back: str,
    *,
    danger: bool = False,
    enter_acts: bool = False,
) -> bool:
    """True only when the `action` button was pressed.

    Escape, the close box and (unless `enter_acts`) Enter choose `back`.
    `danger` marks an action that removes or cancels something.
    """
    choices = [Choice("back", back), Choice("action", action, "danger" if danger else "primary")]
    dialog = AppDialog(
        parent, title, text, choices, "back", default="action" if enter_acts else None
    )
    return dialog.ask() == "action"


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[Choice],
    safe: str,
    *,
    default: str | None = None,
) -> str:
    """The key of the chosen verb; `safe` when she pressed Escape or closed the box."""
    return AppDialog(parent, title, text, choices, safe, default=default).ask()


def entry_dialog(
    parent: QWidget | None, title: str, text: str, action: str, back: str, field: QWidget
) -> AppDialog:
    """A box with a field: Enter in the field presses `action`, Escape `back`."""
    choices = [Choice("back", back), Choice("action", action, "primary")]
    return AppDialog(parent, title, text, choices, "back", default="action", field=field)


def text_field(value: str = "", max_length: int = 80) -> QLineEdit:
    line = QLineEdit(value)
    line.setMaxLength(max_length)
    line.setMinimumHeight(FIELD_HEIGHT)
    line.selectAll()
    return line


def number_field(value: int, minimum: int, maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(value)
    box.setMinimumHeight(FIELD_HEIGHT)
    box.selectAll()
    return box


def ask_text(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    back: str,
    *,
    value: str = "",
    max_length: int = 80,
) -> str | None:
    """What she typed, or None when she went back. The check of what was typed is the caller's."""
    line = text_field(value, max_length)
    answered = entry_dialog(parent, title, text, action, back, line).ask() == "action"
    return line.text() if answered else None


def ask_number(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    back: str,
    *,
    value: int,
    minimum: int,
    maximum: int,
) -> int | None:
    """A whole number in [minimum, maximum], or None when she went back."""
    box = number_field(value, minimum, maximum)
    answered = entry_dialog(parent, title, text, action, back, box).ask() == "action"
    return box.value() if answered else None


def pick_dialog(
    parent: QWidget | None,
    title: str,
    text: str,
    options: Sequence[tuple[str, str]],
    back: str,
) -> AppDialog:
    """A short list of reasons or kinds as a column of large buttons, not a drop-down:
    one tap, and every choice in view. Its safe answer (「戻る」) has the key ""."""
    choices = [Choice("", back), *(Choice(key, label) for key, label in options)]
    return AppDialog(parent, title, text, choices, "", listing=True)


def pick_one(
    parent: QWidget | None,
    title: str,
    text: str,
    options: Sequence[tuple[str, str]],
    back: str,
) -> str | None:
    """The key of the option she tapped; None when she went back."""
    return pick_dialog(parent, title, text, options, back).ask() or None
