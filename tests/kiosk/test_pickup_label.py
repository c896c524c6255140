"""What a pickup label says, and where it sits: a tag and a stub per child, one code,
nothing private; the roll and the A4 sheet's places."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from kiosk.core.errors import KioskError
from kiosk.door import label_settings
from kiosk.door.childcare import ChildInfo
from kiosk.door.pickup_label import (
    ROLL_62,
    ROLL_62MM,
    SHEET_A4_12,
    SHEET_A4_12_LABELS,
    STUB,
    TAG,
    fit_lines,
    label_date,
    labels_for,
    placements,
)

DAY = date(2026, 11, 22)
AT = datetime(2026, 11, 22, 1, 5, tzinfo=UTC)


def kid(code: str, age_band: str = "1-2", number: int = 12, note: str | None = None) -> ChildInfo:
    return ChildInfo(
        id=f"child-{code}",
        visit_id="visit-1",
        visit_number=number,
        age_band=age_band,
        pickup_code=code,
        care_note=note,
        checked_in_at=AT,
        handed_back_at=None,
        status="in_care",
    )


def test_each_child_gets_a_tag_and_a_stub_with_the_same_code() -> None:
    labels = labels_for([kid("482"), kid("907", "3-5", 13)], "中央公民館", DAY)
    assert [(label.kind, label.code) for label in labels] == [
        (TAG, "482"),
        (STUB, "482"),
        (TAG, "907"),
        (STUB, "907"),
    ]
    tag, stub = labels[0], labels[1]
    assert tag.heading == "託児タグ（お子さま用）"
    assert stub.heading == "お迎え番号（保護者控え）"
    assert tag.detail == stub.detail == "受付No.12　1〜2歳"
    assert labels[2].detail == "受付No.13　3〜5歳"
    assert tag.venue == "中央公民館"
    assert tag.day == "2026年11月22日(日)"
    assert "お見せください" in stub.footer
    assert "控え" in tag.footer


def test_english_labels() -> None:
    tag, stub = labels_for([kid("315")], "Central Hall", DAY, lang="en")
    assert tag.heading == "Childcare tag (child)"
    assert stub.heading == "Pickup code (parent's stub)"
    assert stub.detail == "Check-in No. 12　1–2 years"
    assert stub.day == "2026-11-22 (Sun)"
    assert "Show this stub" in stub.footer


def test_no_care_note_nor_ids_on_any_label() -> None:
    labels = labels_for([kid("482", note="卵アレルギー")], "中央公民館", DAY)
    for label in labels:
        words = " ".join(str(value) for value in vars(label).values())
        assert "アレルギー" not in words
        assert "child-482" not in words and "visit-1" not in words


def test_no_children_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        labels_for([], "中央公民館", DAY)


def test_a_roll_prints_one_label_a_page() -> None:
    assert ROLL_62MM.page_width == 62 and ROLL_62MM.page_height == 40
    places = placements(ROLL_62MM, 3)
    assert [(p.page, p.x, p.y) for p in places] == [(0, 0, 0), (1, 0, 0), (2, 0, 0)]


def test_a_sheet_puts_tag_and_stub_side_by_side_and_stays_on_the_paper() -> None:
    stock = SHEET_A4_12_LABELS
    assert (stock.columns, stock.rows, stock.label_width, stock.label_height) == (2, 6, 86.4, 42.3)
    places = placements(stock, 14)
    assert (places[0].page, places[0].x, places[0].y) == (0, 18.6, 21.6)
    assert places[1].y == places[0].y and places[1].x == pytest.approx(18.6 + 86.4)
    assert places[2].x == 18.6 and places[2].y == pytest.approx(21.6 + 42.3)
    assert [p.page for p in places[11:]] == [0, 1, 1]  # 12 a sheet, then the next
    for p in places:
        assert p.x + stock.label_width <= stock.page_width + 1e-9
        assert p.y + stock.label_height <= stock.page_height + 1e-9
    # Symmetric margins: the die is centred on A4.
    right = stock.page_width - (stock.left + 2 * stock.label_width)
    bottom = stock.page_height - (stock.top + 6 * stock.label_height)
    assert right == pytest.approx(stock.left) and bottom == pytest.approx(stock.top)


def test_fit_lines_shrinks_then_wraps_with_kinsoku() -> None:
    def measure(text: str, size: float) -> float:
        return len(text) * size  # a monospaced stand-in for the printer's metric

    assert fit_lines("中央公民館", measure, 100, 8, 5.5) == (8, ["中央公民館"])
    assert fit_lines("会" * 15, measure, 100, 8, 6) == (6.5, ["会" * 15])  # shrunk to fit
    size, lines = fit_lines("会" * 20, measure, 100, 8, 6)  # wrapped at the smallest size
    assert size == 6 and lines == ["会" * 16, "会" * 4]
    # A small kana never starts a line.
    size, lines = fit_lines("あいうえおかきくけこさしすせそぁたち", measure, 100, 6, 6)
    assert not any(line.startswith("ぁ") for line in lines)
    # Far too long: cut with an ellipsis, still inside.
    size, lines = fit_lines("会" * 200, measure, 100, 8, 6)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(measure(line, size) <= 100 for line in lines)
    english = "Eastern Community Centre Meeting Room"
    size, lines = fit_lines(english, measure, 100, 6, 6)
    assert " ".join(lines) == english or lines[-1].endswith("…")


def test_label_date() -> None:
    assert label_date(DAY) == "2026年11月22日(日)"
    assert label_date(date(2026, 11, 23), "en") == "2026-11-23 (Mon)"


def test_label_settings_round_trip(ctx) -> None:
    first = label_settings.label_settings(ctx)
    assert (first.size, first.print_at_checkin, first.printer) == (ROLL_62, False, "")
    assert first.stock is ROLL_62MM
    label_settings.set_label_size(ctx, SHEET_A4_12)
    label_settings.set_print_at_checkin(ctx, True)
    label_settings.set_printer(ctx, "  Brother QL-800 ")
    again = label_settings.label_settings(ctx)
    assert (again.size, again.print_at_checkin, again.printer) == (
        SHEET_A4_12,
        True,
        "Brother QL-800",
    )
    assert again.stock is SHEET_A4_12_LABELS
    label_settings.set_print_at_checkin(ctx, False)
    assert not label_settings.label_settings(ctx).print_at_checkin


def test_an_unknown_label_size_is_refused_and_nothing_changes(ctx) -> None:
    label_settings.set_label_size(ctx, SHEET_A4_12)
    with pytest.raises(KioskError) as excinfo:
        label_settings.set_label_size(ctx, "a3_poster")
    assert excinfo.value.code == "invalid_label_size"
    assert label_settings.label_settings(ctx).size == SHEET_A4_12


def test_a_sheet_used_halfway_starts_after_its_used_labels() -> None:
    stock = SHEET_A4_12_LABELS
    fresh = placements(stock, 14)
    used = placements(stock, 4, skip=10)
    assert used[:2] == fresh[10:12]  # labels 11 and 12 of this sheet
    assert [p.page for p in used] == [0, 0, 1, 1] and used[2] == replace(fresh[0], page=1)


def test_the_next_label_moves_on_after_each_print_and_wraps_to_a_fresh_sheet(ctx) -> None:
    label_settings.set_label_size(ctx, SHEET_A4_12)
    assert label_settings.label_settings(ctx).next_place == 1
    label_settings.labels_used(ctx, 4)
    assert label_settings.label_settings(ctx).skip == 4
    label_settings.set_next_place(ctx, 11)
    label_settings.labels_used(ctx, 4)  # 11, 12, then 1 and 2 of a fresh sheet
    assert label_settings.label_settings(ctx).next_place == 3


@pytest.mark.parametrize("place", [0, 13, -1])
def test_a_label_place_off_the_sheet_is_refused_and_changes_nothing(ctx, place) -> None:
    label_settings.set_label_size(ctx, SHEET_A4_12)
    label_settings.set_next_place(ctx, 5)
    with pytest.raises(KioskError) as refused:
        label_settings.set_next_place(ctx, place)
    assert refused.value.code == "invalid_label_place"
    assert label_settings.label_settings(ctx).next_place == 5


def test_a_roll_has_no_places_to_skip(ctx) -> None:
    label_settings.labels_used(ctx, 3)
    assert label_settings.label_settings(ctx).skip == 0
