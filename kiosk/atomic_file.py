"""Write a file so that a reader never sees half of it: temp file, fsync, rename.

An export that fails (full disk, folder not writable) leaves no partial
file behind and raises a coded error naming the path.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from kiosk.errors import KioskError


def write_atomically(target: Path, data: bytes, error_code: str = "export_write_failed") -> Path:
    target = Path(target)
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise KioskError(error_code, path=str(target)) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return target
