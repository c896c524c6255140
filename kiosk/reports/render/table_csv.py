"""Report tables as CSV: one table per file, a zip of files when a report has several.

A CSV file holds one table with one header row, so Excel opens it as a
table and every number cell is a number (the units are in the header). A
report of several tables (a fiscal year: KPI, months, venues) becomes a zip
whose members say what each holds: tsunagari-report-FY2026-kpi.csv,
-months.csv, -venues.csv (ASCII names: every zip tool on a city PC reads
them). Cells are formula-safe and the encoding is UTF-8 with BOM or cp932
(kiosk/core/csv_cells.py).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime

from kiosk.core.csv_cells import render_csv
from kiosk.core.export_file import ExportFile
from kiosk.reports.tables import Table

CSV_TYPE = "text/csv"
ZIP_TYPE = "application/zip"


def table_csv(table: Table, encoding: str) -> bytes:
    return render_csv(table.header, (row.values for row in table.rows), encoding)


def render_tables_csv(tables: Sequence[Table], stem: str, encoding: str) -> ExportFile:
    """One table: <stem>.csv; several: <stem>.zip holding <stem>-<table>.csv each."""
    if len(tables) == 1:
        return ExportFile(f"{stem}.csv", CSV_TYPE, table_csv(tables[0], encoding))
    buffer = io.BytesIO()
    stamp = datetime.now().timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            member = zipfile.ZipInfo(f"{stem}-{table.name}.csv", date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, table_csv(table, encoding))
    return ExportFile(f"{stem}.zip", ZIP_TYPE, buffer.getvalue())
