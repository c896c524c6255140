"""A day as a form or a file gives it: a date, or its text (2026-11-22, also 2026/11/22).

Shared by every record that belongs to a day (consultations, paper days), so
none of them has to import another feature to read a date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kiosk.core.errors import KioskError

_ISO_DAY = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


def parse_day(value: date | str) -> date:
    """A date, or text like 2026-11-22 (also 2026/11/22); anything else is refused."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _ISO_DAY.fullmatch(text)
    if match:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            pass  # 2026-02-30: a real format, not a real day; refused below
    raise KioskError("date_invalid", value=text[:20])
