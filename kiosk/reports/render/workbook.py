"""Report tables as an Excel workbook (.xlsx): one sheet per table, ready to print.

Each sheet: the heading (project, period with era dates, table, venue) and
作成日 above the table; a styled header row; real number cells with number
formats (#,##0 for counts, 0.0 for percents); the header rows and the label
columns frozen; printed on A4, fit to the page's width (as many pages down
as it takes), landscape when the table is wide, the header row repeated on
every page and 「N / M」 in the footer (a table of more than 16 figure columns,
the daily sheet, spreads over a few pages across, each repeating the label
columns); column widths that fit Japanese
labels. openpyxl writes it (a well-kept library, rather than OOXML by hand)
in write-only mode, which streams rows: a year of days in well under a second.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kiosk.core.export_file import ExportFile
from kiosk.reports.tables import TEXT, Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_ROW = 4  # 1: the heading, 2: 作成日, 3: empty, 4: the table's header
WIDE = 8  # columns from which a sheet prints landscape
FIGURES_ON_ONE_PAGE = 16  # figure columns that still read well across one landscape A4
FIGURES_PER_PAGE = 12  # …and on each page across, for a wider table
SHEET_NAME_MAX = 31
FORBIDDEN = str.maketrans({c: "・" for c in "[]:*?/\\"})
LABEL_WIDTH_MAX = 40
NUMBER_WIDTH_MIN, NUMBER_WIDTH_MAX = 8, 12
LINE_HEIGHT = 14  # points, a line of 11-point text

TITLE_FONT = Font(bold=True, size=13)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
THIN = Side(style="thin", color="808080")
HEADER_BORDER = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


def sheet_name(name: str, taken: set[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\, unique."""
    base = name.translate(FORBIDDEN).strip("'") or "Sheet"
    candidate, n = base[:SHEET_NAME_MAX], 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def display_width(value: object) -> int:
    """Columns a text takes in a spreadsheet: a full-width character counts two."""
    shown = value.isoformat() if isinstance(value, date) else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in shown)


def render_workbook(tables: Sequence[Table], filename: str) -> ExportFile:
    book = Workbook(write_only=True)
    taken: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.sheet, taken))
        _fill(sheet, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return ExportFile(filename, XLSX_TYPE, buffer.getvalue())


def _fill(sheet: WriteOnlyWorksheet, table: Table) -> None:
    """Set the sheet up (everything before the first row is written), then stream rows."""
    width = len(table.header)
    widths = _widths(table)
    for index, chars in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = chars
    # The header's height for its longest wrapped heading (no spreadsheet fits it on opening).
    lines = max(
        math.ceil(display_width(h) / max(w - 1, 1))
        for h, w in zip(table.header, widths, strict=True)
    )
    sheet.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * max(lines, 1) + 4
    sheet.freeze_panes = f"{get_column_letter(table.labels + 1)}{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.orientation = "landscape" if width >= WIDE else "portrait"
    # Fit to the page's width; a table too wide to read on one page (a day's seventy
    # figures) spreads over a few pages across, each repeating the label columns.
    figures = width - table.labels
    setup.fitToWidth = (
        1 if figures <= FIGURES_ON_ONE_PAGE else math.ceil(figures / FIGURES_PER_PAGE)
    )
    setup.fitToHeight = 0  # as many pages down as the rows need
    if setup.fitToWidth > 1:
        sheet.print_title_cols = f"A:{get_column_letter(table.labels)}"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "&P / &N"
    sheet.oddFooter.right.text = table.made_on

    title = _text_cell(sheet, table.title)
    title.font = TITLE_FONT
    sheet.append([title])
    sheet.append([_text_cell(sheet, table.made_on)])
    sheet.append([])
    header = []
    for heading in table.header:
        cell = _text_cell(sheet, heading)
        cell.font, cell.fill, cell.border, cell.alignment = (
            HEADER_FONT,
            HEADER_FILL,
            HEADER_BORDER,
            HEADER_ALIGN,
        )
        header.append(cell)
    sheet.append(header)
    # One styled cell per column and format, reused row after row: a write-only sheet
    # writes a row out as it is appended, and styling a new cell each time would cost
    # most of a year's export.
    styled: dict[tuple[int, str], WriteOnlyCell] = {}
    for row in table.rows:
        cells: list[object] = []
        for index, (value, fmt) in enumerate(zip(row.values, row.formats, strict=True)):
            if isinstance(value, str) and value.startswith("="):
                cells.append(_text_cell(sheet, value))  # a name, never a formula
                continue
            if fmt == TEXT or value is None:
                cells.append(value)
                continue
            cell = styled.get((index, fmt))
            if cell is None:
                cell = styled[index, fmt] = _StyledCell(worksheet=sheet)
                cell.number_format = fmt
            cell.value = value
            cells.append(cell)
        sheet.append(cells)


def _text_cell(sheet: WriteOnlyWorksheet, value: str) -> Cell:
    """A text, even one a spreadsheet would run as a formula (a venue named 「=1+2」)."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


class _StyledCell(Cell):  # type: ignore[misc]  # openpyxl has no type hints
    """A write-only sheet takes a styled cell by first trying it as a value, and the
    refusal's message prints the cell: a short repr keeps that cheap (a year's daily
    sheet is 40,000 such cells)."""

    def __repr__(self) -> str:
        return "<cell>"


def _widths(table: Table) -> list[float]:
    """Label columns as wide as their longest text; figures as their heading (wrapped)."""
    out: list[float] = []
    for index, heading in enumerate(table.header):
        if index < table.labels:
            longest = max(
                [display_width(heading), *(display_width(r.values[index]) for r in table.rows)]
            )
            out.append(min(round(longest * 1.1) + 2, LABEL_WIDTH_MAX))
        else:
            digits = max(
                (len(f"{v:,}") for r in table.rows[:400] if isinstance(v := r.values[index], int)),
                default=1,
            )
            wanted = max(display_width(heading) + 2, digits + 3, NUMBER_WIDTH_MIN)
            out.append(min(wanted, NUMBER_WIDTH_MAX))
    return out
