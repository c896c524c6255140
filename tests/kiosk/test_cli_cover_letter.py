"""`tsunagari cover-letter show|set` from the command line."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from kiosk.cli.cover_letter import FIELDS
from kiosk.core import settings
from kiosk.reports.cover_letter import CoverLetter, cover_letter, save_cover_letter
from tests.kiosk.test_cli import one_error_line, run


def test_the_command_knows_every_field_of_the_letter():
    assert tuple(f.name for f in fields(CoverLetter)) == FIELDS


def test_show_prints_every_field_and_blank_ones_as_a_dash(capsys, ctx, database_args):
    settings.set_organisation(ctx, "NPO法人つながり")
    code, out, err = run(capsys, "cover-letter", "show", *database_args)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "宛先: —",
        "所在地: —",
        "団体名: NPO法人つながり",
        "代表者の職: —",
        "代表者の氏名: —",
        "補助金の名称: —",
        "交付決定日: —",
        "交付決定の文書番号: —",
    ]


def test_set_changes_only_the_fields_given(capsys, ctx, database_args):
    save_cover_letter(ctx, CoverLetter(address="石川県小松市小馬出町91", grant_name="補助金"))
    code, out, err = run(
        capsys,
        "cover-letter",
        "set",
        "--addressee",
        "小松市長 宮橋 勝栄",
        "--representative-title",
        "理事長",
        "--representative-name",
        "山田 花子",
        "--decision-date",
        "2026-04-10",
        "--decision-number",
        "小松市第123号",
        *database_args,
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "報告書の鑑を保存しました。"
    assert "交付決定日: 2026-04-10（令和8年4月10日）" in out.splitlines()
    assert cover_letter(ctx) == CoverLetter(
        addressee="小松市長 宮橋 勝栄",
        address="石川県小松市小馬出町91",
        organisation=settings.organisation(ctx),
        representative_title="理事長",
        representative_name="山田 花子",
        grant_name="補助金",
        decision_date=date(2026, 4, 10),
        decision_number="小松市第123号",
    )

    # "" clears a field: the date is not set, the organisation follows the app's again.
    code, out, err = run(
        capsys,
        "--lang",
        "en",
        "cover-letter",
        "set",
        "--decision-date",
        "",
        "--organisation",
        "",
        *database_args,
    )
    assert (code, err) == (0, "")
    assert "grant decision date: —" in out.splitlines()
    saved = cover_letter(ctx)
    assert saved.decision_date is None and saved.addressee == "小松市長 宮橋 勝栄"
    settings.set_organisation(ctx, "NPO法人あたらしい名前")
    assert cover_letter(ctx).organisation == "NPO法人あたらしい名前"


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (["--grant-name", "補" * 101], "補助金の名称は100文字以内"),
        (["--addressee", "新しい宛先", "--decision-date", "2026-02-30"], "2026-02-30"),
        (["--decision-date", "1800-01-01"], "1873-01-01"),
        (["--addressee", "新しい宛先", "--address", "a\x1bb"], "所在地"),
        ([], "変更する項目を指定してください"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    capsys, ctx, database_args, db_state, words, says
):
    save_cover_letter(ctx, CoverLetter(addressee="小松市長"))
    before = db_state()
    code, out, err = run(capsys, "cover-letter", "set", *words, *database_args)
    assert code == 2 and out == ""
    assert says in one_error_line(err)
    assert db_state() == before


def test_help_names_every_option(capsys):
    code, out, _err = run(capsys, "cover-letter", "set", "--help")
    assert code == 0
    for option in (
        "--addressee",
        "--address",
        "--organisation",
        "--representative-title",
        "--representative-name",
        "--grant-name",
        "--decision-date",
        "--decision-number",
    ):
        assert option in out
