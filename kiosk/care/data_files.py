"""Every file Tsunagari keeps in its data folder, and how long each may hold a detail.

The one place that knows them. The retention purge (kiosk/care/retention.py)
erases nicknames and care notes in the database, then walks this list so
that no other file keeps what it erased:

| file                                          | what the purge does                        |
| --------------------------------------------- | ------------------------------------------ |
| tsunagari.sqlite3 (+ -wal, -shm)              | erased in place; the WAL folded in, emptied |
| backups/tsunagari-<reason>-<stamp>.sqlite3    | taken before the cutoff: deleted; else the |
|   (daily, close, manual, import, pre-upgrade) |   same erase inside it                     |
| tsunagari.sqlite3.replaced-<stamp>,           | set aside before the cutoff: deleted; else |
|   .damaged-<stamp> (+ their -wal, -shm)       |   the same erase inside it                 |
| *.partial (backups/, and a restore's)         | deleted: no copy is being written then     |
| a -wal, -shm or -journal with no file beside it | deleted                                  |
| labels/pickup-<day>-….pdf                     | deleted after its day                      |
| tmp/… (an exchange file being made or read)   | deleted a day after it was last written    |
| check-at-next-start, questionnaires/          | nothing personal: left                     |
| demo/                                         | the demo's own invented data: left         |
| anything else                                 | not the app's: left                        |

A copy SQLite cannot open or change (damaged, cut short, not SQLite) cannot
be purged, so privacy decides: a backup is deleted at once (a copy that
fails its check could never be restored anyway); a damaged or replaced file
set aside for someone to rescue is kept DAMAGED_GRACE_DAYS after it was set
aside, then deleted.

Every write to a copy runs with secure_delete on and in rollback-journal
mode, so the erased text is overwritten in the file and no -wal keeps it.
The purge marks each SQLite file in its header (`PRAGMA user_version`,
otherwise unused): 0 means no purge of this release has met it yet, so it
is rewritten once (VACUUM), and text that an SQLite built without
secure_delete left in free space before is gone too; after that the mark is
the day of the last cutoff applied (its ordinal). A copy whose mark is at
or past today's cutoff holds nothing due and is not even opened: the
header is read as bytes, so a start with twenty copies costs nothing.
A copy made by SQLite's backup API carries the mark of its source, which
is right: the source held nothing older either.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from kiosk.care import backups
from kiosk.core.paths import DATABASE_NAME, DataFolder
from kiosk.core.scratch import SCRATCH

log = logging.getLogger(__name__)

COMPANIONS = ("-wal", "-shm", "-journal")
PARTIAL = ".partial"
DAMAGED_GRACE_DAYS = 7
SCRATCH_GRACE_SECONDS = 24 * 3600
# Where SQLite keeps PRAGMA user_version in a file's header (4 bytes, big-endian).
USER_VERSION_AT = 60
QUESTIONNAIRES = "questionnaires"  # kiosk/survey/catalogue.py FOLDER_NAME
_SET_ASIDE = re.compile(
    r"^" + re.escape(DATABASE_NAME) + r"\.(?:replaced|damaged)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?$"
)
_LABEL = re.compile(r"^\.?pickup-(?P<day>\d{4}-\d{2}-\d{2})-")

Kind = Literal[
    "database",  # the live file
    "backup",  # a copy in backups/, of any kind
    "set_aside",  # replaced-<stamp>, damaged-<stamp>
    "partial",  # a copy not yet renamed
    "orphan",  # a -wal, -shm or -journal whose file is gone
    "label",  # a pickup label PDF (or its temporary file)
    "scratch",  # in tmp/: an exchange file being made or read (kiosk/core/scratch.py)
    "marker",  # check-at-next-start
    "questionnaires",  # questionnaire definition files
    "demo",  # the demo database's own folder
    "unknown",  # not made by the app
]


@dataclass(frozen=True)
class KeptFile:
    path: Path
    kind: Kind
    taken: date | None = None  # the day it was copied or set aside (from its name)
    companions: tuple[Path, ...] = ()  # its -wal, -shm, -journal beside it

    def delete(self) -> int:
        """Delete the file and its companions; returns how many files went."""
        gone = 0
        for path in (self.path, *self.companions):
            if path.exists():
                path.unlink()
                gone += 1
        return gone


class Unpurgeable(Exception):
    """SQLite cannot open or change this copy: damaged, cut short, or not SQLite."""


class Busy(Exception):
    """Another program holds this copy just now; the next purge tries again."""


# --- what is there ---------------------------------------------------------------------


def _stamp_day(stamp: str) -> date | None:
    try:
        return datetime.strptime(stamp, backups.STAMP).date()
    except ValueError:
        return None


def _kind_in_root(name: str) -> tuple[Kind, date | None]:
    if name == DATABASE_NAME:
        return "database", None
    if (match := _SET_ASIDE.match(name)) is not None:
        return "set_aside", _stamp_day(match["stamp"])
    if name.endswith(PARTIAL) and name.startswith(Path(DATABASE_NAME).stem):
        return "partial", None
    if name == backups.CHECK_MARKER:
        return "marker", None
    return "unknown", None


def _kind_in_backups(path: Path) -> tuple[Kind, date | None]:
    if path.name.endswith(PARTIAL) and path.name.startswith(Path(DATABASE_NAME).stem):
        return "partial", None
    info = backups.backup_info(path)
    if info is not None:
        return "backup", info.taken.date()
    return "unknown", None


def _sqlite_files(
    folder: Path, classify: Callable[[Path], tuple[Kind, date | None]]
) -> list[KeptFile]:
    """The files of one folder, each SQLite file with its companions beside it."""
    names = {p.name: p for p in folder.iterdir() if p.is_file()}
    found: list[KeptFile] = []
    claimed: set[str] = set()
    for name, path in sorted(names.items()):
        if name.endswith(COMPANIONS):
            continue
        kind, taken = classify(path)
        companions = tuple(names[name + s] for s in COMPANIONS if name + s in names)
        if kind == "unknown":
            companions = ()
        claimed.update(p.name for p in companions)
        found.append(KeptFile(path, kind, taken, companions))
    for name, path in sorted(names.items()):
        if not name.endswith(COMPANIONS) or name in claimed:
            continue
        base = next(name[: -len(s)] for s in COMPANIONS if name.endswith(s))
        kind, _ = classify(path.with_name(base))
        found.append(KeptFile(path, "orphan" if kind != "unknown" else "unknown"))
    return found


def _labels(folder: Path) -> list[KeptFile]:
    found: list[KeptFile] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        match = _LABEL.match(path.name) if path.parent == folder else None
        day = None
        if match is not None:
            try:
                day = date.fromisoformat(match["day"])
            except ValueError:
                day = None
        found.append(KeptFile(path, "label" if day else "unknown", day))
    return found


def inventory(folder: DataFolder) -> list[KeptFile]:
    """Every file under the data folder, each with what it is.

    Folders the app does not make, and files in them, are listed as unknown.
    """
    root = folder.root
    if not root.is_dir():
        return []
    found = _sqlite_files(root, lambda p: _kind_in_root(p.name))
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        if sub == folder.backups:
            found += _sqlite_files(sub, _kind_in_backups)
            found += [KeptFile(p, "unknown") for p in sorted(sub.iterdir()) if p.is_dir()]
        elif sub == folder.labels:
            found += _labels(sub)
        elif sub.name == SCRATCH:
            found += [KeptFile(p, "scratch") for p in sorted(sub.rglob("*")) if p.is_file()]
        elif sub.name == QUESTIONNAIRES:
            found += [KeptFile(p, "questionnaires") for p in sorted(sub.rglob("*"))]
        elif sub == folder.demo.root:
            found += [KeptFile(p, "demo") for p in sorted(sub.rglob("*")) if p.is_file()]
        else:
            found += [KeptFile(p, "unknown") for p in sorted(sub.rglob("*")) if p.is_file()]
    return found


# --- what the purge does to each ----------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    copies: int = 0  # copies purged inside
    deleted: int = 0  # files deleted (expired copies, strays, and their companions)
    backups: int = 0  # of which backups (older than the cutoff, or unreadable)
    kept_damaged: int = 0  # files that cannot be purged, kept for DAMAGED_GRACE_DAYS
    busy: int = 0  # copies another program held, or that could not be deleted: next time


PurgeCopy = Callable[[Path], None]  # raises Unpurgeable or Busy
Outcome = Literal["left", "purged", "deleted", "kept_damaged", "busy"]


def sweep(folder: DataFolder, cutoff: date, today: date, purge_copy: PurgeCopy) -> SweepResult:
    """Apply the purge to every file the app keeps beside the live database.

    The caller has already purged the database itself and holds
    backups.COPY_LOCK, so no copy of this process is being written: every
    .partial found is one a killed copy left (or another program's, whose
    copy then fails with "backup not made": nothing is lost). A file that
    cannot be deleted just now is tried again at the next purge; the
    others are reached all the same.
    """
    outcomes: dict[Outcome, int] = dict.fromkeys(("purged", "kept_damaged", "busy"), 0)
    deleted = expired_backups = 0
    for kept_file in inventory(folder):
        try:
            outcome, gone = _apply(kept_file, cutoff, today, purge_copy)
        except OSError:
            outcome, gone = "busy", 0
        if outcome in outcomes:
            outcomes[outcome] += 1
        deleted += gone
        expired_backups += 1 if outcome == "deleted" and kept_file.kind == "backup" else 0
    result = SweepResult(
        outcomes["purged"], deleted, expired_backups, outcomes["kept_damaged"], outcomes["busy"]
    )
    if result.deleted or result.copies:
        log.info("purge reached %d copies and deleted %d files", result.copies, result.deleted)
    if result.busy:
        log.warning("%d files were in use: they are reached at the next purge", result.busy)
    return result


def _apply(
    kept_file: KeptFile, cutoff: date, today: date, purge_copy: PurgeCopy
) -> tuple[Outcome, int]:
    """What the purge does to one file, and how many files went."""
    kind, taken = kept_file.kind, kept_file.taken
    if kind in ("partial", "orphan"):
        return "deleted", kept_file.delete()
    if kind == "scratch":  # a day old: no export or import takes that long
        age = datetime.now().timestamp() - kept_file.path.stat().st_mtime
        return ("deleted", kept_file.delete()) if age > SCRATCH_GRACE_SECONDS else ("left", 0)
    if kind == "label":
        gone = _expire_label(kept_file, today)
        return ("deleted" if gone else "left"), gone
    if kind not in ("backup", "set_aside"):
        return "left", 0
    if taken is not None and taken < cutoff:
        return "deleted", kept_file.delete()  # everything in it is due
    if (purged_through(kept_file.path) or date.min) >= cutoff:
        return "left", 0  # nothing in it is older than a cutoff already applied
    try:
        purge_copy(kept_file.path)
    except Busy:
        return "busy", 0
    except Unpurgeable:
        young = taken is not None and (today - taken).days < DAMAGED_GRACE_DAYS
        if kind == "set_aside" and young:
            return "kept_damaged", 0  # someone may still rescue it; it goes in a few days
        return "deleted", kept_file.delete()
    return "purged", 0


def _expire_label(label: KeptFile, today: date) -> int:
    # A pickup label holds no nickname and no note, but a code that meant
    # something only on its day.
    return label.delete() if label.taken is not None and label.taken < today else 0


def expire_labels(folder: DataFolder, today: date) -> int:
    """Delete the pickup labels of days before today; returns how many went."""
    if not folder.labels.is_dir():
        return 0
    return sum(_expire_label(f, today) for f in _labels(folder.labels) if f.kind == "label")


# --- SQLite files: WAL and free space --------------------------------------------------


def fold_wal_in(engine: Engine, wait: bool = True) -> bool:
    """Empty the WAL into the file and truncate it, so no old frame keeps erased text
    (or the order in which rows arrived). True when the WAL is now empty.

    wait=False gives up at once when a reader or writer is busy (the
    questionnaire's Send must never wait); the next fold, or closing the
    app, empties it then.
    """
    if engine.dialect.name != "sqlite":
        return True
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if wait:
                row = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            else:
                timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
                conn.exec_driver_sql("PRAGMA busy_timeout=0")
                try:
                    row = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                finally:
                    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(timeout)}")
    except DatabaseError as exc:
        log.warning("folding the WAL in failed: %s", type(exc.orig).__name__)
        return False
    return bool(row[0] == 0)


def purged_through(path: Path) -> date | None:
    """The last cutoff a purge applied to this SQLite file, read from its header."""
    try:
        with path.open("rb") as f:
            header = f.read(USER_VERSION_AT + 4)
    except OSError:
        return None
    if len(header) < USER_VERSION_AT + 4 or not header.startswith(backups.SQLITE_HEADER):
        return None
    mark = int.from_bytes(header[USER_VERSION_AT:], "big", signed=True)
    try:
        return date.fromordinal(mark) if mark > 1 else None
    except ValueError:
        return None


def scrub_and_mark(engine: Engine, cutoff: date) -> bool:
    """After a purge: rewrite the file if no purge met it before, then mark it.

    Returns True when the file was rewritten (VACUUM). secure_delete zeroes
    what is erased from now on; the rewrite clears what an SQLite built
    without it left in free space before. The live database pays it once
    (about 9 s for 300 MB), like every copy.
    """
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        mark = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
        rewrite = mark == 0
        if rewrite:
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
            conn.exec_driver_sql("VACUUM")
        if cutoff.toordinal() > mark:
            conn.exec_driver_sql(f"PRAGMA user_version={cutoff.toordinal()}")
    return rewrite
