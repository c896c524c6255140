"""A date field with ◀ ▶ and Today: how the tally and consultations screens pick a day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDateEdit, QPushButton, QWidget

from ui.widgets.text_width import hold_text_width


@dataclass(frozen=True)
class DayStepper:
    day: QDateEdit
    previous: QPushButton
    next: QPushButton
    today_button: QPushButton


TOUCH = 48  # ◀ and ▶ are at least a fingertip wide


def day_stepper(parent: QWidget, width: int, to_today: Callable[[], None]) -> DayStepper:
    """The widgets, wired: ◀ and ▶ move a day, Today calls `to_today`. The screen lays them out."""
    day = QDateEdit(parent)
    day.setCalendarPopup(True)
    day.setDisplayFormat("yyyy-MM-dd")
    day.setMinimumWidth(width)
    previous = QPushButton("◀", parent)
    hold_text_width(previous, at_least=TOUCH)
    following = QPushButton("▶", parent)
    hold_text_width(following, at_least=TOUCH)
    day.setAccessibleName(QCoreApplication.translate("DayStepper", "Day"))
    previous.setAccessibleName(QCoreApplication.translate("DayStepper", "Previous day"))
    following.setAccessibleName(QCoreApplication.translate("DayStepper", "Next day"))
    today = QPushButton(QCoreApplication.translate("DayStepper", "Today"), parent)
    for button in (previous, following, today):
        button.setAutoDefault(False)
    previous.clicked.connect(lambda: day.setDate(day.date().addDays(-1)))
    following.clicked.connect(lambda: day.setDate(day.date().addDays(1)))
    today.clicked.connect(to_today)
    return DayStepper(day, previous, following, today)
