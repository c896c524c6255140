"""The cover letter's settings: saved together, checked first, blank by default."""

from datetime import date

import pytest

from kiosk.core import settings
from kiosk.core.errors import KioskError
from kiosk.reports.cover_letter import CoverLetter, cover_letter, save_cover_letter


def test_a_new_letter_is_blank_but_for_the_organisation(ctx):
    settings.set_organisation(ctx, "NPO法人つながり")
    letter = cover_letter(ctx)
    assert letter.organisation == "NPO法人つながり"
    assert letter.decision_date is None and letter.addressee == ""


def test_saved_fields_come_back(ctx):
    saved = save_cover_letter(
        ctx,
        CoverLetter(
            addressee="小松市長 宮橋 勝栄",
            address="石川県小松市小馬出町91",
            organisation="NPO法人つながり",
            representative_title="理事長",
            representative_name="山田 花子",
            grant_name="小松市女性の居場所づくり事業補助金",
            decision_date=date(2026, 4, 10),
            decision_number="小松市第123号",
        ),
    )
    assert saved == cover_letter(ctx)
    assert saved.decision_date == date(2026, 4, 10) and not saved.is_blank()


def test_a_bad_field_saves_nothing(ctx):
    save_cover_letter(ctx, CoverLetter(addressee="小松市長"))
    with pytest.raises(KioskError):
        save_cover_letter(ctx, CoverLetter(addressee="新しい宛先", address="x" * 101))
    assert cover_letter(ctx).addressee == "小松市長"
