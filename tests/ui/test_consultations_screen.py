"""The Consultations screen, clicked through the way consultation staff use it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
)

from kiosk.consultations.counts import consultation_counts
from kiosk.consultations.records import records_of_day
from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from ui.main_window import SCREENS
from ui.settings.consultation_lists_card import ConsultationListsCard
from ui.widgets.phrase_breaks import plain

TODAY = date(2026, 11, 22)  # Sunday, the fake clock's day
TUESDAY = TODAY - timedelta(days=5)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def screen(window):
    window.show_widget(window.consultations)
    return window.consultations


@pytest.fixture
def cafe(window, clock):
    """Today's café is open and さくら (No. 1) and a count-only visitor (No. 2) are in."""
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s", nickname="さくら"))
    clock.advance(minutes=5)
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    window.state.notify()
    return event


def rows(screen):
    return [screen.records.list.item(i).text() for i in range(screen.records.list.count())]


def test_record_a_consultation_a_referral_and_a_case_meeting_then_cancel_one(
    qtbot, window, screen, cafe, dialogs, clock
):
    ctx, venue_id = window.state.ctx, window.state.venue.id
    assert screen.venue.currentText() == "中央公民館"
    assert screen.picked_day() == TODAY
    assert screen.channel.value() == "in_person"  # at a café, in person unless changed
    assert not screen.record_button.isEnabled()  # nothing chosen yet

    click(qtbot, screen.category.button("parenting"))
    click(qtbot, screen.staff_role.button("midwife"))
    assert screen.visit_choice.itemText(1) == "No.1  さくら"  # No. and nickname only
    screen.visit_choice.setCurrentIndex(1)
    for _ in range(6):
        click(qtbot, screen.more)
    assert screen.minutes.text() == "30分"
    assert screen.record_button.isEnabled()
    clock.advance(minutes=20)
    click(qtbot, screen.record_button)
    click(qtbot, screen.record_button)  # a double click: the button is already asleep

    day = records_of_day(ctx, venue_id, TODAY)
    assert len(day.consultations) == 1
    saved = day.consultations[0]
    assert (saved.channel, saved.category, saved.staff_role, saved.minutes) == (
        "in_person",
        "parenting",
        "midwife",
        30,
    )
    assert (saved.event_id, saved.visit_number) == (cafe.id, 1)
    assert screen.banner.text() == "相談を記録しました。"
    assert screen.category.value() is None and screen.minutes.value() == 0
    assert screen.staff_role.value() == "midwife"  # the same person records the next one
    assert "相談： 対面・子育て・助産師・30分・No.1" in rows(screen)[0]
    assert "さくら" not in " ".join(rows(screen))  # the list shows the No. only

    # A referral from that consultation
    assert screen.from_consultation.isVisible() and screen.from_consultation.isChecked()
    assert not screen.referral_button.isEnabled()
    click(qtbot, screen.agency.button("child_development"))
    clock.advance(minutes=1)
    click(qtbot, screen.referral_button)
    (referral,) = records_of_day(ctx, venue_id, TODAY).referrals
    assert referral.agency == "child_development" and referral.consultation_id == saved.id
    assert screen.banner.text() == "つなぎ先を記録しました。"
    assert screen.agency.value() is None and not screen.referral_button.isEnabled()

    # A case meeting, after a confirmation
    clock.advance(minutes=1)
    click(qtbot, screen.meeting_button)
    assert "中央公民館" in dialogs.questions[-1] and "ケース会議" in dialogs.questions[-1]
    assert len(records_of_day(ctx, venue_id, TODAY).case_meetings) == 1
    assert screen.records.totals.text() == "相談 1件 ・ つなぎ 1件 ・ ケース会議 1件"

    # Cancel the case meeting: kept, struck out, no longer counted
    screen.records.list.setCurrentRow(2)
    assert "ケース会議" in rows(screen)[2]
    click(qtbot, screen.records.cancel_button)
    assert "取り消しますか" in dialogs.questions[-1]
    (meeting,) = records_of_day(ctx, venue_id, TODAY).case_meetings
    assert meeting.status == "cancelled"
    assert rows(screen)[2].endswith("（取消）")
    assert screen.records.list.item(2).font().strikeOut()
    assert screen.records.totals.text() == "相談 1件 ・ つなぎ 1件 ・ ケース会議 0件"
    counts = consultation_counts(ctx, [venue_id], TODAY, TODAY)
    assert (counts.total, counts.referrals, counts.case_meetings) == (1, 1, 0)


def test_a_phone_call_on_a_weekday_without_an_event(qtbot, window, screen):
    ctx, venue_id = window.state.ctx, window.state.venue.id
    screen.day.setDate(QDate(TUESDAY.year, TUESDAY.month, TUESDAY.day))
    assert screen.picked_day() == TUESDAY
    assert not screen.event_choice.isEnabled()
    assert screen.event_choice.currentText() == "開催なし（電話・訪問など）"
    assert not screen.visit_choice.isEnabled()
    assert screen.channel.value() == "phone"
    assert "開催はありません" in plain(screen.link_hint.text())
    click(qtbot, screen.category.button("money_living"))
    click(qtbot, screen.staff_role.button("counsellor"))
    click(qtbot, screen.record_button)
    (saved,) = records_of_day(ctx, venue_id, TUESDAY).consultations
    assert saved.channel == "phone" and saved.event_id is None and saved.visit_id is None
    assert consultation_counts(ctx, [venue_id], TUESDAY, TUESDAY).by_channel["phone"] == 1
    assert records_of_day(ctx, venue_id, TODAY).consultations == ()
    click(qtbot, screen.today_button)
    assert screen.picked_day() == TODAY


def test_a_future_date_cannot_be_picked(qtbot, screen):
    tomorrow = TODAY + timedelta(days=1)
    screen.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert screen.picked_day() == TODAY
    assert not screen.next.isEnabled()
    click(qtbot, screen.previous)
    assert screen.picked_day() == TODAY - timedelta(days=1)
    assert screen.next.isEnabled()


def test_a_refused_record_shows_why_in_japanese_and_changes_nothing(
    qtbot, window, screen, cafe, db_state
):
    click(qtbot, screen.category.button("health"))
    click(qtbot, screen.staff_role.button("nurse"))
    screen.visit_choice.setCurrentIndex(1)  # No. 1 ...
    visit_id = screen.visit_choice.currentData()
    checkin.cancel_visit(window.state.ctx, visit_id, "mistake")  # ... cancelled meanwhile
    before = db_state()
    click(qtbot, screen.record_button)
    assert screen.banner.text() == (
        "No. 1 の受付は取り消されているため、相談と結び付けられません。"
    )
    assert screen.banner.property("role") == "banner-error"
    assert db_state() == before
    assert screen.category.value() == "health"  # what was chosen stays, to try again


def test_the_form_has_no_field_for_what_was_said(screen):
    """Only numbers and dates can be typed; no text box exists for the content."""
    assert not screen.findChildren(QTextEdit) and not screen.findChildren(QPlainTextEdit)
    line_edits = screen.findChildren(QLineEdit)
    assert line_edits  # the spin box and the date edit have their inner editors ...
    owners = {type(edit.parent()) for edit in line_edits}
    assert owners <= {QSpinBox, QDateEdit}  # ... and that is all
    for edit in line_edits:
        assert isinstance(edit.parent(), QAbstractSpinBox)
    assert screen.privacy_note.isVisible()
    assert "話の内容は記録しません" in plain(screen.privacy_note.text())
    assert "暴力" in plain(screen.privacy_note.text())


def test_lists_edited_in_settings_show_on_the_screen_when_it_is_shown(
    qtbot, window, screen, dialogs
):
    card = window.settings.findChild(ConsultationListsCard)

    def to_settings() -> None:
        click(qtbot, window.nav_buttons[SCREENS.index("settings")])

    def to_screen() -> None:
        click(qtbot, window.nav_buttons[SCREENS.index("consultations")])

    to_settings()
    click(qtbot, card.which.button("agency"))
    dialogs.typed.append("社会福祉協議会")
    click(qtbot, card.add_button)
    assert card.banner.text() == "追加しました。"
    texts = [card.list.item(i).text() for i in range(card.list.count())]
    assert "社会福祉協議会   （追加）" in texts
    assert texts[-1] == "その他"  # その他 stays last
    to_screen()
    labels = [b.text() for b in screen.agency.findChildren(QPushButton)]
    assert "社会福祉協議会" in labels

    click(qtbot, screen.category.button("work"))  # chosen on the form ...
    to_settings()
    click(qtbot, card.which.button("category"))
    card.list.setCurrentRow(4)  # 仕事
    click(qtbot, card.hide_button)  # ... then hidden in Settings
    assert card.list.item(4).text() == "仕事   （非表示）"
    to_screen()
    codes = [b.property("code") for b in screen.category.findChildren(QPushButton)]
    assert "work" not in codes and screen.category.value() is None

    to_settings()
    card.list.setCurrentRow(2)  # 子育て
    dialogs.typed.append("子育て・育児")
    click(qtbot, card.rename_button)
    to_screen()
    assert screen.category.button("parenting").text() == "子育て・育児"

    to_settings()
    dialogs.typed.append("  ")
    click(qtbot, card.add_button)
    assert card.banner.text() == "表示名を入力してください。"
