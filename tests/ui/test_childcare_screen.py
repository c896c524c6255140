"""Handing children back at the childcare screen, only against the right code."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk import checkin, events
from kiosk.checkin import CheckInRequest, ChildRequest


def check_in_with_children(window, *bands):
    event = events.open_event(window.state.ctx, window.state.venue.id)
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


def table_rows(screen):
    return [
        [screen.table.item(r, c).text() for c in range(screen.table.columnCount())]
        for r in range(screen.table.rowCount())
    ]


def test_children_in_care_are_listed_with_their_codes(qtbot, window):
    codes = check_in_with_children(window, "1-2", "school")
    window.show_widget(window.childcare)
    screen = window.childcare
    rows = table_rows(screen)
    assert sorted(r[0] for r in rows) == sorted(codes)
    assert {r[1] for r in rows} == {"1〜2歳", "小学生"}
    assert all(r[5] == "託児中" for r in rows)
    assert "託児中：2人" in screen.summary.text()


def test_right_code_hands_back_wrong_code_is_refused(qtbot, window):
    code, other = check_in_with_children(window, "0", "3-5")
    window.show_widget(window.childcare)
    screen = window.childcare
    wrong = next(c for c in ("100", "101", "102") if c not in (code, other))

    qtbot.keyClicks(screen.code_entry, wrong)
    qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    assert wrong in screen.banner.text() and "いません" in screen.banner.text()
    assert window.header.in_care.value.text() == "2"

    screen.code_entry.clear()
    qtbot.keyClicks(screen.code_entry, code)
    qtbot.mouseClick(screen.hand_back_button, Qt.MouseButton.LeftButton)
    assert "お返ししました" in screen.banner.text()
    assert window.header.in_care.value.text() == "1"
    assert window.header.children_today.value.text() == "2"
    status = {r[0]: r[5] for r in table_rows(screen)}
    assert status[other] == "託児中" and status[code].startswith("お迎え済")
    assert screen.code_entry.text() == ""

    # the same code twice: clear message, nothing changes
    qtbot.keyClicks(screen.code_entry, code)
    qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    assert "お迎え済み" in screen.banner.text()
    assert window.header.in_care.value.text() == "1"


def test_reprint_shows_the_same_code(qtbot, window, monkeypatch):
    printed = []
    monkeypatch.setattr(
        "ui.childcare_screen.print_labels", lambda _p, _s, kids: printed.append(kids)
    )
    (code,) = check_in_with_children(window, "3-5")
    window.show_widget(window.childcare)
    screen = window.childcare
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert [c.pickup_code for c in printed[0]] == [code]
