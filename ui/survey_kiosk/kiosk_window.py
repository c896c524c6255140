"""Kiosk mode: the questionnaire full screen, one respondent after another.

Locked: no menu, no way to other screens; closing the window and Escape do
nothing; only the coordinator PIN leaves it. Every respondent gets freshly
built pages, her answers live only in `draft` until Send stores them in one
transaction, and the draft is dropped on send, on the idle timeout and on
leaving, so nothing she chose or typed can reach the next person, and a
killed app leaves no half response.

Her first page asks her language (each named in itself); the intro and the
questions then speak it, and the start page for the next person asks again.

One tap answers a one-answer question: the kiosk shows her choice for
`advance_ms`, then moves on by itself; 戻る goes back to change it. A second
tap on another answer within that pause wins (she changed her mind, and sees
the new choice for the whole pause again); a second tap on the same answer
keeps it. Every move between pages goes through one SingleAction, so a double
tap on 次へ or 戻る moves one page, not two. The pause is measured on that
guard's clock, which tests move by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.core.context import AppContext
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.request_ids import new_request_id
from kiosk.door.events import EventInfo
from kiosk.survey import responses
from kiosk.survey.phone.pages import phrase as phone_phrase
from kiosk.survey.questionnaire import Questionnaire
from kiosk.survey.text_size import text_size
from ui.dialogs.pin_dialogs import UnlockDialog
from ui.survey_kiosk.idle_countdown import IdleCountdown
from ui.survey_kiosk.kiosk_fonts import kiosk_sheet
from ui.survey_kiosk.phone_card_qr import PhoneCardQr
from ui.survey_kiosk.survey_answers import ChoiceAnswer
from ui.survey_kiosk.survey_pages import (
    IdleOverlay,
    IntroPage,
    QuestionPage,
    StartPage,
    ThanksPage,
)
from ui.widgets import single_action
from ui.widgets.single_action import SingleAction

log = logging.getLogger(__name__)

ADVANCE_POLL_MS = 30  # how often the pending move is checked against the clock
LANGUAGES = -2  # the index of the first page, her language (-1 the intro, then the questions)


@dataclass(frozen=True)
class KioskTiming:
    """How long the kiosk waits; tests use milliseconds."""

    idle_ms: int = responses.DEFAULT_IDLE * 1000  # no touch for this long: the countdown appears
    countdown_ticks: int = 15  # seconds shown in the countdown
    tick_ms: int = 1000
    thanks_ms: int = 8000  # the thank-you page, then the start page again
    advance_ms: int = 600  # her single answer stays highlighted this long, then the next question


class PageStack(QWidget):
    """The kiosk's pages, one shown at a time, the window sized by that one alone.

    Not a QStackedWidget: that asks for the tallest height of all its pages at
    the screen's width, and the respondent's next questions, not yet laid out
    for the screen, would grow the full-screen window past the screen. Here
    only the page she sees is in the layout.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> None:
        page.setParent(self)
        page.hide()
        self._pages.append(page)

    def removeWidget(self, page: QWidget) -> None:
        if page in self._pages:
            self._pages.remove(page)
        if page is self._current:
            self._layout.removeWidget(page)
            self._current = None
        page.hide()

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        if page is self._current:
            return
        if self._current is not None:
            self._layout.removeWidget(self._current)
            self._current.hide()
        self._current = page
        if isinstance(page, QuestionPage):
            page.arrange_for(self.size())  # laid out for this screen before it asks for room
        self._layout.addWidget(page)
        page.show()


class SurveyKiosk(QWidget):
    unlocked = Signal()  # the coordinator PIN was right; the kiosk has closed

    def __init__(
        self,
        ctx: AppContext,
        event: EventInfo,
        questionnaire: Questionnaire,
        staff_lang: str,
        timing: KioskTiming,
        next_card: Callable[[], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyKiosk")
        # 「スマホで回答」 on: a fresh one-time card's URL for the thank-you page's QR.
        self.next_card = next_card
        self.setWindowTitle(self.tr("Questionnaire"))
        self.ctx = ctx
        self.survey_event = event
        self.questionnaire = questionnaire
        self.staff_lang = staff_lang
        self.draft: dict[str, str | list[str]] = {}
        self.lang: str | None = None
        self.request_id = new_request_id()
        self.index = LANGUAGES  # her language, the intro (-1), then the questions
        self.pages: list[QuestionPage] = []
        self.start_page: StartPage | None = None
        self.intro_page: IntroPage | None = None
        self.thanks_page: ThanksPage | None = None
        self.phone_qr: PhoneCardQr | None = None
        self.pin_dialog: UnlockDialog | None = None
        self._unlocked = False
        self.text_size = text_size(ctx)
        self.setStyleSheet(kiosk_sheet(self.text_size))
        self.gate = SingleAction(self)
        self.advance_ms = timing.advance_ms
        self._advance_due: float | None = None
        self.advance_timer = QTimer(self)
        self.advance_timer.setInterval(ADVANCE_POLL_MS)
        self.advance_timer.timeout.connect(self._advance_if_due)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = PageStack(self)
        layout.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 0, 12, 8)
        self.staff_button = QPushButton(self.tr("Staff"), self)
        self.staff_button.setProperty("role", "survey-staff")
        self.staff_button.setAutoDefault(False)
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.clicked.connect(self.ask_pin)
        footer.addWidget(self.staff_button)
        footer.addStretch(1)
        layout.addLayout(footer)

        self.idle = IdleCountdown(timing.idle_ms, timing.countdown_ticks, timing.tick_ms, self)
        self.overlay = IdleOverlay(self)
        self.overlay.continue_requested.connect(self.idle.poke)
        self.idle.countdown.connect(self._show_countdown)
        self.idle.resumed.connect(self.overlay.hide)
        self.idle.expired.connect(self.reset)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(timing.thanks_ms)
        self.thanks_timer.timeout.connect(self.reset)
        self.reset()

    # -- one respondent -------------------------------------------------------------

    def reset(self) -> None:
        """The start page for the next person; everything of the last one is dropped."""
        if self.pin_dialog is not None:
            self.pin_dialog.reject()
        self._cancel_advance()
        self.thanks_timer.stop()
        self.idle.stop()
        self.overlay.hide()
        self.draft = {}
        self.lang = None
        self.request_id = new_request_id()
        self.index = LANGUAGES
        self._drop_pages(everything=True)
        self.start_page = StartPage(self.questionnaire)
        # Through the guard: a double tap on her language never also starts the questions.
        self.start_page.language_chosen.connect(
            lambda lang: self.gate.run(lambda: self.begin(lang))
        )
        self.stack.addWidget(self.start_page)
        self.stack.setCurrentWidget(self.start_page)

    def _drop_pages(self, everything: bool) -> None:
        doomed: list[QWidget] = list(self.pages)
        if self.intro_page is not None:
            doomed.append(self.intro_page)
            self.intro_page = None
        if everything:
            doomed = [w for i in range(self.stack.count()) if (w := self.stack.widget(i))]
            self.start_page = None
            self.thanks_page = None
        for page in doomed:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = []

    def begin(self, lang: str) -> None:
        """She chose her language: the intro and the questions, in it, with anything
        she already chose (she may come back and choose another)."""
        self.lang = lang
        self._drop_pages(everything=False)
        self.intro_page = IntroPage(self.questionnaire, lang)
        self.intro_page.start_requested.connect(
            lambda: self.gate.run(lambda: self.show_question(0))
        )
        self.intro_page.back_requested.connect(lambda: self.gate.run(self.show_languages))
        self.stack.addWidget(self.intro_page)
        for number, question in enumerate(self.questionnaire.questions, start=1):
            page = QuestionPage(self.questionnaire, question, number, lang)
            page.answer.set_value(self.draft.get(question.id))
            page.next_requested.connect(self.next_page)
            page.back_requested.connect(self.previous_page)
            page.picked.connect(lambda p=page: self._picked(p))
            self.stack.addWidget(page)
            self.pages.append(page)
        self.show_question(-1)
        self.idle.start()

    def show_languages(self) -> None:
        """Back to the language buttons; what she chose stays until the page resets."""
        self._cancel_advance()
        self.index = LANGUAGES
        assert self.start_page is not None
        self.stack.setCurrentWidget(self.start_page)

    def show_question(self, index: int) -> None:
        """Question `index` (from 0); -1 the intro."""
        self._cancel_advance()
        if index < 0:
            if self.intro_page is None:
                self.show_languages()
                return
            self.index = -1
            self.stack.setCurrentWidget(self.intro_page)
            return
        self.index = index
        self.pages[index].refresh_next()
        self.stack.setCurrentWidget(self.pages[index])

    # -- one tap answers --------------------------------------------------------------

    def _picked(self, page: QuestionPage) -> None:
        """She chose one answer: show it for the pause, then the next question."""
        if page is not self.current_page() or not page.moves_on_by_itself:
            return
        self._advance_due = single_action.monotonic() + self.advance_ms / 1000
        if isinstance(page.answer, ChoiceAnswer):
            page.answer.holding = True
        self.advance_timer.start()

    def _cancel_advance(self) -> None:
        self.advance_timer.stop()
        self._advance_due = None
        for page in self.pages:
            if isinstance(page.answer, ChoiceAnswer):
                page.answer.holding = False

    def _advance_if_due(self) -> None:
        due = self._advance_due
        if due is None or single_action.monotonic() < due:
            return
        self._cancel_advance()
        if self.pin_dialog is None and self.index >= 0:
            self._forward()
            self.gate.hold()  # a late tap on 戻る under her finger is part of this move

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _keep(self, page: QuestionPage) -> None:
        value = page.value()
        if value is None:
            self.draft.pop(page.question.id, None)
        else:
            self.draft[page.question.id] = value

    def _problem(self, page: QuestionPage) -> str | None:
        question, lang = page.question, self.lang or self.questionnaire.default_language
        length = getattr(page.answer, "length", None)
        if length is not None and length() > question.max_length:
            return self.questionnaire.phrase(
                lang, "too_long", limit=question.max_length, count=length()
            )
        if question.required and page.value() is None:
            return self.questionnaire.phrase(lang, "required")
        return None

    def next_page(self) -> None:
        self._cancel_advance()
        self.gate.run(self._forward)

    def _forward(self) -> None:
        page = self.pages[self.index]
        problem = self._problem(page)
        if problem:
            page.show_error(problem)
            return
        self._keep(page)
        if self.index + 1 < len(self.pages):
            self.show_question(self.index + 1)
        else:
            self.send()

    def previous_page(self) -> None:
        self._cancel_advance()
        self.gate.run(self._back)

    def _back(self) -> None:
        self._keep(self.pages[self.index])
        self.show_question(self.index - 1)

    def send(self) -> None:
        lang = self.lang or self.questionnaire.default_language
        page = self.pages[self.index]
        try:
            responses.submit_response(
                self.ctx,
                self.survey_event.id,
                self.questionnaire,
                self.draft,
                lang,
                source="kiosk",
                request_id=self.request_id,
            )
        except StorageError:
            page.show_error(self.questionnaire.phrase(lang, "save_failed"))
            return
        except KioskError as exc:
            number = exc.params.get("number")
            if isinstance(number, int) and 1 <= number <= len(self.pages):
                self.show_question(number - 1)
                page = self.pages[number - 1]
                text = describe(exc, lang) if lang in ("ja", "en") else None
                page.show_error(text or self.questionnaire.phrase(lang, "required"))
            else:
                log.warning("questionnaire response refused: %s", exc.code)
                page.show_error(self.questionnaire.phrase(lang, "save_failed"))
            return
        # Saved: her answers leave the screen at once.
        self._cancel_advance()
        self.idle.stop()
        self.overlay.hide()
        self.draft = {}
        self._drop_pages(everything=False)
        self.thanks_page = ThanksPage(self.questionnaire, lang)
        self._add_phone_card(self.thanks_page, lang)
        self.thanks_page.done.connect(self.reset)
        self.stack.addWidget(self.thanks_page)
        self.stack.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start()

    def _add_phone_card(self, page: ThanksPage, lang: str) -> None:
        """While 「スマホで回答」 is on, a fresh card's QR for the next person."""
        if self.next_card is None:
            return
        try:
            url = self.next_card()
        except KioskError as exc:  # no card this time; the kiosk goes on as before
            log.warning("no phone card for the thank-you page: %s", exc.code)
            return
        if url is None:
            return
        self.phone_qr = PhoneCardQr(url, phone_phrase(self.questionnaire, lang, "phone_scan"), page)
        column = page.layout()
        if isinstance(column, QBoxLayout):  # above the page's last stretch
            column.insertWidget(column.count() - 1, self.phone_qr)

    # -- idle -----------------------------------------------------------------------

    def _show_countdown(self, seconds: int) -> None:
        lang = self.lang or self.questionnaire.default_language
        self.overlay.show_countdown(self.questionnaire, lang, seconds)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())

    # -- locked ---------------------------------------------------------------------

    def ask_pin(self) -> None:
        """The PIN dialog holds every timer while staff type: the thank-you page's
        reset and the idle countdown would otherwise close it under their fingers."""
        if self.pin_dialog is not None:
            return
        self._cancel_advance()
        self.thanks_timer.stop()
        self.idle.stop()
        self.overlay.hide()
        self.pin_dialog = UnlockDialog(self.ctx, self.staff_lang, self)
        self.pin_dialog.accepted.connect(self._leave)
        self.pin_dialog.finished.connect(self._pin_closed)
        self.pin_dialog.open()

    def _pin_closed(self) -> None:
        if self.pin_dialog is not None:
            self.pin_dialog.deleteLater()
        self.pin_dialog = None
        if self._unlocked:
            return
        # Back to the questionnaire: the page's own timer starts afresh.
        current = self.current_page()
        if current is not None and current is self.thanks_page:
            self.thanks_timer.start()
        elif isinstance(current, QuestionPage):
            current.refresh_next()  # a move the dialog stopped: 次へ takes her on
            self.idle.start()
        elif current is not None and current is self.intro_page:
            self.idle.start()

    def _leave(self) -> None:
        """The PIN was right: drop any half response and hand back to staff."""
        self._unlocked = True
        self.thanks_timer.stop()
        self.idle.stop()
        self.draft = {}
        self.unlocked.emit()
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # Escape and everything else that is not for a page: nothing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            event.accept()
        else:
            event.ignore()
