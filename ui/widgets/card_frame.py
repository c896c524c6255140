"""The white card every screen groups its parts in: a frame, a section title, a column.

One place for the look, so a card built by a screen and a card that is its
own widget (Settings → Backups) cannot drift apart. Screens that want a
tighter card pass their own margins.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def card_layout(
    frame: QFrame, title: str, margins: tuple[int, int] = (18, 14), spacing: int = 10
) -> QVBoxLayout:
    """Make `frame` a card headed by `title`; returns the column to add the content to.

    `margins` are (left and right, top and bottom); a spacing of -1 keeps the style's.
    """
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    across, down = margins
    layout.setContentsMargins(across, down, across, down)
    layout.setSpacing(spacing)
    label = QLabel(title, frame)
    label.setProperty("role", "section")
    layout.addWidget(label)
    return layout


def new_card(
    parent: QWidget, title: str, margins: tuple[int, int] = (18, 14), spacing: int = 10
) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    return card, card_layout(card, title, margins, spacing)
