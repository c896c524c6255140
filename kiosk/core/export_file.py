"""What every exporter returns: a name, a type, the bytes (pretix's shape).

The CSV and PDF makers of the reports, the survey results and the audit log
all hand one back; the screens and the CLI write it where the person chose.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FORMATS = ("csv", "pdf", "xlsx")  # what a report can be saved as


@dataclass(frozen=True)
class ExportFile:
    """What every exporter returns (pretix's shape): a name, a type, the bytes."""

    filename: str
    mimetype: str
    data: bytes


def path_for(target: Path, exported: ExportFile) -> Path:
    """The target with the file's own ending: a CSV export of several tables is a .zip."""
    ending = Path(exported.filename).suffix
    if not ending or target.suffix.lower() == ending:
        return target
    return target.with_suffix(ending) if target.suffix.lower() in (".csv", ".zip") else target
