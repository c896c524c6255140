"""The exchange file: one zip that a venue PC hands to the coordinator.

    manifest.json            who made it, when, and a SHA-256 of every member
    tables/<table>.jsonl     one JSON object per row, columns by name

A zip of JSON lines because any tool can read it, the repetitive rows
compress about tenfold, and each table can be streamed, so a year of visits
never has to fit in memory. The reader trusts nothing: member names, sizes,
checksums, every row and every value are checked before the importer writes
anything (bad input changes nothing).

Nicknames and care notes never leave the PC they were typed on (privacy
rules: store less); the coordinator needs counts, not who was there.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    String,
    Table,
    Time,
)

from db.base import UTCDateTime
from kiosk import __version__
from kiosk.core import safe_text, translations, untrusted_json
from kiosk.core.atomic_file import atomic_output
from kiosk.core.errors import KioskError
from kiosk.exchange import allowed
from kiosk.exchange.allowed import exchanged_tables, exported_columns

FORMAT = "tsunagari-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLE_DIR = "tables/"
SUFFIX = ".jsonl"

# Limits that refuse a huge or hostile file before it is unpacked. A year of a
# busy city's visits is a few MB compressed; these leave room for a hundred times that.
MAX_FILE_BYTES = 1 << 30
MAX_CONTENT_BYTES = 4 << 30
MAX_MANIFEST_BYTES = 1 << 20
MAX_RATIO = 200  # JSON lines deflate 10-20x; a zip bomb does thousands

# What each table holds, for the import summary (screen and command line):
# `exchange.table.<table>` in resources/locales/<lang>.json.
TABLE_LABELS = frozenset(translations.texts_under("exchange.table", translations.SOURCE_LANGUAGE))
_READ_CHUNK = 1 << 20
# A setting's value is a stored questionnaire definition (JSON, its control
# characters escaped): accepted once by the questionnaire rules of the PC
# that saved it, and read by them again here, so not judged as a name.
_JUDGED_ELSEWHERE = frozenset({("setting", "value")})
# One row. The largest real one, a questionnaire definition in eight languages,
# is some tens of KB; a line is read only up to this, so memory stays small.
_MAX_LINE = 1 << 20
_MAX_FLOAT = 1.7976931348623157e308
_TABLE_NAME = re.compile(r"^[a-z_]{1,40}$")


def table_label(table: str, lang: str) -> str:
    return translations.text(f"exchange.table.{table}", lang) if table in TABLE_LABELS else table


@dataclass(frozen=True)
class TableEntry:
    rows: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    device_id: str
    device_name: str
    created_at: datetime  # aware
    since: datetime | None  # None: everything, not only what changed since the last export
    tables: dict[str, TableEntry] = field(default_factory=dict)
    app_version: str = __version__
    format_version: int = FORMAT_VERSION

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables.values())

    @property
    def content_sha256(self) -> str:
        """One fingerprint of the whole content: the same rows give the same value."""
        lines = "".join(f"{name}:{t.sha256}\n" for name, t in sorted(self.tables.items()))
        return hashlib.sha256(lines.encode()).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "device_id": self.device_id,
            "device_name": self.device_name,
            "created_at": self.created_at.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "tables": {n: {"rows": t.rows, "sha256": t.sha256} for n, t in self.tables.items()},
            "content_sha256": self.content_sha256,
        }


# --- values -------------------------------------------------------------------------------


def encode_row(columns: Iterable[Column[Any]], row: Any) -> dict[str, Any]:
    return {c.name: _encode(getattr(row, c.name)) for c in columns}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


class _BadValue(ValueError):
    pass


class _BadText(_BadValue):
    """Text no name may hold (kiosk/safe_text): a control, format or invisible character."""

    def __init__(self, column: str, char: str) -> None:
        super().__init__(column, char)
        self.column = column
        self.char = char


class _OutOfRange(_BadValue):
    """A number no column can hold: beyond the integer type, NaN or infinite."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(column, reason)
        self.column = column
        self.reason = reason


def decode_line(table: Table, line: bytes) -> dict[str, Any]:
    """One line of a table member, decoded and checked; a _BadValue says why not.

    Plain json.loads: every top-level value is checked against its column by
    _decode (ranges, NaN), and only a JSON column's value is walked by
    untrusted_json.check_value, which keeps a year of rows quick to verify.
    """
    try:
        raw = json.loads(line)
    except RecursionError as exc:  # nested deeper than the parser's stack
        raise _BadValue("too deep") from exc
    except ValueError as exc:  # not JSON, not UTF-8, an integer of thousands of digits
        raise _BadValue("not JSON") from exc
    return decode_row(table, raw)


def decode_row(table: Table, raw: Any) -> dict[str, Any]:
    """A row of `table` from its JSON object, every value checked against its column."""
    if not isinstance(raw, dict):
        raise _BadValue("not an object")
    columns = exported_columns(table)
    if set(raw) != {c.name for c in columns}:
        raise _BadValue("columns differ")
    row = {c.name: _decode(c, raw[c.name]) for c in columns}
    try:
        uuid.UUID(row["id"])
    except (ValueError, TypeError) as exc:
        raise _BadValue("id") from exc
    return row


def _decode(column: Column[Any], value: Any) -> Any:
    kind = column.type
    if value is None:
        if not column.nullable:
            raise _BadValue(column.name)
        return None
    if isinstance(kind, UTCDateTime):
        moment = datetime.fromisoformat(_text(value))
        if moment.tzinfo is None:
            raise _BadValue(column.name)
        return moment
    if isinstance(kind, Date):
        return date.fromisoformat(_text(value))
    if isinstance(kind, Time):
        return time.fromisoformat(_text(value))
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise _BadValue(column.name)
        return value
    if isinstance(value, float) and not math.isfinite(value):  # NaN, Infinity, 1e999
        raise _OutOfRange(column.name, untrusted_json.NOT_A_NUMBER)
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _BadValue(column.name)
        # The narrowest backend decides: INTEGER is 32 bits on PostgreSQL.
        low, high = untrusted_json.INT64 if isinstance(kind, BigInteger) else untrusted_json.INT32
        if not low <= value <= high:
            raise _OutOfRange(column.name, untrusted_json.OUT_OF_RANGE)
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _BadValue(column.name)
        number = float(value) if abs(value) <= _MAX_FLOAT else math.inf
        if not math.isfinite(number):
            raise _OutOfRange(column.name, untrusted_json.NOT_A_NUMBER)
        return number
    if isinstance(kind, JSON):
        try:
            untrusted_json.check_value(value)
        except untrusted_json.UntrustedJsonError as exc:
            if exc.reason == untrusted_json.TOO_DEEP:
                raise _BadValue(column.name) from exc
            raise _OutOfRange(column.name, exc.reason) from exc
        return value
    if isinstance(kind, String):
        text = _text(value)
        if kind.length is not None and len(text) > kind.length:
            raise _BadValue(column.name)
        judged = (column.table.name, column.name) in _JUDGED_ELSEWHERE
        bad = None if judged else safe_text.forbidden_character(text)
        if bad is not None:
            raise _BadText(column.name, bad)
        return text
    raise _BadValue(column.name)  # a column type this format does not know


def row_error(path: Path, table: str, exc: Exception) -> KioskError:
    """The coded error for a row that failed decode_line/decode_row."""
    if isinstance(exc, _BadText):
        return KioskError(
            "exchange_bad_text",
            path=str(path),
            where=f"{table}.{exc.column}",
            char=safe_text.code_point(exc.char),
        )
    if isinstance(exc, _OutOfRange):
        where = f"{table}.{exc.column}" if exc.column else table
        if exc.reason == untrusted_json.NOT_A_NUMBER:
            return KioskError("exchange_not_a_number", path=str(path), where=where)
        return KioskError("exchange_number_out_of_range", path=str(path), where=where)
    return KioskError("exchange_damaged", path=str(path))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _BadValue("text")
    return value


# --- writing ------------------------------------------------------------------------------


def write_exchange(
    target: Path, manifest: Manifest, tables: Iterable[tuple[str, Iterable[dict[str, Any]]]]
) -> Manifest:
    """Stream `tables` into a new exchange file at `target`; returns the full manifest.

    The file appears only when complete (a pulled USB stick leaves no half file).
    """
    entries: dict[str, TableEntry] = {}
    with (
        atomic_output(target, "exchange_write_failed") as out,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
    ):
        for name, rows in tables:
            digest = hashlib.sha256()
            count = 0
            with archive.open(TABLE_DIR + name + SUFFIX, "w", force_zip64=True) as member:
                for row in rows:
                    line = (
                        json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
                    ).encode()
                    digest.update(line)
                    member.write(line)
                    count += 1
            entries[name] = TableEntry(count, digest.hexdigest())
        done = Manifest(
            device_id=manifest.device_id,
            device_name=manifest.device_name,
            created_at=manifest.created_at,
            since=manifest.since,
            tables=entries,
        )
        archive.writestr(MANIFEST, json.dumps(done.to_json(), ensure_ascii=False, indent=1))
    return done


# --- reading ------------------------------------------------------------------------------


class ExchangeFile:
    """An exchange file whose every member has been checked; rows are read on demand."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> None:
        self.path = path
        self.manifest = manifest
        self._archive = archive
        self._tables = {t.name: t for t in exchanged_tables()}

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Decoded rows of `table` (none if the file holds none).

        open_exchange() already decoded every one of them, so nothing here
        can fail on a value after the importer has begun.
        """
        if table not in self.manifest.tables:
            return
        with self._archive.open(TABLE_DIR + table + SUFFIX) as member:
            while line := member.readline(_MAX_LINE):
                try:
                    yield decode_line(self._tables[table], line)
                except (ValueError, TypeError) as exc:
                    raise row_error(self.path, table, exc) from exc

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> ExchangeFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_exchange(path: Path, sender: str, shown: Path | None = None) -> ExchangeFile:
    """Open and verify an exchange file made by `sender`, or raise a coded error.

    Every row is decoded, and must be one `sender` may speak for
    (kiosk/exchange/allowed.py), before this returns; nothing is written.
    `shown` is the name messages give the file (the sealed file the user
    chose, not its decrypted content in the scratch folder).
    """
    path = Path(path)
    label = Path(shown) if shown is not None else path
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(label)) from exc
    if size > MAX_FILE_BYTES:
        raise KioskError("exchange_too_big", path=str(label), limit=MAX_FILE_BYTES >> 20)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise KioskError("exchange_damaged", path=str(label)) from exc
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(label)) from exc
    try:
        manifest = _check(label, archive, sender)
    except BaseException:
        archive.close()
        raise
    return ExchangeFile(label, archive, manifest)


def _check(path: Path, archive: zipfile.ZipFile, sender: str) -> Manifest:
    known = {t.name for t in exchanged_tables()}
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise KioskError("exchange_unexpected_member", path=str(path), member="(twice)")
    for info in infos:
        table = _table_of(info.filename)
        if info.filename != MANIFEST and (table is None or table not in known):
            member = safe_text.shown(info.filename)[:80]
            raise KioskError("exchange_unexpected_member", path=str(path), member=member)
        too_dense = info.file_size > _READ_CHUNK and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        )
        if too_dense:
            raise KioskError("exchange_too_big", path=str(path), limit=MAX_FILE_BYTES >> 20)
    if sum(info.file_size for info in infos) > MAX_CONTENT_BYTES:
        raise KioskError("exchange_too_big", path=str(path), limit=MAX_FILE_BYTES >> 20)
    if MANIFEST not in names:
        raise KioskError("exchange_not_ours", path=str(path))
    manifest = _manifest(path, archive)
    if manifest.device_id != sender:  # the file says it was made by another PC than signed it
        raise KioskError("exchange_not_own_rows", path=str(path), where="manifest")
    members = {t for n in names if (t := _table_of(n)) is not None}
    if members != set(manifest.tables):
        raise KioskError("exchange_damaged", path=str(path))
    tables = {t.name: t for t in exchanged_tables()}
    for name, entry in manifest.tables.items():
        if _verify(path, archive, tables[name], sender) != (entry.sha256, entry.rows):
            raise KioskError("exchange_damaged", path=str(path))
    return manifest


def _table_of(member: str) -> str | None:
    if not (member.startswith(TABLE_DIR) and member.endswith(SUFFIX)):
        return None
    name = member[len(TABLE_DIR) : -len(SUFFIX)]
    return name if _TABLE_NAME.match(name) else None


def _verify(path: Path, archive: zipfile.ZipFile, table: Table, sender: str) -> tuple[str, int]:
    """The checksum and row count of a table member, every row decoded on the way.

    Decoding here, before anything is written or backed up, is what makes a
    bad value (a name with an escape sequence, 2**70, NaN) or a row of
    another PC a refusal of the whole file rather than a failure half-way
    through the import.
    """
    digest = hashlib.sha256()
    lines = 0
    try:
        with archive.open(TABLE_DIR + table.name + SUFFIX) as stream:
            while line := stream.readline(_MAX_LINE):
                if len(line) >= _MAX_LINE and not line.endswith(b"\n"):
                    raise KioskError("exchange_damaged", path=str(path))
                digest.update(line)
                lines += line.endswith(b"\n")
                try:
                    row = decode_line(table, line)
                except (ValueError, TypeError) as exc:
                    raise row_error(path, table.name, exc) from exc
                if allowed.refusal(table.name, row, sender) is not None:
                    raise KioskError("exchange_not_own_rows", path=str(path), where=table.name)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:  # CRC, cut-off, garbled
        raise KioskError("exchange_damaged", path=str(path)) from exc
    return digest.hexdigest(), lines


def _manifest(path: Path, archive: zipfile.ZipFile) -> Manifest:
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise KioskError("exchange_damaged", path=str(path))
    try:
        with archive.open(MANIFEST) as stream:
            raw = untrusted_json.load(_read_all(stream))
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        raise KioskError("exchange_damaged", path=str(path)) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise KioskError("exchange_not_ours", path=str(path))
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise KioskError("exchange_damaged", path=str(path))
    if version > FORMAT_VERSION:
        shown_version = safe_text.shown(raw.get("app_version"))[:20]
        raise KioskError("exchange_too_new", path=str(path), version=shown_version)
    try:
        name = _text(raw["device_name"])[:100]
        bad = safe_text.forbidden_character(name)
        if bad is not None:
            raise KioskError(
                "exchange_bad_text",
                path=str(path),
                where="manifest.device_name",
                char=safe_text.code_point(bad),
            )
        manifest = Manifest(
            device_id=str(uuid.UUID(_text(raw["device_id"]))),
            device_name=name,
            created_at=_aware(raw["created_at"]),
            since=_aware(raw["since"]) if raw["since"] is not None else None,
            tables={
                _text(name): TableEntry(_count(entry["rows"]), _text(entry["sha256"]))
                for name, entry in dict(raw["tables"]).items()
            },
            app_version=_text(raw["app_version"]),
            format_version=version,
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise KioskError("exchange_damaged", path=str(path)) from exc
    if raw.get("content_sha256") != manifest.content_sha256:
        raise KioskError("exchange_damaged", path=str(path))
    return manifest


def _read_all(stream: IO[bytes]) -> bytes:
    data = stream.read(MAX_MANIFEST_BYTES + 1)
    if len(data) > MAX_MANIFEST_BYTES:
        raise ValueError("manifest too big")
    return data


def _aware(value: Any) -> datetime:
    moment = datetime.fromisoformat(_text(value))
    if moment.tzinfo is None:
        raise ValueError("naive time")
    return moment


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("count")
    return value
