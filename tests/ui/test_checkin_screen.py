"""A morning at the door, driven through the real check-in screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from tests.ui.app_dialogs import Answer
from tests.ui.gestures import DOUBLE_TAPS, hold_key


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_ime(widget, text):
    """Type Japanese the way an input method does: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_day(qtbot, window):
    click(qtbot, window.header.event_button)
    assert window.checkin.pages.currentIndex() == 0


def counters(window):
    h = window.header
    return tuple(int(t.value.text()) for t in (h.visits, h.first, h.in_care, h.children_today))


def test_before_opening_the_day_the_form_is_not_offered(qtbot, window):
    assert window.checkin.pages.currentIndex() == 1
    assert "Ctrl+O" in window.checkin.closed_text.text()
    open_day(qtbot, window)
    assert window.state.open_event is not None


def test_new_visitor_in_a_few_taps(qtbot, window):
    open_day(qtbot, window)
    form = window.checkin.form
    click(qtbot, form.age.button("30s"))
    click(qtbot, form.residence.button("outside"))
    click(qtbot, form.heard_from.button("line"))
    click(qtbot, window.checkin.submit_button)

    assert "No. 1" in window.checkin.banner.text()
    assert counters(window) == (1, 1, 0, 0)
    assert window.checkin.visit_list.count() == 1
    assert "30代" in window.checkin.visit_list.item(0).text()
    # the form is blank again for the next visitor
    assert form.age.value() is None and form.heard_from.value() is None
    visit = checkin.visits_of_event(window.state.ctx, window.state.today_event.id)[0]
    assert (visit.age_band, visit.residence, visit.heard_from) == ("30s", "outside", "line")


def test_enter_key_checks_in(qtbot, window):
    open_day(qtbot, window)
    click(qtbot, window.checkin.form.age.button("40s"))
    qtbot.keyClick(window.checkin.form.age.button("40s"), Qt.Key.Key_Return)
    assert counters(window)[0] == 1


def test_age_must_be_chosen_and_nothing_is_saved_without_it(qtbot, window):
    open_day(qtbot, window)
    assert window.checkin.banner.property("role") == "banner-info"  # the idle hint
    click(qtbot, window.checkin.submit_button)
    assert window.checkin.banner.property("role") == "banner-error"
    assert "年代を選んでください" in window.checkin.banner.text()
    assert counters(window) == (0, 0, 0, 0)


def assert_confirmed(window, number):
    """「受付しました：No. N」 is still there: nothing replaced the confirmation."""
    banner = window.checkin.banner
    assert banner.property("role") == "banner-ok", banner.text()
    assert f"No. {number}" in banner.text()


@pytest.mark.parametrize("gesture", DOUBLE_TAPS)
def test_a_double_tap_on_check_in_counts_once_and_keeps_the_confirmation(qtbot, window, gesture):
    open_day(qtbot, window)
    click(qtbot, window.checkin.form.age.button("20s"))
    gesture(qtbot, window.checkin.submit_button)
    assert counters(window)[0] == 1
    assert_confirmed(window, 1)


@pytest.mark.parametrize("gesture", DOUBLE_TAPS)
def test_a_double_tap_on_count_only_records_one_visit(qtbot, window, gesture):
    open_day(qtbot, window)
    gesture(qtbot, window.checkin.count_only_button)
    assert counters(window) == (1, 0, 0, 0)
    assert_confirmed(window, 1)


def test_a_held_enter_checks_in_once_and_keeps_the_confirmation(qtbot, window, gestures):
    open_day(qtbot, window)
    age = window.checkin.form.age.button("40s")
    click(qtbot, age)
    hold_key(gestures, age)  # 1.5 s of auto-repeat, far past the settle time
    assert counters(window)[0] == 1
    assert_confirmed(window, 1)

    gestures.pause()  # the next visitor: Enter works again
    age = window.checkin.form.age.button("50s")
    click(qtbot, age)
    qtbot.keyClick(age, Qt.Key.Key_Return)
    assert counters(window)[0] == 2
    assert_confirmed(window, 2)


def test_checking_in_right_after_adding_a_child(qtbot, window):
    """Within the 50 ms before the form scrolls to the new child, it is gone."""
    open_day(qtbot, window)
    form = window.checkin.form
    click(qtbot, form.age.button("30s"))
    click(qtbot, form.child_rows.add_button)
    click(qtbot, form.child_rows.rows[0].age.button("3-5"))
    click(qtbot, window.checkin.submit_button)
    qtbot.wait(120)  # the delayed scroll comes due on a form without that child
    assert counters(window) == (1, 1, 1, 1)
    assert_confirmed(window, 1)
    assert form.child_rows.rows == []


def test_retry_after_an_error_reuses_the_request(qtbot, window, monkeypatch):
    """If saving failed after the commit, pressing again must not count twice."""
    open_day(qtbot, window)
    screen = window.checkin
    click(qtbot, screen.form.age.button("50s"))
    request = screen.form.request(window.state.today_event.id, screen.request_id)
    checkin.check_in(window.state.ctx, request)  # saved, but the screen did not hear back
    click(qtbot, screen.submit_button)
    assert counters(window)[0] == 1


def test_over_long_nickname_is_refused_in_japanese(qtbot, window):
    open_day(qtbot, window)
    form = window.checkin.form
    form.nickname.setFocus()
    type_ime(form.nickname, "あ" * 25)
    click(qtbot, form.age.button("30s"))
    click(qtbot, window.checkin.submit_button)
    assert "20文字以内" in window.checkin.banner.text()
    assert counters(window)[0] == 0
    assert form.nickname.text() == "あ" * 25  # kept so it can be corrected


def test_returning_regular_with_two_children(qtbot, window, clock, dialogs):
    ctx = window.state.ctx
    # Last week she came and chose the nickname さくら.
    clock.advance(days=-7)
    last_week = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(
        ctx,
        CheckInRequest(
            event_id=last_week.id, age_band="30s", residence="commuter", nickname="さくら"
        ),
    )
    events.close_event(ctx, last_week.id)
    clock.advance(days=7)
    window.state.notify()

    open_day(qtbot, window)
    form = window.checkin.form
    qtbot.keyClicks(form.nickname, "saku")
    assert [b.text().split()[0] for b in form.match_buttons] == ["さくら"]
    click(qtbot, form.match_buttons[0])
    assert form.selected_label.isVisible() and "さくら" in form.selected_label.text()
    assert form.age.value() == "30s" and form.residence.value() == "commuter"
    assert form.first_visit.value() == "repeat"

    click(qtbot, form.child_rows.add_button)
    click(qtbot, form.child_rows.add_button)
    first, second = form.child_rows.rows
    click(qtbot, first.age.button("1-2"))
    type_ime(first.note, "卵アレルギー")
    click(qtbot, second.age.button("3-5"))
    click(qtbot, window.checkin.submit_button)

    assert counters(window) == (1, 0, 2, 2)
    codes = dialogs.pickup_codes[-1]  # shown to the parent in the codes dialog
    assert len(codes) == 2 and all(len(c) == 3 and c.isdigit() for c in codes)
    assert_confirmed(window, 1)
    assert not any(code in window.checkin.banner.text() for code in codes)  # not for all to see
    assert "さくら" in window.checkin.visit_list.item(0).text()


def test_children_need_an_age(qtbot, window):
    open_day(qtbot, window)
    form = window.checkin.form
    click(qtbot, form.age.button("30s"))
    click(qtbot, form.child_rows.add_button)
    click(qtbot, window.checkin.submit_button)
    assert "1" in window.checkin.banner.text() and counters(window)[0] == 0


def test_count_only_is_one_tap(qtbot, window):
    open_day(qtbot, window)
    click(qtbot, window.checkin.count_only_button)
    assert counters(window) == (1, 0, 0, 0)
    assert "回答なし" in window.checkin.visit_list.item(0).text()


def test_undo_last_after_confirmation(qtbot, window, dialogs, gestures):
    open_day(qtbot, window)
    for band in ("20s", "30s"):
        gestures.pause()
        click(qtbot, window.checkin.form.age.button(band))
        click(qtbot, window.checkin.submit_button)
    assert counters(window)[0] == 2
    click(qtbot, window.checkin.undo_button)
    assert "No. 2" in dialogs.questions[-1]
    assert counters(window)[0] == 1
    assert "取消" in window.checkin.visit_list.item(0).text()


def test_undo_declined_changes_nothing(qtbot, window, dialogs):
    open_day(qtbot, window)
    click(qtbot, window.checkin.count_only_button)
    dialogs.answer = Answer.No
    click(qtbot, window.checkin.undo_button)
    assert counters(window)[0] == 1


def test_cancel_selected_with_a_reason(qtbot, window, dialogs, gestures):
    open_day(qtbot, window)
    click(qtbot, window.checkin.count_only_button)
    gestures.pause()
    click(qtbot, window.checkin.count_only_button)
    window.checkin.visit_list.setCurrentRow(1)  # No. 1
    dialogs.pick = "duplicate"  # 二重に受付, one button among the reasons
    click(qtbot, window.checkin.cancel_button)
    assert "二重に受付" in dialogs.verbs[-1]
    visits = checkin.visits_of_event(window.state.ctx, window.state.today_event.id)
    assert [(v.number, v.status, v.cancel_reason) for v in visits] == [
        (2, "active", None),
        (1, "cancelled", "duplicate"),
    ]


def test_closing_warns_about_children_still_in_care(qtbot, window, dialogs):
    open_day(qtbot, window)
    form = window.checkin.form
    click(qtbot, form.age.button("30s"))
    click(qtbot, form.child_rows.add_button)
    click(qtbot, form.child_rows.rows[0].age.button("0"))
    click(qtbot, window.checkin.submit_button)

    dialogs.answer = Answer.No
    click(qtbot, window.header.event_button)
    assert "託児" in dialogs.questions[-1]
    assert window.state.open_event is not None  # still open

    dialogs.answer = Answer.Yes
    click(qtbot, window.header.event_button)
    assert window.state.open_event is None
    assert "1" in dialogs.notes[-1]  # the day's summary was shown
    assert window.checkin.pages.currentIndex() == 1


def test_check_in_times_show_local_time(qtbot, window, clock):
    open_day(qtbot, window)
    clock.advance(minutes=5)
    click(qtbot, window.checkin.count_only_button)
    expected = (clock.now).astimezone().strftime("%H:%M")
    assert expected in window.checkin.visit_list.item(0).text()
    assert clock.now - timedelta(minutes=5) < clock.now


def test_full_disk_says_so_and_keeps_the_form_for_a_retry(qtbot, window, monkeypatch, gestures):
    from kiosk.core.errors import StorageError

    open_day(qtbot, window)
    form = window.checkin.form
    click(qtbot, form.age.button("40s"))
    click(qtbot, form.heard_from.button("sns"))
    real = checkin.check_in

    def disk_full(*args, **kwargs):
        raise StorageError("disk_full")

    monkeypatch.setattr(checkin, "check_in", disk_full)
    click(qtbot, window.checkin.submit_button)
    assert "ディスクがいっぱい" in window.checkin.banner.text()
    assert (form.age.value(), form.heard_from.value()) == ("40s", "sns")
    assert counters(window)[0] == 0

    monkeypatch.setattr(checkin, "check_in", real)  # space was freed: press again
    gestures.pause()
    click(qtbot, window.checkin.submit_button)
    assert counters(window)[0] == 1


def test_buttons_do_not_move_when_the_confirmation_appears(qtbot, window):
    open_day(qtbot, window)
    button = window.checkin.form.age.button("30s")
    before = button.mapTo(window, button.rect().topLeft())
    click(qtbot, button)
    click(qtbot, window.checkin.submit_button)
    assert window.checkin.banner.isVisible()
    qtbot.wait(50)
    assert button.mapTo(window, button.rect().topLeft()) == before
