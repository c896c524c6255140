"""The kiosk fits the screens venues have: every answer of the current question
on the screen without scrolling, at every text size, in all eight languages of
the default questionnaire (Vietnamese and Portuguese run longest, furigana
make やさしい日本語 taller), and every letter in a font that has it.

An answer below the fold is an answer fewer people choose (「決してない」 under
the loneliness question was), so each answer button must lie inside the
kiosk's window and above its 戻る / 次へ row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.door import events
from kiosk.survey import catalogue, text_size
from ui.survey_kiosk.kiosk_window import KioskTiming, SurveyKiosk
from ui.survey_kiosk.survey_answers import ChoiceAnswer
from ui.survey_kiosk.survey_pages import IntroPage, QuestionPage, StartPage, ThanksPage

SIZES = [(1280, 800), (800, 1280)]
LANGUAGES = ["ja", "ja-easy", "en", "zh-Hans", "vi", "pt-BR", "fil", "ko"]
SLOW = KioskTiming(idle_ms=60_000, thanks_ms=60_000)


@pytest.fixture
def kiosk_at(qtbot, window, ctx) -> Iterator[Any]:
    events.open_event(ctx, window.state.venue.id)
    window.state.reload()
    made: list[SurveyKiosk] = []

    def make(lang: str, size: tuple[int, int], text: str = "standard") -> SurveyKiosk:
        text_size.set_text_size(ctx, text)
        assert window.state.today_event is not None
        kiosk = SurveyKiosk(ctx, window.state.today_event, catalogue.active(ctx), "ja", SLOW)
        made.append(kiosk)
        kiosk.resize(*size)
        kiosk.show()
        qtbot.waitExposed(kiosk)
        kiosk.begin(lang)  # her language: the intro, then
        kiosk.show_question(0)
        return kiosk

    yield make
    for kiosk in made:
        if shiboken6.isValid(kiosk):
            kiosk.idle.stop()
            kiosk._unlocked = True
            kiosk.close()
            kiosk.deleteLater()


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def cut_answers(kiosk: SurveyKiosk) -> list[str]:
    """Every answer of every question that is not wholly on the screen, with where it is."""
    problems: list[str] = []
    for index, page in enumerate(kiosk.pages):
        kiosk.show_question(index)
        settle()
        assert isinstance(page, QuestionPage)
        window = kiosk.rect()
        nav_top = rect_in(page.back_button, kiosk).top()
        if not isinstance(page.answer, ChoiceAnswer):
            edit = rect_in(page.answer, kiosk)
            if not (window.contains(edit) and edit.bottom() < nav_top):
                problems.append(f"{page.question.id}: text box {edit} (nav at {nav_top})")
            continue
        for code, button in page.answer.buttons.items():
            box = rect_in(button, kiosk)
            inside = window.contains(box) and box.bottom() < nav_top
            tall_enough = box.height() >= button.minimumSizeHint().height()
            if not (button.isVisible() and inside and tall_enough):
                problems.append(f"{page.question.id}/{code}: {box} in {window}, nav at {nav_top}")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("text", text_size.SIZES)
def test_every_answer_is_on_the_screen(qtbot, kiosk_at, size, lang, text):
    kiosk = kiosk_at(lang, size, text)
    assert cut_answers(kiosk) == []
    # The intro's buttons too.
    kiosk.show_question(-1)
    settle()
    intro = kiosk.current_page()
    assert isinstance(intro, IntroPage)
    for button in (intro.back_button, intro.start_button):
        assert kiosk.rect().contains(rect_in(button, kiosk)), button.text()
    # Nothing asked for more than the screen: the kiosk is still the screen's size.
    assert (kiosk.width(), kiosk.height()) == size
    assert kiosk.minimumSizeHint().width() <= size[0]
    assert kiosk.minimumSizeHint().height() <= size[1]
    # The thank-you page and the start page too (their large type once grew the window).
    kiosk.draft = {"overall": "satisfied"}
    kiosk.show_question(len(kiosk.pages) - 1)
    kiosk.send()
    assert isinstance(kiosk.current_page(), ThanksPage)
    settle()
    assert (kiosk.width(), kiosk.height()) == size
    kiosk.reset()
    settle()
    assert (kiosk.width(), kiosk.height()) == size
    start = kiosk.current_page()
    assert isinstance(start, StartPage)
    for button in start.buttons.values():  # every language, whole, on the screen
        box = rect_in(button, kiosk)
        assert kiosk.rect().contains(box), button.text()
        assert box.width() >= button.minimumSizeHint().width(), button.text()


# -- no missing-glyph boxes ------------------------------------------------------------------


def first_family(widget: QWidget) -> str:
    """The font Qt draws this widget's words in: the first of its families this machine has."""
    return next(f for f in widget.font().families() if QFontDatabase.hasFamily(f))


def boxes(widget: QWidget) -> list[str]:
    """Characters of the widget's words its font lacks (Qt would borrow them letter by
    letter from another font, or draw a box)."""
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    metrics = QFontMetrics(QFont(first_family(widget)))
    return sorted({c for c in text if not c.isspace() and not metrics.inFontUcs4(ord(c))})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_letter_is_in_the_font_the_page_uses(qtbot, kiosk_at, lang):
    kiosk = kiosk_at(lang, (1280, 800))
    pages: list[QWidget] = [p for p in kiosk.pages]
    assert kiosk.intro_page is not None
    pages.append(kiosk.intro_page)
    kiosk._show_countdown(9)
    pages.append(kiosk.overlay)
    problems = {}
    for page in pages:
        for widget in page.findChildren(QWidget):
            if isinstance(widget, (QLabel, QAbstractButton)) and boxes(widget):
                problems[widget.text()] = (first_family(widget), boxes(widget))
    assert problems == {}
    kiosk.reset()
    start = kiosk.current_page()
    assert isinstance(start, StartPage)
    assert boxes(start.buttons[lang]) == []  # her language's name, in its own script


# -- the text size follows Settings ----------------------------------------------------------


def test_the_text_size_is_chosen_in_settings(qtbot, window, ctx):
    from ui.settings.survey_settings import SurveySettingsCard

    window.show_widget(window.settings)
    card = window.settings.findChild(SurveySettingsCard)
    assert card is not None
    assert card.size_choice.currentData() == "standard"
    assert [card.size_choice.itemText(i) for i in range(3)] == ["標準", "大", "特大"]
    card.size_choice.setCurrentIndex(2)
    qtbot.mouseClick(card.save_text_size_button, Qt.MouseButton.LeftButton)
    assert text_size.text_size(ctx) == "extra_large"
    assert "保存しました" in card.banner.text()
    card.refresh()
    assert card.size_choice.currentData() == "extra_large"


def test_a_stored_size_that_is_not_one_of_ours_reads_as_standard(ctx):
    from kiosk.core import settings
    from kiosk.core.errors import KioskError

    settings.put(ctx, text_size.TEXT_SIZE, "huge")
    assert text_size.text_size(ctx) == "standard"
    with pytest.raises(KioskError) as refused:
        text_size.set_text_size(ctx, "huge")
    assert refused.value.code == "survey_text_size"


def font_px(widget: QWidget) -> int:
    return widget.font().pixelSize()


def test_the_kiosk_writes_at_the_chosen_size(qtbot, kiosk_at):
    sizes = {}
    for size in text_size.SIZES:
        kiosk = kiosk_at("ja", (1280, 800), size)
        first = kiosk.pages[0]
        assert isinstance(first.answer, ChoiceAnswer)
        sizes[size] = (
            font_px(first.question_label),
            font_px(first.answer.button("satisfied")),
            font_px(first.next_button),
        )
    assert sizes["standard"] == (30, 23, 23)  # style.qss's sizes
    for (question, answer, nav), factor in ((sizes["large"], 1.25), (sizes["extra_large"], 1.5)):
        assert question == round(30 * factor) and answer == round(23 * factor)
        assert nav == round(23 * factor)
