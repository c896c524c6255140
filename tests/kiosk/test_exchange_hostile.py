"""Hostile exchange files: each is refused before anything is written, with a clear message.

The coordinator (`ctx`) is paired with two venue PCs, A and B, and already
holds B's records; a third PC was never paired, a fourth was revoked. Each
case makes one file as an attacker could (someone who found a USB stick, a
paired PC's insider, a stolen laptop) and imports it. Every case checks
the same four things: the coded refusal, a message in Japanese and English
(never the catch-all), every table unchanged, and no safety copy made,
nothing left in the scratch folder.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
import tracemalloc
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Visit
from kiosk.care.backups import list_backups
from kiosk.core.context import AppContext, local_now
from kiosk.core.database import open_database
from kiosk.core.error_messages import MESSAGES, describe
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.core.scratch import SCRATCH
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.exchange import file_format, ledger, pairing
from kiosk.exchange.export import export_for_coordinator
from kiosk.exchange.importer import import_file
from kiosk.exchange.keys import KeyPair, own_keys
from kiosk.exchange.seal import MAGIC, SIGNATURE, read_header, seal
from kiosk.reports import targets
from tests.exchange_files import content, edit_rows, fix_checksums, sealed_by, zipped
from tests.pairing_helpers import pair


@dataclass
class World:
    hub: AppContext  # the coordinator, importing
    a: AppContext  # a paired venue PC whose file is attacked
    b: AppContext  # another paired PC, whose rows the coordinator holds
    stranger: AppContext  # never paired
    revoked: AppContext  # paired, then revoked
    good: Path  # A's honest file
    root: Path

    def out(self, name: str) -> Path:
        return self.root / "usb" / name


def a_pc(root: Path, name: str, migrated: bytes, made: list[AppContext]) -> AppContext:
    folder = DataFolder(root / name)
    folder.root.mkdir(mode=0o700, parents=True)
    folder.database.write_bytes(migrated)
    opened = open_database(folder=folder)
    made.append(opened)
    pc = replace(opened, clock=local_now)
    ledger.set_device_name(pc, name)
    return pc


def a_day(pc: AppContext, venue: str, visits: int) -> events.EventInfo:
    place = venues.complete_setup(pc, "NPOつながり", venue, "in_person")
    event = events.open_event(pc, place.id)
    for n in range(visits):
        kids = (ChildRequest("1-2", "卵"),) if n == 0 else ()
        checkin.check_in(pc, CheckInRequest(event_id=event.id, age_band="30s", children=kids))
    return event


def build_world(hub: AppContext, root: Path, migrated: bytes, made: list[AppContext]) -> World:
    pcs = {n: a_pc(root, n, migrated, made) for n in ("A", "B", "X", "R")}
    for name in ("A", "B", "R"):
        pair(hub, pcs[name], root / "pairing")
    pair(a_pc(root, "other-hub", migrated, made), pcs["X"], root / "pairing")
    a_day(pcs["A"], "中央公民館", 3)
    a_day(pcs["B"], "東部センター", 2)
    a_day(pcs["R"], "西部会館", 1)
    a_day(pcs["X"], "北部会館", 1)
    targets.set_target(pcs["A"], 2026, "consultations", 180, "kpi", "output")
    import_file(hub, export_for_coordinator(pcs["B"], root / "usb" / "b.tsunagari").path)
    export_for_coordinator(pcs["R"], root / "usb" / "r.tsunagari")
    pairing.revoke(hub, pcs["R"].device_id)
    good = export_for_coordinator(pcs["A"], root / "usb" / "a.tsunagari").path
    return World(hub, pcs["A"], pcs["B"], pcs["X"], pcs["R"], good, root)


@pytest.fixture(scope="module")
def world(tmp_path_factory, migrated_database) -> Iterator[World]:
    """One world for the cases that only read it (each refused file changes nothing).

    On SQLite; the cases that need the database's own rules run on every
    backend with `world_here` below.
    """
    root = tmp_path_factory.mktemp("hostile")
    made: list[AppContext] = []
    hub = a_pc(root, "coordinator", migrated_database, made)
    yield build_world(hub, root, migrated_database, made)
    for pc in made:
        pc.close()


@pytest.fixture
def world_here(ctx, clock, tmp_path, migrated_database) -> Iterator[World]:
    """A world whose coordinator is `ctx`: on SQLite, and on PostgreSQL when there is one."""
    clock.now = local_now()  # the venue PCs run on the real clock
    made: list[AppContext] = []
    yield build_world(ctx, tmp_path, migrated_database, made)
    for pc in made:
        pc.close()


def table_rows(hub: AppContext) -> dict[str, list[str]]:
    from db.models import Base

    with hub.sessions() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
            for table in Base.metadata.sorted_tables
        }


def refused(world: World, path: Path, code: str) -> KioskError:
    """Refused with `code`: a real message in both languages, nothing written anywhere."""
    folder = DataFolder(world.hub.data_dir) if world.hub.data_dir else None
    copies = list_backups(folder) if folder else []
    before = table_rows(world.hub)
    with pytest.raises(KioskError) as excinfo:
        import_file(world.hub, path)
    error = excinfo.value
    assert error.code == code, error
    assert code in MESSAGES
    for lang in ("ja", "en"):
        assert describe(error, lang) != describe(KioskError("no_such_code"), lang)
    assert table_rows(world.hub) == before
    if folder is not None:
        assert list_backups(folder) == copies  # not even the safety copy
        scratch = folder.root / SCRATCH
        assert not scratch.exists() or not any(scratch.rglob("*"))
    return error


def members_of(world: World, path: Path | None = None) -> dict[str, bytes]:
    return content(world.hub, path or world.good)


def resealed(world: World, name: str, members: dict[str, bytes], signer: str = "a") -> Path:
    """A file with this content, signed by a paired PC (an insider, or a stolen laptop)."""
    return sealed_by(getattr(world, signer), zipped(members), world.out(name))


# --- the envelope: cut, flipped, forged, from the wrong PC ---------------------------------


def test_a_file_cut_in_half(world):
    cut = world.out("cut.tsunagari")
    cut.write_bytes(world.good.read_bytes()[: world.good.stat().st_size // 2])
    refused(world, cut, "exchange_signature_bad")


def test_a_file_one_byte_short(world):
    cut = world.out("short.tsunagari")
    cut.write_bytes(world.good.read_bytes()[:-1])
    refused(world, cut, "exchange_signature_bad")


def test_an_empty_file(world):
    empty = world.out("empty.tsunagari")
    empty.write_bytes(b"")
    refused(world, empty, "exchange_not_ours")


def test_a_file_that_is_not_an_exchange_file(world):
    text = world.out("minutes.tsunagari")
    text.write_text("議事録です", encoding="utf-8")
    refused(world, text, "exchange_not_ours")


def test_an_old_unsealed_zip(world):
    old = world.out("old.zip")
    old.write_bytes(zipped(members_of(world)))
    refused(world, old, "exchange_unsealed")


@pytest.mark.parametrize(
    "where,code",
    [
        ("magic", "exchange_not_ours"),
        ("header", "exchange_damaged"),
        ("content", "exchange_signature_bad"),
        ("tag", "exchange_signature_bad"),
        ("signature", "exchange_signature_bad"),
    ],
)
def test_a_flipped_byte_in_each_part(world, where, code):
    data = bytearray(world.good.read_bytes())
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    header_end = len(MAGIC) + 4 + length
    offset = {
        "magic": 2,
        "header": len(MAGIC) + 4 + 1,  # the JSON's first key: it no longer reads
        "content": (header_end + len(data) - SIGNATURE) // 2,
        "tag": len(data) - SIGNATURE - 3,
        "signature": len(data) - 5,
    }[where]
    data[offset] ^= 0x20
    flipped = world.out(f"flipped-{where}.tsunagari")
    flipped.write_bytes(bytes(data))
    refused(world, flipped, code)


def refused_any(world: World, path: Path, codes: set[str]) -> KioskError:
    before = table_rows(world.hub)
    with pytest.raises(KioskError) as excinfo:
        import_file(world.hub, path)
    assert excinfo.value.code in codes, excinfo.value
    assert table_rows(world.hub) == before
    return excinfo.value


def test_an_oversized_header_length(world):
    data = bytearray(world.good.read_bytes())
    data[len(MAGIC) : len(MAGIC) + 4] = struct.pack(">I", 1 << 30)
    bad = world.out("header.tsunagari")
    bad.write_bytes(bytes(data))
    refused(world, bad, "exchange_damaged")


def test_rows_edited_and_hashes_recomputed_without_the_key(world):
    """Everything an attacker with the file but no key can do: the signature stops it."""
    edited = edit_rows(members_of(world), "visit", lambda row: row.update(age_band="70s"))
    stranger_keys = KeyPair.generate()
    header = read_header(world.good)
    forged = world.out("rehashed.tsunagari")
    seal(
        io.BytesIO(zipped(edited)),
        forged,
        stranger_keys,
        header.sender,
        [own_keys(world.hub).public],
        "exchange",
    )
    refused(world, forged, "exchange_signature_bad")


def test_a_file_re_signed_by_another_paired_pc(world):
    """B signs A's sealed file as its own: the header still names A, whose key disagrees."""
    data = world.good.read_bytes()
    body = data[:-SIGNATURE]
    resigned = own_keys(world.b).signature(
        b"tsunagari sealed file v1\x00" + hashlib.sha256(body).digest()
    )
    forged = world.out("resigned.tsunagari")
    forged.write_bytes(body + resigned)
    refused(world, forged, "exchange_signature_bad")


def test_another_paired_pc_claiming_a_third_pcs_rows(world):
    """B, paired, sends rows that name A as their maker: B may speak only for itself."""
    members = members_of(world)  # A's rows
    forged = resealed(world, "b-claims-a.tsunagari", members, signer="b")
    refused(world, forged, "exchange_not_own_rows")


def test_a_file_from_a_pc_that_was_never_paired(world):
    path = export_for_coordinator(world.stranger, world.out("stranger.tsunagari")).path
    error = refused(world, path, "exchange_unpaired")
    assert error.params["device"] == world.stranger.device_id[:8]


def test_a_file_from_a_revoked_pc(world):
    error = refused(world, world.out("r.tsunagari"), "exchange_revoked")
    assert error.params["name"] == "R"


def test_a_file_made_after_its_pc_was_revoked(world):
    later = export_for_coordinator(world.revoked, world.out("r2.tsunagari")).path
    refused(world, later, "exchange_revoked")


def test_a_file_from_this_same_pc(world):
    """The coordinator's own set-up file, given back to it."""
    own = export_for_coordinator(world.hub, world.out("own.tsunagari")).path
    refused(world, own, "exchange_same_device")


def test_a_file_meant_for_the_venue_pcs(world):
    """A paired PC's file marked as set-up (the coordinator's direction)."""
    forged = sealed_by(world.a, zipped(members_of(world)), world.out("setup.tsunagari"), "setup")
    refused(world, forged, "exchange_wrong_direction")


def test_a_file_sealed_to_another_coordinator(world):
    header = read_header(world.good)
    other = KeyPair.generate()
    forged = world.out("elsewhere.tsunagari")
    seal(
        io.BytesIO(zipped(members_of(world))),
        forged,
        own_keys(world.a),
        header.sender,
        [other.public],
        "exchange",
    )
    refused(world, forged, "exchange_not_for_us")


def test_a_replay_of_a_file_already_imported(world_here):
    world = world_here
    import_file(world.hub, world.good)
    before = table_rows(world.hub)
    again = import_file(world.hub, world.good)
    assert again.already_imported_at is not None and again.tables == {}
    assert table_rows(world.hub) == before


def test_a_file_from_the_future(world):
    future = replace(world.a, clock=lambda: local_now() + timedelta(days=3))
    path = export_for_coordinator(future, world.out("future.tsunagari"), everything=True).path
    refused(world, path, "exchange_from_the_future")


def test_a_file_over_the_size_limit(world, monkeypatch):
    monkeypatch.setattr(file_format, "MAX_FILE_BYTES", world.good.stat().st_size - 1)
    from kiosk.exchange import receive

    monkeypatch.setattr(receive, "MAX_FILE_BYTES", world.good.stat().st_size - 1)
    refused(world, world.good, "exchange_too_big")


# --- the content, signed by a paired PC's insider ------------------------------------------


@pytest.mark.parametrize("member", ["../evil.jsonl", "/etc/passwd", "tables/../x.jsonl", "a.txt"])
def test_path_traversal_and_absolute_member_names(world, member):
    members = {**members_of(world), member: b"{}\n"}
    refused(
        world,
        resealed(world, "traversal.tsunagari", members),
        "exchange_unexpected_member",
    )


def test_a_member_twice(world):
    members = members_of(world)

    def twice(archive: zipfile.ZipFile) -> None:
        with warnings.catch_warnings():  # zipfile warns of what the attacker wants
            warnings.simplefilter("ignore", UserWarning)
            archive.writestr("tables/visit.jsonl", members["tables/visit.jsonl"])

    forged = sealed_by(world.a, zipped(members, twice), world.out("twice.tsunagari"))
    refused(world, forged, "exchange_unexpected_member")


def test_a_zip_bomb(world):
    def bomb(archive: zipfile.ZipFile) -> None:
        archive.writestr("tables/paper_day.jsonl", b"\n" * (50 << 20))

    forged = sealed_by(world.a, zipped(members_of(world), bomb), world.out("bomb.tsunagari"))
    refused(world, forged, "exchange_too_big")


def test_no_manifest(world):
    members = {k: v for k, v in members_of(world).items() if k != "manifest.json"}
    refused(world, resealed(world, "bare.tsunagari", members), "exchange_not_ours")


def test_a_manifest_naming_another_pc(world):
    members = members_of(world)
    manifest = json.loads(members["manifest.json"])
    manifest["device_id"] = world.b.device_id
    members["manifest.json"] = json.dumps(manifest).encode()
    forged = resealed(world, "manifest.tsunagari", fix_checksums(members))
    refused(world, forged, "exchange_not_own_rows")


def test_a_row_claiming_to_be_the_importers_own(world):
    edited = edit_rows(
        members_of(world), "visit", lambda r: r.update(device_id=world.hub.device_id)
    )
    refused(world, resealed(world, "as-hub.tsunagari", edited), "exchange_not_own_rows")


def test_a_cancellation_of_another_pcs_visit(world_here):
    """A re-sends B's visit as cancelled, under B's name: refused as not its own."""
    world = world_here
    with world.hub.sessions() as session:
        theirs = (
            session.execute(select(Visit).where(Visit.device_id == world.b.device_id))
            .scalars()
            .first()
        )
        row = {c.name: getattr(theirs, c.name) for c in Visit.__table__.columns}
    row.update(status="cancelled", cancel_reason="mistake", updated_at=local_now())
    encoded = file_format.encode_row(file_format.exported_columns(Visit.__table__), _Obj(row))
    raw = json.dumps(encoded, ensure_ascii=False)
    edited = edit_rows(members_of(world), "visit", raw_line=raw)
    refused(world, resealed(world, "cancel-b.tsunagari", edited), "exchange_not_own_rows")


def test_taking_over_an_existing_id_of_another_pc(world_here):
    """A sends a row with the id of B's visit, stamped as its own: an id that exists
    here with other content and another maker is not A's to change."""
    world = world_here
    with world.hub.sessions() as session:
        theirs_id = session.scalars(
            select(Visit.id).where(Visit.device_id == world.b.device_id)
        ).first()

    def take_over(row: dict[str, Any]) -> None:
        row["id"] = theirs_id
        row["updated_at"] = (local_now() + timedelta(minutes=5)).isoformat()

    edited = edit_rows(members_of(world), "visit", take_over)
    refused(world, resealed(world, "takeover.tsunagari", edited), "exchange_not_own_rows")


@pytest.mark.parametrize(
    "key,value",
    [
        ("coordinator_pin", "scrypt$...$0000"),
        ("retention_days", "3650"),
        ("fiscal_year_start_month", "1"),
        ("language", "en"),
        ("project_name", "なりすまし事業"),
    ],
)
def test_a_setting_injected(world, key, value):
    members = members_of(world)
    setting = {
        "id": "6d1c0c4e-6b6f-4b4a-9b7e-1d2c3b4a5f60",
        "created_at": local_now().isoformat(),
        "updated_at": local_now().isoformat(),
        "device_id": world.a.device_id,
        "key": key,
        "value": value,
    }
    line = (json.dumps(setting, ensure_ascii=False) + "\n").encode()
    members["tables/setting.jsonl"] = members.get("tables/setting.jsonl", b"") + line
    manifest = json.loads(members["manifest.json"])
    manifest["tables"].setdefault("setting", {"rows": 0, "sha256": ""})
    members["manifest.json"] = json.dumps(manifest).encode()
    forged = resealed(world, f"setting-{key}.tsunagari", fix_checksums(members))
    refused(world, forged, "exchange_not_own_rows")


def test_missing_parents(world_here):
    """A visit whose day is in an earlier file never imported: refused before the copy."""
    world = world_here
    checkin.check_in(world.a, CheckInRequest(event_id=_an_event_of(world.a), age_band="40s"))
    second = export_for_coordinator(world.a, world.out("second.tsunagari")).path
    refused(world, second, "exchange_needs_earlier_file")


def test_an_integer_past_64_bits(world):
    edited = edit_rows(members_of(world), "visit", lambda r: r.update(number=2**70))
    refused(world, resealed(world, "int.tsunagari", edited), "exchange_number_out_of_range")


def test_not_a_number(world):
    line = members_of(world)["tables/kpi_target.jsonl"].decode().splitlines()[0]
    edited = edit_rows(members_of(world), "kpi_target", raw_line=line.replace("180.0", "NaN"))
    refused(world, resealed(world, "nan.tsunagari", edited), "exchange_not_a_number")


def test_a_name_with_an_escape_sequence(world):
    edited = edit_rows(members_of(world), "venue", lambda r: r.update(name="\x1b[2J中央"))
    refused(world, resealed(world, "esc.tsunagari", edited), "exchange_bad_text")


def test_a_value_the_schema_refuses(world_here):
    world = world_here
    edited = edit_rows(members_of(world), "visit", lambda r: r.update(status="bogus"))
    refused(world, resealed(world, "check.tsunagari", edited), "exchange_row_refused")


def test_a_line_of_eight_megabytes_of_noise_is_refused_in_small_memory(world):
    """Incompressible, so no zip-bomb guard stops it: the line limit does. The
    importer reads at most 1 MiB of a line (24 MB were needed with no limit)."""
    noise = base64.b64encode(os.urandom(6 << 20)).decode()  # 8 MiB
    edited = edit_rows(members_of(world), "venue", raw_line=json.dumps({"name": noise}))
    forged = resealed(world, "line.tsunagari", edited)
    del noise, edited
    tracemalloc.start()
    try:
        refused(world, forged, "exchange_damaged")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 6 << 20, f"{peak >> 20} MB to refuse one line"


def test_a_line_of_a_hundred_megabytes(world):
    """The issue's 100 MB line (it took 323 MB to import): refused unread."""
    huge = "x" * (100 << 20)
    edited = edit_rows(members_of(world), "venue", raw_line=huge)
    forged = resealed(world, "huge-line.tsunagari", edited)
    del huge, edited
    refused_any(world, forged, {"exchange_damaged", "exchange_too_big"})


# --- helpers ---------------------------------------------------------------------------


class _Obj:
    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def _an_event_of(pc: AppContext) -> str:
    from db.models import Event

    with pc.sessions() as session:
        return str(session.scalars(select(Event.id)).first())
