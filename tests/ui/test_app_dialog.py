"""The app's own dialogs, clicked: verbs on buttons, Escape safe, nothing cut, one answer.

The boxes here are the real ones (no `dialogs` fixture unless a test asks
for it); a box opened by the code under test is clicked through
`when_modal_opens` while it runs its own event loop.
"""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from kiosk.workshops.catalogue import WorkshopDraft, add_workshop
from kiosk.workshops.signups import signups_of_slot
from kiosk.workshops.slots import add_slot, slots_of_event
from tests.ui.app_dialogs import when_modal_opens
from tests.ui.gestures import double_click
from ui.app import Translation, load_look
from ui.dialogs import app_dialog, signup_flow
from ui.dialogs.app_dialog import AppDialog, Choice
from ui.dialogs.pin_dialogs import SetPinDialog
from ui.dialogs.visitor_picker import VisitorPickerDialog

UI = Path(__file__).resolve().parents[2] / "ui"
STOCK_WORDS = {"はい", "いいえ", "OK", "Yes", "No", "はい(Y)", "いいえ(N)"}


@pytest.fixture
def japanese(qapp):
    load_look(qapp)
    translation = Translation(qapp)
    translation.use("ja")
    yield
    translation.use("en")
    translation.release()


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_verb(text):
    """A hand that taps the box's button reading `text`."""

    def act(box):
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


@pytest.fixture
def real_boxes(dialogs, monkeypatch):
    """The window's fixtures answer every box by themselves; these tests click them."""
    monkeypatch.setattr(AppDialog, "exec", QDialog.exec)


def full_box(qtbot, parent=None):
    box = AppDialog(
        parent,
        "満員です",
        "「アロマ」は満員です（定員6人）。キャンセル待ちは2人です。",
        [
            Choice("no", "戻る"),
            Choice("override", "定員を超えて受付する", "danger"),
            Choice("waitlist", "キャンセル待ちにする", "primary"),
        ],
        safe="no",
        default="waitlist",
    )
    qtbot.addWidget(box)
    return box


def text_fits(button: QPushButton) -> bool:
    return button.fontMetrics().horizontalAdvance(button.text()) + 16 <= button.width()


# -- no stock boxes anywhere -------------------------------------------------------------


def test_no_module_in_ui_uses_a_stock_message_box():
    users = [
        str(path.relative_to(UI.parent))
        for path in sorted(UI.rglob("*.py"))
        if re.search(r"\bQMessageBox\b", path.read_text(encoding="utf-8"))
    ]
    assert users == []


# -- the box itself ------------------------------------------------------------------------


def test_buttons_carry_verbs_are_touch_sized_and_show_their_whole_text(qtbot, japanese):
    box = full_box(qtbot)
    box.show()
    qtbot.waitExposed(box)
    texts = [b.text() for b in box.buttons.values()]
    assert texts == ["戻る", "定員を超えて受付する", "キャンセル待ちにする"]
    assert not STOCK_WORDS & set(texts)
    for button in box.buttons.values():
        assert button.height() >= 44, button.text()
        assert text_fits(button), (button.text(), button.width())
        assert button.icon().isNull()
    # No stock icon: the only pictures in the box would be QLabel pixmaps.
    assert all(label.pixmap().isNull() for label in box.findChildren(QLabel))
    assert box.buttons["waitlist"].property("role") == "primary"
    assert not box.in_column  # 1366 px of screen: one row


def test_a_narrow_window_stacks_the_buttons_in_a_column_without_cutting_them(qtbot, japanese):
    box = full_box(qtbot)
    box.show()
    qtbot.waitExposed(box)
    box.resize(box.minimumWidth(), box.height())  # as narrow as it may go
    qtbot.waitUntil(lambda: box.in_column)
    tops = [b.geometry().top() for b in box.buttons.values()]
    assert len(set(tops)) == 3  # one per line
    assert box.buttons["no"].geometry().top() == max(tops)  # the safe answer last
    for button in box.buttons.values():
        assert text_fits(button), (button.text(), button.width())
        assert button.geometry().bottom() < box.height()
    box.resize(900, box.height())
    qtbot.waitUntil(lambda: not box.in_column)


@pytest.mark.parametrize(
    ("key", "expected"),
    [(Qt.Key.Key_Escape, "no"), (Qt.Key.Key_Return, "waitlist")],
)
def test_escape_chooses_the_safe_answer_and_enter_the_default(qtbot, japanese, key, expected):
    box = full_box(qtbot)
    when_modal_opens(qtbot, lambda b: qtbot.keyClick(b, key))
    assert box.ask() == expected


def test_closing_the_box_chooses_the_safe_answer(qtbot, japanese):
    box = full_box(qtbot)
    when_modal_opens(qtbot, lambda b: b.close())
    assert box.ask() == "no"


def test_a_confirmation_defaults_to_going_back(qtbot, japanese):
    when_modal_opens(qtbot, lambda b: qtbot.keyClick(b, Qt.Key.Key_Return))
    assert app_dialog.confirm(None, "取り消し", "取り消しますか？", "取り消す", "戻る") is False
    when_modal_opens(qtbot, press_verb("取り消す"))
    assert app_dialog.confirm(None, "取り消し", "取り消しますか？", "取り消す", "戻る") is True


def test_the_first_tap_decides(qtbot, japanese):
    """A bounce or an impatient second tap lands on a box already answered."""
    box = full_box(qtbot)
    answers = []
    box.finished.connect(answers.append)
    box.show()
    qtbot.waitExposed(box)
    click(qtbot, box.buttons["override"])
    click(qtbot, box.buttons["no"])  # the box is closing: this must not undo the first
    click(qtbot, box.buttons["override"])
    assert box.chosen == "override"
    assert len(answers) == 1


def test_a_message_has_one_verb_and_shows_a_nickname_as_typed(qtbot, japanese):
    seen = {}

    def read_and_close(box):
        seen["verbs"] = [b.text() for b in box.buttons.values()]
        seen["shown"] = box.message.text()
        seen["format"] = box.message.textFormat()
        press_verb("閉じる")(box)

    when_modal_opens(qtbot, read_and_close)
    app_dialog.tell(None, "つながり", "<b>さくら</b> を登録しました。")
    assert seen["verbs"] == ["閉じる"]
    assert seen["shown"] == "<b>さくら</b> を登録しました。"
    assert seen["format"] == Qt.TextFormat.PlainText  # not read as HTML


# -- boxes she types into or picks from (they replaced Qt's stock input boxes) ----------------


def type_then(text, key=None, verb=None):
    """A hand that types into the box's field, then presses a key or taps a verb."""

    def act(box):
        line = box.field if isinstance(box.field, QLineEdit) else box.field.findChild(QLineEdit)
        line.selectAll()
        line.insert(text)
        if key is not None:
            QTest.keyClick(line, key)
        else:
            press_verb(verb)(box)

    return act


def test_enter_in_a_text_box_answers_with_what_she_typed(qtbot, japanese):
    when_modal_opens(qtbot, type_then("本町会場", key=Qt.Key.Key_Return))
    assert app_dialog.ask_text(None, "会場名の変更", "新しい名前", "変更する", "戻る") == "本町会場"


def test_going_back_from_a_text_box_keeps_nothing_typed(qtbot, japanese):
    when_modal_opens(qtbot, type_then("本町会場", key=Qt.Key.Key_Escape))
    assert app_dialog.ask_text(None, "会場名の変更", "新しい名前", "変更する", "戻る") is None
    when_modal_opens(qtbot, type_then("本町会場", verb="戻る"))
    assert app_dialog.ask_text(None, "会場名の変更", "新しい名前", "変更する", "戻る") is None


def test_a_text_box_opens_with_the_current_value_to_type_over(qtbot, japanese):
    seen = {}

    def look(box):
        seen["text"], seen["focus"] = box.field.text(), box.field.hasFocus()
        seen["fits"] = box.field.height() >= 44 and all(text_fits(b) for b in box.buttons.values())
        press_verb("変更する")(box)

    when_modal_opens(qtbot, look)
    answer = app_dialog.ask_text(None, "改名", "新しい名前", "変更する", "戻る", value="会場PC")
    assert answer == "会場PC" and seen == {"text": "会場PC", "focus": True, "fits": True}


def test_a_number_box_stays_in_its_range(qtbot, japanese):
    when_modal_opens(qtbot, type_then("900", verb="変更する"))
    value = app_dialog.ask_number(
        None, "定員", "定員（0 = 制限なし）", "変更する", "戻る", value=6, minimum=0, maximum=500
    )
    assert value == 6  # 900 cannot be typed: the box keeps what it had


def test_a_number_box_answers_the_number_typed(qtbot, japanese):
    when_modal_opens(qtbot, type_then("12", key=Qt.Key.Key_Return))
    value = app_dialog.ask_number(
        None, "定員", "定員（0 = 制限なし）", "変更する", "戻る", value=6, minimum=0, maximum=500
    )
    assert value == 12


def test_a_list_to_pick_from_is_a_column_of_buttons_in_its_order(qtbot, japanese):
    seen = {}

    def look(box):
        buttons = list(box.buttons.values())
        seen["column"] = box.in_column
        seen["order"] = [b.text() for b in sorted(buttons, key=lambda b: b.geometry().top())]
        double_click(qtbot, box.buttons["duplicate"])  # a double tap answers once

    when_modal_opens(qtbot, look)
    options = [("mistake", "入力の誤り"), ("duplicate", "二重に受付"), ("left", "帰られた")]
    assert app_dialog.pick_one(None, "取消", "理由は？", options, "戻る") == "duplicate"
    assert seen == {"column": True, "order": ["入力の誤り", "二重に受付", "帰られた", "戻る"]}


def test_escape_picks_nothing(qtbot, japanese):
    when_modal_opens(qtbot, lambda b: qtbot.keyClick(b, Qt.Key.Key_Escape))
    assert app_dialog.pick_one(None, "取消", "理由は？", [("a", "A"), ("b", "B")], "戻る") is None


def test_no_module_in_ui_uses_a_stock_input_box():
    users = [
        str(path.relative_to(UI.parent))
        for path in sorted(UI.rglob("*.py"))
        if re.search(r"\bQInputDialog\b", path.read_text(encoding="utf-8"))
    ]
    assert users == []


def test_a_box_refuses_a_safe_answer_it_does_not_offer(qtbot):
    with pytest.raises(ValueError):
        AppDialog(None, "t", "x", [Choice("go", "進む")], "back")


# -- the full workshop, from the Workshops screen ------------------------------------------


@pytest.fixture
def full_day(window):
    """Today's アロマ has 2 places, both taken; a third visitor wants to join."""
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    aroma = add_workshop(ctx, WorkshopDraft("アロマ", default_capacity=2, default_minutes=45))
    add_slot(ctx, event.id, aroma.id, time(10, 30))
    slot = slots_of_event(ctx, event.id)[0]
    visits = [
        checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band=band)).visit
        for band in ("20s", "30s", "40s")
    ]
    for visit in visits[:2]:
        signup_flow.sign_up_asking(window, ctx, slot, visit.id)
    window.state.notify()
    return visits[2]


def statuses(window):
    ctx = window.state.ctx
    slot = slots_of_event(ctx, window.state.open_event.id)[0]
    return [(s.visit_number, s.status) for s in signups_of_slot(ctx, slot.id)]


def ask_full(window):
    ctx = window.state.ctx
    slot = slots_of_event(ctx, window.state.open_event.id)[0]
    return lambda visit: signup_flow.sign_up_asking(window, ctx, slot, visit.id)


def test_full_workshop_waitlist_is_one_tap(qtbot, window, full_day, real_boxes):
    when_modal_opens(qtbot, press_verb("キャンセル待ちにする"))
    result = ask_full(window)(full_day)
    assert result is not None and result.signup.status == "waitlisted"
    assert statuses(window)[-1] == (3, "waitlisted")


def test_full_workshop_beyond_capacity_asks_again_then_books(qtbot, window, full_day, real_boxes):
    def then_confirm(box):
        assert box.windowTitle() == "定員を超えて受付する"
        assert [b.text() for b in box.buttons.values()] == ["戻る", "定員を超えて受付する"]
        press_verb("定員を超えて受付する")(box)

    def over(box):
        press_verb("定員を超えて受付する")(box)
        when_modal_opens(qtbot, then_confirm)

    when_modal_opens(qtbot, over)
    result = ask_full(window)(full_day)
    assert result is not None and result.signup.status == "booked"
    assert statuses(window) == [(1, "booked"), (2, "booked"), (3, "booked")]


def test_full_workshop_beyond_capacity_can_still_go_back(qtbot, window, full_day, real_boxes):
    def over(box):
        press_verb("定員を超えて受付する")(box)
        when_modal_opens(qtbot, lambda again: qtbot.keyClick(again, Qt.Key.Key_Escape))

    when_modal_opens(qtbot, over)
    assert ask_full(window)(full_day) is None
    assert statuses(window) == [(1, "booked"), (2, "booked")]


def test_escape_on_the_full_workshop_signs_no_one_up(qtbot, window, full_day, real_boxes):
    when_modal_opens(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    assert ask_full(window)(full_day) is None
    assert statuses(window) == [(1, "booked"), (2, "booked")]


def test_a_double_click_on_the_waitlist_verb_waitlists_her_once(
    qtbot, window, full_day, monkeypatch, gestures, real_boxes
):
    window.show_widget(window.workshops)
    screen = window.workshops
    screen.slot_list.setCurrentRow(0)
    monkeypatch.setattr(VisitorPickerDialog, "exec", lambda box: box.choose_number(3))
    opened = []

    def double(box):
        opened.append(box)
        double_click(qtbot, box.buttons["waitlist"])

    when_modal_opens(qtbot, double)
    click(qtbot, screen.signup_button)
    qtbot.wait(200)
    assert len(opened) == 1 and QApplication.activeModalWidget() is None
    assert statuses(window) == [(1, "booked"), (2, "booked"), (3, "waitlisted")]
    assert "キャンセル待ち" in screen.banner.text()


# -- choosing a checked-in visitor for a workshop ------------------------------------------


@pytest.fixture
def picker(qtbot, window):
    """Three check-ins today: さくら (No. 1), one without a nickname (No. 2), はなこ (No. 3)."""
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    for band, name in (("30s", "さくら"), ("40s", None), ("20s", "はなこ")):
        checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band=band, nickname=name))
    visits = [v for v in checkin.visits_of_event(ctx, event.id) if v.active]
    dialog = VisitorPickerDialog(visits, "ja", "アロマ", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog):
    table = dialog.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_the_picker_lists_todays_check_ins_in_large_rows(picker):
    listed = rows(picker)
    assert [r[:3] for r in listed] == [
        ("No. 3", "はなこ", "20代"),
        ("No. 2", "ニックネームなし", "40代"),
        ("No. 1", "さくら", "30代"),
    ]
    assert all(re.fullmatch(r"\d\d:\d\d", r[3]) for r in listed)
    assert all(picker.table.rowHeight(r) >= 44 for r in range(len(listed)))


@pytest.mark.parametrize("typed", ["さく", "サク", "ｻｸ", "saku", "sak", "1"])
def test_the_picker_finds_her_as_the_door_does(qtbot, picker, typed):
    picker.search.insert(typed)  # as an input method commits kana (keyClicks sends ASCII only)
    assert [r[1] for r in rows(picker)] == ["さくら"]
    assert picker.choose_button.isEnabled()


def test_the_picker_says_when_no_one_matches(qtbot, picker):
    qtbot.keyClicks(picker.search, "zzz")
    assert rows(picker) == [] and picker.empty.isVisible()
    assert not picker.choose_button.isEnabled()


def test_a_tap_on_a_row_then_the_verb_chooses_her(qtbot, picker):
    table = picker.table
    cell = table.visualItemRect(table.item(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert picker.choose_button.text() == "申し込む"
    click(qtbot, picker.choose_button)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.chosen is not None and picker.chosen.number == 2


def test_enter_in_the_search_signs_up_the_first_match(qtbot, picker):
    qtbot.keyClicks(picker.search, "hana")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.nickname == "はなこ"


def test_escape_in_the_picker_chooses_no_one(qtbot, picker):
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.result() == QDialog.DialogCode.Rejected and picker.chosen is None


def test_a_double_tap_on_a_row_chooses_her(qtbot, picker):
    accepted = []
    picker.accepted.connect(lambda: accepted.append(True))
    table = picker.table
    cell = table.visualItemRect(table.item(2, 1)).center()
    at = table.viewport().mapTo(picker, cell)  # through the window, as a real double tap comes
    qtbot.mouseDClick(
        picker.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at
    )
    assert picker.chosen is not None and picker.chosen.number == 1
    assert accepted == [True]


# -- the set-PIN dialog ----------------------------------------------------------------------


def test_the_pin_keypad_sits_above_its_buttons_with_labels_over_the_fields(qtbot, window, japanese):
    dialog = SetPinDialog(window.state.ctx, "ja", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keys = dialog.keypad.keys
    grid = dialog.keypad.layout()
    positions = {
        key: grid.getItemPosition(grid.indexOf(button))[:2] for key, button in keys.items()
    }
    assert positions["1"] == (0, 0) and positions["9"] == (2, 2)
    assert positions["0"] == (3, 1) and positions["⌫"] == (3, 2)  # 0 and 消す: the last row
    assert keys["⌫"].text() == "消す"
    last_row_bottom = max(keys[k].mapTo(dialog, keys[k].rect().bottomLeft()).y() for k in "0⌫")
    assert dialog.save_button.geometry().top() > last_row_bottom
    assert dialog.save_button.geometry().bottom() <= dialog.height()
    assert dialog.first.placeholderText() == "" and dialog.again.placeholderText() == ""
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"新しいPIN", "確認のため、もう一度"} <= labels
    for button in (*keys.values(), dialog.save_button):
        assert text_fits(button), button.text()


# -- every dialog of this file at a tablet's and a portrait tablet's size ---------------------

SIZES = {"1024x768": (1024, 768), "800x1280": (800, 1280)}


def _full_workshop(window, host):
    slot = slots_of_event(window.state.ctx, window.state.open_event.id)[0]
    return signup_flow.full_workshop_dialog(host, slot)


def _restore_at_start(window, host):
    # The longest verbs of any box: three of them, in a window of their own.
    return AppDialog(
        host,
        "Tsunagari",
        "データベースが壊れていたため、別の名前で残しました。\n\n最新のバックアップに戻しますか？",
        [
            Choice("close", QApplication.translate("BackupsCard", "Close the app")),
            Choice("empty", QApplication.translate("BackupsCard", "Start with an empty database")),
            Choice(
                "restore",
                QApplication.translate("BackupsCard", "Restore the latest backup"),
                "primary",
            ),
        ],
        safe="close",
    )


def _set_pin(window, host):
    return SetPinDialog(window.state.ctx, window.state.lang, host)


def _picker(window, host):
    ctx, event = window.state.ctx, window.state.open_event
    visits = [v for v in checkin.visits_of_event(ctx, event.id) if v.active]
    return VisitorPickerDialog(visits, window.state.lang, "アロマハンドトリートメント", host)


DIALOG_BUILDERS = {
    "full-workshop": _full_workshop,
    "restore-at-start": _restore_at_start,
    "set-pin": _set_pin,
    "visitor-picker": _picker,
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", DIALOG_BUILDERS)
def test_the_dialog_fits_the_venue_screen(qtbot, shell, window, full_day, lang, size, name):
    from tests.ui.layout_check import layout_findings

    shell.translation.use(lang)
    window.state.lang = lang
    width, height = SIZES[size]
    host = QWidget()  # the screen the dialog opens over, at the venue's size
    qtbot.addWidget(host)
    host.resize(width, height)
    host.show()
    qtbot.waitExposed(host)
    dialog = DIALOG_BUILDERS[name](window, host)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # list views lay out their rows late
    assert dialog.width() <= width and dialog.height() <= height, dialog.size()
    assert [str(f) for f in layout_findings(dialog)] == []
    for button in dialog.findChildren(QPushButton):
        if button.isVisibleTo(dialog):
            assert button.height() >= 44, button.text()
