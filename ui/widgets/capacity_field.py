"""Places for a workshop: a number, or "no limit" (None)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QWidget

from kiosk.workshops.catalogue import MAX_CAPACITY


class CapacityField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spin = QSpinBox(self)
        self.spin.setRange(1, MAX_CAPACITY)
        self.unlimited = QCheckBox(self.tr("No limit"), self)
        self.unlimited.toggled.connect(lambda on: self.spin.setEnabled(not on))
        layout.addWidget(self.spin)
        layout.addWidget(self.unlimited)
        layout.addStretch(1)

    def value(self) -> int | None:
        return None if self.unlimited.isChecked() else self.spin.value()

    def set_value(self, capacity: int | None, fallback: int = 10) -> None:
        self.unlimited.setChecked(capacity is None)
        self.spin.setValue(capacity or fallback)
