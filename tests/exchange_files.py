"""Open and remake sealed exchange files in tests, as a paired PC's insider could.

A PC paired with the coordinator holds its own key: whoever controls it can
write any content and sign it. These helpers let a test do just that (open
a file with the coordinator's key, change its zip, seal it again with the
sending PC's key), so the importer's checks of the content are tested
behind a valid signature, not only the signature itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.core.context import AppContext
from kiosk.exchange.keys import own_keys
from kiosk.exchange.seal import read_header, seal, unseal
from kiosk.exchange.trust import addressees

Members = dict[str, bytes]


def content(reader: AppContext, sealed: Path) -> Members:
    """The members of the zip inside `sealed`, opened with `reader`'s key."""
    header = read_header(sealed)
    out = io.BytesIO()
    unseal(sealed, header, own_keys(reader), out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(members: Members, extra: Callable[[zipfile.ZipFile], None] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if extra is not None:
            extra(archive)
    return out.getvalue()


def sealed_by(signer: AppContext, data: bytes, target: Path, kind: str | None = None) -> Path:
    """`data` sealed and signed as `signer` would (to its own addressees)."""
    to = addressees(signer)
    seal(
        io.BytesIO(data), target, own_keys(signer), signer.device_id, list(to.keys), kind or to.kind
    )
    return target


def fix_checksums(members: Members) -> Members:
    """The manifest's checksums made right again, as someone who knows the format would."""
    manifest = json.loads(members["manifest.json"])
    for name, entry in manifest["tables"].items():
        data = members.get(f"tables/{name}.jsonl", b"")
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        entry["rows"] = data.count(b"\n")
    entries = "".join(f"{n}:{t['sha256']}\n" for n, t in sorted(manifest["tables"].items()))
    manifest["content_sha256"] = hashlib.sha256(entries.encode()).hexdigest()
    return {**members, "manifest.json": json.dumps(manifest, ensure_ascii=False).encode()}


def edit_rows(
    members: Members,
    table: str,
    edit: Callable[[dict[str, Any]], None] | None = None,
    raw_line: str | None = None,
) -> Members:
    """Edit the first row of `table` (or replace it by `raw_line`); checksums fixed."""
    member = f"tables/{table}.jsonl"
    lines = members[member].decode().splitlines(keepends=True)
    if raw_line is not None:
        lines[0] = raw_line + "\n"
    elif edit is not None:
        first = json.loads(lines[0])
        edit(first)
        lines[0] = json.dumps(first, ensure_ascii=False) + "\n"
    return fix_checksums({**members, member: "".join(lines).encode()})


def forge(
    reader: AppContext,
    signer: AppContext,
    source: Path,
    target: Path,
    table: str,
    edit: Callable[[dict[str, Any]], None] | None = None,
    raw_line: str | None = None,
    **manifest_changes: object,
) -> Path:
    """`source` with the first row of `table` edited (or replaced by `raw_line`) and every
    checksum fixed, sealed again by `signer`: only the values can give it away."""
    members = edit_rows(content(reader, source), table, edit, raw_line)
    if manifest_changes:
        manifest = json.loads(members["manifest.json"])
        manifest.update(manifest_changes)
        members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    return sealed_by(signer, zipped(members), target)
