"""The pickup codes stay up for the parent: a held or doubled Enter does not close them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from kiosk.door.childcare import ChildInfo
from tests.ui.gestures import hold_key
from ui.dialogs.pickup_dialog import PickupCodesDialog


@pytest.fixture
def codes_dialog(qtbot, qapp, gestures):
    child = ChildInfo(
        id="c1",
        visit_id="v1",
        visit_number=7,
        age_band="3-5",
        pickup_code="482",
        care_note=None,
        checked_in_at=datetime(2026, 11, 22, 1, 0, tzinfo=UTC),
        handed_back_at=None,
        status="in_care",
    )
    dialog = PickupCodesDialog([child], "ja", lambda _kids: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_enter_that_checked_her_in_does_not_close_the_codes(qtbot, codes_dialog, gestures):
    hold_key(gestures, codes_dialog)  # still held from 受付する, or pressed twice
    assert codes_dialog.isVisible()
    gestures.pause()
    qtbot.keyClick(codes_dialog, Qt.Key.Key_Return)  # a deliberate Enter, later
    assert not codes_dialog.isVisible()
    assert codes_dialog.result() == PickupCodesDialog.DialogCode.Accepted


def test_a_quick_second_enter_does_not_close_the_codes(qtbot, codes_dialog, gestures):
    gestures.advance(0.2)  # a second, separate press of Enter just after the one that checked in
    qtbot.keyClick(codes_dialog, Qt.Key.Key_Return)
    assert codes_dialog.isVisible()
    qtbot.mouseClick(codes_dialog.close_button, Qt.MouseButton.LeftButton)
    assert codes_dialog.isVisible()
