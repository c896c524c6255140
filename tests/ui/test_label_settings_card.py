"""Settings → pickup labels: the size and printing at check-in, saved as they are clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinterInfo

from kiosk.door import label_settings
from kiosk.door.pickup_label import ROLL_62, SHEET_A4_12
from ui.settings.label_settings_card import LabelSettingsCard


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def card(window) -> LabelSettingsCard:
    window.show_widget(window.settings)
    [found] = window.settings.findChildren(LabelSettingsCard)
    return found


def test_size_and_print_at_check_in_are_saved_as_clicked(qtbot, window, card):
    ctx = window.state.ctx
    # Off by default, on the 62 mm roll.
    assert card.size_choice.value() == ROLL_62
    assert not card.at_checkin.isChecked()
    assert "最初の受付" in card.printer_line.text()

    click(qtbot, card.size_choice.button(SHEET_A4_12))
    assert label_settings.label_settings(ctx).size == SHEET_A4_12
    assert card.banner.text() == "保存しました。"

    card.at_checkin.click()
    assert label_settings.label_settings(ctx).print_at_checkin
    assert "受付のたびに" in card.banner.text()
    card.at_checkin.click()
    assert not label_settings.label_settings(ctx).print_at_checkin

    # What was saved is what a fresh card shows.
    label_settings.set_print_at_checkin(ctx, True)
    label_settings.set_printer(ctx, "Brother QL-800")
    again = LabelSettingsCard(window.state)
    qtbot.addWidget(again)
    assert again.size_choice.value() == SHEET_A4_12
    assert again.at_checkin.isChecked()
    assert again.printer_line.text() == "受付時の印刷先：Brother QL-800"


def test_choosing_a_printer_without_any_says_so(qtbot, window, card, monkeypatch):
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", lambda: [])
    click(qtbot, card.choose_button)
    assert "プリンターが設定されていません" in card.banner.text()
    assert "PDF" in card.banner.text()
    assert label_settings.label_settings(window.state.ctx).printer == ""


def test_a_failed_save_is_a_message_and_the_card_shows_what_is_stored(
    qtbot, window, card, monkeypatch
):
    from kiosk.core.errors import KioskError

    def refuse(*_args):
        raise KioskError("io_error")

    monkeypatch.setattr(label_settings, "set_label_size", refuse)
    click(qtbot, card.size_choice.button(SHEET_A4_12))
    assert "保存されていません" in card.banner.text()
    assert card.size_choice.value() == ROLL_62  # back to what is stored
    assert label_settings.label_settings(window.state.ctx).size == ROLL_62
