"""Take the questionnaire screenshots for the README, on demo data.

    python docs/survey_screenshots.py

The kiosk pages at tablet size, landscape (1024x768) and portrait
(800x1280), and the staff screens at laptop size. Offscreen, fixed clock.
Then the kiosk at the venue sizes (1280x800 and 800x1280) in Japanese and
English: a single-choice question, the loneliness question and the thank-you
page, also at the largest text size (特大), as survey-kiosk-<page>-<lang>-<size>[-xl].png.
Last, the language page and the loneliness question in やさしい日本語 (with
furigana), 简体中文, Tiếng Việt and 한국어 at 1280x800
(survey-kiosk-languages-1280x800.png, survey-kiosk-lonely-<lang>-1280x800.png).

    python docs/survey_screenshots.py languages   # only those
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.care import pin
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.survey import catalogue, text_size
from kiosk.survey.questionnaire import Questionnaire
from ui.app import AppShell, application, load_look
from ui.dialogs.paper_survey_dialog import PaperSurveyDialog
from ui.survey_kiosk.kiosk_window import KioskTiming, SurveyKiosk
from ui.survey_kiosk.survey_answers import ChoiceAnswer, TextAnswer
from ui.survey_kiosk.survey_pages import QuestionPage
from ui.widgets import single_action

OUT = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 14, 20, tzinfo=JST)
LAPTOP = (1366, 768)
TABLET = (1024, 768)
PORTRAIT = (800, 1280)
VENUE_SIZES = [(1280, 800), (800, 1280)]


class ScriptClock:
    """The double-tap guard's clock: ten seconds pass between any two looks at it,
    so the script may tap 次へ faster than a hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 10.0
        return self.now


def save(widget: QWidget, name: str) -> None:
    QTest.qWait(120)
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def go_to(kiosk: SurveyKiosk, question_id: str) -> QuestionPage:
    for i, page in enumerate(kiosk.pages):
        if page.question.id == question_id:
            kiosk.show_question(i)
            return page
    raise KeyError(question_id)


def venue_sizes(ctx: object, event: object, questionnaire: Questionnaire) -> None:
    """The kiosk where venues run it, at the standard and the largest text size."""
    timing = KioskTiming(idle_ms=3_600_000, thanks_ms=3_600_000, advance_ms=3_600_000)
    for size_name, suffix, langs in (
        ("standard", "", ("ja", "en")),
        ("extra_large", "-xl", ("ja", "en")),
    ):
        text_size.set_text_size(ctx, size_name)  # type: ignore[arg-type]
        for lang in langs:
            for width, height in VENUE_SIZES:
                kiosk = SurveyKiosk(ctx, event, questionnaire, "ja", timing)  # type: ignore[arg-type]
                kiosk.resize(width, height)
                kiosk.show()
                kiosk.begin(lang)
                kiosk.show_question(0)
                tail = f"{lang}-{width}x{height}{suffix}.png"
                overall = kiosk.pages[0].answer
                assert isinstance(overall, ChoiceAnswer)
                overall.button("somewhat_satisfied").click()  # highlighted, about to move on
                save(kiosk, f"survey-kiosk-single-{tail}")
                go_to(kiosk, "lonely")
                save(kiosk, f"survey-kiosk-lonely-{tail}")
                kiosk.show_question(0)
                for _ in kiosk.questionnaire.questions:
                    kiosk.next_page()
                save(kiosk, f"survey-kiosk-thanks-{tail}")
                kiosk._leave()
                kiosk.deleteLater()
    text_size.set_text_size(ctx, "standard")  # type: ignore[arg-type]


def languages(ctx: object, event: object, questionnaire: Questionnaire) -> None:
    """Her language first, then a question in four of the eight, at 1280x800."""
    timing = KioskTiming(idle_ms=3_600_000, thanks_ms=3_600_000, advance_ms=3_600_000)
    kiosk = SurveyKiosk(ctx, event, questionnaire, "ja", timing)  # type: ignore[arg-type]
    kiosk.resize(1280, 800)
    kiosk.show()
    save(kiosk, "survey-kiosk-languages-1280x800.png")
    for lang in ("ja-easy", "zh-Hans", "vi", "ko"):
        kiosk.begin(lang)
        if lang == "ja-easy":
            save(kiosk, "survey-kiosk-intro-ja-easy-1280x800.png")
        page = go_to(kiosk, "lonely")
        assert isinstance(page.answer, ChoiceAnswer)
        page.answer.button("occasionally").click()
        save(kiosk, f"survey-kiosk-lonely-{lang}-1280x800.png")
        kiosk.reset()
    kiosk._leave()
    kiosk.deleteLater()


def main() -> None:
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    single_action.monotonic = ScriptClock()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp))
        build_demo(folder, seed=7, today=TODAY, tz=JST)
        ctx = replace(open_database(folder=folder), clock=lambda: NOW)
        pin.set_pin(ctx, "2468", "2468")
        shell = AppShell(app, ctx, "ja")
        window = shell.build_window()
        window.resize(*LAPTOP)
        window.show()
        questionnaire = catalogue.active(ctx)
        assert window.state.today_event is not None
        if sys.argv[1:] == ["languages"]:
            languages(ctx, window.state.today_event, questionnaire)
            window.close_without_asking()
            return
        window.show_widget(window.survey)
        save(window, "survey-screen.png")
        tree = window.survey.tree  # the answers by language, below the questions
        tree.collapseAll()
        by_language = tree.topLevelItem(tree.topLevelItemCount() - 2)
        assert by_language is not None
        by_language.setExpanded(True)
        tree.scrollToItem(by_language.child(by_language.childCount() - 1))
        save(window, "survey-screen-languages.png")

        timing = KioskTiming(idle_ms=3_600_000, thanks_ms=3_600_000)
        kiosk = SurveyKiosk(ctx, window.state.today_event, questionnaire, "ja", timing)
        kiosk.resize(*TABLET)
        kiosk.show()
        save(kiosk, "survey-kiosk-start.png")

        kiosk.begin("ja")
        kiosk.show_question(0)
        overall = kiosk.pages[0]
        assert isinstance(overall.answer, ChoiceAnswer)
        overall.answer.button("somewhat_satisfied").click()
        save(kiosk, "survey-kiosk-question.png")

        activities = go_to(kiosk, "activities")
        assert isinstance(activities.answer, ChoiceAnswer)
        activities.answer.button("talk").click()
        activities.answer.button("childcare").click()
        save(kiosk, "survey-kiosk-multiple.png")

        lonely = go_to(kiosk, "lonely")
        kiosk.resize(*PORTRAIT)
        save(kiosk, "survey-kiosk-portrait.png")
        kiosk.resize(*TABLET)
        kiosk.show_question(0)
        kiosk._show_countdown(12)
        save(kiosk, "survey-kiosk-idle.png")
        kiosk.overlay.hide()

        kiosk.begin("en")
        comment = go_to(kiosk, "comment")
        assert isinstance(comment.answer, TextAnswer)
        comment.answer.edit.setPlainText("It was lovely to talk with other mothers.")
        kiosk.resize(*PORTRAIT)
        save(kiosk, "survey-kiosk-english-portrait.png")
        del lonely

        kiosk.resize(*TABLET)
        kiosk.reset()
        kiosk.begin("ja")
        kiosk.show_question(0)
        first_page = kiosk.pages[0].answer
        assert isinstance(first_page, ChoiceAnswer)
        first_page.button("satisfied").click()
        for _ in kiosk.questionnaire.questions:
            kiosk.next_page()
        save(kiosk, "survey-kiosk-thanks.png")

        kiosk.reset()
        kiosk.ask_pin()
        assert kiosk.pin_dialog is not None
        kiosk.pin_dialog.keypad.press("1111")
        kiosk.pin_dialog.try_pin()
        kiosk.pin_dialog.keypad.press("24")
        QTest.qWait(120)
        kiosk.pin_dialog.grab().save(str(OUT / "survey-pin.png"))
        print("wrote", OUT / "survey-pin.png")
        kiosk._leave()

        venue_sizes(ctx, window.state.today_event, questionnaire)
        languages(ctx, window.state.today_event, questionnaire)

        paper = PaperSurveyDialog(ctx, questionnaire, "ja", window)
        paper.resize(900, 720)
        paper.show()
        first = paper.answers["overall"]
        assert isinstance(first, ChoiceAnswer)
        first.button("satisfied").click()
        save(paper, "survey-paper.png")
        paper.close()
        window.close_without_asking()  # the script's own window: no one at the door


if __name__ == "__main__":
    main()
