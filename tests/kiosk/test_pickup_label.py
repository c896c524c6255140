"""The pickup label: one page per child, the code large, nothing private on it."""

from __future__ import annotations

import io
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from kiosk.core import atomic_file, paths
from kiosk.core.errors import KioskError
from kiosk.core.pdf_font import japanese_font
from kiosk.door import pickup_label
from kiosk.door.childcare import ChildInfo
from kiosk.door.pickup_label import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    fit_lines,
    label_date,
    render_labels,
    write_labels,
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


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF")
    return PdfReader(io.BytesIO(pdf))


def test_one_small_page_per_child_with_its_code() -> None:
    pdf = render_labels([kid("482"), kid("907", "3-5", 13)], "中央公民館", DAY)
    reader = read(pdf)
    assert len(reader.pages) == 2
    for page, code, details in zip(
        reader.pages, ("482", "907"), (("1〜2歳", "12"), ("3〜5歳", "13")), strict=True
    ):
        box = page.mediabox
        assert float(box.width) == pytest.approx(PAGE_WIDTH)
        assert float(box.height) == pytest.approx(PAGE_HEIGHT)
        text = page.extract_text()
        assert code in text
        assert "お迎え番号" in text
        assert "中央公民館" in text
        assert "2026年11月22日(日)" in text
        assert "お見せください" in text
        for detail in details:
            assert detail in text
        # The code is not in any other page's text.
        other = "907" if code == "482" else "482"
        assert other not in text


def test_english_label() -> None:
    text = read(render_labels([kid("315")], "Central Hall", DAY, lang="en")).pages[0]
    words = text.extract_text()
    assert "Pickup code" in words
    assert "315" in words
    assert "1–2 years" in words
    assert "2026-11-22 (Sun)" in words
    assert "Show this card" in words


def test_the_font_is_embedded_and_no_other_font_is_used() -> None:
    reader = read(render_labels([kid("482")], "中央公民館", DAY))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        assert "IPAexGothic" in str(font["/BaseFont"])


def test_no_care_note_nor_nickname_leaves_with_the_parent() -> None:
    note = "卵アレルギー"
    pdf = render_labels([kid("482", note=note)], "中央公民館", DAY)
    reader = read(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    assert note not in text
    assert "アレルギー" not in text
    assert "visit-1" not in text and "child-482" not in text
    assert note.encode("utf-8") not in pdf
    assert note.encode("utf-16-be") not in pdf
    assert "アレルギー" not in str(reader.metadata)


def test_missing_font_is_a_coded_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "ipaexg.ttf"
    monkeypatch.setattr(paths, "FONT_FILE", missing)
    with pytest.raises(KioskError) as excinfo:
        render_labels([kid("482")], "中央公民館", DAY)
    assert excinfo.value.code == "font_missing"
    assert excinfo.value.params["path"] == str(missing)


def test_long_venue_names_shrink_and_wrap_within_the_label() -> None:
    font = japanese_font()
    width = PAGE_WIDTH - 2 * pickup_label.MARGIN
    long_name = "特定非営利活動法人つながりネット東部地域コミュニティセンター第二会議室（三階）"
    size, lines = fit_lines(long_name, font, width, 8, 5.5, 2)
    assert 5.5 <= size <= 8
    assert 1 <= len(lines) <= 2
    assert all(pdfmetrics.stringWidth(line, font, size) <= width for line in lines)
    assert "".join(lines) == long_name
    short_size, short = fit_lines("中央公民館", font, width, 8, 5.5, 2)
    assert (short_size, short) == (8, ["中央公民館"])
    # Far too long: cut with an ellipsis, still inside.
    size, lines = fit_lines("会" * 200, font, width, 8, 5.5, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(pdfmetrics.stringWidth(line, font, size) <= width for line in lines)
    english = "Eastern Community Centre, Meeting Room 2 (third floor, next to the lift)"
    size, lines = fit_lines(english, font, width, 8, 5.5, 2)
    assert all(pdfmetrics.stringWidth(line, font, size) <= width for line in lines)
    assert " ".join(lines) == english
    # And the whole label renders with it.
    text = read(render_labels([kid("482")], long_name, DAY)).pages[0].extract_text()
    assert "482" in text


def test_label_date() -> None:
    assert label_date(DAY) == "2026年11月22日(日)"
    assert label_date(date(2026, 11, 23), "en") == "2026-11-23 (Mon)"


def test_no_children_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        render_labels([], "中央公民館", DAY)


def test_write_labels_writes_the_file(tmp_path: Path) -> None:
    pdf = render_labels([kid("482")], "中央公民館", DAY)
    target = tmp_path / "labels" / "pickup-482.pdf"
    assert write_labels(pdf, target) == target
    assert target.read_bytes() == pdf
    assert os.listdir(target.parent) == [target.name]


def test_write_labels_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "pickup.pdf"
    target.write_bytes(b"%PDF old label")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", broken_replace)
    with pytest.raises(KioskError) as excinfo:
        write_labels(b"%PDF new label", target)
    assert excinfo.value.code == "label_write_failed"
    assert excinfo.value.params["path"] == str(target)
    # The old file is untouched and no temporary file is left behind.
    assert target.read_bytes() == b"%PDF old label"
    assert os.listdir(tmp_path) == ["pickup.pdf"]


def test_write_labels_to_an_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(KioskError) as excinfo:
        write_labels(b"%PDF", blocker / "labels" / "x.pdf")
    assert excinfo.value.code == "label_write_failed"
