"""Retire a PC: erase every visitor record it holds, once its data has reached the coordinator.

A laptop goes back to a rental pool or to another project; what it held
about the women who came must not go with it. Retiring deletes the database,
its WAL companions, every copy set aside, every backup and every printed
label file in the data folder. It is refused while rows have never been
exported, unless the coordinator confirms that they may be lost.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.paths import DataFolder
from kiosk.core.scratch import SCRATCH
from kiosk.exchange.export import unexported_rows

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetireResult:
    removed: int  # files deleted
    unexported: int  # rows that were never exported (lost, as confirmed)


def retire_device(ctx: AppContext, folder: DataFolder, confirmed: bool = False) -> RetireResult:
    """Erase `folder`'s data. `ctx` must be open on it; its engine is closed here."""
    pending = unexported_rows(ctx)
    if pending and not confirmed:
        raise KioskError("device_has_unexported", rows=pending)
    ctx.close()
    removed = 0
    try:
        for path in _our_files(folder):
            if path.is_dir():
                removed += sum(1 for p in path.rglob("*") if p.is_file())
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
                removed += 1
    except OSError as exc:
        raise StorageError("read_only", path=str(folder.root)) from exc
    log.info("device retired: %d files erased", removed)
    return RetireResult(removed, pending)


def _our_files(folder: DataFolder) -> list[Path]:
    base = folder.database
    found = [p for p in folder.root.glob(base.name + "*")]  # the file, -wal, -shm, set aside
    found += [p for p in (folder.backups, folder.labels, folder.root / SCRATCH) if p.exists()]
    return found
