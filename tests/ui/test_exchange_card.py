"""Settings → data exchange: rename behind the PIN, export, import with a summary, bad files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from kiosk import checkin, coordinator_pin, events, venues
from kiosk.checkin import CheckInRequest
from kiosk.database import open_database
from kiosk.exchange_export import export_for_coordinator
from kiosk.exchange_ledger import device_name, set_device_name
from kiosk.paths import DataFolder
from tests.pairing_helpers import pair
from tests.ui.test_privacy_card import pin_typed  # noqa: F401 - a fixture
from ui.exchange_card import ExchangeCard


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def card(window) -> ExchangeCard:
    window.show_widget(window.settings)
    [found] = window.settings.findChildren(ExchangeCard)
    return found


@pytest.fixture
def other_pc_file(ctx, tmp_path) -> Path:
    """A file exported by a venue PC paired with this one, with four visits."""
    folder = DataFolder(tmp_path / "pc2")
    opened = open_database(folder=folder)
    pc = replace(opened, clock=ctx.clock)  # made on this PC's day, not in its future
    try:
        set_device_name(pc, "東部PC")
        pair(ctx, pc, tmp_path / "pairing")
        venue = venues.complete_setup(pc, "NPOつながり", "東部コミュニティセンター", "in_person")
        event = events.open_event(pc, venue.id)
        for _ in range(4):
            checkin.check_in(
                pc, CheckInRequest(event_id=event.id, age_band="40s", residence="resident")
            )
        return export_for_coordinator(pc, tmp_path / "usb" / "pc2.tsunagari").path
    finally:
        opened.sessions.kw["bind"].dispose()


def choose_files(monkeypatch, *paths: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], "")
    )


def test_importing_shows_the_summary_per_table_and_the_sending_pc(
    qtbot, card, other_pc_file, monkeypatch
):
    choose_files(monkeypatch, other_pc_file)
    click(qtbot, card.import_button)
    qtbot.waitUntil(lambda: card.import_button.isEnabled() and "東部PC" in card.banner.text())

    assert card.banner.text().startswith("東部PC: 新規 ")
    assert card.banner.text().endswith("・更新 0件・変更なし 0件・競合 0件")
    rows = {
        card.result_tree.topLevelItem(i).text(0): card.result_tree.topLevelItem(i).text(1)
        for i in range(card.result_tree.topLevelItemCount())
    }
    assert rows["来所"] == "4"
    assert card.devices.topLevelItem(0).text(0).startswith("東部PC (")
    venues_shown = [
        card.venues.topLevelItem(i).text(0) for i in range(card.venues.topLevelItemCount())
    ]
    assert "東部コミュニティセンター" in venues_shown

    click(qtbot, card.import_button)  # the same file again
    qtbot.waitUntil(lambda: "何も変わっていません" in card.banner.text())
    assert card.banner.text().startswith("東部PC: このファイルは ")
    assert card.banner.text().endswith(" に取り込み済みです。何も変わっていません。")


def test_a_damaged_file_is_explained_and_nothing_is_imported(
    qtbot, card, tmp_path, monkeypatch, db_state
):
    broken = tmp_path / "broken.tsunagari"
    broken.write_bytes(b"TSUNAGARI-SEALED/1\nbroken")
    before = db_state()
    choose_files(monkeypatch, broken)
    click(qtbot, card.import_button)
    qtbot.waitUntil(lambda: card.import_button.isEnabled() and "壊れて" in card.banner.text())
    assert "何も取り込んでいません" in card.banner.text()
    assert db_state() == before


def test_export_writes_the_file_and_the_count_of_unexported_rows_drops_to_zero(
    qtbot, card, ctx, tmp_path, monkeypatch
):
    hub = open_database(folder=DataFolder(tmp_path / "coordinator"))
    try:
        pair(hub, ctx, tmp_path / "pairing")
    finally:
        hub.sessions.kw["bind"].dispose()
    assert "まだ書き出していない記録" in card.status_label.text()
    assert "0件" not in card.status_label.text()
    target = tmp_path / "usb" / "to-coordinator"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, card.export_button)
    qtbot.waitUntil(
        lambda: card.export_button.isEnabled() and "書き出しました" in card.banner.text()
    )

    assert target.with_suffix(".tsunagari").is_file()
    assert "まだ書き出していない記録 0件" in card.status_label.text()


def test_renaming_this_pc_needs_the_coordinator_pin(qtbot, card, ctx, monkeypatch, pin_typed):  # noqa: F811
    coordinator_pin.set_pin(ctx, "2468", "2468")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("会場PC 1", True))

    typed, _shown = pin_typed
    typed.append("1111")
    click(qtbot, card.rename_button)
    assert device_name(ctx) == ""
    assert "PIN" in card.banner.text()

    typed.append("2468")
    click(qtbot, card.rename_button)
    assert device_name(ctx) == "会場PC 1"
    assert card.name_label.text().startswith("このPC: 会場PC 1 (")


def test_an_empty_name_is_refused_with_a_message(qtbot, card, ctx, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    click(qtbot, card.rename_button)
    assert device_name(ctx) == ""
    assert "端末名" in card.banner.text()


def test_the_card_does_not_count_rows_at_every_check_in_while_settings_is_hidden(
    qtbot, window, ctx, monkeypatch
):
    [card] = window.settings.findChildren(ExchangeCard)
    window.show_widget(window.checkin)
    counted: list[int] = []
    import ui.exchange_card as module

    real = module.exchange_overview
    monkeypatch.setattr(module, "exchange_overview", lambda c: counted.append(1) or real(c))
    window.state.notify()
    window.state.notify()
    assert counted == []
    window.show_widget(window.settings)
    assert counted == [1]
    assert "まだ書き出していない記録" in card.status_label.text()
