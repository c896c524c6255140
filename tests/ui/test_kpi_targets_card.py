"""Settings → KPI targets, typed into the real table the way a coordinator does it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from kiosk.reports.targets import list_targets, set_target
from ui.settings.kpi_targets_card import GROUP, KIND, TARGET, KpiTargetsCard


@pytest.fixture
def card(window) -> KpiTargetsCard:
    window.show_widget(window.settings)
    return window.settings.findChild(KpiTargetsCard)


def type_target(qtbot, card: KpiTargetsCard, metric: str, text: str) -> None:
    """Select the metric's target cell, type over it and press Enter."""
    item = card.table.item(card.row_of(metric), TARGET)
    card.table.setCurrentItem(item)
    card.table.editItem(item)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if not text:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    elif text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)  # what an input method commits; key clicks are ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: card.table.state() != QAbstractItemView.State.EditingState)


def stored(ctx, year=2026):
    return [(t.metric, t.target, t.group, t.kind) for t in list_targets(ctx, year)]


def test_the_year_is_this_fiscal_year_in_the_era(card):
    assert card.year.currentText() == "令和8年度（2026）"
    assert card.year.findText("令和7年度（2025）") >= 0
    assert card.table.rowCount() == 10
    assert card.table.item(card.row_of("referrals"), 0).text() == "支援機関につながった件数"
    # A metric without a target shows the group and kind it will start with.
    assert card.group_boxes["referrals"].currentText() == "事業目標"
    assert card.kind_boxes["referrals"].currentText() == "アウトカム"


def test_typing_a_target_saves_it_and_a_group_change_follows(qtbot, card, ctx):
    type_target(qtbot, card, "consultations", "１８０")  # full-width digits, as typed in Japanese
    assert stored(ctx) == [("consultations", 180.0, "kpi", "output")]
    assert "保存しました" in card.banner.text()
    assert card.table.item(card.row_of("consultations"), TARGET).text() == "180"
    goal = card.group_boxes["consultations"].findData("goal")
    card.group_boxes["consultations"].setCurrentIndex(goal)
    assert stored(ctx) == [("consultations", 180.0, "goal", "output")]


def test_a_choice_made_before_the_target_goes_in_with_it(qtbot, card, ctx):
    box = card.kind_boxes["visits"]
    box.setCurrentIndex(box.findData("outcome"))
    assert stored(ctx) == []  # nothing to save without a target
    type_target(qtbot, card, "visits", "850")
    assert stored(ctx) == [("visits", 850.0, "kpi", "outcome")]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5", "マイナス"),
        ("abc", "数として読めません"),
        ("120", "100%まで"),
        ("3000000", "大きすぎ"),
    ],
)
def test_a_bad_target_is_explained_and_the_row_put_back(qtbot, card, ctx, db_state, typed, says):
    metric = "satisfaction_rate" if typed == "120" else "referrals"
    set_target(ctx, 2026, metric, 15, "goal", "outcome")
    card.refresh()
    before = db_state()
    type_target(qtbot, card, metric, typed)
    assert says in card.banner.text()
    assert card.banner.property("role") == "banner-error"
    assert db_state() == before
    assert card.table.item(card.row_of(metric), TARGET).text() == "15"


def test_clearing_a_target_removes_it(qtbot, card, ctx):
    set_target(ctx, 2026, "case_meetings", 6, "kpi", "output")
    card.refresh()
    type_target(qtbot, card, "case_meetings", "")
    assert stored(ctx) == []
    assert "削除しました" in card.banner.text()


def test_copy_last_years_targets(qtbot, card, ctx):
    set_target(ctx, 2025, "consultations", 180, "kpi", "output")
    set_target(ctx, 2025, "referrals", 15, "goal", "outcome")
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert "令和7年度から目標を2件コピーしました" in card.banner.text()
    assert card.table.item(card.row_of("referrals"), TARGET).text() == "15"
    assert card.table.cellWidget(card.row_of("referrals"), GROUP).isVisible()
    assert card.kind_boxes["referrals"].currentData() == "outcome"
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)  # again: nothing new
    assert "コピーしたものはありません" in card.banner.text()
    assert len(stored(ctx)) == 2


def test_a_year_with_nothing_to_copy_from_says_so(qtbot, card, ctx):
    card.year.setCurrentIndex(card.year.findData(2024))
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert "2023年度には写せる目標がありません" in card.banner.text()
    assert list_targets(ctx, 2024) == []


def test_each_year_shows_its_own_targets(card, ctx):
    set_target(ctx, 2025, "visits", 850, "kpi", "output")
    card.refresh()
    row = card.row_of("visits")
    assert card.table.item(row, TARGET).text() == ""
    card.year.setCurrentIndex(card.year.findData(2025))
    assert card.table.item(row, TARGET).text() == "850"
    assert card.table.cellWidget(row, KIND) is not None
