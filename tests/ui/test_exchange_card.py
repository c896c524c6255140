"""Settings → data exchange: pairing in both windows, revoking behind the PIN, rename
behind the PIN, export, import with a summary, bad files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from db.models import Visit
from kiosk.care import pin
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.error_messages import MESSAGES
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from kiosk.exchange import pairing, undo
from kiosk.exchange.export import export_for_coordinator
from kiosk.exchange.ledger import device_name, set_device_name
from tests.pairing_helpers import QUICK_SCRYPT, pair
from tests.ui.app_dialogs import Answer
from tests.ui.test_privacy_card import pin_typed  # noqa: F401 - a fixture
from ui.dialogs.pairing_dialogs import AnswerDialog, InvitationDialog, JoinDialog
from ui.door_state import DoorState
from ui.settings.exchange_card import ExchangeCard


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
        opened.close()


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


def import_by_the_button(qtbot, card, monkeypatch, path: Path) -> None:
    choose_files(monkeypatch, path)
    click(qtbot, card.import_button)
    qtbot.waitUntil(lambda: card.import_button.isEnabled() and "東部PC" in card.banner.text())


def undoable(card: ExchangeCard) -> list[str]:
    return [card.imports.topLevelItem(i).text(0) for i in range(card.imports.topLevelItemCount())]


def visits_here(ctx) -> list[str]:
    with ctx.sessions() as session:
        return list(session.scalars(select(Visit.status)))


def test_an_import_is_undone_from_the_card_after_a_confirmation(
    qtbot, card, ctx, other_pc_file, monkeypatch, dialogs
):
    import_by_the_button(qtbot, card, monkeypatch, other_pc_file)
    assert undoable(card) == ["東部PC"] and len(visits_here(ctx)) == 4

    dialogs.answer = Answer.No
    click(qtbot, card.undo_button)
    assert len(visits_here(ctx)) == 4  # "Back": nothing undone

    dialogs.answer = Answer.Yes
    click(qtbot, card.undo_button)
    qtbot.waitUntil(lambda: card.undo_button.isEnabled() or "取り消しました" in card.banner.text())

    assert "東部PC" in dialogs.questions[-1]
    assert card.banner.text().startswith("取り消しました: 東部PC からの取り込み（新規")
    assert visits_here(ctx) == []
    assert undoable(card) == ["取り消せる取り込みはありません"]
    assert not card.undo_button.isEnabled()
    import_by_the_button(qtbot, card, monkeypatch, other_pc_file)  # the file may come again
    assert len(visits_here(ctx)) == 4


def test_undo_after_a_change_here_says_why_and_changes_nothing(
    qtbot, card, ctx, other_pc_file, monkeypatch, dialogs, db_state
):
    import_by_the_button(qtbot, card, monkeypatch, other_pc_file)
    with ctx.sessions() as session:
        first = session.scalars(select(Visit.id)).first()
    checkin.cancel_visit(ctx, first, "mistake")  # a change made here since
    before = db_state()

    click(qtbot, card.undo_button)
    qtbot.waitUntil(lambda: card.undo_button.isEnabled())

    assert card.banner.text().startswith("東部PC からの取り込みは取り消せません。")
    assert card.banner.text().endswith("何も変更していません。")
    assert db_state() == before


def test_undo_a_second_time_says_when_and_changes_nothing(
    qtbot, card, ctx, other_pc_file, monkeypatch, dialogs, db_state
):
    import_by_the_button(qtbot, card, monkeypatch, other_pc_file)
    [record] = undo.imports(ctx)
    undo.undo_import(ctx, record.file_id)  # meanwhile, on the command line
    before = db_state()

    click(qtbot, card.undo_button)  # the card still lists it
    qtbot.waitUntil(lambda: card.undo_button.isEnabled())

    assert "取り消し済みです。何も変更していません。" in card.banner.text()
    assert db_state() == before


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
        hub.close()
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


def test_renaming_this_pc_needs_the_coordinator_pin(qtbot, card, ctx, dialogs, pin_typed):  # noqa: F811
    pin.set_pin(ctx, "2468", "2468")
    dialogs.typed += ["会場PC 1", "会場PC 1"]  # typed again after the wrong PIN

    typed, _shown = pin_typed
    typed.append("1111")
    click(qtbot, card.rename_button)
    assert device_name(ctx) == ""
    assert "PIN" in card.banner.text()

    typed.append("2468")
    click(qtbot, card.rename_button)
    assert device_name(ctx) == "会場PC 1"
    assert card.name_label.text().startswith("このPC: 会場PC 1 (")


def test_an_empty_name_is_refused_with_a_message(qtbot, card, ctx, dialogs):
    dialogs.typed.append("   ")
    click(qtbot, card.rename_button)
    assert device_name(ctx) == ""
    assert "端末名" in card.banner.text()


def test_the_card_does_not_count_rows_at_every_check_in_while_settings_is_hidden(
    qtbot, window, ctx, monkeypatch
):
    [card] = window.settings.findChildren(ExchangeCard)
    window.show_widget(window.checkin)
    counted: list[int] = []
    import ui.settings.exchange_card as module

    real = module.exchange_overview
    monkeypatch.setattr(module, "exchange_overview", lambda c: counted.append(1) or real(c))
    window.state.notify()
    window.state.notify()
    assert counted == []
    window.show_widget(window.settings)
    assert counted == [1]
    assert "まだ書き出していない記録" in card.status_label.text()


# -- pairing -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch):
    monkeypatch.setattr(pairing, "_SCRYPT", QUICK_SCRYPT)


@pytest.fixture
def venue_pc(ctx, tmp_path, migrated_database) -> Iterator[AppContext]:
    """A second PC with its own database, on the coordinator's day."""
    folder = DataFolder(tmp_path / "pc2")
    folder.root.mkdir()
    folder.database.write_bytes(migrated_database)
    opened = open_database(folder=folder)
    pc = replace(opened, clock=ctx.clock)
    set_device_name(pc, "東部PC")
    yield pc
    opened.close()


@pytest.fixture
def venue_card(qtbot, window, venue_pc) -> ExchangeCard:
    """The venue PC's own Settings → data exchange card, in Japanese like the window."""
    found = ExchangeCard(DoorState(venue_pc, "ja"))
    qtbot.addWidget(found)
    found.resize(1000, 900)
    found.show()
    qtbot.waitExposed(found)
    return found


def save_as(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def opened(qtbot, panel, kind):
    qtbot.waitUntil(
        lambda: isinstance(panel.pairing_dialog, kind) and panel.pairing_dialog.isVisible()
    )
    return panel.pairing_dialog


def rows(tree) -> list[list[str]]:
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def test_pairing_a_venue_pc_through_both_windows_then_its_file_comes_in(
    qtbot, card, venue_card, ctx, venue_pc, tmp_path, monkeypatch
):
    usb = tmp_path / "usb"
    usb.mkdir()
    panel, venue = card.pairing, venue_card.pairing
    assert "まだペアリングしていない" in panel.role_label.text()

    # The coordinator: 「会場PCを追加…」 saves the invitation and shows the code, large.
    save_as(monkeypatch, usb / "invitation")
    click(qtbot, panel.invite_button)
    invitation = opened(qtbot, panel, InvitationDialog)
    code = invitation.code_label.text()
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    assert invitation.code_label.property("role") == "big-code"
    saved = (usb / "invitation.json").read_text(encoding="utf-8")
    assert code not in saved and code.replace("-", "") not in saved
    assert str(usb / "invitation.json") in invitation.steps_label.text()
    click(qtbot, invitation.close_button)
    assert not invitation.isVisible()

    # The venue PC: opens the invitation, types the code as a person would, saves the answer.
    open_file(monkeypatch, usb / "invitation.json")
    click(qtbot, venue.join_button)
    join = opened(qtbot, venue, JoinDialog)
    qtbot.keyClicks(join.code_field, code.lower().replace("-", " "))
    save_as(monkeypatch, usb / "answer")
    click(qtbot, join.next_button)
    qtbot.waitUntil(lambda: join.pages.currentIndex() == 1)
    number = join.number_label.text()
    assert re.fullmatch(r"\d{3} \d{3}", number)
    assert str(usb / "answer.json") in join.next_steps.text()
    assert "会場PCです。NPOつながり（" in venue.role_label.text()
    assert venue.invite_button.isHidden() and venue.devices_title.isHidden()
    click(qtbot, join.close_button)

    # The coordinator: opens the answer; the same six digits; Enter pairs nothing.
    open_file(monkeypatch, usb / "answer.json")
    click(qtbot, panel.answer_button)
    answer = opened(qtbot, panel, AnswerDialog)
    assert answer.number_label.text() == number
    assert "「東部PC」" in answer.who_label.text()
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    assert answer.isVisible() and pairing.paired_devices(ctx) == []
    click(qtbot, answer.pair_button)

    assert card.banner.text().startswith("ペアリングしました: 東部PC (")
    assert "会場PC 1台" in panel.role_label.text()
    [row] = rows(panel.device_tree)
    assert row[0] == f"東部PC ({venue_pc.device_id[:8]})" and row[2] == "利用中"
    assert panel.join_button.isHidden()
    assert card.export_button.text() == "会場PC向けに設定を書き出す…"

    # What it was for: the venue PC's file is imported here.
    venues.complete_setup(venue_pc, "NPOつながり", "東部コミュニティセンター", "in_person")
    save_as(monkeypatch, usb / "pc2")
    click(qtbot, venue_card.export_button)
    qtbot.waitUntil(lambda: "書き出しました" in venue_card.banner.text())
    choose_files(monkeypatch, usb / "pc2.tsunagari")
    click(qtbot, card.import_button)
    qtbot.waitUntil(lambda: card.import_button.isEnabled() and "東部PC: 新規" in card.banner.text())


def test_a_wrong_code_is_explained_in_the_dialog_and_can_be_typed_again(
    qtbot, card, venue_card, ctx, tmp_path, monkeypatch
):
    invitation = pairing.invite(ctx, tmp_path / "invitation.json")
    wrong = "2222-2222" if invitation.code != "2222-2222" else "3333-3333"
    venue = venue_card.pairing
    open_file(monkeypatch, invitation.path)
    click(qtbot, venue.join_button)
    join = opened(qtbot, venue, JoinDialog)
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: asked.append(a[2]) or (str(tmp_path / "answer.json"), ""),
    )

    qtbot.keyClicks(join.code_field, "1234")  # too short: said at once, no file asked for
    click(qtbot, join.next_button)
    assert join.banner.text() == MESSAGES["pairing_code_wrong"]["ja"] and asked == []

    join.code_field.clear()
    qtbot.keyClicks(join.code_field, wrong)
    click(qtbot, join.next_button)
    qtbot.waitUntil(lambda: join.next_button.isEnabled())
    assert join.banner.text() == MESSAGES["pairing_code_wrong"]["ja"]
    assert asked == [str(tmp_path / "tsunagari-answer-東部PC.json")]  # beside the invitation
    assert not (tmp_path / "answer.json").exists()
    assert join.pages.currentIndex() == 0 and join.code_field.selectedText() == wrong

    qtbot.keyClicks(join.code_field, invitation.code)
    click(qtbot, join.next_button)
    qtbot.waitUntil(lambda: join.pages.currentIndex() == 1)
    assert asked[-1] == str(tmp_path / "answer.json")  # the place chosen before
    assert (tmp_path / "answer.json").is_file()


def test_numbers_that_differ_cancel_the_pairing(qtbot, card, ctx, venue_pc, tmp_path, monkeypatch):
    invitation = pairing.invite(ctx, tmp_path / "invitation.json")
    pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")
    panel = card.pairing
    open_file(monkeypatch, tmp_path / "answer.json")

    click(qtbot, panel.answer_button)
    qtbot.keyClick(opened(qtbot, panel, AnswerDialog), Qt.Key.Key_Escape)  # not yet decided
    assert "何も決めていません" in card.banner.text()

    click(qtbot, panel.answer_button)
    answer = opened(qtbot, panel, AnswerDialog)
    assert answer.decline_button.text() == "番号が違う（中止）"
    assert answer.pair_button.text() == "同じ番号なのでペアリングする"
    click(qtbot, answer.decline_button)

    assert card.banner.text().startswith("中止しました: 東部PC (")
    assert pairing.paired_devices(ctx) == []
    assert "まだペアリングしていない" in panel.role_label.text()
    click(qtbot, panel.answer_button)  # the same answer again: its invitation is gone
    qtbot.waitUntil(lambda: "招待が見つかりません" in card.banner.text())
    assert (
        not isinstance(panel.pairing_dialog, AnswerDialog) or not panel.pairing_dialog.isVisible()
    )


def test_stopping_a_pc_needs_the_pin_names_it_and_refuses_its_files(
    qtbot,
    card,
    ctx,
    venue_pc,
    tmp_path,
    monkeypatch,
    dialogs,
    pin_typed,  # noqa: F811
):
    pair(ctx, venue_pc, tmp_path / "pairing")
    other = open_database(folder=DataFolder(tmp_path / "pc3"))
    try:
        set_device_name(other, "西部PC")
        pair(ctx, replace(other, clock=ctx.clock), tmp_path / "pairing")
    finally:
        other.close()
    venues.complete_setup(venue_pc, "NPOつながり", "東部コミュニティセンター", "in_person")
    sent = export_for_coordinator(venue_pc, tmp_path / "usb" / "pc2.tsunagari").path
    pin.set_pin(ctx, "2468", "2468")
    card.state.notify()
    panel = card.pairing
    tree = panel.device_tree
    assert [r[0].split(" (")[0] for r in rows(tree)] == ["東部PC", "西部PC"]
    assert not panel.revoke_button.isEnabled()  # nothing chosen yet

    item = tree.topLevelItem(0)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert panel.revoke_button.isEnabled()
    typed, _ = pin_typed
    typed.append("1111")
    click(qtbot, panel.revoke_button)
    assert "東部PC" in dialogs.questions[-1] and venue_pc.device_id[:8] in dialogs.questions[-1]
    assert all(d.active for d in pairing.paired_devices(ctx))
    assert "PIN" in card.banner.text()

    typed.append("2468")
    click(qtbot, panel.revoke_button)
    assert card.banner.text().startswith("利用を止めました: 東部PC (")
    assert rows(tree)[0][0].startswith("西部PC")  # the one still in use first
    assert rows(tree)[1][2].endswith("に利用停止")
    assert "会場PC 1台" in panel.role_label.text() and "1台は利用停止" in panel.role_label.text()

    choose_files(monkeypatch, sent)
    click(qtbot, card.import_button)
    qtbot.waitUntil(lambda: card.import_button.isEnabled() and "利用を止めた" in card.banner.text())
    assert "「東部PC」" in card.banner.text()


def test_before_pairing_the_export_button_explains_instead_of_asking_for_a_file(
    qtbot, card, monkeypatch, db_state
):
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    before = db_state()
    assert "書き出せません" in card.pairing.role_label.text()

    click(qtbot, card.export_button)

    assert asked == []
    assert card.banner.text() == MESSAGES["exchange_not_paired"]["ja"]
    assert db_state() == before
