"""Closing the window while children are still in care asks first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.door import checkin, childcare, events
from kiosk.door.checkin import CheckInRequest, ChildRequest
from tests.ui.app_dialogs import when_modal_opens
from ui.dialogs import app_dialog
from ui.dialogs.app_dialog import AppDialog


class Answers:
    """Stands in for app_dialog.confirm: records each question, answers as told."""

    def __init__(self) -> None:
        self.close = False
        self.asked: list[tuple[str, str, str]] = []

    def __call__(self, _parent, _title, text, action, back, **_how) -> bool:
        self.asked.append((text, action, back))
        return self.close


@pytest.fixture
def answers(window, monkeypatch) -> Answers:
    found = Answers()
    monkeypatch.setattr(app_dialog, "confirm", found)
    yield found
    found.close = True  # the test's own window closes at teardown


def check_in(window, *child_bands):
    ctx = window.state.ctx
    event = window.state.open_event or events.open_event(ctx, window.state.venue.id)
    request = CheckInRequest(
        event_id=event.id, age_band="30s", children=tuple(ChildRequest(b) for b in child_bands)
    )
    result = checkin.check_in(ctx, request)
    window.state.notify()
    return result.visit


def reopen(qtbot, window):
    window.show()
    qtbot.waitExposed(window)


def test_closing_asks_only_while_children_are_in_care(qtbot, window, answers):
    ctx = window.state.ctx
    visit = check_in(window, "1-2", "3-5")
    assert window.close() is False  # 「戻る」: the window stays
    assert window.isVisible()
    text, action, back = answers.asked[-1]
    assert "2" in text and "託児" in text
    assert (action, back) == ("閉じる", "戻る")  # verbs, not はい／いいえ

    answers.close = True  # 「閉じる」
    assert window.close() is True
    assert not window.isVisible()

    reopen(qtbot, window)
    answers.asked.clear()
    for child in visit.children:  # every child went home: nothing to warn about
        childcare.hand_back(ctx, window.state.open_event.id, child.pickup_code)
    window.state.notify()
    assert window.close() is True
    reopen(qtbot, window)
    check_in(window, "school")  # in care, but the day is closed: no one is at the door
    events.close_event(ctx, window.state.open_event.id, force=True)
    window.state.notify()
    assert window.close() is True
    assert answers.asked == []


def test_a_new_window_for_another_language_replaces_the_old_without_asking(
    qtbot, window, shell, answers
):
    check_in(window, "1-2")
    shell.change_language("ja")
    assert answers.asked == []
    assert not window.isVisible() and shell.window is not window
    qtbot.addWidget(shell.window)
    assert shell.window.close() is False  # the new window does ask
    assert len(answers.asked) == 1


def answer_next_box(qtbot, act):
    """Run `act(box)` on the app's box about to open, then record what it showed."""
    seen = {}

    def find_and_act(box):
        assert isinstance(box, AppDialog)
        seen["default"] = next(b.text() for b in box.buttons.values() if b.isDefault())
        seen["buttons"] = sorted(b.text() for b in box.buttons.values())
        act(qtbot, box)

    when_modal_opens(qtbot, find_and_act)
    return seen


def test_the_question_has_verbs_and_defaults_to_going_back(qtbot, qapp):

    def press_enter(qtbot, box):
        qtbot.keyClick(box, Qt.Key.Key_Return)

    def press_escape(qtbot, box):
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    def click_close(qtbot, box):
        button = next(b for b in box.buttons.values() if b.text() == "閉じる")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    for act, expected in ((press_enter, False), (press_escape, False), (click_close, True)):
        seen = answer_next_box(qtbot, act)
        assert app_dialog.confirm(None, "つながり", "閉じますか？", "閉じる", "戻る") is expected
        assert seen == {"default": "戻る", "buttons": ["戻る", "閉じる"]}
