"""The staff side of the questionnaire: results, paper forms, Settings, the editor."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton, QWidget
from sqlalchemy import select

from db.models import SurveyResponse
from kiosk.care import pin
from kiosk.door import events
from kiosk.survey import catalogue
from kiosk.survey import responses as survey
from kiosk.survey.questionnaire import BUILTIN_DIR
from ui.dialogs.paper_survey_dialog import PaperSurveyDialog
from ui.dialogs.pin_dialogs import SetPinDialog
from ui.main_window import MainWindow
from ui.screens import survey_screen as survey_screen_module
from ui.settings.questionnaire_editor import QuestionnaireEditor
from ui.settings.survey_settings import SurveySettingsCard
from ui.survey_kiosk.survey_answers import ChoiceAnswer, TextAnswer
from ui.widgets.phrase_breaks import plain


def click(qtbot: Any, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_japanese(widget: QWidget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def responses(ctx: Any) -> list[SurveyResponse]:
    with ctx.sessions() as session:
        return list(session.scalars(select(SurveyResponse)))


@pytest.fixture
def today(ctx, venue, window):
    event = events.open_event(ctx, venue.id)
    window.state.notify()
    return event


def fill(ctx, event, *overall: str, comment: str | None = None) -> None:
    questionnaire = catalogue.active(ctx)
    for value in overall:
        answers = {"overall": value, "lonely": "hardly_ever"}
        if comment:
            answers["comment"] = comment
        survey.submit_response(ctx, event.id, questionnaire, answers, "ja")


# -- results on the Questionnaire screen ------------------------------------------------


def test_the_screen_shows_the_rate_with_its_denominator(qtbot, window, ctx, today):
    fill(ctx, today, "satisfied", "satisfied", "somewhat_satisfied", "dissatisfied")
    screen = window.survey
    window.show_widget(screen)
    click(qtbot, screen.period.button("event"))
    assert screen.rate_label.text() == "75.0%"
    assert screen.rate_label.property("role") == "survey-rate"  # below the 80% target
    assert "回答した4人のうち3人" in plain(screen.rate_detail.text())
    assert "目標80%" in plain(screen.rate_detail.text())
    assert screen.today_label.text() == "本日の回答：4件"
    top = [screen.tree.topLevelItem(i).text(0) for i in range(screen.tree.topLevelItemCount())]
    assert top[0] == "本日のカフェはいかがでしたか？"
    overall = screen.tree.topLevelItem(0)
    assert [overall.child(i).text(1) for i in range(overall.childCount())] == ["2", "1", "0", "1"]


def test_the_rate_turns_green_at_the_target(qtbot, window, ctx, today):
    fill(ctx, today, *["satisfied"] * 4, "dissatisfied")  # 80.0%
    screen = window.survey
    screen.refresh()
    assert screen.rate_label.text() == "80.0%"
    assert screen.rate_label.property("role") == "survey-rate-good"


def test_comments_are_shown_and_exported_only_when_chosen(
    qtbot, window, ctx, today, tmp_path, monkeypatch
):
    fill(ctx, today, "satisfied", comment="スタッフの方がやさしかった")
    screen = window.survey
    screen.refresh()
    heading = screen.tree.topLevelItem(screen.tree.topLevelItemCount() - 1)
    assert heading.text(0) == "自由記述" and heading.text(1) == "1"
    assert heading.childCount() == 0
    screen.show_comments.setChecked(True)
    heading = screen.tree.topLevelItem(screen.tree.topLevelItemCount() - 1)
    assert heading.child(0).text(0) == "スタッフの方がやさしかった"

    def export_to(name: str) -> Path:
        path = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
        click(qtbot, screen.export_button)
        assert path.is_file()
        return path

    plain = export_to("without.csv")
    assert "やさしかった" not in plain.read_text(encoding="utf-8-sig")
    screen.export_comments.setChecked(True)
    full = export_to("with.csv")
    rows = list(csv.reader(full.open(encoding="utf-8-sig")))
    assert ["自由記述", "スタッフの方がやさしかった", "", "", ""] in rows
    assert "出力しました" in screen.banner.text()


def test_no_pin_yet_asks_for_one_before_the_kiosk(qtbot, window, ctx, today, monkeypatch):
    monkeypatch.setattr(SetPinDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert window.survey.start_kiosk() is False
    assert "PINを設定" in window.survey.banner.text()
    assert window.survey.kiosk is None and window.isVisible()


def test_the_launch_option_starts_straight_into_the_kiosk(qtbot, ctx, dialogs, monkeypatch):
    from kiosk.core.frontends import LaunchOptions
    from kiosk.core.paths import DataFolder
    from kiosk.door import venues
    from ui import app as app_module

    venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")
    pin.set_pin(ctx, "2468", "2468")
    assert ctx.data_dir is not None
    started: list[Any] = []

    def fake_exec(self):
        started.append(app_module.QApplication.instance())
        return 0

    kiosks: list[Any] = []
    real_start = survey_screen_module.SurveyScreen.start_kiosk

    def spy(self):
        ok = real_start(self)
        kiosks.append(self.kiosk)
        return ok

    monkeypatch.setattr(app_module.QApplication, "exec", fake_exec)
    monkeypatch.setattr(survey_screen_module.SurveyScreen, "start_kiosk", spy)
    # No translator may outlive this test and change the language of the next ones.
    monkeypatch.setattr(app_module.Translation, "use", lambda self, lang: None)
    ctx.close()
    code = app_module.run(LaunchOptions(folder=DataFolder(ctx.data_dir), survey_kiosk=True))
    assert code == 0 and started
    [kiosk] = kiosks
    assert kiosk is not None and kiosk.isFullScreen() and kiosk.isVisible()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows and not any(w.isVisible() for w in windows)  # nothing behind the kiosk
    kiosk.idle.stop()
    kiosk._unlocked = True
    kiosk.close()
    kiosk.deleteLater()
    for main in windows:
        main.close()
        main.deleteLater()


# -- paper forms ------------------------------------------------------------------------


def test_paper_forms_are_entered_one_after_another(qtbot, window, ctx, today):
    click(qtbot, window.survey.paper_button)
    dialog = window.survey.paper_dialog
    assert isinstance(dialog, PaperSurveyDialog)
    qtbot.waitExposed(dialog)
    assert dialog.event_box.currentData() == today.id
    # A form whose required question was left blank on paper is still entered.
    lonely = dialog.answers["lonely"]
    assert isinstance(lonely, ChoiceAnswer)
    click(qtbot, lonely.button("often_always"))
    comment = dialog.answers["comment"]
    assert isinstance(comment, TextAnswer)
    type_japanese(comment.edit, "紙に書きました")
    click(qtbot, dialog.save_button)
    assert "1枚目を保存しました" in dialog.banner.text()
    # The form is empty again for the next paper.
    assert all(a.value() is None for a in dialog.answers.values())
    overall = dialog.answers["overall"]
    assert isinstance(overall, ChoiceAnswer)
    click(qtbot, overall.button("satisfied"))
    click(qtbot, dialog.language.button("en"))
    click(qtbot, dialog.save_button)
    assert dialog.count_label.text() == "今回保存した枚数：2"
    rows = sorted(responses(ctx), key=lambda r: r.language)
    assert [(r.source, r.language, r.answers) for r in rows] == [
        ("paper", "en", {"overall": "satisfied"}),
        ("paper", "ja", {"lonely": "often_always", "comment": "紙に書きました"}),
    ]


def test_an_empty_paper_form_is_refused(qtbot, window, ctx, today, db_state):
    dialog = PaperSurveyDialog(ctx, catalogue.active(ctx), "ja", window)
    qtbot.addWidget(dialog)
    before = db_state()
    click(qtbot, dialog.save_button)
    assert dialog.banner.text() == "回答がひとつもありません。"
    assert db_state() == before


# -- Settings ---------------------------------------------------------------------------


@pytest.fixture
def card(qtbot, window) -> SurveySettingsCard:
    window.show_widget(window.settings)
    found = window.settings.findChild(SurveySettingsCard)
    assert found is not None
    return found


def test_a_broken_file_is_named_in_settings_and_changes_nothing(qtbot, window, ctx, card):
    folder = ctx.data_dir / "questionnaires"
    folder.mkdir()
    data = json.loads((BUILTIN_DIR / "cafe-satisfaction.json").read_text(encoding="utf-8"))
    data["version"] = 2
    data["questions"][0]["options"] = data["questions"][0]["options"][:1]
    (folder / "city-2027.json").write_text(json.dumps(data, ensure_ascii=False))
    card.refresh()
    assert card.problems.isVisible()
    assert "city-2027.json" in card.problems.text()
    assert "選択肢が2つ以上必要" in card.problems.text()
    assert card.choice.count() == 1
    assert catalogue.active(ctx).version == 2


def test_choosing_another_version_and_the_idle_time(qtbot, window, ctx, card):
    folder = ctx.data_dir / "questionnaires"
    folder.mkdir()
    data = json.loads((BUILTIN_DIR / "cafe-satisfaction.json").read_text(encoding="utf-8"))
    data["version"] = 3
    data["title"]["ja"] = "2027年度版"
    (folder / "v3.json").write_text(json.dumps(data, ensure_ascii=False))
    card.refresh()
    assert [card.choice.itemText(i) for i in range(card.choice.count())] == [
        "第3版（ファイル）：2027年度版",
        "第2版（標準）：本日のご感想をお聞かせください",
    ]
    card.choice.setCurrentIndex(0)
    card.use_selected()
    assert catalogue.active(ctx).title("ja") == "2027年度版"
    assert "第3版" in card.banner.text()

    card.idle.setValue(120)
    card.save_idle()
    assert survey.idle_seconds(ctx) == 120


def test_setting_the_pin_with_the_keypad(qtbot, window, ctx, card):
    assert card.pin_status.text() == "未設定"
    dialog = SetPinDialog(ctx, "ja", window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.keypad.press("1357")
    dialog.again.setFocus()
    qtbot.keyClicks(dialog.again, "1358")
    click(qtbot, dialog.save_button)
    assert dialog.banner.text() == "2回入力したPINが一致しません。"
    assert not pin.is_set(ctx)
    qtbot.keyClicks(dialog.again, "1357")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    pin.verify(ctx, "1357")
    card.refresh()
    assert card.pin_status.text() == "設定済み"


# -- editing a copy ---------------------------------------------------------------------


def test_editing_a_copy_makes_the_next_version(qtbot, window, ctx, card, today):
    fill(ctx, today, "satisfied")  # answered with version 2
    editor = QuestionnaireEditor(ctx, card_data(ctx), "ja", window)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.save_button.text() == "第3版として保存して使う"
    editor.question_list.setCurrentRow(0)
    editor.text_edits["ja"].selectAll()
    type_japanese(editor.text_edits["ja"], "今日はいかがでしたか？")
    editor.question_list.setCurrentRow(1)  # leaving the question keeps the edit
    click(qtbot, editor.required)
    editor.question_list.setCurrentRow(6)
    assert editor.max_length.isEnabled() and editor.max_length.value() == 400
    saved = editor.save()
    assert saved is not None and saved.version == 3
    assert saved.question("overall").text("ja") == "今日はいかがでしたか？"  # type: ignore[union-attr]
    assert saved.question("activities").required  # type: ignore[union-attr]
    assert catalogue.active(ctx).version == 3
    [old] = responses(ctx)
    assert old.questionnaire_version == 2  # old answers keep theirs


def card_data(ctx):
    from kiosk.survey.questionnaire import to_data

    return to_data(catalogue.active(ctx))


def test_an_invalid_copy_is_refused_with_the_place(qtbot, window, ctx, db_state):
    editor = QuestionnaireEditor(ctx, card_data(ctx), "ja", window)
    qtbot.addWidget(editor)
    editor.show()
    editor.add_question_of("single")  # a new question, its texts still empty
    before = db_state()
    assert editor.save() is None
    assert "（編集中のコピー）" in editor.banner.text()
    assert "questions[2].text" in editor.banner.text()
    assert db_state() == before
    assert catalogue.active(ctx).version == 2


def test_adding_a_question_picks_its_kind_from_a_column_of_buttons(qtbot, window, ctx, dialogs):
    editor = QuestionnaireEditor(ctx, card_data(ctx), "ja", window)
    qtbot.addWidget(editor)
    editor.show()
    [add] = [b for b in editor.findChildren(QPushButton) if b.text() == "追加…"]
    dialogs.pick = "scale"
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dialogs.verbs[-1][0] == "戻る" and len(dialogs.verbs[-1]) == 6  # back + 5 kinds
    assert editor.question_list.count() == 8
    assert editor.data["questions"][editor.question_list.currentRow()]["type"] == "scale"


def test_the_question_deciding_satisfaction_cannot_be_removed(qtbot, window, ctx):
    editor = QuestionnaireEditor(ctx, card_data(ctx), "ja", window)
    qtbot.addWidget(editor)
    editor.question_list.setCurrentRow(0)
    editor.remove_question()
    assert "満足度を数えています" in editor.banner.text()
    assert editor.question_list.count() == 7
    editor.question_list.setCurrentRow(3)  # loneliness: may go, and its report with it
    editor.remove_question()
    saved = editor.save()
    assert saved is not None and saved.loneliness_question is None
    assert [q.id for q in saved.questions][:4] == [
        "overall",
        "activities",
        "come_again",
        "heard_from",
    ]


def test_changing_a_pin_that_is_set_needs_the_current_one(qtbot, window, ctx, card, monkeypatch):
    from ui.settings.privacy_card import PinCheckDialog

    pin.set_pin(ctx, "2468", "2468")
    opened: list[SetPinDialog] = []
    monkeypatch.setattr(SetPinDialog, "open", lambda self: opened.append(self))
    monkeypatch.setattr(PinCheckDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    card.set_pin()
    assert opened == []
    assert "PIN" in card.banner.text()

    def right_pin(self: PinCheckDialog) -> int:
        self.keypad.press("2468")
        self.try_pin()
        return self.result()

    monkeypatch.setattr(PinCheckDialog, "exec", right_pin)
    card.set_pin()
    assert len(opened) == 1


def test_the_editor_lists_the_texts_missing_in_each_language(qtbot, window, ctx):
    """Eight languages: a new question needs its words in each, and she sees which."""
    editor = QuestionnaireEditor(ctx, card_data(ctx), "ja", window)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.missing.text() == "すべての言語の文がそろっています。"
    editor.question_list.setCurrentRow(0)
    editor.add_question_of("yes_no")  # a new question 2, its words still empty
    assert editor.question_list.currentRow() == 1
    lines = editor.missing.text().splitlines()
    assert lines[0].startswith("まだ入っていない文")
    assert "简体中文：質問2" in lines
    assert "한국어：質問2" in lines
    assert len(lines) == 1 + 8  # every language lacks the question
    assert "⚠ 日本語, やさしい日本語, English" in editor.question_list.item(1).text()
    # She writes it in Japanese: Japanese leaves the list, the others stay.
    editor.text_edits["ja"].setFocus()
    type_japanese(editor.text_edits["ja"], "託児は使いやすかったですか？")
    lines = editor.missing.text().splitlines()
    assert not any(line.startswith("日本語：") for line in lines)
    assert "やさしい日本語：質問2" in lines and len(lines) == 1 + 7
    assert "⚠ やさしい日本語, English" in editor.question_list.item(1).text()
    # An answer emptied in Korean is named with its place.
    editor.question_list.setCurrentRow(0)
    korean = list(editor.data["languages"]).index("ko")
    cell = editor.options.item(0, korean)
    assert cell is not None and cell.text() == "만족"
    cell.setText("")
    assert any(
        line.startswith("한국어：") and "質問1の回答1" in line
        for line in editor.missing.text().splitlines()
    )
    assert editor.save() is None  # and the check still refuses the copy
