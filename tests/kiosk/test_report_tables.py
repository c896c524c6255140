"""The report files the city office gets: CSV with numbers in number cells, one table per
file (a zip of them), and Excel workbooks that hold the same figures, ready to print.

Everything is read back as a clerk's spreadsheet would read it (csv, zipfile,
openpyxl, pypdf), from a demo of eight months at three venues.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.export_file import ExportFile
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.door import venues
from kiosk.reports import daily_export, period_export
from kiosk.reports.daily_export import ExportRequest
from kiosk.reports.period import fiscal_year_period, month_period, range_period
from kiosk.reports.period_export import PeriodRequest
from kiosk.reports.render.workbook import SHEET_NAME_MAX, sheet_name
from tests.conftest import JST, FakeClock
from tests.report_files import csv_tables, number, xlsx_tables

TODAY = date(2026, 12, 1)
LABELS = {"日付", "和暦", "会場", "開催", "区分", "項目", "単位", "目標・KPI", "種別"}
# Where a cell may be empty: no figure (a rate with no answers, a metric with no target).
MAY_BE_EMPTY = ("（%）", "目標", "比率")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> DataFolder:
    folder = DataFolder(tmp_path_factory.mktemp("tables-demo"))
    build_demo(folder, seed=7, days=240, today=TODAY, tz=JST)
    return folder


@pytest.fixture(scope="module")
def demo(demo_folder: DataFolder) -> AppContext:
    ctx = open_database(folder=demo_folder)
    yield replace(ctx, clock=FakeClock(datetime(2026, 12, 1, 10, 0, tzinfo=JST)))
    ctx.close()


def first_venue(ctx: AppContext) -> str:
    return venues.list_venues(ctx)[0].id


def daily(ctx: AppContext, fmt: str, first: date, last: date, **kw: object) -> ExportFile:
    request = ExportRequest(first, last, (), fmt, **kw)  # type: ignore[arg-type]
    return daily_export.render(ctx, request)[0]


def period(ctx: AppContext, fmt: str, which: str, **kw: object) -> ExportFile:
    chosen = {
        "month": month_period(2026, 11),
        "fiscal year": fiscal_year_period(2026),
        "range": range_period(date(2026, 8, 1), date(2026, 10, 15)),
    }[which]
    return period_export.render(ctx, PeriodRequest(chosen, format=fmt, **kw))  # type: ignore[arg-type]


CSV_CASES = {
    "daily, one date": lambda ctx, enc: daily(
        ctx, "csv", date(2026, 11, 1), date(2026, 11, 1), encoding=enc
    ),
    "daily, a range": lambda ctx, enc: daily(
        ctx, "csv", date(2026, 6, 1), date(2026, 11, 30), encoding=enc
    ),
    "daily, long": lambda ctx, enc: daily(
        ctx, "csv", date(2026, 10, 1), date(2026, 11, 30), encoding=enc, long=True
    ),
    "month": lambda ctx, enc: period(ctx, "csv", "month", encoding=enc),
    "fiscal year": lambda ctx, enc: period(ctx, "csv", "fiscal year", encoding=enc),
    "range": lambda ctx, enc: period(ctx, "csv", "range", encoding=enc),
}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
@pytest.mark.parametrize("case", list(CSV_CASES))
def test_every_number_cell_of_every_csv_parses_as_a_number(demo, case, encoding):
    exported = CSV_CASES[case](demo, encoding)
    tables = csv_tables(exported.data, encoding)
    figures = 0
    for name, rows in tables.items():
        header, body = rows[0], rows[1:]
        assert body, name
        labels = sum(1 for h in header if h in LABELS)
        assert header[:labels] == [h for h in header if h in LABELS], "labels on the left"
        for row in body:
            assert len(row) == len(header), (name, row)
            for heading, cell in zip(header[labels:], row[labels:], strict=True):
                if cell == "":  # no figure: only a rate or a KPI without a target
                    label = heading if "（%）" in heading else " ".join(row[:labels])
                    assert any(m in heading or m in label for m in MAY_BE_EMPTY), (name, heading)
                    continue
                number(cell)  # 「200回」, 「66.7%」 or 「—」 would fail here
                figures += 1
    assert figures > 50
    cells = {c for rows in tables.values() for row in rows for c in row}
    assert not {"—", "―"} & cells


def test_the_units_are_in_the_headers(demo):
    kpi = csv_tables(period(demo, "csv", "fiscal year").data)["kpi"]
    assert kpi[0] == ["区分", "目標・KPI", "種別", "単位", "目標", "実績", "達成率（%）", "比率"]
    rate = next(r for r in kpi if r[1] == "満足度")
    assert rate[3] == "%" and Decimal(rate[5]) > 50  # 93.5, not 「93.5%」
    months = csv_tables(period(demo, "csv", "fiscal year").data)["months"]
    assert months[0][:4] == ["区分", "項目", "単位", "4月"] and months[0][-1] == "合計"
    assert ["来場", "来場者数（延べ人数）", "人"] in [r[:3] for r in months]
    assert ["アンケート", "満足度（%）", "%"] in [r[:3] for r in months]
    [day] = csv_tables(daily(demo, "csv", date(2026, 11, 1), date(2026, 11, 1)).data).values()
    assert day[0][-1] == "アンケート：満足度（%）"


def test_a_report_of_several_tables_is_a_zip_of_one_table_per_file(demo, tmp_path):
    exported = period(demo, "csv", "fiscal year")
    assert exported.filename == "tsunagari-report-FY2026.zip"
    assert exported.mimetype == "application/zip"
    tables = csv_tables(exported.data)
    assert list(tables) == ["kpi", "months", "venues"]
    for rows in tables.values():
        assert all(rows) and {len(r) for r in rows} == {len(rows[0])}  # one block, no gaps
    venue_names = [v.name for v in venues.list_venues(demo)]
    assert tables["venues"][0][3:] == [*venue_names, "全会場"]
    # One venue's month has one table: one plain CSV.
    one = period_export.render(
        demo, PeriodRequest(month_period(2026, 11), first_venue(demo), "csv")
    )
    assert (one.filename, one.mimetype) == ("tsunagari-report-2026-11.csv", "text/csv")
    # Asked for report.csv, the command line writes report.zip: the file is what it says.
    request = PeriodRequest(fiscal_year_period(2026), format="csv")
    written = period_export.export_period(demo, request, tmp_path / "report.csv")
    assert written == tmp_path / "report.zip" and written.read_bytes()[:2] == b"PK"
    assert not (tmp_path / "report.csv").exists()


def test_the_workbook_is_set_up_to_read_and_print(demo):
    exported = period(demo, "xlsx", "fiscal year")
    assert exported.filename == "tsunagari-report-FY2026.xlsx"
    book = load_workbook(io.BytesIO(exported.data))
    assert book.sheetnames == ["目標・KPI", "月別実績", "会場別実績"]
    months = book["月別実績"]
    assert months["A1"].value == (
        "NPO法人 つながりネット　令和8年度（令和8年4月1日〜令和9年3月31日）　月別実績　全会場"
    )
    assert months["A2"].value == "作成日　令和8年12月1日"
    assert [c.value for c in months[4]][:4] == ["区分", "項目", "単位", "4月"]
    assert months["A4"].font.b and months["A4"].fill.fgColor.rgb.endswith("DDE5F0")
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert sheet.print_title_rows == "$4:$4"  # the header on every printed page
        assert (setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (9, 1, 0)  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert book["目標・KPI"].freeze_panes == "E5"  # header rows and 区分…単位
    assert months.freeze_panes == "D5"
    assert months.page_setup.orientation == "landscape"  # 16 columns
    by_label = {row[1].value: row for row in months.iter_rows(min_row=5)}
    visits = by_label["来場者数（延べ人数）"]
    assert all(c.number_format == "#,##0" and isinstance(c.value, int) for c in visits[3:])
    rate = by_label["満足度（%）"]
    assert {c.number_format for c in rate[3:] if c.value is not None} == {"0.0"}
    kpi = {row[1].value: row for row in book["目標・KPI"].iter_rows(min_row=5)}
    assert [c.number_format for c in kpi["開催回数"][4:]] == ["#,##0", "#,##0", "0", "0.00"]
    widths = {k: d.width for k, d in months.column_dimensions.items()}
    assert widths["B"] >= 2 * len("来場者数（延べ人数）")  # full-width labels fit
    assert widths["A"] < widths["B"] and widths["D"] < widths["B"]


def test_sheet_names_are_ones_excel_accepts():
    taken: set[str] = set()
    name = sheet_name("会場/東部[第2]:*?" + "あ" * 40, taken)
    assert len(name) <= SHEET_NAME_MAX and not set("[]:*?/\\") & set(name)
    again = sheet_name("会場/東部[第2]:*?" + "あ" * 40, taken)
    assert again != name and len(again) <= SHEET_NAME_MAX


def _same(xlsx_value: object, csv_cell: str) -> bool:
    if xlsx_value is None:
        return csv_cell == ""
    if isinstance(xlsx_value, datetime):
        return xlsx_value.date().isoformat() == csv_cell
    if isinstance(xlsx_value, int | float) and csv_cell:
        return Decimal(str(xlsx_value)) == Decimal(csv_cell)
    return str(xlsx_value) == csv_cell


XLSX_CASES = {
    "fiscal year": (
        lambda ctx, fmt: period(ctx, fmt, "fiscal year"),
        ["kpi", "months", "venues"],
    ),
    "range": (lambda ctx, fmt: period(ctx, fmt, "range"), ["months", "venues"]),
    "daily, a range": (
        lambda ctx, fmt: daily(ctx, fmt, date(2026, 6, 1), date(2026, 11, 30)),
        ["table"],
    ),
    "daily, long": (
        lambda ctx, fmt: daily(ctx, fmt, date(2026, 11, 1), date(2026, 11, 30), long=True),
        ["table"],
    ),
}


@pytest.mark.parametrize("case", list(XLSX_CASES))
def test_the_workbook_holds_the_csv_figures_cell_for_cell(demo, case):
    make, names = XLSX_CASES[case]
    from_csv = csv_tables(make(demo, "csv").data)
    from_xlsx = xlsx_tables(make(demo, "xlsx").data)
    assert list(from_csv) == names and len(from_xlsx) == len(names)
    for name, sheet in zip(names, from_xlsx.values(), strict=True):
        rows = from_csv[name]
        assert len(sheet) == len(rows), name
        for got, want in zip(sheet, rows, strict=True):
            assert len(got) == len(want)
            bad = [(g, w) for g, w in zip(got, want, strict=True) if not _same(g, w)]
            assert not bad, (name, want[:3], bad[:3])


NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def _grouped(value: str) -> str:
    n = Decimal(value)
    return f"{n:,}" if n == n.to_integral_value() and "." not in value else f"{n:,.1f}"


def test_the_pdf_prints_the_same_figures(demo):
    """The totals and the KPI figures of the fiscal year, and a day's figures, are in the
    PDFs' text, written as people read them ("1,658", "93.5"): compared as sets of numbers,
    whatever the PDF's layout."""
    tables = csv_tables(period(demo, "csv", "fiscal year").data)
    wanted = {_grouped(r[-1]) for r in tables["months"][1:] if r[-1]}
    wanted |= {_grouped(c) for r in tables["kpi"][1:] for c in r[4:6] if c}
    pdf = period(demo, "pdf", "fiscal year").data
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    printed = set(NUMBER.findall(text))
    assert "1,000" in wanted or any("," in w for w in wanted)  # the test reads grouped numbers
    assert wanted - printed == set()
    day, venue = date(2026, 11, 1), first_venue(demo)
    request = ExportRequest(day, day, (venue,), "csv")
    [row] = csv_tables(daily_export.render(demo, request)[0].data)["table"][1:]
    pdf = daily_export.render(demo, replace(request, format="pdf"))[0].data
    printed = set(
        NUMBER.findall("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    )
    assert {_grouped(c) for c in row[4:] if c} - printed == set()


def test_a_year_of_daily_figures_is_one_workbook_of_one_sheet(demo, tmp_path: Path):
    exported = daily(demo, "xlsx", date(2026, 4, 1), date(2026, 11, 30))
    assert re.fullmatch(r"tsunagari-daily-2026-04-\d\d_2026-11-\d\d\.xlsx", exported.filename)
    [sheet] = load_workbook(io.BytesIO(exported.data)).worksheets
    assert sheet.title == "日計" and sheet.freeze_panes == "E5"
    assert sheet["A5"].is_date and sheet["A5"].number_format == "yyyy-mm-dd"
    assert (
        sheet.max_row - 4
        == len(csv_tables(daily(demo, "csv", date(2026, 4, 1), date(2026, 11, 30)).data)["table"])
        - 1
    )


def test_the_command_line_writes_workbooks_and_a_zip(demo_folder, tmp_path, capsys):
    from kiosk.cli.main import main

    base = ["--data-dir", str(demo_folder.root), "export"]
    book = tmp_path / "fy.xlsx"
    assert main([*base, "fiscal-year", "--year", "2026", "--format", "xlsx", "-o", str(book)]) == 0
    assert load_workbook(book).sheetnames == ["目標・KPI", "月別実績", "会場別実績"]
    asked = tmp_path / "month.csv"
    assert main([*base, "month", "--month", "2026-11", "--format", "csv", "-o", str(asked)]) == 0
    assert str(tmp_path / "month.zip") in capsys.readouterr().out  # it says what it wrote
    assert list(csv_tables((tmp_path / "month.zip").read_bytes())) == ["months", "venues"]
    day = tmp_path / "day.xlsx"
    args = ["daily", "--date", "2026-11-01", "--long", "--format", "xlsx", "-o", str(day)]
    assert main([*base, *args]) == 0
    assert load_workbook(day).sheetnames == ["日計（項目別）"]


def test_a_name_that_looks_like_a_formula_stays_text_in_the_workbook():
    from kiosk.reports.render.workbook import render_workbook
    from kiosk.reports.tables import COUNT, TEXT, Row, Table

    rows = (Row(("=HYPERLINK(1)", 3), (TEXT, COUNT)), Row(("+1", 4), (TEXT, COUNT)))
    table = Table("t", "t", "=title", ("=会場", "来場"), rows, 1)
    sheet = load_workbook(io.BytesIO(render_workbook([table], "t.xlsx").data)).worksheets[0]
    assert (sheet["A5"].value, sheet["A5"].data_type) == ("=HYPERLINK(1)", "s")
    assert sheet["A4"].data_type == "s" and sheet["A1"].data_type == "s"
    assert sheet["B5"].value == 3


def test_the_english_kpi_unit_column_names_a_unit_for_counts_too(ctx):
    """English writes no counter after a number; the unit column must still say one."""
    from kiosk.reports.kpi import kpi_rows
    from kiosk.reports.period import fiscal_year_period, period_report

    rows = {r.metric: r for r in kpi_rows(ctx, period_report(ctx, fiscal_year_period(2026)), "en")}
    assert rows["Openings"].unit == "" and rows["Openings"].unit_name == "events"
    assert rows["Satisfaction rate"].unit_name == "%"
    assert {r.unit_name for r in kpi_rows(ctx, period_report(ctx, fiscal_year_period(2026)))} >= {
        "回",
        "人",
        "件",
        "%",
    }
