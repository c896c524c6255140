"""What every exporter returns: a name, a type, the bytes (pretix's shape).

The CSV and PDF makers of the reports, the survey results and the audit log
all hand one back; the screens and the CLI write it where the person chose.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("csv", "pdf")  # what a report can be saved as


@dataclass(frozen=True)
class ExportFile:
    """What every exporter returns (pretix's shape): a name, a type, the bytes."""

    filename: str
    mimetype: str
    data: bytes
