"""A paper sign-in list entered afterwards, through the real dialog and the tally screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from kiosk.door.paper_days import PaperDayDraft, paper_day_of, record_paper_day
from ui.dialogs.paper_day_dialog import PaperDayDialog

SATURDAY = date(2026, 11, 21)  # the day before the fake clock's Sunday


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def dialog(qtbot, window):
    opened = PaperDayDialog(window.state, window.state.venue.id, SATURDAY, window)
    qtbot.addWidget(opened)
    opened.show()
    return opened


def type_count(qtbot, spin, n):
    spin.selectAll()
    qtbot.keyClicks(spin, str(n))


def fill(qtbot, dialog, by_age, by_residence, first=0, children=0, workshops=0):
    for code, n in by_age.items():
        type_count(qtbot, dialog.by_age[code], n)
    for code, n in by_residence.items():
        type_count(qtbot, dialog.by_residence[code], n)
    type_count(qtbot, dialog.first_visits, first)
    type_count(qtbot, dialog.children_count, children)
    type_count(qtbot, dialog.workshops, workshops)


def test_it_says_at_the_top_that_it_is_entered_afterwards(dialog):
    assert dialog.notice.text().startswith("紙の受付簿から後日入力します")
    assert dialog.status.text() == "この会場・この日の新しい入力です。"
    assert not dialog.cancel_entry_button.isVisible()


def test_only_past_days_can_be_picked(dialog):
    dialog.day.setDate(QDate(2026, 11, 22))
    assert dialog.day.date() == QDate(2026, 11, 21)


def test_a_consistent_list_is_saved(qtbot, dialog, window):
    fill(qtbot, dialog, {"30s": 5, "40s": 4}, {"resident": 8, "unanswered": 1}, 2, 1, 3)
    assert dialog.totals.text() == "来場者数：9人"
    click(qtbot, dialog.save_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = paper_day_of(window.state.ctx, window.state.venue.id, SATURDAY)
    assert (saved.visits, saved.first_visits, saved.children, saved.workshop_participants) == (
        9,
        2,
        1,
        3,
    )
    assert saved.visits_by_residence["unanswered"] == 1
    assert saved.children_by_age is None


def test_a_mismatch_is_explained_live_and_refused_on_save(qtbot, dialog, db_state):
    fill(qtbot, dialog, {"30s": 5, "40s": 4}, {"resident": 7})
    assert "年代別 9人、お住まい別 7人" in dialog.totals.text()
    assert dialog.totals.property("role") == "banner-error"
    before = db_state()
    click(qtbot, dialog.save_button)
    assert "合いません" in dialog.banner.text()
    assert dialog.isVisible() and db_state() == before
    type_count(qtbot, dialog.by_residence["outside"], 2)  # the two from out of town
    assert dialog.totals.property("role") == "banner-ok"


def test_children_with_no_visits_are_refused(qtbot, dialog, db_state):
    type_count(qtbot, dialog.children_count, 2)
    assert "来場者が0人" in dialog.totals.text()
    before = db_state()
    click(qtbot, dialog.save_button)
    assert "託児が2人なのに来場者が0人です" in dialog.banner.text()
    assert db_state() == before


def test_the_childrens_ages_when_the_list_gives_them(qtbot, dialog, window):
    assert not dialog.children_ages.isVisible()
    fill(qtbot, dialog, {"30s": 2}, {"resident": 2}, children=2)
    qtbot.mouseClick(
        dialog.ages_known, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.ages_known.height() // 2)
    )
    assert dialog.children_ages.isVisible()
    type_count(qtbot, dialog.children_by_age["1-2"], 1)
    assert "子どもの年齢別の合計が1人" in dialog.totals.text()
    type_count(qtbot, dialog.children_by_age["school"], 1)
    click(qtbot, dialog.save_button)
    saved = paper_day_of(window.state.ctx, window.state.venue.id, SATURDAY)
    assert saved.children_by_age == {"0": 0, "1-2": 1, "3-5": 0, "school": 1}


def test_an_entered_day_opens_for_correction_and_can_be_cancelled(qtbot, window, dialogs):
    ctx, venue_id = window.state.ctx, window.state.venue.id
    first = record_paper_day(
        ctx, PaperDayDraft(venue_id, SATURDAY, {"30s": 3}, {"resident": 3}, first_visits=1)
    )
    dialog = PaperDayDialog(window.state, venue_id, SATURDAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.by_age["30s"].value() == 3 and dialog.first_visits.value() == 1
    assert "入力済み" in dialog.status.text()
    assert dialog.cancel_entry_button.isVisible()
    type_count(qtbot, dialog.by_age["30s"], 4)
    type_count(qtbot, dialog.by_residence["resident"], 4)
    click(qtbot, dialog.save_button)
    corrected = paper_day_of(ctx, venue_id, SATURDAY)
    assert (corrected.id, corrected.visits) == (first.id, 4)

    again = PaperDayDialog(window.state, venue_id, SATURDAY, window)
    qtbot.addWidget(again)
    again.show()
    click(qtbot, again.cancel_entry_button)
    assert "取り消しますか" in dialogs.questions[-1]
    assert paper_day_of(ctx, venue_id, SATURDAY) is None
    assert again.result() == again.DialogCode.Accepted


def test_a_day_counted_at_the_door_cannot_take_a_paper_list(qtbot, window, clock):
    ctx, venue_id = window.state.ctx, window.state.venue.id
    event = events.open_event(ctx, venue_id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
    clock.advance(days=1)
    dialog = PaperDayDialog(window.state, venue_id, date(2026, 11, 22), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "二重に数えて" in dialog.status.text()
    assert not dialog.save_button.isEnabled() and not dialog.by_age["30s"].isEnabled()
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    dialog.venue.addItem(other.name, other.id)
    dialog.venue.setCurrentIndex(dialog.venue.findData(other.id))
    assert dialog.save_button.isEnabled() and dialog.by_age["30s"].isEnabled()


def test_the_tally_screen_opens_it_for_the_day_shown(qtbot, window):
    window.show_widget(window.tally)
    screen = window.tally
    screen.day.setDate(QDate(2026, 11, 21))
    seen = []

    def enter_the_list():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PaperDayDialog) and w.isVisible()
        )
        seen.append((dialog.venue_id, dialog.chosen_day))
        fill(qtbot, dialog, {"50s": 6}, {"resident": 6})
        click(qtbot, dialog.save_button)

    QTimer.singleShot(0, enter_the_list)
    changed = []
    window.state.changed.connect(lambda: changed.append(True))
    click(qtbot, screen.paper_button)
    assert seen == [(window.state.venue.id, SATURDAY)]
    assert paper_day_of(window.state.ctx, window.state.venue.id, SATURDAY).visits == 6
    assert changed  # the screens refresh
