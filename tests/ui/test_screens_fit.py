"""The door's screens at the sizes venues have: laptop, tablet and portrait tablet.

Check-in with two children fits a 1366x768 laptop without scrolling (the 年代
row stays in view), the workshop list keeps its width at 1024 px, the linked
check-in drop-downs show their text, a new consultation shows in the day's
list, each screen stacks its columns on a portrait tablet, and wrapped
Japanese breaks between phrases.
"""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QVBoxLayout, QWidget

from kiosk.consultations.records import ConsultationDraft, record_consultation
from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from kiosk.workshops.catalogue import WorkshopDraft, add_workshop
from kiosk.workshops.slots import add_slot
from tests.ui.layout_check import layout_findings
from ui.app import AppShell
from ui.main_window import MainWindow
from ui.screens.checkin_screen import CheckInScreen
from ui.widgets.narrow_stack import NarrowStack
from ui.widgets.phrase_breaks import BREAK, phrase_breaks, plain

PORTRAIT_ROOM = (624, 1180)  # 800x1280 less the sidebar and the header


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture(params=["ja", "en"])
def lang_window(request, qtbot, shell: AppShell, venue) -> MainWindow:
    """The main window in Japanese, then in English, at 1366x768, the day open."""
    if request.param == "en":
        shell.translation.use("en")
    shell.state.lang = request.param
    shell.state.reload()
    events.open_event(shell.state.ctx, venue.id)
    window = shell.build_window()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.state.notify()
    return window


def settle(window: QWidget, size: tuple[int, int] | None = None) -> None:
    if size is not None:
        window.resize(*size)
    for _ in range(3):  # wrapping rows ask for their height after their width is known
        QApplication.processEvents()
        QTest.qWait(30)


def needs_scrolling(screen: CheckInScreen) -> int:
    """How far the check-in form would scroll: 0 when all of it is in view."""
    area = screen.form_area
    return max(0, screen.form.heightForWidth(area.viewport().width()) - area.viewport().height())


def test_two_children_fit_the_laptop_without_scrolling(qtbot, lang_window):
    window = lang_window
    screen = window.checkin
    click(qtbot, screen.form.child_rows.add_button)
    click(qtbot, screen.form.child_rows.add_button)
    settle(window)
    assert len(screen.form.child_rows.rows) == 2
    assert needs_scrolling(screen) == 0
    assert screen.form_area.verticalScrollBar().maximum() == 0
    # The 年代 (age) row and the second child's note are both in view.
    viewport = screen.form_area.viewport()
    for widget in (screen.form.age, screen.form.child_rows.rows[1].note):
        top_left = widget.mapTo(viewport, QPoint(0, 0))
        assert viewport.rect().contains(QRect(top_left, widget.size())), widget


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_the_empty_form_does_not_scroll(lang_window, size):
    settle(lang_window, size)
    assert needs_scrolling(lang_window.checkin) == 0


def test_the_workshop_list_keeps_its_width_on_a_tablet(lang_window):
    window = lang_window
    ctx = window.state.ctx
    event = window.state.today_event
    aroma = add_workshop(
        ctx, WorkshopDraft("アロマハンドトリートメント", default_capacity=6, default_minutes=45)
    )
    add_slot(ctx, event.id, aroma.id, time(10, 30))
    window.state.notify()
    window.show_widget(window.workshops)
    settle(window, (1024, 768))
    screen = window.workshops
    assert screen.slot_list.width() >= 240  # was 40 px in English, 113 in Japanese
    item = screen.slot_list.item(0)
    assert screen.slot_list.visualItemRect(item).width() <= screen.slot_list.viewport().width()
    assert screen.slot_list.horizontalScrollBar().maximum() == 0


def combo_room_needed(combo: QComboBox) -> int:
    """The width its current text needs: text, the style's padding and the arrow."""
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) + 12 + 32


def test_the_linked_check_in_drop_downs_show_their_text_on_a_tablet(qtbot, lang_window):
    window = lang_window
    checkin.check_in(
        window.state.ctx,
        CheckInRequest(event_id=window.state.today_event.id, age_band="30s", nickname="さくら"),
    )
    window.state.notify()
    window.show_widget(window.consultations)
    screen = window.consultations
    for size in ((1024, 768), (1366, 768)):
        settle(window, size)
        for combo in (screen.event_choice, screen.visit_choice):
            assert combo.width() >= combo_room_needed(combo), (size, combo.currentText())


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_a_new_consultation_shows_in_the_days_list(qtbot, lang_window, clock, size):
    window = lang_window
    ctx, venue_id = window.state.ctx, window.state.venue.id
    for _ in range(8):  # a busy morning: more records than the list has room for
        clock.advance(minutes=3)
        record_consultation(
            ctx,
            ConsultationDraft(
                venue_id=venue_id,
                day=ctx.today(),
                channel="phone",
                category="health",
                staff_role="counsellor",
                minutes=None,
                event_id=None,
                visit_id=None,
            ),
        )
    window.show_widget(window.consultations)
    screen = window.consultations
    settle(window, size)
    clock.advance(minutes=10)
    click(qtbot, screen.category.button("parenting"))
    click(qtbot, screen.staff_role.button("midwife"))
    click(qtbot, screen.record_button)
    settle(window)
    assert screen.banner.property("role") == "banner-ok", screen.banner.text()
    view = screen.records.list
    last = view.item(view.count() - 1)
    assert "助産師" in last.text() or "Midwife" in last.text()
    rect = view.visualItemRect(last)
    assert view.viewport().rect().contains(rect), "the new record is scrolled out of the list"
    # ... and the list itself is where the side column is scrolled to.
    side = screen.side_scroll.viewport()
    top_left = view.viewport().mapTo(side, rect.topLeft())
    assert side.rect().contains(QRect(top_left, rect.size())), "the list is out of view"


SCREENS = ("checkin", "childcare", "workshops", "consultations", "survey")


@pytest.mark.parametrize("name", SCREENS)
def test_each_screen_stacks_its_columns_on_a_portrait_tablet(qtbot, lang_window, name):
    """Alone in the room a portrait tablet leaves beside the sidebar, nothing is cut."""
    window = lang_window
    screen = window.screen_named(name)
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).addWidget(screen)
    host.resize(*PORTRAIT_ROOM)
    host.show()
    screen.show()  # taken from the window's stack, where it may have been hidden
    qtbot.waitExposed(host)
    settle(host)
    assert screen.isVisible() and screen.width() <= PORTRAIT_ROOM[0]
    assert host.size().width() == PORTRAIT_ROOM[0], "the screen is wider than a portrait tablet"
    findings = layout_findings(host)
    assert not findings, "\n".join(str(f) for f in findings)
    narrow = screen.findChild(NarrowStack)
    if narrow is not None:
        assert narrow.stacked()


def test_side_by_side_columns_stack_below_their_width():
    host = QWidget()
    layout = QVBoxLayout()
    host.setLayout(layout)
    narrow = NarrowStack(host, layout, below=500)
    host.show()
    host.resize(800, 400)
    assert not narrow.stacked() and host.minimumWidth() == 1  # a window may narrow past them
    host.resize(400, 400)
    assert narrow.stacked() and host.minimumWidth() == 0  # the column's own minimum holds


# -- Japanese line breaks --------------------------------------------------------------


def line_texts(text: str, width: int, font) -> list[str]:
    """The lines Qt makes of `text` at `width` px, as a wrapping label does."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_a_question_breaks_between_phrases_never_inside_a_word(qapp):
    text = phrase_breaks("さくらさんはどのワークショップに参加しますか？")
    assert plain(text) == "さくらさんはどのワークショップに参加しますか？"
    for width in range(160, 400, 10):  # wider than its longest phrase, ワークショップに
        for line in line_texts(text, width, qapp.font()):
            words = plain(line)
            assert not words.startswith(("すか", "か？", "？")), (
                width,
                words,
            )  # 「参加しま／すか？」
            assert "ワークショップ" in words or "ワーク" not in words, (width, words)


def test_english_and_latin_words_are_left_as_they_are():
    assert phrase_breaks("Record the consultation") == "Record the consultation"
    assert "Ctrl+O" in phrase_breaks("上の「本日の受付を開始」（Ctrl+O）を押してください。")


def test_the_privacy_note_wraps_at_phrases_and_keeps_kinsoku(qtbot, window):
    window.show_widget(window.consultations)
    note = window.consultations.privacy_note
    text = note.text()
    assert BREAK in text
    assert note.accessibleName() == plain(text)  # a screen reader reads the words alone
    for width in range(180, 760, 20):
        lines = line_texts(text, width, note.font())
        assert len(lines) > 1 or width > 600
        for line in lines[:-1]:
            words = plain(line).strip()
            assert line.endswith((BREAK, " ")) or not words, (width, lines)  # only between phrases
            assert not words.endswith(("「", "（")), (width, words)
        for line in lines[1:]:
            words = plain(line).strip()
            assert not words.startswith(("」", "、", "。", "）")), (width, words)
        assert plain(lines[-1]).strip() not in ("す。", "。")  # no lone 「す。」
