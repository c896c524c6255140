"""Opening the database: a private file, safe SQLite settings, and refusing what is not ours.

A refused file must be left exactly as it was: not one byte changed, no
journal files left beside it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db.engine import check_sqlite_file, make_engine, sqlite_path
from db.errors import NotADatabase
from db.migrate import head_revision
from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.paths import DataFolder
from kiosk.door import venues


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def engine_of(ctx):
    return ctx.engine


# --- a new database ------------------------------------------------------------


def test_a_new_database_is_private(folder: DataFolder):
    ctx = open_database(folder=folder)
    try:
        venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")  # so -wal and -shm exist
        assert folder.database.is_file()
        assert mode(folder.root) == 0o700
        assert mode(folder.database) == 0o600
        for side in folder.root.glob("tsunagari.sqlite3-*"):
            assert mode(side) == 0o600, side
    finally:
        engine_of(ctx).dispose()


def test_a_new_database_is_at_the_newest_schema_with_a_device_id(folder: DataFolder):
    ctx = open_database(folder=folder)
    try:
        with engine_of(ctx).connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == head_revision()
        assert len(ctx.device_id) == 36
        assert settings.get(ctx, settings.DEVICE_ID) == ctx.device_id
        assert ctx.data_dir == folder.root
    finally:
        engine_of(ctx).dispose()


def test_the_device_id_stays_the_same_when_opened_again(folder: DataFolder):
    first = open_database(folder=folder)
    engine_of(first).dispose()
    second = open_database(folder=folder)
    engine_of(second).dispose()
    assert first.device_id == second.device_id


def test_open_database_needs_a_url_or_a_folder():
    with pytest.raises(ValueError):
        open_database()


def test_an_explicit_sqlite_url_is_used(tmp_path: Path):
    path = tmp_path / "elsewhere" / "other.sqlite3"
    ctx = open_database(url=f"sqlite:///{path}")
    try:
        assert path.is_file() and mode(path) == 0o600
        assert ctx.data_dir == path.parent
    finally:
        engine_of(ctx).dispose()


# --- SQLite settings on every connection ----------------------------------------


@pytest.mark.sqlite_only
def test_every_connection_has_wal_full_sync_and_foreign_keys(ctx):
    engine = engine_of(ctx)
    with engine.connect() as one, engine.connect() as two:
        for conn in (one, two):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_foreign_keys_are_enforced(ctx):
    with pytest.raises(IntegrityError), engine_of(ctx).begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO event (id, venue_id, date, kind, status, opened_at, created_at,"
            " updated_at, device_id) VALUES ('e1', 'no-such-venue', '2026-11-22', 'cafe',"
            " 'open', '2026-11-22 01:00:00', '2026-11-22 01:00:00', '2026-11-22 01:00:00', 'd')"
        )


class Stop(Exception):
    pass


def table_exists(engine, name: str) -> bool:
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return bool(found.scalar())


@pytest.mark.sqlite_only
def test_ddl_is_part_of_the_transaction(ctx):
    """pysqlite alone commits CREATE TABLE at once: a crash mid-migration left half a schema."""
    engine = engine_of(ctx)
    with pytest.raises(Stop), engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE half_made (x INTEGER)")
        raise Stop
    assert not table_exists(engine, "half_made")


@pytest.mark.sqlite_only
def test_transactions_stay_ours_after_a_connection_used_autocommit(ctx):
    engine = engine_of(ctx)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # as the retention purge does
    with pytest.raises(Stop), engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE half_made (x INTEGER)")
        raise Stop
    assert not table_exists(engine, "half_made")


@pytest.mark.sqlite_only
def test_a_read_sees_one_snapshot(ctx, venue):
    """A read is one transaction: a write committed meanwhile is not half seen."""
    engine = engine_of(ctx)
    with engine.connect() as reader:
        assert reader.exec_driver_sql("SELECT count(*) FROM venue").scalar() == 1
        venues.add_venue(ctx, "公民館分室")
        assert reader.exec_driver_sql("SELECT count(*) FROM venue").scalar() == 1
    with engine.connect() as reader:
        assert reader.exec_driver_sql("SELECT count(*) FROM venue").scalar() == 2


@pytest.mark.sqlite_only
def test_the_file_itself_is_in_wal_mode(ctx, folder: DataFolder):
    # Bytes 18 and 19 of the header are 2 for a WAL database.
    assert folder.database.read_bytes()[18:20] == b"\x02\x02"


# --- URLs and headers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////var/data/t.sqlite3", Path("/var/data/t.sqlite3")),
        ("sqlite:///relative.sqlite3", Path("relative.sqlite3")),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("postgresql://user@server/tsunagari", None),
    ],
)
def test_sqlite_path(url, expected):
    assert sqlite_path(url) == expected


def test_check_sqlite_file_accepts_missing_empty_and_sqlite_files(tmp_path: Path):
    check_sqlite_file(tmp_path / "missing.sqlite3")
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    check_sqlite_file(empty)
    real = tmp_path / "real.sqlite3"
    sqlite3.connect(real).execute("CREATE TABLE t (x)").connection.close()
    check_sqlite_file(real)


@pytest.mark.parametrize(
    "content", [b"hello", b"SQLite format 2\x00" + b"\x00" * 100, b"\x00" * 4096]
)
def test_check_sqlite_file_refuses_other_files(tmp_path: Path, content: bytes):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(content)
    with pytest.raises(NotADatabase):
        check_sqlite_file(path)
    with pytest.raises(NotADatabase):
        make_engine(f"sqlite:///{path}")


# --- refusing a file that is not ours, without touching it --------------------------


def refuse(folder: DataFolder, code: str) -> KioskError:
    before = fingerprint(folder.root)
    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    assert excinfo.value.code == code
    assert not isinstance(excinfo.value, StorageError)
    assert fingerprint(folder.root) == before  # same files, same bytes, no -wal/-shm left
    assert not folder.backups.exists()
    return excinfo.value


# Our own file that fails its quick check is moved aside, byte for byte, never
# deleted; the caller is told, with the latest good backup to offer if any.


def set_aside(folder: DataFolder) -> tuple[KioskError, Path]:
    before = folder.database.read_bytes()
    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    error = excinfo.value
    assert error.code == "database_moved_aside_no_backup"
    assert error.params["path"] == str(folder.database)
    aside = Path(error.params["aside"])
    assert aside.parent == folder.root
    assert aside.name.startswith("tsunagari.sqlite3.damaged-")
    assert aside.read_bytes() == before  # nothing lost
    assert not folder.database.exists()
    assert not folder.backups.exists()
    return error, aside


def test_a_file_that_is_not_sqlite_is_moved_aside_intact(folder: DataFolder):
    folder.root.mkdir()
    folder.database.write_bytes(b"hello")
    _, aside = set_aside(folder)
    assert aside.read_bytes() == b"hello"
    # The next open starts an empty database; the damaged file stays aside.
    ctx = open_database(folder=folder)
    ctx.close()
    assert aside.read_bytes() == b"hello"


def test_a_damaged_sqlite_file_is_moved_aside_intact(folder: DataFolder):
    folder.root.mkdir()
    folder.database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    set_aside(folder)


def test_a_file_named_by_url_that_is_not_sqlite_is_refused_unchanged(tmp_path: Path):
    other = tmp_path / "elsewhere.sqlite3"
    other.write_bytes(b"hello")
    with pytest.raises(KioskError) as excinfo:
        open_database(url=f"sqlite:///{other}")
    assert excinfo.value.code == "not_a_database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.sqlite3"]
    assert other.read_bytes() == b"hello"


def make_sqlite(path: Path, script: str, wal: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(script)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("wal", [False, True])
def test_another_applications_database_is_refused_unchanged(folder: DataFolder, wal: bool):
    make_sqlite(
        folder.database, "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('x');", wal
    )
    error = refuse(folder, "not_our_database")
    assert error.params == {"path": str(folder.database)}
    conn = sqlite3.connect(folder.database)
    assert conn.execute("SELECT name FROM recipe").fetchall() == [("x",)]
    conn.close()


@pytest.mark.parametrize("wal", [False, True])
def test_a_database_from_a_newer_release_is_refused_unchanged(folder: DataFolder, wal: bool):
    make_sqlite(
        folder.database,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('9999');"
        "CREATE TABLE venue (id TEXT PRIMARY KEY);",
        wal,
    )
    error = refuse(folder, "database_too_new")
    assert error.params == {"revision": "9999"}


def test_a_refused_database_can_still_be_opened_by_its_own_application(folder: DataFolder):
    make_sqlite(folder.database, "CREATE TABLE recipe (name TEXT);")
    with pytest.raises(KioskError):
        open_database(folder=folder)
    conn = sqlite3.connect(folder.database)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_a_data_folder_that_is_a_file_is_a_storage_error(tmp_path: Path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as excinfo:
        open_database(folder=DataFolder(blocker))
    assert excinfo.value.code in ("cannot_open", "read_only")
    assert blocker.read_text() == "not a folder"


def test_every_folder_it_creates_is_private(tmp_path):
    from kiosk.core.database import open_database
    from kiosk.core.paths import DataFolder

    root = tmp_path / "new" / "Tsunagari"
    open_database(folder=DataFolder(root).demo)
    for folder in (tmp_path / "new", root, root / "demo"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
