"""Qt dates as Python dates, typed.

PySide6's QDate.toPython() is typed as returning `object`; every screen
that reads a date edit wants a `date`, so the conversion lives here once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def python_date(qdate: QDate) -> date:
    """The calendar day a QDate names."""
    return date(qdate.year(), qdate.month(), qdate.day())
