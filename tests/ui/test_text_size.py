"""Ctrl+plus / Ctrl+minus / Ctrl+0 change the text size, and this computer keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.core import text_size
from kiosk.core.context import AppContext
from ui.app import AppShell, load_look
from ui.main_window import MainWindow
from ui.text_size import apply_text_size, scaled_sheet

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def normal_size_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_text_size(qapp, text_size.NORMAL)  # the next test starts at the normal size


def shown_px(label: QLabel) -> int:
    label.ensurePolished()
    return label.font().pixelSize()


def press(qtbot: Any, window: MainWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a shortcut acts in the active window
    qtbot.keyClick(window.checkin, key, CTRL)


def test_ctrl_plus_makes_the_text_larger_and_the_next_start_keeps_it(
    qtbot: Any, qapp: QApplication, window: MainWindow, shell: AppShell, ctx: AppContext
) -> None:
    label = window.checkin.closed_text  # 18px in the style sheet
    assert shown_px(label) == 18
    press(qtbot, window, Qt.Key.Key_Plus)
    assert shown_px(label) == 20  # 110 %
    press(qtbot, window, Qt.Key.Key_Plus)
    assert shown_px(label) == round(18 * 1.25)
    assert qapp.font().pixelSize() == round(15 * 1.25)  # widgets the sheet gives no size
    assert text_size.text_size(ctx) == 125

    # The next start: the look as the app loads it, then the window.
    window.hide()
    load_look(qapp)
    assert shown_px(QLabel("x")) == 15
    again = MainWindow(shell.state, shell.change_language)
    qtbot.addWidget(again)
    assert shown_px(again.checkin.closed_text) == round(18 * 1.25)

    again.show()
    qtbot.waitExposed(again)
    press(qtbot, again, Qt.Key.Key_Minus)
    assert shown_px(again.checkin.closed_text) == round(18 * 1.1)
    press(qtbot, again, Qt.Key.Key_0)
    assert shown_px(again.checkin.closed_text) == 18
    assert text_size.text_size(ctx) == text_size.NORMAL


def test_the_size_stops_at_the_largest_and_the_smallest(
    qtbot: Any, window: MainWindow, ctx: AppContext
) -> None:
    for _ in range(len(text_size.SIZES) + 2):
        press(qtbot, window, Qt.Key.Key_Plus)
    assert text_size.text_size(ctx) == max(text_size.SIZES)
    for _ in range(2 * len(text_size.SIZES)):
        press(qtbot, window, Qt.Key.Key_Minus)
    assert text_size.text_size(ctx) == min(text_size.SIZES)
    assert shown_px(window.checkin.closed_text) == round(18 * min(text_size.SIZES) / 100)


def test_every_font_size_of_the_sheet_is_scaled_and_nothing_else() -> None:
    sheet = "QLabel { font-size: 15px; min-height: 44px; }\nQPushButton { font-size:24px; }"
    scaled = scaled_sheet(sheet, 150)
    assert "font-size: 22px" in scaled  # 22.5, to whole pixels
    assert "font-size:36px" in scaled and "min-height: 44px" in scaled
    assert scaled_sheet(sheet, 100) == sheet


def test_a_stored_size_no_longer_offered_is_read_as_normal(ctx: AppContext) -> None:
    from kiosk.core import settings

    settings.put(ctx, text_size.KEY + ctx.device_id, "300")
    assert text_size.text_size(ctx) == text_size.NORMAL
    assert text_size.set_text_size(ctx, 118) == 125  # nearest size offered
    assert text_size.text_size(ctx) == 125


@pytest.mark.parametrize("width", [1366, 800])
def test_at_the_largest_size_the_sidebar_and_the_kpi_table_still_fit(
    qtbot: Any, window: MainWindow, width: int
) -> None:
    """The sidebar was a fixed 176 px and cut 「ワークショップ」 at 125 %; the KPI table's
    combo boxes had their own 15 px in a sheet of their own, which Ctrl+plus did not reach."""
    from kiosk.core import text_size as sizes
    from tests.ui.layout_check import layout_findings
    from ui.settings.kpi_targets_card import KpiTargetsCard

    window.resize(width, 768 if width > 1000 else 1280)
    for _ in range(len(sizes.SIZES)):
        press(qtbot, window, Qt.Key.Key_Plus)
    assert window.text_size.percent() == 150
    QApplication.processEvents()
    assert layout_findings(window.sidebar) == []
    window.show_widget(window.settings)
    card = window.settings.findChild(KpiTargetsCard)
    assert card is not None
    [combo, *_] = card.group_boxes.values()
    assert combo.font().pixelSize() == round(15 * 1.5)  # style.qss reaches it now
    assert layout_findings(card.table) == []
