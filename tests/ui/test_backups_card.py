"""Settings → Backups: back up now, restore with confirmation, the app reopens the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.care import backups
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.door import venues
from tests.ui.app_dialogs import Answer
from ui.app import back_up_after_start
from ui.settings.backups_card import BackupsCard, recover_at_start


def card_of(window) -> BackupsCard:
    card = window.settings.findChild(BackupsCard)
    assert card is not None
    return card


def test_back_up_now_then_restore_reopens_the_database(qtbot, shell, window, folder, dialogs):
    window.show_widget(window.settings)
    card = card_of(window)
    assert card.list.count() == 1 and not card.restore_button.isEnabled()  # "no backups yet"
    qtbot.mouseClick(card.backup_button, Qt.MouseButton.LeftButton)
    [made] = backups.list_backups(folder)
    assert made.kind == "manual"
    assert card.list.count() == 1 and made.name == card.list.item(0).toolTip()
    assert "バックアップしました" in card.banner.text()

    venues.add_venue(window.state.ctx, "あとから追加", "in_person")
    dialogs.answer = Answer.No
    qtbot.mouseClick(card.restore_button, Qt.MouseButton.LeftButton)
    assert "置き換えますか" in dialogs.questions[-1]
    assert not list(folder.root.glob("*.replaced-*"))  # "No" changed nothing

    dialogs.answer = Answer.Yes
    qtbot.mouseClick(card.restore_button, Qt.MouseButton.LeftButton)
    assert "開き直します" in dialogs.notes[-1]
    [aside] = folder.root.glob("tsunagari.sqlite3.replaced-*")
    new = shell.window
    qtbot.addWidget(new)
    assert new is not window
    assert new.pages.currentWidget() is new.settings
    assert shell.ctx is not window.state.ctx
    try:
        assert [v.name for v in venues.list_venues(shell.ctx)] == ["中央公民館"]
        assert card_of(new).list.count() == 1
    finally:
        shell.ctx.close()
    kept = open_database(url=f"sqlite:///{aside}")
    try:
        names = sorted(v.name for v in venues.list_venues(kept))
        assert names == ["あとから追加", "中央公民館"]  # the replaced file is whole
    finally:
        kept.close()


def test_at_start_a_damaged_file_is_set_aside_and_the_backup_restored(
    ctx, venue, folder: DataFolder, dialogs
):
    backups.create_backup(folder, "close")
    ctx.close()
    folder.database.write_bytes(b"garbage" * 1000)
    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    error = excinfo.value
    assert error.code == "database_moved_aside"
    dialogs.answer = Answer.Yes
    reopened = recover_at_start(error, folder, None, "en")
    assert reopened is not None
    try:
        assert [v.name for v in venues.list_venues(reopened)] == [venue.name]
    finally:
        reopened.close()
    assert "Restore the latest backup" in dialogs.questions[-1]
    assert Path(error.params["aside"]).read_bytes() == b"garbage" * 1000


def test_at_start_the_volunteer_may_start_empty(ctx, venue, folder: DataFolder, dialogs):
    backups.create_backup(folder, "close")
    ctx.close()
    folder.database.write_bytes(b"garbage")
    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    error = excinfo.value
    dialogs.pick = "empty"  # 「空のデータベースで始める」, not the backup
    reopened = recover_at_start(error, folder, None, "en")
    assert reopened is not None
    try:
        assert venues.needs_setup(reopened)  # empty: the first-run setup follows
    finally:
        reopened.close()
    assert Path(error.params["aside"]).read_bytes() == b"garbage"
    assert len(backups.list_backups(folder)) == 1  # the backup is still there


def test_closing_the_day_makes_a_backup(qtbot, window, event, folder, dialogs):
    window.state.reload()
    assert backups.list_backups(folder) == []
    qtbot.mouseClick(window.header.event_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups.list_backups(folder) != [])  # made off the GUI thread
    [made] = backups.list_backups(folder)
    assert made.kind == "close"
    assert window.state.today_event is not None and not window.state.today_event.is_open


def test_the_daily_backup_is_made_once_the_window_is_up(qtbot, shell, window, folder, dialogs):
    assert backups.list_backups(folder) == []
    back_up_after_start(shell)
    qtbot.waitUntil(lambda: backups.list_backups(folder) != [])
    [made] = backups.list_backups(folder)
    assert made.kind == "daily"
    assert dialogs.notes == []


def test_damage_found_by_the_daily_check_is_said_at_once(
    qtbot, shell, window, folder, dialogs, monkeypatch
):
    def damaged_copy(path, check="quick"):
        return "quick_check failed" if path.parent == folder.backups else None

    monkeypatch.setattr(backups, "damage", damaged_copy)
    back_up_after_start(shell)
    qtbot.waitUntil(lambda: dialogs.notes != [])
    assert "傷みが見つかりました" in dialogs.notes[-1]
    assert backups.list_backups(folder) == []  # the damaged copy is not kept
    assert backups.full_check_requested(folder)
