"""A row of large toggle buttons for one answer (age band, residence, ...).

Touch-friendly (48 px high) and keyboard-friendly: Tab reaches the row (one
stop per row: the chosen answer, else the first), arrow keys move along it,
Space picks; the next Tab goes on to the next row. Labels come from kiosk (choice.* in resources/locales)
so the screen, CSV and PDF all say the same words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QPushButton, QSizePolicy, QWidget

from kiosk.core import choices
from ui.widgets.flow_layout import FlowLayout


class ChoiceButtons(QWidget):
    """Exclusive choice; with `optional`, clicking the chosen one clears it."""

    selection_changed = Signal(object)  # the code, or None

    def __init__(
        self,
        items: list[tuple[str, str]],
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # we enforce exclusivity, so a click can clear
        self._buttons: dict[str, QPushButton] = {}
        layout = FlowLayout(self, spacing=6)
        for code, text in items:
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setProperty("role", "choice")
            button.setProperty("code", code)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setAutoDefault(False)
            button.installEventFilter(self)
            self._group.addButton(button)
            self._buttons[code] = button
            layout.addWidget(button)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._group.buttonClicked.connect(self._clicked)
        self._one_tab_stop()

    @classmethod
    def for_group(cls, group: str, lang: str, optional: bool = False) -> ChoiceButtons:
        return cls([(c.code, c.label(lang)) for c in choices.options(group)], optional)

    def _clicked(self, button: QPushButton) -> None:
        code = button.property("code")
        self._one_tab_stop(button)
        if button.isChecked():
            for other in self._buttons.values():
                if other is not button:
                    other.setChecked(False)
            self.selection_changed.emit(code)
        elif self._optional:
            self.selection_changed.emit(None)
        else:
            button.setChecked(True)  # a required answer is changed, never cleared

    def value(self) -> str | None:
        for code, button in self._buttons.items():
            if button.isChecked():
                return code
        return None

    def set_value(self, code: str | None) -> None:
        for c, button in self._buttons.items():
            button.setChecked(c == code)
        self._one_tab_stop()

    def _one_tab_stop(self, stop: QPushButton | None = None) -> None:
        """Tab stops at one button of the row (`stop`, else the chosen one, else the
        first), so a keyboard user crosses a row of eight answers with one Tab; the
        others still take focus by click and by the arrow keys."""
        buttons = list(self._buttons.values())
        if not buttons:
            return
        if stop is None:
            stop = next((b for b in buttons if b.isChecked()), buttons[0])
        for button in buttons:
            policy = Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)

    def focus_first(self) -> None:
        next(iter(self._buttons.values())).setFocus()

    def button(self, code: str) -> QPushButton:
        return self._buttons[code]

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            buttons = list(self._buttons.values())
            if watched in buttons and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                i = buttons.index(watched)
                step = 1 if event.key() == Qt.Key.Key_Right else -1
                target = buttons[(i + step) % len(buttons)]
                self._one_tab_stop(target)
                target.setFocus()
                return True
        return False
