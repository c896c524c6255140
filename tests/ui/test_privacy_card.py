"""Settings → privacy: retention days and erase now behind the PIN, the audit log viewer."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from kiosk.care import backups, pin, retention
from kiosk.core.frontends import LaunchOptions
from kiosk.core.paths import DataFolder
from kiosk.door import checkin
from kiosk.door.checkin import ChildRequest
from tests.kiosk.test_period_report import hold, on_day
from tests.ui.app_dialogs import Answer
from ui import app as app_module
from ui.dialogs.audit_log_dialog import AuditLogDialog
from ui.settings.privacy_card import PinCheckDialog, PrivacyCard


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def card(window) -> PrivacyCard:
    window.show_widget(window.settings)
    [found] = window.settings.findChildren(PrivacyCard)
    return found


@pytest.fixture
def old_regular(ctx, venue, clock):
    hold(
        ctx,
        clock,
        venue.id,
        date(2026, 6, 7),
        [{"nickname": "さくらんぼ", "children": (ChildRequest("1-2", "peanuts"),)}],
    )
    on_day(clock, date(2026, 11, 22))


@pytest.fixture
def pin_typed(monkeypatch):
    """The PIN dialog 'types' what the test puts in the list, on its own keypad."""
    typed: list[str] = []
    shown: list[PinCheckDialog] = []

    def fake_exec(self: PinCheckDialog) -> int:
        shown.append(self)
        if typed:
            self.keypad.press(typed.pop(0))
            self.try_pin()
        return self.result() if self.result() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(PinCheckDialog, "exec", fake_exec)
    return typed, shown


def test_without_a_pin_it_says_so_and_saves(qtbot, card, ctx, pin_typed):
    _typed, shown = pin_typed
    assert "設定されていません" in card.pin_note.text()
    card.days.setValue(180)
    click(qtbot, card.save_button)
    assert shown == []
    assert retention.retention_days(ctx) == 180
    assert "180" in card.banner.text()


def test_with_a_pin_the_right_one_is_needed(qtbot, card, ctx, pin_typed, db_state):
    typed, shown = pin_typed
    pin.set_pin(ctx, "2468", "2468")
    card.state.notify()
    assert "PIN" in card.pin_note.text() and "設定されていません" not in card.pin_note.text()

    before = db_state()
    typed.append("1111")  # wrong
    card.days.setValue(365)
    click(qtbot, card.save_button)
    assert len(shown) == 1 and "違います" in shown[0].banner.text()
    assert retention.retention_days(ctx) == 90
    assert card.days.value() == 90  # the field shows what is saved
    assert "変更していません" in card.banner.text()
    after = db_state()
    assert {k: v for k, v in after.items() if k not in ("audit_entry", "setting")} == {
        k: v for k, v in before.items() if k not in ("audit_entry", "setting")
    }

    typed.append("2468")
    card.days.setValue(365)
    click(qtbot, card.save_button)
    assert retention.retention_days(ctx) == 365


def test_erase_now_shows_the_count_then_erases(qtbot, card, ctx, old_regular, dialogs, pin_typed):
    typed, shown = pin_typed
    dialogs.answer = Answer.No
    click(qtbot, card.purge_button)
    assert "1件のニックネームと1件の託児メモ" in dialogs.questions[-1]
    assert checkin.find_visitors(ctx, "さくらんぼ")  # answered no: nothing erased

    dialogs.answer = Answer.Yes
    pin.set_pin(ctx, "2468", "2468")
    click(qtbot, card.purge_button)  # no PIN typed: nothing erased
    assert len(shown) == 1 and checkin.find_visitors(ctx, "さくらんぼ")

    typed.append("2468")
    click(qtbot, card.purge_button)
    assert checkin.find_visitors(ctx, "さくらんぼ") == []
    assert "消去しました" in card.banner.text()

    click(qtbot, card.purge_button)
    assert "消去するものはありません" in card.banner.text()


def test_the_audit_log_filters_pages_and_exports(
    qtbot, card, ctx, old_regular, monkeypatch, tmp_path
):
    click(qtbot, card.log_button)
    dialog = card.log_dialog
    assert isinstance(dialog, AuditLogDialog) and dialog.isVisible()
    total = dialog.page.total
    assert total == 4 and dialog.table.rowCount() == total
    actions = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert actions == ["初期設定", "開催日の終了", "受付", "開催日の開始"]  # newest first

    dialog.action.setCurrentIndex(dialog.action.findData("checked_in"))
    assert dialog.table.rowCount() == 1
    assert '"children": 1' in dialog.table.item(0, 2).text()
    assert "さくらんぼ" not in dialog.table.item(0, 2).text()

    dialog.action.setCurrentIndex(0)
    dialog.page_size = 2
    dialog.apply_filters()
    assert dialog.table.rowCount() == 2 and not dialog.newer_button.isEnabled()
    click(qtbot, dialog.older_button)
    assert dialog.newer_button.isEnabled() and dialog.position.text().startswith("3〜4")

    dialog.use_dates.setChecked(True)
    dialog.first.setDate(dialog.last.date().addDays(1))
    assert "期間の始まり" in dialog.banner.text() and dialog.table.rowCount() == 0
    dialog.first.setDate(dialog.last.date().addDays(-365))
    assert dialog.table.rowCount() == 2

    target = tmp_path / "log.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.page_size = 50
    dialog.export_bar.encoding.setCurrentIndex(1)  # Shift_JIS
    click(qtbot, dialog.export_bar.csv_button)
    qtbot.waitUntil(target.exists)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("cp932"))))
    assert rows[0][0] == "日時" and len(rows) == dialog.page.total + 1


def test_a_start_purges_backs_up_and_ends_cleanly(qtbot, ctx, old_regular, dialogs, monkeypatch):
    started: list[Any] = []
    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: started.append(1) or 0)
    # No translator or window may outlive this test and change the next ones.
    monkeypatch.setattr(app_module.Translation, "use", lambda self, lang: None)
    before = set(QApplication.topLevelWidgets())
    ctx.close()
    assert ctx.data_dir is not None
    try:
        assert app_module.run(LaunchOptions(folder=DataFolder(ctx.data_dir))) == 0 and started
    finally:
        for widget in set(QApplication.topLevelWidgets()) - before:
            widget.close()
            widget.deleteLater()
    folder = DataFolder(ctx.data_dir)
    # The day's copy was made off the GUI thread, and run() waited for it.
    assert [b.kind for b in backups.list_backups(folder)] == ["daily"]
    # Every connection closed: SQLite removed the -wal, so the next start knows
    # this run ended cleanly and reads only the file's structure.
    assert not Path(f"{folder.database}-wal").exists()
    assert checkin.find_visitors(ctx, "さくらんぼ") == []
