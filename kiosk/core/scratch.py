"""A private folder for a file while it is being made or read, removed when done.

Exchange files are zipped here before they are sealed, and unsealed here
before they are read: their plain content never lies on a USB stick, nor
in a shared temp folder. It is the data folder's `tmp/` (0700, like the
data folder), or the system's temp folder for a database on a server with
no data folder. What a killed process leaves there is deleted by the next
retention purge after a day (kiosk/care/data_files.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.core.context import AppContext
from kiosk.core.errors import StorageError

SCRATCH = "tmp"


@contextmanager
def scratch_folder(ctx: AppContext) -> Iterator[Path]:
    base = ctx.files_dir / SCRATCH if ctx.files_dir is not None else None
    try:
        if base is not None:
            base.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            base.mkdir(mode=0o700, exist_ok=True)
        made = Path(tempfile.mkdtemp(prefix="exchange-", dir=base))  # 0700
    except OSError as exc:
        raise StorageError("read_only", path=str(base or tempfile.gettempdir())) from exc
    try:
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)
        if base is not None:
            with contextlib.suppress(OSError):  # only when empty: another may be using it
                os.rmdir(base)
