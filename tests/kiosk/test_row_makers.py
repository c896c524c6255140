"""A row's device_id names the PC that made it, for good: an edit never changes it.

Exchange files may only create and change rows their maker made
(kiosk/exchange/allowed.py), so the maker must not move: when the
coordinator corrected a venue PC's venue, the edit used to stamp the
coordinator's id on it, and the venue PC's next file was then refused as
speaking for another PC's row.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from db.models import Venue
from kiosk.door import venues

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def test_no_service_reassigns_a_rows_maker():
    found = []
    for path in sorted(KIOSK.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and target.attr == "device_id"
                        and not (isinstance(target.value, ast.Name) and target.value.id == "self")
                    ):  # self.device_id: a demo generator's own, not a row's
                        found.append(f"{path.relative_to(KIOSK.parent)}:{node.lineno}")
    assert found == []


def test_an_edit_on_another_pc_keeps_the_maker(ctx, venue):
    other = replace(ctx, device_id="00000000-0000-4000-8000-000000000002")
    venues.rename_venue(other, venue.id, "中央公民館（本館）")
    with ctx.sessions() as session:
        assert session.scalar(select(Venue.device_id).where(Venue.id == venue.id)) == ctx.device_id
