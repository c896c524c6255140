"""First-run setup, venues in Settings, switching the language, start-up errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.core.frontends import LaunchOptions
from kiosk.core.paths import DataFolder
from kiosk.door import events, venues
from tests.ui.app_dialogs import Answer
from tests.ui.test_survey_staff import type_japanese
from ui import app as app_module
from ui.dialogs.setup_dialog import SetupDialog
from ui.dialogs.venue_dialog import VenueDialog


def assert_not_squeezed(qtbot, buttons) -> None:
    """The large choice buttons keep the height they need when a message appears."""
    qtbot.wait(50)  # the layout settles
    assert buttons.height() >= buttons.heightForWidth(buttons.width()), "squeezed"


def test_setup_refuses_empty_names_then_starts(qtbot, qapp, ctx, dialogs):
    app_module.load_look(qapp)
    dialog = SetupDialog(ctx, "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "団体名を入力" in dialog.banner.text()
    assert_not_squeezed(qtbot, dialog.kind)
    assert venues.needs_setup(ctx)

    qtbot.keyClicks(dialog.organisation, "NPO Tsunagari")
    qtbot.keyClicks(dialog.venue, "Central Hall")
    qtbot.mouseClick(dialog.kind.button("online"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert not venues.needs_setup(ctx)
    assert [(v.name, v.kind) for v in venues.list_venues(ctx)] == [("Central Hall", "online")]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def venue_rows(screen) -> list[str]:
    return [screen.venue_list.item(i).text() for i in range(screen.venue_list.count())]


def select_venue(qtbot, screen, name: str) -> None:
    [row] = [i for i, text in enumerate(venue_rows(screen)) if name in text]
    item = screen.venue_list.item(row)
    screen.venue_list.scrollToItem(item)
    centre = screen.venue_list.visualItemRect(item).center()
    qtbot.mouseClick(screen.venue_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert screen.venue_list.currentRow() == row


def open_add_dialog(qtbot, window) -> VenueDialog:
    window.show_widget(window.settings)
    click(qtbot, window.settings.venue_buttons["add"])
    dialog = window.settings.venue_dialog
    assert isinstance(dialog, VenueDialog) and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def test_add_an_online_venue_and_switch_to_it_in_settings(qtbot, window):
    ctx = window.state.ctx
    dialog = open_add_dialog(qtbot, window)
    assert dialog.kind.value() == "in_person"  # the usual kind, chosen for her
    type_japanese(dialog.name, "オンライン相談会")
    click(qtbot, dialog.kind.button("online"))
    click(qtbot, dialog.add_button)
    assert not dialog.isVisible() and dialog.result() == VenueDialog.DialogCode.Accepted
    assert [(v.name, v.kind) for v in venues.list_venues(ctx)] == [
        ("中央公民館", "in_person"),
        ("オンライン相談会", "online"),
    ]
    screen = window.settings
    assert any("オンライン相談会  (オンライン)" in row for row in venue_rows(screen))
    assert screen.banner.text() == "会場を追加しました。"

    select_venue(qtbot, screen, "オンライン相談会")
    click(qtbot, screen.venue_buttons["use"])
    assert window.state.venue.name == "オンライン相談会"
    assert window.header.venue_label.text() == "オンライン相談会"


def test_a_duplicate_or_empty_name_is_refused_in_the_dialog(qtbot, window, db_state):
    before = db_state()
    dialog = open_add_dialog(qtbot, window)
    click(qtbot, dialog.add_button)
    assert "会場名を入力" in dialog.banner.text() and dialog.isVisible()
    assert_not_squeezed(qtbot, dialog.kind)  # the message made room
    type_japanese(dialog.name, "中央公民館")
    click(qtbot, dialog.add_button)
    assert "すでにあります" in dialog.banner.text() and dialog.isVisible()
    click(qtbot, next(b for b in dialog.findChildren(QPushButton) if b.text() == "キャンセル"))
    assert not dialog.isVisible()
    assert db_state() == before


def test_the_kind_changes_in_settings_only_until_a_day_is_held(qtbot, window, db_state):
    ctx = window.state.ctx
    screen = window.settings
    window.show_widget(screen)
    events.open_event(ctx, window.state.venue.id)
    venues.add_venue(ctx, "オンライン相談会")  # made as in person by mistake
    window.state.notify()

    select_venue(qtbot, screen, "中央公民館")  # a day was held: the kind stays
    assert screen.venue_kind.value() == "in_person" and not screen.venue_kind.isEnabled()
    assert "開催日の記録がある" in screen.kind_hint.text()
    before = db_state()
    click(qtbot, screen.venue_kind.button("online"))
    assert db_state() == before

    select_venue(qtbot, screen, "オンライン相談会")
    assert screen.venue_kind.value() == "in_person" and screen.venue_kind.isEnabled()
    assert "まだ開催日がない" in screen.kind_hint.text()
    click(qtbot, screen.venue_kind.button("online"))
    assert [v.kind for v in venues.list_venues(ctx)] == ["in_person", "online"]
    assert "オンライン相談会  (オンライン)" in venue_rows(screen)[1]
    assert screen.banner.text() == "会場の種類を「オンライン」にしました。"
    assert screen.venue_list.currentRow() == 1  # still the one she was changing


def test_a_kind_change_that_came_too_late_is_refused_and_shown_back(qtbot, window):
    """Another screen held the first day while Settings still offered the change."""
    ctx = window.state.ctx
    screen = window.settings
    window.show_widget(screen)
    other = venues.add_venue(ctx, "駅前サロン")
    window.state.notify()
    select_venue(qtbot, screen, "駅前サロン")
    assert screen.venue_kind.isEnabled()
    events.open_event(ctx, other.id)  # no notice reaches Settings
    click(qtbot, screen.venue_kind.button("online"))
    assert "「駅前サロン」にはすでに開催日の記録がある" in screen.banner.text()
    assert venues.list_venues(ctx)[1].kind == "in_person"
    assert screen.venue_kind.value() == "in_person" and not screen.venue_kind.isEnabled()


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
    dialogs.answer = Answer.No  # do not start empty: close
    code = app_module.run(LaunchOptions(folder=folder))
    assert code == 2
    assert "壊れていたため" in dialogs.questions[-1]
    assert "空のデータベースで始めますか" in dialogs.questions[-1]
    [aside] = folder.root.glob("tsunagari.sqlite3.damaged-*")
    assert aside.read_bytes() == b"not a database at all"  # set aside, not lost
    # The run left the application as it found it: no Japanese translator stays
    # installed (a later window in English read Japanese when it did).
    assert QCoreApplication.translate("HeaderBar", "Open today's check-in") == (
        "Open today's check-in"
    )


def test_project_name_titles_the_reports(qtbot, window):
    from kiosk.reports.daily_export import report_title

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
    from kiosk.core.fiscal_year import start_month

    window.show_widget(window.settings)
    screen = window.settings
    assert screen.fiscal_start.value() == 4
    screen.fiscal_start.setValue(10)
    assert start_month(window.state.ctx) == 10
    assert "10月始まり" in screen.banner.text()


def test_rename_a_venue_in_the_apps_own_box_opens_with_its_name(qtbot, window, dialogs):
    screen = window.settings
    window.show_widget(screen)
    select_venue(qtbot, screen, "中央公民館")
    dialogs.typed.append("本町会場")
    click(qtbot, screen.venue_buttons["rename"])
    assert dialogs.found_in_fields == ["中央公民館"]  # she edits the name, not retypes it
    assert dialogs.verbs[-1] == ["戻る", "変更する"]
    assert [v.name for v in venues.list_venues(window.state.ctx)] == ["本町会場"]
    assert "本町会場" in venue_rows(screen)[0]
