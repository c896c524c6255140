"""First-run setup, venues in Settings, switching the language, start-up errors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kiosk import venues
from kiosk.frontends import LaunchOptions
from kiosk.paths import DataFolder
from ui import app as app_module
from ui.setup_dialog import SetupDialog


def test_setup_refuses_empty_names_then_starts(qtbot, qapp, ctx, dialogs):
    app_module.load_look(qapp)
    dialog = SetupDialog(ctx, "ja")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "団体名を入力" in dialog.banner.text()
    assert venues.needs_setup(ctx)

    qtbot.keyClicks(dialog.organisation, "NPO Tsunagari")
    qtbot.keyClicks(dialog.venue, "Central Hall")
    qtbot.mouseClick(dialog.kind.button("online"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert not venues.needs_setup(ctx)
    assert [(v.name, v.kind) for v in venues.list_venues(ctx)] == [("Central Hall", "online")]


def test_add_and_switch_venue_in_settings(qtbot, window, monkeypatch):
    window.show_widget(window.settings)
    screen = window.settings
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("東部センター", True))
    screen.add_venue()
    names = [screen.venue_list.item(i).text() for i in range(screen.venue_list.count())]
    assert any("東部センター" in n for n in names)

    screen.venue_list.setCurrentRow(1)
    screen.use_venue()
    assert window.state.venue.name == "東部センター"
    assert window.header.venue_label.text() == "東部センター"


def test_duplicate_venue_name_is_refused(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("中央公民館", True))
    window.settings.add_venue()
    assert "すでにあります" in window.settings.banner.text()
    assert len(venues.list_venues(window.state.ctx)) == 1


def test_switching_to_english_rebuilds_the_window(qtbot, window, shell):
    assert window.header.event_button.text() == "本日の受付を開始"
    qtbot.mouseClick(window.settings.language.button("en"), Qt.MouseButton.LeftButton)
    new = shell.window
    qtbot.addWidget(new)
    assert new is not window
    assert new.header.event_button.text() == "Open today's check-in"
    assert new.checkin.form.age.button("70plus").text() == "70 and over"
    assert shell.state.lang == "en"


def test_a_file_that_is_not_a_database_gets_a_message_not_a_crash(tmp_path, dialogs):
    folder = DataFolder(tmp_path / "data")
    folder.root.mkdir()
    folder.database.write_bytes(b"not a database at all")
    dialogs.answer = QMessageBox.StandardButton.No  # do not start empty: close
    code = app_module.run(LaunchOptions(folder=folder))
    assert code == 2
    assert "壊れていたため" in dialogs.questions[-1]
    assert "空のデータベースで始めますか" in dialogs.questions[-1]
    [aside] = folder.root.glob("tsunagari.sqlite3.damaged-*")
    assert aside.read_bytes() == b"not a database at all"  # set aside, not lost


def test_project_name_titles_the_reports(qtbot, window):
    from kiosk.daily_export import report_title

    window.show_widget(window.settings)
    screen = window.settings
    assert report_title(window.state.ctx) == "NPOつながり"  # the organisation until set
    screen.project.setText("女性のための居場所づくり事業")
    qtbot.keyClick(screen.project, Qt.Key.Key_Return)
    assert report_title(window.state.ctx) == "女性のための居場所づくり事業"
    screen.project.setText("長" * 120)
    qtbot.keyClick(screen.project, Qt.Key.Key_Return)
    assert "事業名は100文字以内" in screen.banner.text()
    assert report_title(window.state.ctx) == "女性のための居場所づくり事業"


def test_fiscal_year_start_month(qtbot, window):
    from kiosk.fiscal_year import start_month

    window.show_widget(window.settings)
    screen = window.settings
    assert screen.fiscal_start.value() == 4
    screen.fiscal_start.setValue(10)
    assert start_month(window.state.ctx) == 10
    assert "10月始まり" in screen.banner.text()
