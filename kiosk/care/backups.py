"""Backups of the SQLite file: made with SQLite's online backup API, rotated, restored.

When copies are made:
- once a day, just after start, off the GUI thread (`daily_backup`: skipped
  if today already has one; the copy is then checked page by page, which is
  how a damaged file is found without slowing every start);
- before every schema upgrade (kiosk/core/database.py, kind "pre-upgrade");
- after a day is closed (`after_day_closed`, called by the screen or command
  that closed it: kiosk/door/events.py stays free of files);
- on demand (Settings → Backups, `tsunagari backup create`).

They live in the data folder's backups/ (0700), each file 0600, named
tsunagari-<reason>-<YYYYMMDD-HHMMSS>.sqlite3 in local time. rotate() keeps the
newest copy of each of the last 14 days that have one plus the newest of each
of the last 8 ISO weeks; rotate_pre_upgrade() keeps the newest 5 pre-upgrade
copies. Files it does not recognise are never rotated away.

restore_backup() replaces the database file, so whoever has it open must
dispose of its engine first (the GUI then opens the database again and
rebuilds its window: ui/app.py AppShell.reopen_database). The file it replaces
is never overwritten: it is moved aside, with its -wal/-shm, as
tsunagari.sqlite3.replaced-<timestamp>.

No copy keeps a nickname or a care note longer than the database does: the
retention purge erases them inside every copy and deletes copies older than
its cutoff, stray .partial files and, after a while, files set aside
(kiosk/care/data_files.py).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.paths import DATABASE_NAME, DataFolder

log = logging.getLogger(__name__)

KEEP_DAILY = 14
KEEP_WEEKLY = 8
KEEP_PRE_UPGRADE = 5
# The rotated kinds. "import": made before every exchange import by older
# releases; an import is now undone row by row (kiosk/exchange/undo.py).
REASONS = ("daily", "close", "manual", "import")
PRE_UPGRADE = "pre-upgrade"
UPGRADE_PREFIX = "before-upgrade-from-"
STAMP = "%Y%m%d-%H%M%S"
SQLITE_HEADER = b"SQLite format 3\x00"
CHECK_MARKER = "check-at-next-start"  # in the data folder: see request_full_check
# Held while this process writes a copy, and by the retention purge while it
# reaches the copies: a purge never meets a half-written copy of its own, and
# no copy taken before the purge appears after it with erased details.
COPY_LOCK = threading.RLock()
_NAME = re.compile(
    r"^" + re.escape(Path(DATABASE_NAME).stem) + r"-(?P<reason>.+)-(?P<stamp>\d{8}-\d{6})"
    r"(?:-(?P<n>\d+))?\.sqlite3$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily, close, manual, pre-upgrade, other
    taken: datetime  # local time, naive (from the file name)
    size: int
    ok: bool | None = None  # PRAGMA integrity_check; None until asked (check=True)

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    kept_aside: Path | None  # where the replaced file went (None if there was none)


# --- copying -------------------------------------------------------------------------


def _private_dir(path: Path) -> None:
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not existed:
        os.chmod(path, 0o700)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file (its WAL included) into a new 0600 file.

    Written as <target>.partial and renamed when whole: a copy cut short (the
    laptop switched off while it ran in the background) never looks like a
    backup; the next retention purge deletes what it left (kiosk/care/data_files.py).
    """
    with COPY_LOCK:
        _copy_database(source, target)


def _copy_database(source: Path, target: Path) -> None:
    if not source.is_file():
        raise FileNotFoundError(source)
    if target.exists():
        raise FileExistsError(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a copy that was cut short
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # One self-contained file: no -wal needed to read the copy.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.rename(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)  # no half copy that looks like a backup
        raise


def _free_name(folder: Path, stem: str, suffix: str = "") -> Path:
    target = folder / f"{stem}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def backup_file(database: Path, backups: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy `database` into `backups` as tsunagari-<reason>-<stamp>.sqlite3."""
    _private_dir(backups)
    stamp = (now or datetime.now()).strftime(STAMP)
    target = _free_name(backups, f"{database.stem}-{reason}-{stamp}", ".sqlite3")
    copy_database(database, target)
    log.info("database backed up (%s)", reason)
    return target


def create_backup(folder: DataFolder, reason: str, now: datetime | None = None) -> BackupInfo:
    """Back up the folder's database now; reason is daily, close, import or manual."""
    if reason not in REASONS and not reason.startswith(UPGRADE_PREFIX):
        raise ValueError(f"unknown backup reason {reason!r}")
    if not folder.database.is_file() or folder.database.stat().st_size == 0:
        raise KioskError("no_database", path=str(folder.database))
    try:
        path = backup_file(folder.database, folder.backups, reason, now)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            raise StorageError("backup_not_made", path=str(folder.backups)) from exc
        raise KioskError("database_damaged") from exc
    except OSError as exc:
        raise StorageError("backup_not_made", path=str(folder.backups)) from exc
    info = _info(path)
    assert info is not None
    return info


# --- listing ----------------------------------------------------------------------------


def backup_info(path: Path) -> BackupInfo | None:
    """What a file in backups/ is, from its name; None if it is not a backup."""
    return _info(path)


def _info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    reason = match["reason"]
    if reason.startswith(UPGRADE_PREFIX):
        kind = PRE_UPGRADE
    elif reason in REASONS:
        kind = reason
    else:
        kind = "other"
    try:
        taken = datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None
    return BackupInfo(path=path, kind=kind, taken=taken, size=path.stat().st_size)


def scan(backups: Path) -> list[BackupInfo]:
    if not backups.is_dir():
        return []
    found = [info for p in backups.iterdir() if (info := _info(p)) is not None]
    return sorted(found, key=lambda b: (b.taken, b.name), reverse=True)


def list_backups(folder: DataFolder, check: bool = False) -> list[BackupInfo]:
    """Newest first. check=True runs PRAGMA integrity_check on each (slow on big files)."""
    found = scan(folder.backups)
    if check:
        found = [replace(b, ok=damage(b.path, "integrity") is None) for b in found]
    return found


def find_backup(folder: DataFolder, name: str) -> BackupInfo:
    for info in scan(folder.backups):
        if info.name == name:
            return info
    raise KioskError("backup_not_found", name=name)


def latest_good(backups: Path) -> BackupInfo | None:
    """The newest copy that passes a quick check: the one to offer after damage."""
    for info in scan(backups):
        if damage(info.path) is None:
            return info
    return None


Check = Literal["structure", "quick", "integrity"]


def damage(path: Path, check: Check = "quick") -> str | None:
    """None if the file reads as a sound SQLite database, else what is wrong.

    "structure" reads the header and the schema and compares the file's size
    with its page count (a copy cut short): milliseconds, whatever the size.
    "quick" is PRAGMA quick_check, "integrity" PRAGMA integrity_check: both
    read every page (about 3 s for a million visits). A locked or unreadable
    file is not called damaged: that is for the caller.
    """
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "not SQLite"
    except OSError:
        return None
    try:
        conn = sqlite3.connect(path)
        try:
            if check == "structure":
                return _structure_damage(path, conn)
            pragma = "integrity_check" if check == "integrity" else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return None
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows != [("ok",)]:
        return pragma + " failed"
    return None


def _structure_damage(path: Path, conn: sqlite3.Connection) -> str | None:
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # parses every table
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    wal = Path(f"{path}-wal")
    # With a WAL, the newest pages may live there until the next checkpoint.
    if not wal.exists() and path.stat().st_size < page_size * pages:
        return "the file is shorter than its page count"
    return None


# --- the full check, once a day ------------------------------------------------------------


def _check_marker(folder: DataFolder) -> Path:
    return folder.root / CHECK_MARKER


def request_full_check(folder: DataFolder) -> None:
    """The next start reads every page of the file (quick_check) before opening it."""
    try:
        _check_marker(folder).touch()
    except OSError:
        log.warning("could not ask for a full check at the next start")


def full_check_requested(folder: DataFolder) -> bool:
    return _check_marker(folder).exists()


def full_check_done(folder: DataFolder) -> None:
    _check_marker(folder).unlink(missing_ok=True)


# --- rotation ----------------------------------------------------------------------------


def rotate(folder: DataFolder) -> list[Path]:
    """Delete daily/close/manual copies beyond 14 days + 8 ISO weeks; returns what went."""
    keep_days: set[date] = set()
    keep_weeks: set[tuple[int, int]] = set()
    removed: list[Path] = []
    for info in scan(folder.backups):  # newest first
        if info.kind not in REASONS:
            continue
        day = info.taken.date()
        week = tuple(day.isocalendar())[:2]
        keep = False
        if day not in keep_days and len(keep_days) < KEEP_DAILY:
            keep_days.add(day)
            keep = True
        if week not in keep_weeks and len(keep_weeks) < KEEP_WEEKLY:
            keep_weeks.add(week)  # type: ignore[arg-type]
            keep = True
        if not keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    if removed:
        log.info("rotated away %d old backups", len(removed))
    return removed


def rotate_pre_upgrade(backups: Path, keep: int = KEEP_PRE_UPGRADE) -> list[Path]:
    """Delete all but the newest `keep` pre-upgrade copies; returns what went.

    An upgrade that failed and was tried again at every start (as older
    releases did after a crash mid-upgrade) made a copy each time, without end.
    """
    removed = []
    for info in [b for b in scan(backups) if b.kind == PRE_UPGRADE][keep:]:  # newest first
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    if removed:
        log.info("rotated away %d old pre-upgrade copies", len(removed))
    return removed


# --- when backups are made ---------------------------------------------------------------


def folder_of(ctx: AppContext) -> DataFolder | None:
    """The data folder whose database `ctx` uses, or None (a server, another file)."""
    if ctx.data_dir is None:
        return None
    folder = DataFolder(ctx.data_dir)
    bind = ctx.sessions.kw.get("bind")
    database = getattr(getattr(bind, "url", None), "database", None)
    if database is None or Path(database).resolve() != folder.database.resolve():
        return None
    return folder


def _quietly(folder: DataFolder, make: Callable[[], BackupInfo]) -> BackupInfo | None:
    try:
        info = make()
    except (KioskError, OSError, sqlite3.Error) as exc:
        log.warning("automatic backup not made: %s", getattr(exc, "code", type(exc).__name__))
        return None
    _rotate_quietly(folder)
    return info


def _rotate_quietly(folder: DataFolder) -> None:
    try:
        rotate(folder)
    except OSError:
        log.warning("old backups could not be rotated")


def daily_backup(ctx: AppContext, now: datetime | None = None) -> BackupInfo | None:
    """After start, off the GUI thread: one copy a day (skipped if today has one).

    The copy is then read back with quick_check. Making it read every page of
    the live file, so a copy that fails means the file itself is damaged:
    the copy is deleted (it must never be restored), the next start checks
    the whole file and sets it aside, and `database_damage_found` is raised
    for the window to say so. Any other failure is logged and never stops
    the door.
    """
    folder = folder_of(ctx)
    if folder is None:
        return None
    moment = now or datetime.now()
    if any(b.taken.date() == moment.date() and b.kind in REASONS for b in scan(folder.backups)):
        return None
    try:
        info = create_backup(folder, "daily", moment)
    except KioskError as exc:
        if exc.code == "database_damaged":
            request_full_check(folder)
            raise KioskError("database_damage_found") from exc
        log.warning("automatic backup not made: %s", exc.code)
        return None
    except (OSError, sqlite3.Error) as exc:
        log.warning("automatic backup not made: %s", type(exc).__name__)
        return None
    problem = damage(info.path, "quick")
    if problem is not None:
        log.warning("the daily copy failed its check (%s): the file is damaged", problem)
        info.path.unlink(missing_ok=True)
        request_full_check(folder)
        raise KioskError("database_damage_found")
    _rotate_quietly(folder)
    return info


def after_day_closed(ctx: AppContext, now: datetime | None = None) -> BackupInfo | None:
    """Call after events.close_event(): a copy of the closed day. None if not made."""
    folder = folder_of(ctx)
    if folder is None:
        return None
    return _quietly(folder, lambda: create_backup(folder, "close", now))


# --- restoring --------------------------------------------------------------------------


def move_aside(path: Path, label: str, now: datetime | None = None) -> Path:
    """Rename the file (and its -wal/-shm) to <name>.<label>-<stamp>, never over another."""
    stamp = (now or datetime.now()).strftime(STAMP)
    aside = _free_name(path.parent, f"{path.name}.{label}-{stamp}")
    for suffix in ("-wal", "-shm"):
        if Path(f"{aside}{suffix}").exists():
            raise FileExistsError(f"{aside}{suffix}")
    os.rename(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.rename(companion, Path(f"{aside}{suffix}"))
    return aside


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file so the file alone is the whole database."""
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # a damaged file: its -wal/-shm are moved with it instead


def restore_backup(
    folder: DataFolder, backup: BackupInfo, now: datetime | None = None
) -> RestoreResult:
    """Put `backup` in place of the database. Dispose of any engine on it first."""
    if not backup.path.is_file():
        raise KioskError("backup_not_found", name=backup.name)
    if damage(backup.path, "integrity") is not None:
        raise KioskError("backup_damaged", name=backup.name)
    database = folder.database
    kept: Path | None = None
    try:
        if database.exists():
            _checkpoint(database)
            kept = move_aside(database, "replaced", now)
        try:
            copy_database(backup.path, database)
        except BaseException:
            if kept is not None and not database.exists():
                os.rename(kept, database)  # as it was
                kept = None
            raise
    except (OSError, sqlite3.Error) as exc:
        raise StorageError("restore_failed", path=str(database)) from exc
    log.info("database restored from a %s backup", backup.kind)
    return RestoreResult(restored=backup, kept_aside=kept)
