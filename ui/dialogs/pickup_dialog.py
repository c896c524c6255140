"""Shows the pickup codes large for the parent, with her printed labels.

One of the only two places a code is shown (the other is the label itself):
it opens right after the check-in, for the parent, and closes when she has it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices
from kiosk.door.childcare import ChildInfo
from ui.widgets.single_action import SingleAction


class PickupCodesDialog(QDialog):
    def __init__(
        self,
        children: Sequence[ChildInfo],
        lang: str,
        print_labels: Callable[[Sequence[ChildInfo]], str | None],
        parent: QWidget | None = None,
        save_pdf: Callable[[Sequence[ChildInfo]], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pickup codes"))
        self.kids = list(children)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        title = QLabel(self.tr("Please show these codes to the parent"), self)
        title.setProperty("role", "title")
        hint = QLabel(
            self.tr("A child is handed back only against her code. Print a label or note it down."),
            self,
        )
        hint.setProperty("role", "subtitle")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.code_labels: list[QLabel] = []
        for i, child in enumerate(self.kids):
            code = QLabel(child.pickup_code, self)
            code.setProperty("role", "big-code")
            code.setAlignment(Qt.AlignmentFlag.AlignCenter)
            age = QLabel(choices.label("child_age_band", child.age_band, lang), self)
            age.setAlignment(Qt.AlignmentFlag.AlignCenter)
            age.setProperty("role", "section")
            grid.addWidget(code, 0, i)
            grid.addWidget(age, 1, i)
            self.code_labels.append(code)
        layout.addLayout(grid)
        # Where the labels went (a printer, a file), never the codes themselves.
        self.print_status = QLabel(self)
        self.print_status.setProperty("role", "hint")
        self.print_status.setWordWrap(True)
        self.print_status.hide()
        layout.addWidget(self.print_status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print labels"), self)
        self.print_button.setAutoDefault(False)
        SingleAction(self).on_button(self.print_button, lambda: self._said(print_labels(self.kids)))
        buttons.addWidget(self.print_button)
        self.pdf_button: QPushButton | None = None
        if save_pdf is not None:
            self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
            self.pdf_button.setAutoDefault(False)
            SingleAction(self).on_button(self.pdf_button, lambda: self._said(save_pdf(self.kids)))
            buttons.addWidget(self.pdf_button)
        self.close_button = QPushButton(self.tr("Done (Enter)"), self)
        self.close_button.setProperty("role", "primary")
        self.close_button.setDefault(True)
        # The Enter that checked her in may still be down, or pressed twice: that
        # must not close the codes before the parent has seen them.
        self.done_once = SingleAction(self)
        self.done_once.on_button(self.close_button, self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def _said(self, line: str | None) -> None:
        if line:
            self.print_status.setText(line)
            self.print_status.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.done_once.hold()
