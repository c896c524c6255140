"""Handing children back at the childcare screen, only against the right code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest, ChildRequest
from tests.ui.app_dialogs import Answer
from tests.ui.gestures import DOUBLE_TAPS, hold_key


def check_in_with_children(window, *bands):
    event = window.state.open_event or events.open_event(window.state.ctx, window.state.venue.id)
    result = checkin.check_in(
        window.state.ctx,
        CheckInRequest(
            event_id=event.id,
            age_band="30s",
            residence="resident",
            children=tuple(ChildRequest(b) for b in bands),
        ),
    )
    window.state.notify()
    return [c.pickup_code for c in result.visit.children]


def headers(screen):
    return [screen.table.horizontalHeaderItem(c).text() for c in range(screen.table.columnCount())]


def table_rows(screen):
    """Each row as {column title: text}."""
    titles = headers(screen)
    return [
        {titles[c]: screen.table.item(r, c).text() for c in range(screen.table.columnCount())}
        for r in range(screen.table.rowCount())
    ]


def everything_shown(screen):
    cells = [text for row in table_rows(screen) for text in row.values()]
    return [*cells, *headers(screen), screen.summary.text(), screen.banner.text()]


def assert_handed_back(screen):
    """「お返ししました」 is still there: nothing replaced the confirmation."""
    assert screen.banner.property("role") == "banner-ok", screen.banner.text()
    assert "お返ししました" in screen.banner.text()


def test_children_in_care_are_listed_without_their_codes(qtbot, window):
    codes = check_in_with_children(window, "1-2", "school")
    window.show_widget(window.childcare)
    screen = window.childcare
    rows = table_rows(screen)
    assert {r["年代"] for r in rows} == {"1〜2歳", "小学生"}
    assert {r["受付No."] for r in rows} == {"1"}
    assert all(r["状態"] == "託児中" for r in rows)
    assert "託児中：2人" in screen.summary.text()
    # Anyone at the desk can read this screen: no valid code is on it.
    shown = everything_shown(screen)
    assert not any(code in text for code in codes for text in shown)
    assert "お迎え番号" not in headers(screen)


def test_right_code_hands_back_wrong_code_is_refused(qtbot, window, gestures):
    code, other = check_in_with_children(window, "0", "3-5")
    window.show_widget(window.childcare)
    screen = window.childcare
    wrong = next(c for c in ("100", "101", "102") if c not in (code, other))

    qtbot.keyClicks(screen.code_entry, wrong)
    qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    assert wrong in screen.banner.text() and "いません" in screen.banner.text()
    assert window.header.in_care.value.text() == "2"

    gestures.pause()
    screen.code_entry.clear()
    qtbot.keyClicks(screen.code_entry, code)
    qtbot.mouseClick(screen.hand_back_button, Qt.MouseButton.LeftButton)
    assert_handed_back(screen)
    # the banner names the child by check-in number and age, not by her code
    assert "No. 1" in screen.banner.text() and "0歳" in screen.banner.text()
    assert code not in screen.banner.text()
    assert window.header.in_care.value.text() == "1"
    assert window.header.children_today.value.text() == "2"
    status = {r["年代"]: r["状態"] for r in table_rows(screen)}
    assert status["3〜5歳"] == "託児中" and status["0歳"].startswith("お迎え済")
    assert screen.code_entry.text() == ""
    assert window.focusWidget() is screen.code_entry  # not the hidden check-in form

    # the same code twice: clear message, nothing changes
    gestures.pause()
    qtbot.keyClicks(screen.code_entry, code)
    qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    assert "お迎え済み" in screen.banner.text()
    assert window.header.in_care.value.text() == "1"


@pytest.mark.parametrize("gesture", DOUBLE_TAPS)
def test_a_double_tap_on_hand_back_keeps_the_confirmation(qtbot, window, gesture):
    (code,) = check_in_with_children(window, "3-5")
    window.show_widget(window.childcare)
    screen = window.childcare
    qtbot.keyClicks(screen.code_entry, code)
    gesture(qtbot, screen.hand_back_button)
    assert_handed_back(screen)
    assert window.header.in_care.value.text() == "0"


def test_a_held_enter_in_the_code_hands_back_once_and_keeps_the_confirmation(
    qtbot, window, gestures
):
    (code,) = check_in_with_children(window, "1-2")
    window.show_widget(window.childcare)
    screen = window.childcare
    qtbot.keyClicks(screen.code_entry, code)
    hold_key(gestures, screen.code_entry)
    assert_handed_back(screen)
    assert window.header.in_care.value.text() == "0"
    assert window.focusWidget() is screen.code_entry  # ready for the next parent's code


def test_reprint_is_asked_for_by_number_and_age_never_by_code(
    qtbot, window, monkeypatch, dialogs, gestures
):
    printed = []
    monkeypatch.setattr(
        "ui.screens.childcare_screen.print_labels", lambda _p, _s, kids: printed.append(kids)
    )
    check_in_with_children(window, "0")
    (code,) = check_in_with_children(window, "3-5")
    window.show_widget(window.childcare)
    screen = window.childcare

    screen.table.setCurrentCell(-1, -1)  # nothing selected: say so, ask nothing
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert printed == [] and dialogs.questions == []
    assert "選んで" in screen.banner.text()

    row = next(i for i, r in enumerate(table_rows(screen)) if r["年代"] == "3〜5歳")
    screen.table.selectRow(row)
    dialogs.answer = Answer.No
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    question = dialogs.questions[-1]
    assert "No. 2" in question and "3〜5歳" in question and code not in question
    assert printed == []  # going back prints nothing

    dialogs.answer = Answer.Yes
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert [c.pickup_code for c in printed[0]] == [code]  # the same code, on the label only
    assert not any(code in text for text in everything_shown(screen))

    gestures.pause()
    qtbot.keyClicks(screen.code_entry, code)
    qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    screen.table.selectRow(
        next(i for i, r in enumerate(table_rows(screen)) if r["年代"] == "3〜5歳")
    )
    asked = len(dialogs.questions)
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert "お迎え済み" in screen.banner.text()  # gone home: no label to reprint
    assert len(dialogs.questions) == asked and len(printed) == 1
