"""The Qt binding the app runs on must not leak references to None.

PySide6 6.12.0 takes a reference away from None on every call of a Qt method
that returns nothing (QLabel.setText among them). Python 3.11 counts None's
references like any object's, so after some hundred thousand such calls —
one busy day of counters and banners at the door — it frees None and the
process dies ("Fatal Python error: none_dealloc"). pyproject.toml excludes
that version; this test fails on any binding that does it again.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_a_qt_call_that_returns_nothing_keeps_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("受付しました")
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"{lost} references to None lost in 200 calls of QLabel.setText"
