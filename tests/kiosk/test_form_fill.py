"""The city's own Excel form, filled in: every placeholder, and nothing else touched.

The sample forms (tests/fixtures/city_form_*.xlsx, made by
tests/fixtures/make_city_form.py) are filled for the demo's last complete
month and its fiscal year, then compared cell by cell with the form: each
placeholder holds the report's figure, every other cell, style, merged range
and print setting is as it was. Forms that cannot be filled are refused with
a coded error and nothing is written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.chart import BarChart, Reference

from kiosk.cli.main import main
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.numbers import grouped
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.reports import figures as catalogue
from kiosk.reports.city_form.fields import (
    NOT_IN_PERIOD,
    UNKNOWN,
    FieldCatalogue,
    Resolved,
    field_catalogue,
    normalised,
    resolve,
)
from kiosk.reports.city_form.fill import (
    HEADER_PARTS,
    FormTemplate,
    fill_form,
    form_from_bytes,
    plan_form,
    read_form,
    shows_percent,
)
from kiosk.reports.daily_export import report_title
from kiosk.reports.kpi import kpi_rows
from kiosk.reports.period import (
    PeriodReport,
    fiscal_year_period,
    month_period,
    period_report,
    range_period,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MONTH_FORM = FIXTURES / "city_form_month.xlsx"
YEAR_FORM = FIXTURES / "city_form_year.xlsx"
JST = timezone(timedelta(hours=9))
TODAY = date(2026, 12, 1)  # the demo's last complete month is November 2026
FY_MONTHS = [(2026, m) for m in range(4, 13)] + [(2027, m) for m in range(1, 4)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    folder = DataFolder(tmp_path_factory.mktemp("form-demo"))
    build_demo(folder, seed=7, days=(TODAY - date(2026, 4, 1)).days + 1, today=TODAY, tz=JST)
    opened = open_database(folder=folder)
    try:
        yield replace(opened, clock=lambda: datetime(2026, 12, 1, 10, tzinfo=JST))
    finally:
        opened.close()


@pytest.fixture(scope="module")
def fields(demo: AppContext) -> FieldCatalogue:
    return field_catalogue(demo)


# -- the fields ---------------------------------------------------------------------


def test_the_fields_cover_every_figure_of_the_catalogue(fields):
    shown = {f.figure_id for f in fields.fields}
    assert {f.id for f in catalogue.CATALOGUE} <= shown
    keys = {f.key for f in fields.fields}
    for code in ("10s", "20s", "70plus", "unanswered"):
        assert f"age_band.parts.{code}" in keys
    assert {"consultations.by_channel.phone", "referrals.by_agency.food_bank"} <= keys
    assert "workshops.one_attended.ヨガ" in keys  # a demo workshop, by its name
    for metric in ("visits", "consultations", "satisfaction_rate"):
        assert {f"kpi.{metric}.{m}" for m in ("target", "actual", "achievement")} <= keys
    assert {f"meta.{m}" for m in ("project", "organisation", "period", "today")} <= keys


def test_every_own_name_names_one_field_only(fields):
    """Ids and labels in every language are unique once normalised: none is lost to another."""
    for f in fields.fields:
        for name in f.names:
            assert fields.by_name[normalised(name)] == f.key, (name, f.key)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("来場者数", "visits.total"),  # the examples
        ("visits", "visits.total"),
        ("来場者数（延べ人数）", "visits.total"),
        ("来場者数(延べ人数)", "visits.total"),
        ("ＶＩＳＩＴＳ．ＴＯＴＡＬ", "visits.total"),  # full-width
        (" Visits ", "visits.total"),
        ("来場", "visits.total"),  # the group's name for its total
        ("カフェ延参加者数", "visits.total"),  # the KPI metric's name
        ("実人数", "visits.distinct"),
        ("年代別：20代", "age_band.parts.20s"),
        ("年代別:20代", "age_band.parts.20s"),
        ("By age: 20s", "age_band.parts.20s"),
        ("相談の方法別：電話", "consultations.by_channel.phone"),
        ("ヨガ：参加", "workshops.one_attended.ヨガ"),
        ("目標：来場者数", "kpi.visits.target"),
        ("達成率：来場者数", "kpi.visits.achievement"),
        ("Target: Visits", "kpi.visits.target"),
        ("visits.total.achievement", "kpi.visits.achievement"),
        ("事業名", "meta.project"),
        ("作成日", "meta.today"),
        ("期間", "meta.period"),
    ],
)
def test_names_and_aliases(fields, written, key):
    found = resolve(fields, written, [])
    assert isinstance(found, Resolved) and found.field.key == key and found.month is None


def test_an_ambiguous_short_name_is_no_alias(fields):
    """開催回数 alone is the group, the figure and the KPI: all openings.total. But 無回答
    is a part of three breakdowns: only its full names are accepted."""
    assert resolve(fields, "開催回数", []).field.key == "openings.total"  # type: ignore[union-attr]
    assert resolve(fields, "年代別：無回答", []).field.key == "age_band.parts.unanswered"  # type: ignore[union-attr]
    assert resolve(fields, "no such figure", []) == UNKNOWN


def test_a_month_qualifier_names_that_month_of_the_period(fields):
    for written in (
        "来場者数@4月",
        "visits.total@4",
        "visits@04",
        "来場者数＠４月",
        "visits@2026-04",
    ):
        found = resolve(fields, written, FY_MONTHS)
        assert isinstance(found, Resolved) and found.month == (2026, 4), written
    assert resolve(fields, "来場者数@1月", FY_MONTHS).month == (2027, 1)  # type: ignore[union-attr]
    assert resolve(fields, "来場者数@4月", [(2026, 11)]) == NOT_IN_PERIOD
    assert resolve(fields, "来場者数@13", FY_MONTHS) == UNKNOWN
    assert resolve(fields, "事業名@4", FY_MONTHS) == "no_months"
    two_aprils = [(2025, 4), (2026, 4)]
    assert resolve(fields, "来場者数@4", two_aprils) == "month_ambiguous"
    assert resolve(fields, "来場者数@2026-04", two_aprils).month == (2026, 4)  # type: ignore[union-attr]


def test_a_percent_format_is_told_from_a_percent_sign():
    assert shows_percent("0.0%") and shows_percent("0%")
    assert not shows_percent('0"%"') and not shows_percent("0\\%") and not shows_percent("#,##0")


# -- filling the sample forms ---------------------------------------------------------


def style_of(cell: Any) -> tuple[str, ...]:
    """The cell's look, compared by value (openpyxl's style proxies compare by identity)."""
    return tuple(
        repr(getattr(cell, name))
        for name in ("font", "border", "fill", "number_format", "alignment", "protection")
    )


def sheet_setup(sheet: Any) -> tuple[Any, ...]:
    return (
        sorted(str(r) for r in sheet.merged_cells.ranges),
        sheet.print_area,
        sheet.print_title_rows,
        sheet.page_setup.paperSize,
        sheet.page_setup.orientation,
        sheet.page_setup.fitToWidth,
        sheet.page_setup.fitToHeight,
        sheet.sheet_properties.pageSetUpPr.fitToPage,
        repr(sheet.page_margins),
        sheet.freeze_panes,
        {k: v.width for k, v in sheet.column_dimensions.items()},
        {k: v.height for k, v in sheet.row_dimensions.items()},
        {c.coordinate: c.comment.text for row in sheet.iter_rows() for c in row if c.comment},
    )


def fill(ctx: AppContext, form: Path, report: PeriodReport, target: Path) -> tuple[Any, Any]:
    template = read_form(form)
    plan = fill_form(ctx, template, report, target)
    assert plan.problems == ()
    return load_workbook(form, rich_text=True), load_workbook(target, rich_text=True)


def assert_only_placeholders_changed(before: Any, after: Any, filled: dict[str, Any]) -> None:
    """Every cell not listed in `filled` (sheet!cell → expected value) is as it was."""
    assert before.sheetnames == after.sheetnames
    assert {n: v.attr_text for n, v in before.defined_names.items()} == {
        n: v.attr_text for n, v in after.defined_names.items()
    }
    seen = set()
    for old, new in zip(before.worksheets, after.worksheets, strict=True):
        assert sheet_setup(old) == sheet_setup(new)
        for part in HEADER_PARTS:  # the printed header and footer
            place = f"{old.title}!{part}"
            item, side = part.split(".")
            text = getattr(getattr(new, item), side).text
            if place in filled:
                seen.add(place)
                assert text == filled[place], place
            else:
                assert text == getattr(getattr(old, item), side).text, place
        assert (old.max_row, old.max_column) == (new.max_row, new.max_column)
        for row in old.iter_rows():
            for cell in row:
                place = f"{old.title}!{cell.coordinate}"
                other = new[cell.coordinate]
                assert style_of(cell) == style_of(other), place
                if place in filled:
                    seen.add(place)
                    value = other.value
                    value = str(value) if isinstance(value, CellRichText) else value
                    assert value == filled[place], place
                else:
                    assert str(cell.value) == str(other.value), place
    assert seen == set(filled)
    assert after.calculation.fullCalcOnLoad  # formulas counted again on opening


def test_the_month_form_is_filled_with_the_months_figures(demo, tmp_path):
    report = period_report(demo, month_period(2026, 11), all_label="全会場")
    figures = report.totals
    assert figures.visits > 100  # the demo's month is not empty
    before, after = fill(demo, MONTH_FORM, report, tmp_path / "filled.xlsx")
    rate = figures.satisfaction.percent(1)
    assert rate is not None
    sheet = "月次報告!"
    filled = {
        sheet + "B3": report_title(demo),
        sheet + "B4": "NPO法人 つながりネット",
        sheet + "B5": "令和8年11月",
        sheet + "B6": "令和8年12月1日",
        sheet + "B9": figures.visits,
        sheet + "B10": figures.distinct_people,
        sheet + "B11": figures.first_visits,
        sheet + "B12": dict(figures.age_bands.counts)["20s"],
        sheet + "B13": dict(figures.residence.counts)["resident"],
        sheet + "B14": figures.children,
        sheet + "B15": figures.consultations.total,
        sheet + "B16": figures.consultations.by_channel["phone"],
        sheet + "B17": float(rate / 100),  # the cell shows 0.0%: a fraction
        sheet + "A20": (
            f"今月の来場者数：{grouped(figures.visits)}人（うち、はじめて{figures.first_visits}人）。"
            f"開催回数は{figures.total_openings}回、満足度は{rate}%でした。"
        ),
        sheet + "A23": "記入者：　（全会場）",  # no representative saved yet
        sheet + "oddHeader.left": "NPO法人 つながりネット",
    }
    assert report_title(demo)
    assert_only_placeholders_changed(before, after, filled)
    assert after["月次報告"]["A23"].value[0].font.b  # the bold run kept its font
    assert (
        after["月次報告"]["B9"].data_type == "n"
        and after["月次報告"]["B9"].number_format == "#,##0"
    )
    assert after["月次報告"]["B18"].value == "=B9+B14"  # formulas kept


def test_the_year_form_fills_month_rows_and_kpis(demo, tmp_path):
    report = period_report(demo, fiscal_year_period(2026), all_label="全会場")
    kpis = {k.metric: k for k in kpi_rows(demo, report)}
    visits, talks, rate = kpis["カフェ延参加者数"], kpis["相談件数"], kpis["満足度"]
    assert visits.target and visits.achievement is not None  # the demo sets targets
    before, after = fill(demo, YEAR_FORM, report, tmp_path / "year.xlsx")
    s = "年度実績!"
    filled: dict[str, Any] = {
        s + "A1": "令和8年度　女性の居場所づくり事業　実績報告",
        s + "B3": "NPO法人 つながりネット",
        s + "B4": "令和8年度",
        s + "B5": "全会場",
        s + "B8": visits.target,
        s + "C8": report.totals.visits,
        s + "D8": visits.achievement,  # 0"%": the percent's number
        s + "E8": visits.achievement / 100,  # 0%: a fraction  # type: ignore[operator]
        s + "B9": talks.target,
        s + "C9": report.totals.consultations.total,
        s + "D9": talks.achievement,
        s + "E9": talks.achievement / 100,  # type: ignore[operator]
        s + "B10": rate.target,
        s + "C10": float(Decimal(str(rate.actual)) / 100),
        s + "D10": rate.achievement,
        s + "E10": rate.achievement / 100,  # type: ignore[operator]
        s + "A27": (
            f"年度の来場者数は{grouped(report.totals.visits)}人、4月は"
            f"{grouped(report.months[0][1].visits)}人でした。提出日：令和8年12月1日"
        ),
    }
    for row, ((year, month), figures) in enumerate(report.months, start=13):
        assert (year, month) == FY_MONTHS[row - 13]
        filled[f"{s}B{row}"] = figures.visits
        filled[f"{s}C{row}"] = figures.consultations.total
        filled[f"{s}D{row}"] = figures.children
    assert sum(f.visits for _, f in report.months) == report.totals.visits
    assert_only_placeholders_changed(before, after, filled)


def test_a_form_for_a_range_fills_the_ranges_months(demo, tmp_path):
    report = period_report(demo, range_period(date(2026, 10, 1), date(2026, 11, 30)))
    template = form_with(
        tmp_path, {"A1": "{{期間}}", "A2": "{{来場者数@11月}}", "A3": "{{visits}}"}
    )
    fill_form(demo, template, report, tmp_path / "range.xlsx")
    sheet = load_workbook(tmp_path / "range.xlsx").active
    assert sheet["A1"].value == "令和8年10月1日〜令和8年11月30日"
    assert sheet["A2"].value == report.months[1][1].visits
    assert sheet["A3"].value == report.totals.visits


def test_a_header_placeholder_is_filled_with_its_ampersands_kept(ctx, venue, tmp_path):
    """In a printed header & starts a code (&P is the page): a name's & is written &&."""
    settings.set_project_name(ctx, "居場所&相談事業")
    book = Workbook()
    book.active["A1"] = "{{事業名}}"
    book.active.oddHeader.center.text = "&P {{事業名}}"
    book.save(tmp_path / "form.xlsx")
    template = read_form(tmp_path / "form.xlsx")
    fill_form(ctx, template, period_report(ctx, month_period(2026, 11)), tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet["A1"].value == "居場所&相談事業"
    assert sheet.oddHeader.center.text == "&P 居場所&&相談事業"


# -- refusals ---------------------------------------------------------------------------


def form_with(folder: Path, cells: dict[str, Any], name: str = "form.xlsx") -> FormTemplate:
    book = Workbook()
    for coordinate, value in cells.items():
        book.active[coordinate] = value
    path = folder / name
    book.save(path)
    return read_form(path)


def test_unknown_placeholders_are_listed_and_nothing_is_written(demo, tmp_path):
    template = form_with(
        tmp_path,
        {"A1": "{{来場者数}}", "B2": "合計 {{来場しゃ数}} 人", "C3": "{{来場者数@4月}}"},
    )
    report = period_report(demo, month_period(2026, 11))
    plan = plan_form(template, field_catalogue(demo), demo, report)
    assert [(p.sheet, p.cell, p.placeholder) for p in plan.problems] == [
        ("Sheet", "B2", "来場しゃ数"),
        ("Sheet", "C3", "来場者数@4月"),
    ]
    target = tmp_path / "out" / "filled.xlsx"
    with pytest.raises(KioskError) as refused:
        fill_form(demo, template, report, target)
    assert refused.value.code == "form_unknown_placeholders"
    assert refused.value.params["count"] == 2
    assert "Sheet!B2 {{来場しゃ数}}" in refused.value.params["places"]
    assert not target.exists() and not (tmp_path / "out").exists()


def xlsx_bytes(cells: dict[str, Any]) -> bytes:
    book = Workbook()
    for coordinate, value in cells.items():
        book.active[coordinate] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(data: bytes, part: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            copy.writestr(item, source.read(item))
        copy.writestr(part, b"\x89PNG")
    return out.getvalue()


def chart_form() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"], sheet["B1"] = 1, 2, "{{visits}}"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    sheet.add_chart(chart, "D2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = xlsx_bytes({"A1": "{{visits}}"})
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"name,visits\nA,1\n", "form_not_xlsx"),
        (GOOD[: len(GOOD) // 2], "form_damaged"),
        (CFB + "EncryptionInfo".encode("utf-16-le") + bytes(100), "form_encrypted"),
        (CFB, "form_old_xls"),
        (with_part(GOOD, "xl/media/image1.png"), "form_has_drawings"),
        (chart_form(), "form_has_drawings"),
        (with_part(GOOD, "xl/vbaProject.bin"), "form_has_drawings"),
        (xlsx_bytes({"A1": "来場者数", "B1": 12, "C1": "{ not one }"}), "form_no_placeholders"),
    ],
    ids=["csv", "cut short", "encrypted", "xls", "picture", "chart", "macro", "no placeholder"],
)
def test_forms_that_cannot_be_filled_are_refused(data, code):
    with pytest.raises(KioskError) as refused:
        form_from_bytes("様式.xlsx", data)
    assert refused.value.code == code


def test_a_missing_form_is_a_message(tmp_path):
    with pytest.raises(KioskError) as refused:
        read_form(tmp_path / "nowhere.xlsx")
    assert refused.value.code == "form_unreadable"


# -- the command line ---------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_args(demo: AppContext) -> list[str]:
    assert demo.data_dir is not None
    return ["--data-dir", str(demo.data_dir)]


def test_cli_fills_the_month_form(capsys, demo_args, tmp_path):
    target = tmp_path / "filled.xlsx"
    code, out, err = run(
        capsys,
        "export",
        "month",
        "--month",
        "2026-11",
        "--template",
        str(MONTH_FORM),
        "-o",
        str(target),
        *demo_args,
    )
    assert (code, err) == (0, "")
    assert f"記入しました: {target}（16か所、令和8年11月）" in out
    assert isinstance(load_workbook(target)["月次報告"]["B9"].value, int)


def test_cli_fills_a_range_and_a_fiscal_year(capsys, demo_args, tmp_path):
    form = tmp_path / "form.xlsx"
    form.write_bytes(xlsx_bytes({"A1": "{{visits}}", "A2": "{{期間}}"}))
    code, out, _ = run(
        capsys,
        "export",
        "range",
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-30",
        "--template",
        str(form),
        "-o",
        str(tmp_path / "range.xlsx"),
        *demo_args,
    )
    assert code == 0 and "2か所" in out
    code, out, _ = run(
        capsys,
        "export",
        "fiscal-year",
        "--year",
        "2026",
        "--template",
        str(YEAR_FORM),
        "-o",
        str(tmp_path / "year.xlsx"),
        "--lang",
        "en",
        *demo_args,
    )
    assert code == 0 and "cells, FY2026" in out


def test_cli_refuses_unknown_placeholders_and_writes_nothing(capsys, demo_args, tmp_path):
    target = tmp_path / "filled.xlsx"
    code, _, err = run(
        capsys,
        "export",
        "month",
        "--month",
        "2026-11",
        "--template",
        str(YEAR_FORM),  # a fiscal year's form: its April row is not in November
        "-o",
        str(target),
        *demo_args,
    )
    assert code != 0 and not target.exists()
    assert "年度実績!B13  {{来場者数@4月}}  (その月は報告の期間にありません)" in err
    assert "tsunagari: 様式に記入できない差し込み欄が34か所あります" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_file_that_is_not_a_form(capsys, demo_args, tmp_path):
    form = tmp_path / "form.xlsx"
    form.write_text("not a workbook", encoding="utf-8")
    code, _, err = run(
        capsys, "export", "month", "--month", "2026-11", "--template", str(form),
        "-o", str(tmp_path / "out.xlsx"), *demo_args,
    )  # fmt: skip
    assert code != 0 and "Excel ブック（.xlsx）ではありません" in err
    assert not (tmp_path / "out.xlsx").exists()


def test_cli_lists_every_field(capsys, demo_args, demo):
    code, out, _ = run(capsys, "export", "fields", *demo_args)
    assert code == 0
    for f in field_catalogue(demo).fields:
        assert f"{{{{{f.key}}}}}  {f.label('ja')}" in out
    assert "[来場]" in out and "[目標と達成率]" in out
    code, out, _ = run(capsys, "export", "fields", "--lang", "en", *demo_args)
    assert "{{visits.total}}  Visits (visits)" in out


def test_cli_range_report_as_csv(capsys, demo_args, tmp_path):
    target = tmp_path / "range.csv"
    code, out, _ = run(
        capsys, "export", "range", "--from", "2026-10-01", "--to", "2026-11-30",
        "--format", "csv", "-o", str(target), *demo_args,
    )  # fmt: skip
    written = target.with_suffix(".zip")  # months and venues: two tables, one CSV each
    assert code == 0 and written.exists() and not target.exists()
    assert "2026-10-01〜2026-11-30" in out and str(written) in out
