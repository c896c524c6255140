"""Write a file so that a reader never sees half of it: temp file, fsync, rename.

An export that fails (full disk, folder not writable) leaves no partial
file behind and raises a coded error naming the path.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kiosk.core.errors import KioskError


@contextlib.contextmanager
def atomic_output(target: Path, error_code: str = "export_write_failed") -> Iterator[BinaryIO]:
    """A binary file to stream into; it appears at `target` only if the block succeeds.

    For files too big to build in memory first (the exchange file).
    """
    target = Path(target)
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w+b") as out:
            yield out
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


def write_atomically(target: Path, data: bytes, error_code: str = "export_write_failed") -> Path:
    with atomic_output(target, error_code) as out:
        out.write(data)
    return Path(target)
