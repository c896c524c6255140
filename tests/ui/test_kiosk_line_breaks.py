"""Japanese line breaks in the kiosk's questions: 禁則処理, and no lone 「す。」.

Every question, hint and instruction of the default questionnaire, at every
width from a narrow portrait column to a wide one and at each text size: no
line starts with 」、。）？ and none ends with 「（; a last line is never a
two-character scrap; no character is lost or added.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk.survey import catalogue
from ui.app import load_look
from ui.survey_kiosk.kiosk_fonts import LABELS, SCALES, px
from ui.survey_kiosk.line_breaks import BalancedLabel, broken_lines

CLOSING = "」』）、。？！"
OPENING = "「『（"


def kiosk_texts(ctx) -> list[str]:
    questionnaire = catalogue.active(ctx)
    texts: list[str] = []
    for question in questionnaire.questions:
        texts.append(question.text("ja"))
        if question.hint("ja"):
            texts.append(question.hint("ja"))
    return [
        *texts,
        questionnaire.phrase("ja", "optional"),
        questionnaire.phrase("ja", "choose_step"),
        questionnaire.phrase("ja", "thanks_detail"),
        # The issue's own examples, as a coordinator may write them in a questionnaire.
        "ワークショップは満員です。キャンセル待ちにしますか？",
        "本日のイベントに参加しますか？",
    ]


def font_at(qapp: QApplication, role: str, scale: float, bold: bool) -> QFont:
    font = QFont(qapp.font())
    font.setPixelSize(px(LABELS[role], scale))
    font.setBold(bold)
    return font


@pytest.mark.parametrize("scale", SCALES.values())
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(qapp, ctx, scale):
    load_look(qapp)
    bad: list[str] = []
    for role, bold in (("survey-question", True), ("survey-hint", False)):
        font = font_at(qapp, role, scale, bold)
        for text in kiosk_texts(ctx):
            for width in range(240, 1000, 20):
                lines = broken_lines(text, font, width)
                shown = " / ".join(lines)
                if "".join(lines) != text.replace(" ", "").replace("\n", "") and (" " not in text):
                    bad.append(f"changed: {shown}")
                for line in lines[1:]:
                    if line[0] in CLOSING:
                        bad.append(f"{width}px starts with {line[0]}: {shown}")
                for line in lines[:-1]:
                    if line[-1] in OPENING:
                        bad.append(f"{width}px ends with {line[-1]}: {shown}")
                if len(lines) > 1 and len(lines[-1]) <= 2:
                    bad.append(f"{width}px a lone last line: {shown}")
    assert bad == []


def test_the_lone_su_is_gone_where_plain_wrapping_leaves_it(qapp):
    """Widths at which wrapping as far as each line goes leaves 「す。」 alone: ours does not."""
    from PySide6.QtGui import QFontMetricsF

    from ui.survey_kiosk.line_breaks import SAFETY_PX, _wrap

    load_look(qapp)
    font = font_at(qapp, "survey-question", 1.0, True)
    text = "本日のカフェにご参加いただき、まことにありがとうございます。"
    metrics = QFontMetricsF(font)
    advances = [metrics.horizontalAdvance(char) for char in text]
    widths = [w for w in range(200, 1000, 2) if _wrap(text, advances, w - SAFETY_PX)[-1] == "す。"]
    assert widths, "no width leaves a lone す。 when each line goes as far as it can"
    for width in widths:
        ours = broken_lines(text, font, width)
        assert len(ours[-1]) > 3, ours
        assert len(ours) == len(_wrap(text, advances, width - SAFETY_PX))  # no extra line


def test_the_question_label_shows_the_broken_lines(qtbot, qapp):
    load_look(qapp)
    label = BalancedLabel("あなたは、どの程度、孤独であると感じることがありますか？")
    label.setProperty("role", "survey-question")
    qtbot.addWidget(label)
    label.resize(520, 200)
    label.show()
    qtbot.waitExposed(label)
    lines = label.text().split("\n")
    assert len(lines) >= 2
    assert "".join(lines) == label.source
    assert lines == broken_lines(label.source, label.font(), label.contentsRect().width())
