"""Kiosk mode: the questionnaire full screen, one respondent after another.

Locked: no menu, no way to other screens; closing the window and Escape do
nothing; only the coordinator PIN leaves it. Every respondent gets freshly
built pages, her answers live only in `draft` until Send stores them in one
transaction, and the draft is dropped on send, on the idle timeout and on
leaving, so nothing she chose or typed can reach the next person, and a
killed app leaves no half response.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.context import AppContext
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.request_ids import new_request_id
from kiosk.door.events import EventInfo
from kiosk.survey import responses
from kiosk.survey.questionnaire import Questionnaire
from ui.dialogs.pin_dialogs import UnlockDialog
from ui.survey_kiosk.idle_countdown import IdleCountdown
from ui.survey_kiosk.survey_pages import IdleOverlay, QuestionPage, StartPage, ThanksPage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KioskTiming:
    """How long the kiosk waits; tests use milliseconds."""

    idle_ms: int = responses.DEFAULT_IDLE * 1000  # no touch for this long: the countdown appears
    countdown_ticks: int = 15  # seconds shown in the countdown
    tick_ms: int = 1000
    thanks_ms: int = 8000  # the thank-you page, then the start page again


class SurveyKiosk(QWidget):
    unlocked = Signal()  # the coordinator PIN was right; the kiosk has closed

    def __init__(
        self,
        ctx: AppContext,
        event: EventInfo,
        questionnaire: Questionnaire,
        staff_lang: str,
        timing: KioskTiming,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyKiosk")
        self.setWindowTitle(self.tr("Questionnaire"))
        self.ctx = ctx
        self.survey_event = event
        self.questionnaire = questionnaire
        self.staff_lang = staff_lang
        self.draft: dict[str, str | list[str]] = {}
        self.lang: str | None = None
        self.request_id = new_request_id()
        self.index = -1  # -1 the start page, then the questions
        self.pages: list[QuestionPage] = []
        self.start_page: StartPage | None = None
        self.thanks_page: ThanksPage | None = None
        self.pin_dialog: UnlockDialog | None = None
        self._unlocked = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget(self)
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
        self.thanks_timer.stop()
        self.idle.stop()
        self.overlay.hide()
        if self.pin_dialog is not None:
            self.pin_dialog.reject()
        self.draft = {}
        self.lang = None
        self.request_id = new_request_id()
        self.index = -1
        self._drop_pages(everything=True)
        self.start_page = StartPage(self.questionnaire)
        self.start_page.language_chosen.connect(self.begin)
        self.stack.addWidget(self.start_page)
        self.stack.setCurrentWidget(self.start_page)

    def _drop_pages(self, everything: bool) -> None:
        doomed: list[QWidget] = list(self.pages)
        if everything:
            doomed = [w for i in range(self.stack.count()) if (w := self.stack.widget(i))]
            self.start_page = None
            self.thanks_page = None
        for page in doomed:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = []

    def begin(self, lang: str) -> None:
        """She chose her language: the questions, in it, with anything she already chose."""
        self.lang = lang
        self._drop_pages(everything=False)
        for number, question in enumerate(self.questionnaire.questions, start=1):
            page = QuestionPage(self.questionnaire, question, number, lang)
            page.answer.set_value(self.draft.get(question.id))
            page.next_requested.connect(self.next_page)
            page.back_requested.connect(self.previous_page)
            self.stack.addWidget(page)
            self.pages.append(page)
        self.show_question(0)
        self.idle.start()

    def show_question(self, index: int) -> None:
        self.index = index
        if index < 0:
            assert self.start_page is not None
            self.stack.setCurrentWidget(self.start_page)
            return
        self.stack.setCurrentWidget(self.pages[index])

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
        self.idle.stop()
        self.overlay.hide()
        self.draft = {}
        self._drop_pages(everything=False)
        self.thanks_page = ThanksPage(self.questionnaire, lang)
        self.thanks_page.done.connect(self.reset)
        self.stack.addWidget(self.thanks_page)
        self.stack.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start()

    # -- idle -----------------------------------------------------------------------

    def _show_countdown(self, seconds: int) -> None:
        lang = self.lang or self.questionnaire.default_language
        self.overlay.show_countdown(self.questionnaire, lang, seconds)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())

    # -- locked ---------------------------------------------------------------------

    def ask_pin(self) -> None:
        if self.pin_dialog is not None:
            return
        self.pin_dialog = UnlockDialog(self.ctx, self.staff_lang, self)
        self.pin_dialog.accepted.connect(self._leave)
        self.pin_dialog.finished.connect(self._pin_closed)
        self.pin_dialog.open()

    def _pin_closed(self) -> None:
        if self.pin_dialog is not None:
            self.pin_dialog.deleteLater()
        self.pin_dialog = None

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
