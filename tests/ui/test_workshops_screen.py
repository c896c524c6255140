"""A café day's workshops, driven through the real screens."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from kiosk.workshops.catalogue import WorkshopDraft, add_workshop, list_workshops
from kiosk.workshops.signups import signups_of_slot
from kiosk.workshops.slots import add_slot, slots_of_event
from tests.ui.app_dialogs import Answer
from tests.ui.gestures import DOUBLE_TAPS, key_repeats, press_key
from ui.dialogs import signup_flow
from ui.dialogs.signup_dialog import SignupDialog
from ui.dialogs.visitor_picker import VisitorPickerDialog


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def day(window):
    """Today's café is open with two workshops: aroma (2 places) and yoga (no limit)."""
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    aroma = add_workshop(ctx, WorkshopDraft("アロマ", default_capacity=2, default_minutes=45))
    yoga = add_workshop(ctx, WorkshopDraft("ヨガ", default_capacity=None, default_minutes=60))
    add_slot(ctx, event.id, aroma.id, time(10, 30))
    add_slot(ctx, event.id, yoga.id, time(13, 0))
    window.state.notify()
    return event


def answer_dialog(qtbot, choose):
    """Run `choose(dialog)` on the next modal SignupDialog as soon as it opens."""

    def act():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SignupDialog) and w.isVisible()
        )
        choose(dialog)

    QTimer.singleShot(50, act)


def check_in_by_hand(qtbot, window, band="30s"):
    click(qtbot, window.checkin.form.age.button(band))
    click(qtbot, window.checkin.submit_button)


def test_sign_up_for_two_workshops_right_after_check_in(qtbot, window, day):
    check_in_by_hand(qtbot, window)
    assert "Ctrl+W" in window.checkin.banner.text()
    assert window.checkin.workshops_button.isVisible()

    def tick_both(dialog):
        for button in dialog.buttons.values():
            click(qtbot, button)
        click(qtbot, dialog.ok_button)

    answer_dialog(qtbot, tick_both)
    click(qtbot, window.checkin.workshops_button)
    slots = slots_of_event(window.state.ctx, day.id)
    assert [s.registered for s in slots] == [1, 1]
    assert "アロマ" in window.checkin.banner.text() and "ヨガ" in window.checkin.banner.text()


def test_the_workshops_screen_shows_free_places_and_updates_at_once(qtbot, window, day):
    window.show_widget(window.workshops)
    screen = window.workshops
    assert screen.slot_list.count() == 2
    assert "残り2" in screen.slot_list.item(0).text()
    check_in_by_hand(qtbot, window)
    visit = checkin.visits_of_event(window.state.ctx, day.id)[0]
    signup_flow.sign_up_asking(window, window.state.ctx, screen.slots[0], visit.id)
    window.state.notify()  # a sign-up elsewhere in the app
    assert "残り1" in screen.slot_list.item(0).text()


def test_full_slot_waitlist_cancel_and_promotion(qtbot, window, day, monkeypatch, clock, gestures):
    ctx = window.state.ctx
    visits = []
    for band in ("20s", "30s", "40s"):
        clock.advance(minutes=2)
        visits.append(checkin.check_in(ctx, CheckInRequest(event_id=day.id, age_band=band)).visit)
    window.state.notify()
    window.show_widget(window.workshops)
    screen = window.workshops
    screen.slot_list.setCurrentRow(0)  # アロマ, 2 places
    monkeypatch.setattr(signup_flow, "ask_when_full", lambda *_: "waitlist")
    for number in (1, 2, 3):
        gestures.pause()
        monkeypatch.setattr(VisitorPickerDialog, "exec", lambda box, n=number: box.choose_number(n))
        click(qtbot, screen.signup_button)
    assert "満員" in screen.slot_list.item(0).text()
    assert "キャンセル待ち" in screen.banner.text()
    rows = [screen.signup_list.item(i).text() for i in range(screen.signup_list.count())]
    assert rows[2].startswith("No.3") and "キャンセル待ち（1番目）" in rows[2]

    screen.signup_list.setCurrentRow(0)  # No.1 cancels
    click(qtbot, screen.cancel_button)
    assert "No. 3 が繰り上がりました" in screen.banner.text()
    statuses = [(s.visit_number, s.status) for s in signups_of_slot(ctx, screen.slots[0].id)]
    assert statuses == [(2, "booked"), (3, "booked")]


def test_attendance_marking(qtbot, window, day, clock):
    ctx = window.state.ctx
    for band in ("20s", "30s"):
        visit = checkin.check_in(ctx, CheckInRequest(event_id=day.id, age_band=band)).visit
        signup_flow.sign_up_asking(window, ctx, slots_of_event(ctx, day.id)[1], visit.id)
    window.state.notify()
    window.show_widget(window.workshops)
    screen = window.workshops
    screen.slot_list.setCurrentRow(1)  # ヨガ
    screen.signup_list.setCurrentRow(0)
    click(qtbot, screen.attended_button)
    assert "出席 ✓" in screen.signup_list.item(0).text()
    click(qtbot, screen.all_button)
    assert all("出席 ✓" in screen.signup_list.item(i).text() for i in range(2))
    assert "出席2" in screen.slot_list.item(1).text()


def sign_up_two_for_yoga(window, day):
    ctx = window.state.ctx
    for band in ("20s", "30s"):
        visit = checkin.check_in(ctx, CheckInRequest(event_id=day.id, age_band=band)).visit
        signup_flow.sign_up_asking(window, ctx, slots_of_event(ctx, day.id)[1], visit.id)
    window.state.notify()
    window.show_widget(window.workshops)
    screen = window.workshops
    screen.slot_list.setCurrentRow(1)  # ヨガ
    return screen


@pytest.mark.parametrize("gesture", DOUBLE_TAPS)
def test_a_double_tap_on_came_marks_her_once(qtbot, window, day, gesture):
    screen = sign_up_two_for_yoga(window, day)
    screen.signup_list.setCurrentRow(0)
    gesture(qtbot, screen.attended_button)  # a toggle: a second run would undo the first
    assert "出席 ✓" in screen.signup_list.item(0).text()
    assert "出席1" in screen.slot_list.item(1).text()
    assert screen.banner.property("role") == "banner-ok", screen.banner.text()
    assert "No. 1" in screen.banner.text()
    assert screen.signup_list.currentRow() == 0  # still selected, to undo it if wrong


@pytest.mark.parametrize("gesture", DOUBLE_TAPS)
def test_a_double_tap_on_sign_up_books_once_and_keeps_the_confirmation(
    qtbot, window, day, monkeypatch, gesture
):
    ctx = window.state.ctx
    checkin.check_in(ctx, CheckInRequest(event_id=day.id, age_band="30s"))
    window.state.notify()
    window.show_widget(window.workshops)
    screen = window.workshops
    screen.slot_list.setCurrentRow(0)  # アロマ
    monkeypatch.setattr(VisitorPickerDialog, "exec", lambda box: box.choose_number(1))
    gesture(qtbot, screen.signup_button)
    assert screen.banner.property("role") == "banner-ok", screen.banner.text()
    assert "No. 1" in screen.banner.text() and "アロマ" in screen.banner.text()
    assert [s.visit_number for s in signups_of_slot(ctx, screen.slots[0].id)] == [1]


def test_a_held_enter_on_sign_up_keeps_the_sign_up_confirmation(qtbot, window, day, gestures):
    """The Enter that signs her up is held: its repeats must not check in an empty form."""
    check_in_by_hand(qtbot, window)
    gestures.pause()

    def tick_yoga_and_press_enter(dialog):
        click(qtbot, list(dialog.buttons.values())[1])
        press_key(dialog)

    answer_dialog(qtbot, tick_yoga_and_press_enter)
    click(qtbot, window.checkin.workshops_button)
    window.activateWindow()  # as the window system does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key_repeats(gestures, window)  # the key is still down after the dialog closed
    banner = window.checkin.banner
    assert banner.property("role") == "banner-ok", banner.text()
    assert "ヨガ" in banner.text()
    assert [s.registered for s in slots_of_event(window.state.ctx, day.id)] == [0, 1]


def test_add_a_slot_and_copy_last_time(qtbot, window, clock, dialogs):
    ctx = window.state.ctx
    window.show_widget(window.workshops)
    screen = window.workshops
    click(qtbot, window.header.event_button)  # open the day
    assert screen.starter_button.isVisible()
    click(qtbot, screen.starter_button)
    assert len(list_workshops(ctx)) == 6 and not screen.starter_button.isVisible()

    def fill(dialog_cls_name="AddSlotDialog"):
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if type(w).__name__ == dialog_cls_name and w.isVisible()
        )
        dialog.workshop.setCurrentIndex(dialog.workshop.findText("ヨガ"))
        click(qtbot, dialog.ok_button)

    QTimer.singleShot(50, fill)
    click(qtbot, screen.add_button)
    assert [s.name for s in screen.slots] == ["ヨガ"]

    # next month: the same workshops in one click
    events.close_event(ctx, window.state.today_event.id)
    clock.advance(days=28)
    window.state.notify()
    click(qtbot, window.header.event_button)
    click(qtbot, screen.copy_button)
    assert [s.name for s in screen.slots] == ["ヨガ"]
    assert "コピー" in screen.banner.text()


def test_removing_a_slot_with_signups_asks_and_cancels_them(qtbot, window, day, dialogs):
    ctx = window.state.ctx
    visit = checkin.check_in(ctx, CheckInRequest(event_id=day.id, age_band="50s")).visit
    signup_flow.sign_up_asking(window, ctx, slots_of_event(ctx, day.id)[0], visit.id)
    window.state.notify()
    window.show_widget(window.workshops)
    screen = window.workshops
    screen.slot_list.setCurrentRow(0)
    dialogs.answer = Answer.No
    click(qtbot, screen.remove_button)
    assert "1件の申込" in dialogs.questions[-1]
    assert len(screen.slots) == 2
    dialogs.answer = Answer.Yes
    click(qtbot, screen.remove_button)
    assert [s.name for s in screen.slots] == ["ヨガ"]
    assert signups_of_slot(ctx, slots_of_event(ctx, day.id)[0].id) == []


def test_catalogue_in_settings_refuses_zero_places(qtbot, window):
    from ui.settings.workshop_catalogue_card import WorkshopEditDialog

    dialog = WorkshopEditDialog(window.state, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("クッキング")
    dialog.capacity.setMinimum(0)
    dialog.capacity.setValue(0)
    click(qtbot, dialog.ok_button)
    assert "定員は1以上" in dialog.banner.text()
    assert list_workshops(window.state.ctx) == []
    dialog.capacity.setValue(8)
    click(qtbot, dialog.ok_button)
    assert [w.name for w in list_workshops(window.state.ctx)] == ["クッキング"]


def test_change_places_is_typed_in_the_apps_own_box(qtbot, window, day, dialogs):
    screen = window.workshops
    window.show_widget(screen)
    screen.slot_list.setCurrentRow(0)  # アロマ, 2 places
    dialogs.typed.append("5")
    click(qtbot, screen.capacity_button)
    assert dialogs.verbs[-1] == ["戻る", "変更する"]
    [aroma, _yoga] = slots_of_event(window.state.ctx, day.id)
    assert aroma.capacity == 5
