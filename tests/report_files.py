"""Reading the report files back as a clerk's spreadsheet would: CSV, zip of CSVs, xlsx."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from openpyxl import load_workbook


def csv_rows(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding))))


def csv_tables(data: bytes, encoding: str = "utf-8-sig") -> dict[str, list[list[str]]]:
    """Member name's last part (kpi, months, venues) → rows; a lone CSV is "table"."""
    if not data.startswith(b"PK"):
        return {"table": csv_rows(data, encoding)}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            PurePosixPath(name).stem.rsplit("-", 1)[-1]: csv_rows(archive.read(name), encoding)
            for name in archive.namelist()
        }


def number(cell: str) -> Decimal:
    """A number cell as a spreadsheet reads it; anything else fails the test."""
    try:
        return Decimal(cell)
    except InvalidOperation:
        raise AssertionError(f"not a number: {cell!r}") from None


def xlsx_tables(source: bytes | Path) -> dict[str, list[tuple[object, ...]]]:
    """Sheet title → its rows from the table's header down (the heading rows left out)."""
    book = load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source)
    out = {}
    for sheet in book.worksheets:
        header = int(sheet.print_title_rows.split(":")[0].lstrip("$"))
        out[sheet.title] = list(sheet.iter_rows(min_row=header, values_only=True))
    return out
