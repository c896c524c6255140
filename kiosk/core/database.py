"""Open the app's database: make the folder private, migrate, know the device.

Everything that can go wrong here is turned into a KioskError with a code,
so the first thing a volunteer sees is a sentence, not a traceback.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from db.base import new_id
from db.engine import make_engine, make_inspection_engine, make_session_factory, sqlite_path
from db.errors import (
    DatabaseTooNew,
    HalfUpgraded,
    MigrationBrokeForeignKeys,
    NotADatabase,
    NotOurDatabase,
)
from db.migrate import check, intact_tables, is_exactly, row_counts, upgrade
from kiosk.care.backups import (
    PRE_UPGRADE,
    UPGRADE_PREFIX,
    Check,
    backup_file,
    copy_database,
    damage,
    full_check_done,
    full_check_requested,
    latest_good,
    move_aside,
    rotate_pre_upgrade,
    scan,
)
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.paths import DataFolder
from kiosk.core.transaction import storage_error, write

log = logging.getLogger(__name__)
FULL_CHECK_UP_TO = 64 * 1024 * 1024  # bytes: a quick_check of this takes a fraction of a second


def prepare_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) if missing.

    SQLite gives its -wal and -shm files the permissions of the main file,
    so creating it private first keeps all three readable only by the user.
    """
    prepare_private_folder(path.parent)
    try:
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
    except PermissionError as exc:
        raise StorageError("read_only", path=str(path.parent)) from exc
    except OSError as exc:
        raise StorageError("cannot_open", path=str(path.parent)) from exc


def prepare_private_folder(folder: Path) -> None:
    """Create the folder, and any missing parent, 0700 (mkdir(parents=True) makes them 0755)."""
    try:
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for made in reversed(missing):
            made.mkdir(mode=0o700, exist_ok=True)
    except PermissionError as exc:
        raise StorageError("read_only", path=str(folder)) from exc
    except OSError as exc:
        raise StorageError("cannot_open", path=str(folder)) from exc


def copy_aside(path: Path, backups: Path, reason: str) -> Path:
    """Copy a live SQLite file with SQLite's online backup API (WAL included)."""
    return backup_file(path, backups, reason)


def open_database(
    url: str | None = None,
    folder: DataFolder | None = None,
) -> AppContext:
    """Open (creating or upgrading as needed) and return the services' context."""
    if url is None:
        if folder is None:
            raise ValueError("give a database URL or a data folder")
        url = folder.database_url()
    try:
        path = sqlite_path(url)
    except ArgumentError as exc:
        raise KioskError("database_url_invalid") from exc
    if path is not None:
        prepare_private_file(path)
    backups = (folder.backups if folder else path.parent / "backups") if path else None
    if path is not None and folder is not None and path == folder.database:
        _set_aside_if_damaged(folder)
    where = str(path) if path is not None else shown_url(url)
    try:
        engine = _open_engine(url, path, backups)
    except (NotADatabase, IsADirectoryError) as exc:  # a URL may name a folder
        raise KioskError("not_a_database", path=where) from exc
    except NotOurDatabase as exc:
        raise KioskError("not_our_database", path=where) from exc
    except DatabaseTooNew as exc:
        raise KioskError("database_too_new", revision=exc.revision) from exc
    except HalfUpgraded as exc:
        raise KioskError("database_upgrade_interrupted", path=where, revision=exc.revision) from exc
    except MigrationBrokeForeignKeys as exc:
        raise KioskError("database_upgrade_failed", path=where) from exc
    except MigrationFailed as exc:
        # "Press again" means nothing here: the migration itself went wrong,
        # and being one transaction it changed nothing.
        raise KioskError("database_upgrade_failed", path=where) from exc.__cause__
    except OperationalError as exc:
        error = storage_error(exc)
        if path is None and error.code == "storage_failed":
            # "Press again" means nothing before anything was open: the server said no.
            error = StorageError("database_server_unavailable")
        raise error from exc
    except DatabaseError as exc:
        if path is None:  # a server refusing (no right to create tables, say), not a bad file
            raise storage_error(exc) from exc
        raise KioskError("not_a_database", path=where) from exc
    except ArgumentError as exc:  # also NoSuchModuleError: a kind of database we cannot use
        raise KioskError("database_url_invalid") from exc
    except ImportError as exc:  # the URL names a driver that is not installed
        raise KioskError("database_driver_missing", driver=exc.name or "?") from exc
    sessions = make_session_factory(engine)
    data_dir = path.parent if path else None
    # Questionnaire files and labels stay on this computer, wherever the database is.
    files_dir = data_dir or (folder.root if folder else None)
    ctx = AppContext(sessions=sessions, device_id="", data_dir=data_dir, files_dir=files_dir)
    return replace(ctx, device_id=ensure_device_id(ctx))


def reopen(ctx: AppContext) -> AppContext:
    """Close `ctx` and open the same database again (after a restore replaced the file).

    The new context keeps the old one's clock; the data folder is the one
    `ctx` keeps its files in, so a damaged file is set aside as at a start.
    """
    ctx.close()
    folder = DataFolder(ctx.files_dir) if ctx.files_dir else None
    return replace(open_database(url=ctx.url, folder=folder), clock=ctx.clock)


def shown_url(url: str) -> str:
    """A database URL fit for a message or a screen: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "?"


def start_check(folder: DataFolder) -> Check:
    """How closely to look at the file before opening it.

    Every page (quick_check) when that is cheap (a venue laptop's file), when
    the last run did not end cleanly (SQLite removes the -wal file when the
    last connection closes), or when the daily check found damage. Otherwise
    only the structure: reading every page of a million visits took 3 to 8 s
    at every start; the daily backup's check reads them once a day instead,
    off the GUI thread.
    """
    database = folder.database
    if (
        database.stat().st_size <= FULL_CHECK_UP_TO
        or Path(f"{database}-wal").exists()
        or full_check_requested(folder)
    ):
        return "quick"
    return "structure"


def _set_aside_if_damaged(folder: DataFolder) -> None:
    """Our own file fails its check: move it aside (never delete it), offer a backup.

    Only for the data folder's own database: a file named by --database-url
    may be anything, so it is refused and left where it is.
    """
    path, backups = folder.database, folder.backups
    if not path.is_file() or path.stat().st_size == 0:
        return
    check = start_check(folder)
    problem = damage(path, check)
    if problem is None:
        if check == "quick":
            full_check_done(folder)
        return
    try:
        aside = move_aside(path, "damaged")
    except OSError as exc:
        raise KioskError("not_a_database", path=str(path)) from exc
    log.warning("the database file failed its check (%s) and was moved aside", problem)
    latest = latest_good(backups)
    if latest is None:
        raise KioskError("database_moved_aside_no_backup", path=str(path), aside=str(aside))
    raise KioskError(
        "database_moved_aside",
        path=str(path),
        aside=str(aside),
        backup=latest.name,
        taken=latest.taken.strftime("%Y-%m-%d %H:%M"),
    )


class MigrationFailed(Exception):
    """The migration failed for a reason that is not the disk's; nothing was changed."""


def _open_engine(url: str, path: Path | None, backups: Path | None) -> Engine:
    engine = make_engine(url)
    try:
        if path is not None:
            # Look before touching: connecting through `engine` turns on WAL,
            # which rewrites the header of a file we may be about to refuse.
            inspection = make_inspection_engine(url)
            try:
                check(inspection)
            finally:
                inspection.dispose()
        try:
            migrate(engine, path, backups)
        except HalfUpgraded as exc:
            if path is None or backups is None:
                raise
            engine.dispose()
            _put_back_copy_before_upgrade(url, path, backups, exc)
            engine = make_engine(url)
            migrate(engine, path, backups)
    except BaseException:
        engine.dispose()  # no pooled connection keeps -wal/-shm beside a refused file
        raise
    return engine


def migrate(engine: Engine, path: Path | None, backups: Path | None) -> None:
    """Upgrade (or create) in one transaction, after copying an older file aside."""

    def before(revision: str) -> None:
        if path is not None and backups is not None:
            try:
                copy_aside(path, backups, f"{UPGRADE_PREFIX}{revision}")
            except (OSError, sqlite3.Error) as exc:
                # No copy, no upgrade: the file stays as the older release left it.
                raise StorageError("backup_failed", path=str(backups)) from exc
            try:
                rotate_pre_upgrade(backups)
            except OSError:
                log.warning("old pre-upgrade copies could not be rotated")

    try:
        upgraded = upgrade(engine, before_upgrade=before)
    except DatabaseError as exc:
        # Disk full, read-only, locked: say so. Anything else is the
        # migration's own failure, not something pressing again would fix.
        if storage_error(exc).code in ("storage_failed", "database_damaged"):
            raise MigrationFailed() from exc
        raise
    if upgraded:
        log.info("database schema upgraded")


def _put_back_copy_before_upgrade(
    url: str, path: Path, backups: Path, interrupted: HalfUpgraded
) -> None:
    """An older release's upgrade stopped halfway: put back the copy it made first.

    Only a copy whose schema is exactly the revision the file is at, and
    which holds as many rows as the file in every table the upgrade left as
    it was (the file could not be opened since, so nothing was added), is
    taken: newest first. The half-upgraded file is moved aside, never
    deleted. No such copy: HalfUpgraded goes on up, and the message says so.
    """
    revision = interrupted.revision
    ours = make_inspection_engine(url)
    try:
        counts = row_counts(ours, intact_tables(ours, revision))
    finally:
        ours.dispose()
    reason = f"{UPGRADE_PREFIX}{revision}"
    for info in scan(backups):
        if info.kind != PRE_UPGRADE or not info.name.startswith(f"{path.stem}-{reason}-"):
            continue
        copy = make_inspection_engine(f"sqlite:///{info.path}")
        try:
            fits = (
                damage(info.path, "quick") is None
                and is_exactly(copy, revision)
                and all(row_counts(copy, {t}).get(t) == n for t, n in counts.items())
            )
        except DatabaseError:
            fits = False
        finally:
            copy.dispose()
        if not fits:
            continue
        try:
            aside = move_aside(path, "interrupted-upgrade")
            copy_database(info.path, path)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError("backup_failed", path=str(backups)) from exc
        log.warning(
            "an upgrade from %s had stopped halfway: the copy made before it was put back"
            " (the half-upgraded file is kept as %s)",
            revision,
            aside.name,
        )
        return
    raise interrupted


def ensure_device_id(ctx: AppContext) -> str:
    """This installation's id, made on first open and kept in the database."""
    existing = settings.get(ctx, settings.DEVICE_ID)
    if existing:
        return existing
    device_id = new_id()
    with write(ctx) as session:
        stamped = AppContext(sessions=ctx.sessions, device_id=device_id)
        settings.put_in(session, stamped, settings.DEVICE_ID, device_id)
    return device_id
