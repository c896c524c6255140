"""How a figure is written for people: thousands separators, a percent sign, a dash.

The report models hold numbers (an int, a Decimal percent, or None where there
is no figure, e.g. a satisfaction rate with no answers); the CSV and the Excel
workbook write them as numbers, and the screens and the PDFs write them
through here, so "2,471", "85.0%" and "—" read the same everywhere.
"""

from __future__ import annotations

from decimal import Decimal

NO_FIGURE = "—"
FigureValue = int | Decimal | None  # a count, a percent (one decimal), or no figure


def grouped(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """2471 → "2,471"; 12.5 → "12.5"; a whole float → "200"; None → "—"."""
    if value is None:
        return NO_FIGURE
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def figure_text(value: FigureValue | str, percent: bool = False) -> str:
    """A report value for a screen or a PDF ("85.0%" when `percent`)."""
    if isinstance(value, str):
        return value
    shown = grouped(value)
    return f"{shown}%" if percent and value is not None else shown
