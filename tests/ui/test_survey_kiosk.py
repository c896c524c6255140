"""The questionnaire kiosk, clicked and typed as participants and staff do it.

No sleeping: the idle timeout and the thank-you page take milliseconds here
(KioskTiming), and the tests wait on the kiosk's own signals.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from sqlalchemy import select

from db.models import SurveyResponse
from kiosk.care import pin
from tests.ui.gestures import DOUBLE_TAPS, GestureClock
from ui.survey_kiosk.kiosk_window import KioskTiming, SurveyKiosk
from ui.survey_kiosk.survey_answers import ChoiceAnswer, TextAnswer
from ui.survey_kiosk.survey_pages import IntroPage, QuestionPage, StartPage, ThanksPage
from ui.widgets import single_action

PIN = "2468"
SLOW = KioskTiming(idle_ms=60_000, countdown_ticks=15, tick_ms=1000, thanks_ms=60_000)
PAUSE = SLOW.advance_ms / 1000  # her single answer stays highlighted this long (test clock)


def clock() -> GestureClock:
    """The kiosk's pause and its double-tap guard run on the test's clock (tests/ui/gestures.py)."""
    found = single_action.monotonic
    assert isinstance(found, GestureClock)
    return found


def click(qtbot: Any, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_japanese(widget: QWidget, text: str) -> None:
    """What an input method sends when she confirms a word (keyClicks cannot type kana)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def responses(ctx: Any) -> list[SurveyResponse]:
    with ctx.sessions() as session:
        return list(session.scalars(select(SurveyResponse)))


@pytest.fixture
def kiosk_for(qtbot, window, ctx) -> Iterator[Any]:
    """Start the kiosk from the Questionnaire screen with the given timing."""
    pin.set_pin(ctx, PIN, PIN)
    started: list[SurveyKiosk] = []

    def start(timing: KioskTiming = SLOW) -> SurveyKiosk:
        window.show_widget(window.survey)
        window.survey.timing = timing
        assert window.survey.start_kiosk()
        kiosk = window.survey.kiosk
        assert kiosk is not None
        qtbot.waitExposed(kiosk)
        started.append(kiosk)
        return kiosk

    yield start
    for kiosk in started:  # unlock, so teardown can close it
        if not shiboken6.isValid(kiosk):
            continue
        kiosk.idle.stop()
        kiosk._unlocked = True
        kiosk.close()
        kiosk.deleteLater()


def page(kiosk: SurveyKiosk) -> QuestionPage:
    current = kiosk.current_page()
    assert isinstance(current, QuestionPage), type(current).__name__
    return current


def choose(qtbot: Any, kiosk: SurveyKiosk, *codes: str) -> None:
    answer = page(kiosk).answer
    assert isinstance(answer, ChoiceAnswer)
    for code in codes:
        click(qtbot, answer.button(code))


def moves_on(qtbot: Any, kiosk: SurveyKiosk) -> QWidget | None:
    """The pause passes (on the test's clock): the kiosk moves on by itself."""
    before = kiosk.current_page()
    clock().advance(PAUSE)
    qtbot.waitUntil(lambda: kiosk.current_page() is not before, timeout=2000)
    clock().pause()
    return kiosk.current_page()


def pick(qtbot: Any, kiosk: SurveyKiosk, code: str) -> None:
    """One tap on a single-choice answer, then the next question by itself."""
    choose(qtbot, kiosk, code)
    moves_on(qtbot, kiosk)


def stays(qtbot: Any, kiosk: SurveyKiosk, seconds: float) -> QWidget | None:
    """`seconds` pass on the test's clock and the kiosk's timer has looked several times."""
    before = kiosk.current_page()
    clock().advance(seconds)
    qtbot.wait(120)  # four looks of the kiosk at the clock
    assert kiosk.current_page() is before
    return before


def next_(qtbot: Any, kiosk: SurveyKiosk) -> None:
    click(qtbot, page(kiosk).next_button)
    clock().pause()  # she reads the next question before she taps again


def back(qtbot: Any, kiosk: SurveyKiosk) -> None:
    click(qtbot, page(kiosk).back_button)
    clock().pause()


def start_in(qtbot: Any, kiosk: SurveyKiosk, lang: str) -> None:
    """Her language on the first page, then 「はじめる」 under the intro in it."""
    clock().pause()  # she walks up to the kiosk
    start = kiosk.current_page()
    assert isinstance(start, StartPage)
    click(qtbot, start.buttons[lang])
    clock().pause()  # she reads the intro
    intro = kiosk.current_page()
    assert isinstance(intro, IntroPage)
    click(qtbot, intro.start_button)
    clock().pause()


def answer_everything(qtbot: Any, kiosk: SurveyKiosk, comment: str) -> None:
    pick(qtbot, kiosk, "satisfied")
    choose(qtbot, kiosk, "talk", "workshop")  # several answers: 次へ when she is done
    next_(qtbot, kiosk)
    pick(qtbot, kiosk, "yes")
    pick(qtbot, kiosk, "sometimes")
    next_(qtbot, kiosk)  # how she heard of it: optional, skipped
    pick(qtbot, kiosk, "30s")
    text = page(kiosk).answer
    assert isinstance(text, TextAnswer)
    type_japanese(text.edit, comment)


def test_a_full_response_in_japanese(qtbot, window, ctx, kiosk_for, dialogs):
    kiosk = kiosk_for()
    # No event was open: the coordinator was asked, and today's check-in opened.
    assert dialogs.questions and window.survey.state.today_event is not None
    assert kiosk.isFullScreen() and not window.isVisible()
    start_in(qtbot, kiosk, "ja")
    first = page(kiosk)
    assert first.progress_label.text() == "質問 1 / 7"
    assert first.next_button.text() == "次へ"
    assert not first.next_button.isVisible()  # one tap on an answer is enough
    assert first.back_button.text() == "戻る" and first.back_button.isVisible()
    assert first.back_button.minimumSizeHint().height() >= 48
    assert first.answer.button("satisfied").height() >= 48  # type: ignore[union-attr]
    answer_everything(qtbot, kiosk, "子どもを預けてゆっくりできました")
    assert responses(ctx) == []  # nothing is stored before Send
    last = page(kiosk)
    assert last.next_button.text() == "送信する"
    click(qtbot, last.next_button)

    assert isinstance(kiosk.current_page(), ThanksPage)
    [row] = responses(ctx)
    assert (row.source, row.language, row.event_id) == ("kiosk", "ja", window.state.today_event.id)
    assert row.answers == {
        "overall": "satisfied",
        "activities": ["talk", "workshop"],
        "come_again": "yes",
        "lonely": "sometimes",
        "age_band": "30s",
        "comment": "子どもを預けてゆっくりできました",
    }
    assert kiosk.draft == {} and kiosk.pages == []


def test_back_and_next_keep_her_own_answers(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "en")
    assert page(kiosk).progress_label.text() == "Question 1 of 7"
    pick(qtbot, kiosk, "somewhat_satisfied")
    choose(qtbot, kiosk, "rest")
    back(qtbot, kiosk)
    assert page(kiosk).value() == "somewhat_satisfied"
    assert page(kiosk).next_button.isVisible()  # she came back: 次へ keeps her answer
    next_(qtbot, kiosk)
    assert page(kiosk).value() == ["rest"]
    # Back from the first question is the intro, then the language page; her answers stay hers.
    back(qtbot, kiosk)
    back(qtbot, kiosk)
    intro = kiosk.current_page()
    assert isinstance(intro, IntroPage)
    click(qtbot, intro.back_button)
    clock().pause()
    start_in(qtbot, kiosk, "ja")
    assert page(kiosk).value() == "somewhat_satisfied"
    assert page(kiosk).next_button.text() == "次へ"


def test_a_required_question_cannot_be_skipped(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    assert not page(kiosk).next_button.isVisible()  # nothing to skip it with
    pick(qtbot, kiosk, "dissatisfied")
    back(qtbot, kiosk)
    assert page(kiosk).question.id == "overall"
    # She came back: tapping the chosen answer takes it back, and nothing moves on.
    choose(qtbot, kiosk, "dissatisfied")
    assert page(kiosk).value() is None
    stays(qtbot, kiosk, 5 * PAUSE)
    next_(qtbot, kiosk)
    assert page(kiosk).question.id == "overall"
    assert page(kiosk).error.text() == "この質問にはお答えください。"
    choose(qtbot, kiosk, "satisfied")
    assert page(kiosk).error.text() == ""  # the message goes once she answers
    moves_on(qtbot, kiosk)
    assert page(kiosk).question.id == "activities"
    assert responses(ctx) == []


def test_over_long_free_text_is_refused_with_the_count(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    pick(qtbot, kiosk, "satisfied")
    for _ in range(5):
        next_(qtbot, kiosk)
    text = page(kiosk).answer
    assert isinstance(text, TextAnswer)
    type_japanese(text.edit, "あ" * 401)
    assert text.counter.text() == "401 / 400文字"
    assert text.counter.property("role") == "survey-counter-over"
    next_(qtbot, kiosk)
    assert page(kiosk).error.text() == "400文字以内でお書きください（いま401文字）。"
    assert responses(ctx) == []
    qtbot.keyClick(text.edit, Qt.Key.Key_Backspace)
    next_(qtbot, kiosk)
    assert isinstance(kiosk.current_page(), ThanksPage)
    assert len(responses(ctx)[0].answers["comment"]) == 400


def test_an_idle_timeout_counts_down_then_starts_over_and_stores_nothing(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for(KioskTiming(idle_ms=40, countdown_ticks=3, tick_ms=15, thanks_ms=60_000))
    start_in(qtbot, kiosk, "en")
    pick(qtbot, kiosk, "satisfied")
    choose(qtbot, kiosk, "childcare")
    with qtbot.waitSignal(kiosk.idle.countdown, timeout=2000) as shown:
        pass
    assert shown.args == [3]
    assert kiosk.overlay.isVisible()
    assert "In 3 seconds the questionnaire starts over" in kiosk.overlay.detail.text()
    with qtbot.waitSignal(kiosk.idle.expired, timeout=2000):
        pass
    assert isinstance(kiosk.current_page(), StartPage)
    assert not kiosk.overlay.isVisible()
    assert kiosk.draft == {} and kiosk.lang is None and kiosk.pages == []
    assert responses(ctx) == []
    # The next person starts from nothing.
    start_in(qtbot, kiosk, "en")
    assert page(kiosk).value() is None


def test_a_touch_during_the_countdown_keeps_her_answers(qtbot, kiosk_for):
    kiosk = kiosk_for(KioskTiming(idle_ms=40, countdown_ticks=50, tick_ms=20, thanks_ms=60_000))
    start_in(qtbot, kiosk, "ja")
    choose(qtbot, kiosk, "somewhat_dissatisfied")
    with qtbot.waitSignal(kiosk.idle.countdown, timeout=2000):
        pass
    assert kiosk.overlay.isVisible()
    assert kiosk.overlay.title.text() == "まだ回答中ですか？"
    with qtbot.waitSignal(kiosk.idle.resumed, timeout=1000):
        click(qtbot, kiosk.overlay.continue_button)
    assert not kiosk.overlay.isVisible()
    assert page(kiosk).value() == "somewhat_dissatisfied"


def test_two_respondents_in_a_row_share_nothing(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    answer_everything(qtbot, kiosk, "はじめての方へのメッセージ")
    first_pages = list(kiosk.pages)
    next_(qtbot, kiosk)
    thanks = kiosk.current_page()
    assert isinstance(thanks, ThanksPage)
    click(qtbot, thanks.done_button)

    # The second woman: every page is new and empty, in her language.
    start_in(qtbot, kiosk, "en")
    assert not set(kiosk.pages) & set(first_pages)
    for question_page in kiosk.pages:
        assert question_page.value() is None
        if isinstance(question_page.answer, ChoiceAnswer):
            assert not any(b.isChecked() for b in question_page.answer.buttons.values())
        else:
            assert question_page.answer.edit.toPlainText() == ""
    pick(qtbot, kiosk, "dissatisfied")
    for _ in range(6):
        next_(qtbot, kiosk)
    rows = sorted(responses(ctx), key=lambda r: r.language)
    assert [(r.language, r.answers) for r in rows] == [
        ("en", {"overall": "dissatisfied"}),
        ("ja", rows[1].answers),
    ]
    assert rows[1].answers["comment"] == "はじめての方へのメッセージ"
    assert rows[0].id != rows[1].id


def test_the_thank_you_page_returns_to_the_start_by_itself(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for(KioskTiming(idle_ms=60_000, thanks_ms=30))
    start_in(qtbot, kiosk, "en")
    pick(qtbot, kiosk, "satisfied")
    for _ in range(6):
        next_(qtbot, kiosk)
    assert isinstance(kiosk.current_page(), ThanksPage)
    qtbot.waitUntil(lambda: isinstance(kiosk.current_page(), StartPage), timeout=2000)
    assert len(responses(ctx)) == 1


def test_close_and_escape_do_nothing(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    choose(qtbot, kiosk, "satisfied")
    assert kiosk.close() is False
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    qtbot.keyClick(page(kiosk).next_button, Qt.Key.Key_Escape)
    assert kiosk.isVisible()
    assert page(kiosk).value() == "satisfied"


def test_a_wrong_then_the_right_pin_leaves_the_kiosk(qtbot, window, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    choose(qtbot, kiosk, "satisfied")  # a half response, never sent
    click(qtbot, kiosk.staff_button)
    dialog = kiosk.pin_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.keypad.press("1111")
    assert dialog.field.text() == "1111"
    click(qtbot, dialog.ok_button)
    assert "PINが違います" in dialog.banner.text()
    assert kiosk.isVisible() and dialog.isVisible()

    dialog.keypad.press(PIN)
    with qtbot.waitSignal(kiosk.unlocked, timeout=1000):
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=1000)
    assert window.isVisible()
    assert window.survey.kiosk is None
    assert responses(ctx) == []  # her half response went nowhere
    assert "終了" in window.survey.banner.text()


def test_staff_can_go_back_to_the_questionnaire_from_the_pin_dialog(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "en")
    choose(qtbot, kiosk, "satisfied")
    click(qtbot, kiosk.staff_button)
    dialog = kiosk.pin_dialog
    assert dialog is not None
    click(qtbot, dialog.cancel_button)
    assert kiosk.pin_dialog is None
    assert page(kiosk).value() == "satisfied"


def test_five_wrong_pins_make_the_dialog_wait(qtbot, kiosk_for):
    kiosk = kiosk_for()
    click(qtbot, kiosk.staff_button)
    dialog = kiosk.pin_dialog
    assert dialog is not None
    for _ in range(5):
        dialog.keypad.press("0000")
        click(qtbot, dialog.ok_button)
    assert "30秒後まで" in dialog.banner.text()
    dialog.keypad.press(PIN)
    click(qtbot, dialog.ok_button)  # even the right one waits
    assert kiosk.isVisible()


def test_the_app_killed_mid_questionnaire_leaves_no_half_response(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    pick(qtbot, kiosk, "satisfied")
    choose(qtbot, kiosk, "talk")
    next_(qtbot, kiosk)
    # Killed: the window and everything in memory are simply gone.
    kiosk.idle.stop()
    kiosk._unlocked = True
    kiosk.close()
    kiosk.deleteLater()
    qtbot.wait(1)
    assert responses(ctx) == []


# -- a response writes its row and nothing else ---------------------------------------


def all_rows(ctx: Any) -> dict[str, set[str]]:
    from db.models import Base

    with ctx.sessions() as session:
        return {
            table.name: {repr(tuple(row)) for row in session.execute(select(table))}
            for table in Base.metadata.sorted_tables
        }


def changed(before: dict[str, set[str]], after: dict[str, set[str]]) -> dict[str, int]:
    return {t: len(after[t] ^ before[t]) for t in after if after[t] != before[t]}


def test_send_writes_the_response_and_nothing_else(qtbot, window, ctx, kiosk_for, dialogs):
    """No audit line, no setting (the definition was stored when staff started the
    kiosk), no time finer than the hour."""
    kiosk = kiosk_for()
    for comment in ("ひとりめ", "ふたりめ"):
        start_in(qtbot, kiosk, "ja")
        answer_everything(qtbot, kiosk, comment)
        before = all_rows(ctx)
        click(qtbot, page(kiosk).next_button)
        assert isinstance(kiosk.current_page(), ThanksPage)
        assert changed(before, all_rows(ctx)) == {"survey_response": 1}
        kiosk.reset()
    for row in responses(ctx):
        for moment in (row.answered_hour, row.created_at, row.updated_at):
            assert (moment.minute, moment.second, moment.microsecond) == (0, 0, 0)


def test_a_paper_form_writes_its_response_and_nothing_else(qtbot, window, ctx, dialogs):
    from kiosk.door import events
    from ui.dialogs.paper_survey_dialog import PaperSurveyDialog

    events.open_event(ctx, window.state.venue.id)
    window.state.notify()
    window.show_widget(window.survey)
    click(qtbot, window.survey.paper_button)  # staff open the form: the definition is stored
    dialog = window.survey.paper_dialog
    assert isinstance(dialog, PaperSurveyDialog)
    qtbot.waitExposed(dialog)
    for code in ("satisfied", "dissatisfied"):
        overall = dialog.answers["overall"]
        assert isinstance(overall, ChoiceAnswer)
        click(qtbot, overall.button(code))
        before = all_rows(ctx)
        click(qtbot, dialog.save_button)
        assert changed(before, all_rows(ctx)) == {"survey_response": 1}
    assert len(responses(ctx)) == 2


# -- one tap answers a one-answer question ---------------------------------------------


def checked(kiosk: SurveyKiosk) -> list[str]:
    answer = page(kiosk).answer
    assert isinstance(answer, ChoiceAnswer)
    return [code for code, b in answer.buttons.items() if b.isChecked()]


def test_a_single_answer_moves_on_by_itself_after_she_has_seen_it(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    first = page(kiosk)
    choose(qtbot, kiosk, "somewhat_satisfied")
    # Not at once: her choice stays highlighted for the pause.
    stays(qtbot, kiosk, PAUSE - 0.05)
    assert checked(kiosk) == ["somewhat_satisfied"]
    assert moves_on(qtbot, kiosk) is not first
    assert page(kiosk).question.id == "activities"
    assert kiosk.draft == {"overall": "somewhat_satisfied"}


def test_back_changes_a_single_answer(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "en")
    pick(qtbot, kiosk, "satisfied")
    back(qtbot, kiosk)
    assert page(kiosk).question.id == "overall"
    assert checked(kiosk) == ["satisfied"]
    pick(qtbot, kiosk, "somewhat_dissatisfied")  # another answer: on again by itself
    assert page(kiosk).question.id == "activities"
    for _ in range(5):
        next_(qtbot, kiosk)
    next_(qtbot, kiosk)  # 送信する
    [row] = responses(ctx)
    assert row.answers == {"overall": "somewhat_dissatisfied"}


def test_two_taps_30_ms_apart_on_two_answers_the_second_wins(qtbot, kiosk_for):
    """She changed her mind (or her finger slid): the second answer is hers, and she
    sees it for the whole pause again before the next question."""
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    choose(qtbot, kiosk, "satisfied")
    qtbot.wait(30)
    clock().advance(0.03)
    choose(qtbot, kiosk, "dissatisfied")
    assert checked(kiosk) == ["dissatisfied"]
    stays(qtbot, kiosk, PAUSE - 0.05)  # past the first tap's pause, not the second's
    moves_on(qtbot, kiosk)
    assert page(kiosk).question.id == "activities"  # one question on, not two
    assert kiosk.draft == {"overall": "dissatisfied"}


@pytest.mark.parametrize("taps", DOUBLE_TAPS, ids=lambda f: f.__name__)
def test_a_double_tap_on_an_answer_chooses_it_and_moves_one_question(qtbot, kiosk_for, taps):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    answer = page(kiosk).answer
    assert isinstance(answer, ChoiceAnswer)
    taps(qtbot, answer.button("somewhat_satisfied"))
    assert checked(kiosk) == ["somewhat_satisfied"]  # the second tap did not take it back
    moves_on(qtbot, kiosk)
    assert page(kiosk).question.id == "activities"
    stays(qtbot, kiosk, 5 * PAUSE)
    assert kiosk.draft == {"overall": "somewhat_satisfied"}


@pytest.mark.parametrize("taps", DOUBLE_TAPS, ids=lambda f: f.__name__)
def test_a_double_tap_on_next_or_back_moves_one_page(qtbot, kiosk_for, taps):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "en")
    pick(qtbot, kiosk, "satisfied")
    taps(qtbot, page(kiosk).next_button)  # activities → come_again, not lonely
    assert page(kiosk).question.id == "come_again"
    clock().pause()
    taps(qtbot, page(kiosk).back_button)
    assert page(kiosk).question.id == "activities"


def test_the_last_question_waits_for_send(qtbot, ctx, kiosk_for):
    """A single answer on the last question does not send by itself: sending is hers."""
    from kiosk.survey.questionnaire import Questionnaire

    kiosk = kiosk_for()
    questionnaire: Questionnaire = kiosk.questionnaire
    last = questionnaire.questions[-1]
    assert last.type == "text"  # the default questionnaire ends with her own words
    start_in(qtbot, kiosk, "ja")
    pick(qtbot, kiosk, "satisfied")
    for _ in range(5):
        next_(qtbot, kiosk)
    assert page(kiosk).next_button.isVisible()
    assert page(kiosk).next_button.text() == "送信する"
    assert not page(kiosk).moves_on_by_itself


# -- the PIN dialog holds the kiosk's timers ----------------------------------------------


def test_the_thank_you_reset_waits_while_staff_type_the_pin(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for(KioskTiming(idle_ms=60_000, thanks_ms=40))
    start_in(qtbot, kiosk, "ja")
    pick(qtbot, kiosk, "satisfied")
    for _ in range(6):
        next_(qtbot, kiosk)
    thanks = kiosk.current_page()
    assert isinstance(thanks, ThanksPage)
    click(qtbot, kiosk.staff_button)
    dialog = kiosk.pin_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.keypad.press("24")
    qtbot.wait(200)  # five times the thank-you page's time
    assert dialog.isVisible() and kiosk.pin_dialog is dialog
    assert dialog.field.text() == "24"  # what they typed is still there
    assert kiosk.current_page() is thanks
    # Back to the questionnaire: the thank-you page runs its time again, then the start.
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: isinstance(kiosk.current_page(), StartPage), timeout=2000)
    assert len(responses(ctx)) == 1


def test_the_idle_countdown_waits_while_staff_type_the_pin(qtbot, kiosk_for):
    kiosk = kiosk_for(KioskTiming(idle_ms=40, countdown_ticks=3, tick_ms=15, thanks_ms=60_000))
    start_in(qtbot, kiosk, "en")
    pick(qtbot, kiosk, "satisfied")
    click(qtbot, kiosk.staff_button)
    dialog = kiosk.pin_dialog
    assert dialog is not None
    qtbot.wait(250)  # idle time and countdown together, three times over
    assert dialog.isVisible() and not kiosk.overlay.isVisible()
    assert page(kiosk).question.id == "activities"
    click(qtbot, dialog.cancel_button)
    with qtbot.waitSignal(kiosk.idle.countdown, timeout=2000):
        pass  # the kiosk watches again once staff are gone
    assert kiosk.draft == {"overall": "satisfied"}


def test_the_pin_dialog_stops_a_pending_move(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja")
    choose(qtbot, kiosk, "satisfied")
    click(qtbot, kiosk.staff_button)
    assert kiosk.pin_dialog is not None
    stays(qtbot, kiosk, 5 * PAUSE)  # no page turns behind the dialog
    click(qtbot, kiosk.pin_dialog.cancel_button)
    assert checked(kiosk) == ["satisfied"]
    assert page(kiosk).next_button.isVisible()  # the move the dialog stopped: 次へ takes her on
    next_(qtbot, kiosk)
    assert page(kiosk).question.id == "activities"


# -- her own language --------------------------------------------------------------------------


def test_the_first_page_offers_each_language_of_the_questionnaire_named_in_itself(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start = kiosk.current_page()
    assert isinstance(start, StartPage)
    names = {lang: button.text() for lang, button in start.buttons.items()}
    assert names == dict(kiosk.questionnaire.languages)
    assert names["zh-Hans"] == "简体中文" and names["ko"] == "한국어"
    assert all(b.height() >= 64 and b.isVisible() for b in start.buttons.values())


def test_a_response_in_korean_by_taps_is_stored_with_its_language(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ko")
    first = page(kiosk)
    assert first.progress_label.text() == "질문 1 / 7"
    assert first.question_label.text() == "오늘 카페는 어떠셨나요?"
    assert first.answer.button("satisfied").text() == "만족"  # type: ignore[union-attr]
    answer_everything(qtbot, kiosk, "좋았어요")
    last = page(kiosk)
    assert last.next_button.text() == "보내기"
    click(qtbot, last.next_button)
    thanks = kiosk.current_page()
    assert isinstance(thanks, ThanksPage)
    assert thanks.done_button.text() == "끝내기"
    [row] = responses(ctx)
    assert row.language == "ko"
    assert row.answers["overall"] == "satisfied" and row.answers["comment"] == "좋았어요"
    # Back to the start: her language is forgotten, the next woman chooses again.
    click(qtbot, thanks.done_button)
    assert isinstance(kiosk.current_page(), StartPage)
    assert kiosk.lang is None and kiosk.draft == {} and kiosk.pages == []


def test_easy_japanese_shows_furigana_and_stores_ja_easy(qtbot, ctx, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "ja-easy")
    first = page(kiosk)
    assert first.progress_label.text() == "しつもん 1 / 7"
    # Drawn with its reading over 今日; read (and tested) as plain text.
    assert first.question_label.source == "今日《きょう》の カフェは どうでしたか？"
    assert first.question_label.has_readings
    assert first.question_label.text() == "今日の カフェは どうでしたか？"
    button = first.answer.button("somewhat_satisfied")  # type: ignore[union-attr]
    assert button.text() == "少し よかった" and button.has_readings  # type: ignore[attr-defined]
    pick(qtbot, kiosk, "somewhat_satisfied")
    next_(qtbot, kiosk)  # several answers: none today
    pick(qtbot, kiosk, "yes")
    assert page(kiosk).question.id == "lonely"
    pick(qtbot, kiosk, "never")
    next_(qtbot, kiosk)
    next_(qtbot, kiosk)
    click(qtbot, page(kiosk).next_button)  # おくる
    [row] = responses(ctx)
    assert row.language == "ja-easy"
    assert row.answers == {"overall": "somewhat_satisfied", "come_again": "yes", "lonely": "never"}


def test_choosing_another_language_keeps_what_she_chose(qtbot, kiosk_for):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, "vi")
    assert page(kiosk).back_button.text() == "Quay lại"
    pick(qtbot, kiosk, "satisfied")
    back(qtbot, kiosk)
    back(qtbot, kiosk)  # the intro, in Vietnamese
    intro = kiosk.current_page()
    assert isinstance(intro, IntroPage) and intro.start_button.text() == "Bắt đầu"
    click(qtbot, intro.back_button)
    clock().pause()
    start_in(qtbot, kiosk, "pt-BR")
    assert page(kiosk).value() == "satisfied"
    assert page(kiosk).question_label.text() == "Você ficou satisfeita com o café de hoje?"


@pytest.mark.parametrize("lang", ["ja", "ja-easy", "en", "zh-Hans", "vi", "pt-BR", "fil", "ko"])
def test_the_kiosk_takes_a_whole_answer_by_taps_in_every_language(qtbot, ctx, kiosk_for, lang):
    kiosk = kiosk_for()
    start_in(qtbot, kiosk, lang)
    answer_everything(qtbot, kiosk, "ok")
    last = page(kiosk)
    assert last.next_button.text() == kiosk.questionnaire.phrase(lang, "send")
    click(qtbot, last.next_button)
    assert isinstance(kiosk.current_page(), ThanksPage)
    [row] = responses(ctx)
    assert row.language == lang and row.answers["overall"] == "satisfied"
