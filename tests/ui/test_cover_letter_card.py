"""Settings → the cover letter of reports, typed and saved the way a coordinator does it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from kiosk.core import settings
from kiosk.reports.cover_letter import CoverLetter, cover_letter, save_cover_letter
from ui.settings.cover_letter_card import CoverLetterCard


@pytest.fixture
def card(window) -> CoverLetterCard:
    window.show_widget(window.settings)
    return window.settings.findChild(CoverLetterCard)


def type_into(qtbot, card: CoverLetterCard, name: str, text: str) -> None:
    edit = card.fields[name]
    edit.selectAll()
    edit.insert(text)  # what an input method commits; key clicks are ASCII only
    assert edit.isModified()


def click_save(qtbot, card: CoverLetterCard) -> None:
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)


def test_a_new_card_is_blank_and_the_organisation_follows_the_app(card, ctx):
    assert all(edit.text() == "" for edit in card.fields.values())
    assert card.fields["organisation"].placeholderText() == settings.organisation(ctx)
    assert "様 is added" not in card.fields["addressee"].placeholderText()  # Japanese screen
    assert "様" in card.fields["addressee"].placeholderText()
    assert card.no_date.isChecked() and not card.decision_date.isEnabled()
    assert card.era.text() == ""


def test_typed_fields_and_the_decision_date_are_saved(qtbot, card, ctx):
    type_into(qtbot, card, "addressee", "小松市長　宮橋 勝栄")
    type_into(qtbot, card, "address", "石川県小松市小馬出町91")
    type_into(qtbot, card, "representative_title", "理事長")
    type_into(qtbot, card, "representative_name", "山田 花子")
    type_into(qtbot, card, "grant_name", "小松市女性の居場所づくり事業補助金")
    type_into(qtbot, card, "decision_number", "小松市第123号")
    qtbot.mouseClick(card.no_date, Qt.MouseButton.LeftButton)
    assert card.decision_date.isEnabled()
    card.decision_date.setDate(QDate(2026, 4, 10))
    assert card.era.text() == "令和8年4月10日"

    click_save(qtbot, card)

    assert card.banner.property("role") == "banner-ok" and "保存しました" in card.banner.text()
    assert cover_letter(ctx) == CoverLetter(
        addressee="小松市長 宮橋 勝栄",  # spaces are tidied as in every typed name
        address="石川県小松市小馬出町91",
        organisation=settings.organisation(ctx),
        representative_title="理事長",
        representative_name="山田 花子",
        grant_name="小松市女性の居場所づくり事業補助金",
        decision_date=date(2026, 4, 10),
        decision_number="小松市第123号",
    )
    # The organisation left blank follows the app's when it changes.
    settings.set_organisation(ctx, "NPO法人あたらしい名前")
    assert cover_letter(ctx).organisation == "NPO法人あたらしい名前"


def test_not_set_clears_a_saved_date_and_another_organisation_is_kept(qtbot, card, ctx):
    save_cover_letter(ctx, CoverLetter(addressee="小松市長", decision_date=date(2026, 4, 10)))
    card.refresh()
    assert not card.no_date.isChecked() and card.era.text() == "令和8年4月10日"
    qtbot.mouseClick(card.no_date, Qt.MouseButton.LeftButton)
    type_into(qtbot, card, "organisation", "特定非営利活動法人つながり")
    click_save(qtbot, card)
    saved = cover_letter(ctx)
    assert saved.decision_date is None and saved.addressee == "小松市長"
    assert saved.organisation == "特定非営利活動法人つながり"
    assert card.fields["organisation"].text() == "特定非営利活動法人つながり"


def test_a_too_long_field_saves_nothing_and_says_which(qtbot, card, ctx, db_state):
    save_cover_letter(ctx, CoverLetter(addressee="小松市長"))
    card.refresh()
    before = db_state()
    type_into(qtbot, card, "addressee", "新しい宛先")
    type_into(qtbot, card, "grant_name", "補" * 101)
    click_save(qtbot, card)
    assert card.banner.property("role") == "banner-error"
    assert "補助金の名称" in card.banner.text() and "100" in card.banner.text()
    assert db_state() == before
    assert cover_letter(ctx).addressee == "小松市長"
    assert card.fields["addressee"].text() == "新しい宛先"  # kept to correct, not lost


def test_the_english_screen_says_it_in_english(qtbot, shell, window, ctx):
    shell.translation.use("en")
    shell.state.lang = "en"
    card = CoverLetterCard(shell.state)
    qtbot.addWidget(card)
    type_into(qtbot, card, "representative_name", "x" * 101)
    click_save(qtbot, card)
    assert "representative's name" in card.banner.text()
    assert cover_letter(ctx).representative_name == ""
    type_into(qtbot, card, "representative_name", "Hanako Yamada")
    click_save(qtbot, card)
    assert card.banner.text() == "Saved: the cover letter of reports."
    assert cover_letter(ctx).representative_name == "Hanako Yamada"
