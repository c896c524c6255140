"""What travels in an exchange file, and for whom a file may speak: one list, both ways.

The export selects by it and the import checks every row against it, so a
file can hold nothing the app would not have written:

- every table of the schema, parents before children; of each row only the
  columns not withheld (nicknames, their search keys and care notes never
  leave the PC they were typed on);
- only rows made by the PC that makes the file (`device_id`): each PC
  speaks for itself, so a file can neither add nor change nor cancel a row
  of another PC, of the coordinator, or of the PC importing it;
- of the settings, only stored questionnaire definitions: a PIN, the
  retention period, the fiscal year, the language, the project's name, the
  keys and the pairing are this PC's own and never travel.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, Select, Table, select

from db.models import Base

SHARED_SETTING_PREFIX = "questionnaire/"
WITHHELD: dict[str, tuple[str, ...]] = {
    "visitor": ("nickname", "search_key"),
    "child_care": ("care_note",),
}
SETTING = "setting"


def exchanged_tables() -> list[Table]:
    """Every table but this PC's own (info "local": the phone codes), parents before
    children (the order rows must go in)."""
    return [t for t in Base.metadata.sorted_tables if not t.info.get("local")]


def exported_columns(table: Table) -> list[Column[Any]]:
    withheld = WITHHELD.get(table.name, ())
    return [c for c in table.columns if c.name not in withheld]


def selection(table: Table, device_id: str, since: datetime | None) -> Select[Any]:
    """The rows of `table` this PC may send: its own, changed since `since` (None: all)."""
    query = select(*exported_columns(table)).where(table.c.device_id == device_id)
    if since is not None and table.info.get("times_to_the_hour"):
        # Its times are floored to the hour (questionnaire responses): one sent
        # after `since` in the same hour is stamped before it. Sending the
        # hour's rows again is harmless: an import takes a row it has once.
        query = query.where(table.c.updated_at >= since - timedelta(hours=1))
    elif since is not None:
        query = query.where(table.c.updated_at >= since)
    if table.name == SETTING:
        query = query.where(table.c.key.startswith(SHARED_SETTING_PREFIX, autoescape=True))
    return query


def refusal(table: str, row: dict[str, Any], sender: str) -> str | None:
    """Why a row of a file signed by `sender` may not be taken in, or None.

    "not_own_row": it names another PC as its maker; "setting_not_shared": a
    setting other than a questionnaire definition.
    """
    if row.get("device_id") != sender:
        return "not_own_row"
    if table == SETTING and not str(row.get("key", "")).startswith(SHARED_SETTING_PREFIX):
        return "setting_not_shared"
    return None
