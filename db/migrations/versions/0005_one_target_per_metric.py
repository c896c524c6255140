"""one KPI target per fiscal year, metric and scope

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-15

The unique constraint on kpi_target (fiscal_year, metric, venue_id) never
saw two targets "for every venue" (venue_id NULL: to SQL one NULL never
equals another). Two PCs that each set one, merged, left both: the report
read one, the coordinator's edit changed the other, and the report kept the
old figure (issue 14).

Targets of one fiscal year, metric and scope that came twice or more are
merged first. The rule, the same on every PC so that two PCs holding the
same rows keep the same one:

- the row changed last (the greatest updated_at) is kept, as it is;
- among rows changed at the same instant, the one with the smallest id;
- the others are deleted, and one audit line per merge
  ("kpi_targets_merged", entity_id the kept row) names the row kept and
  each row dropped with its target, group, kind, time and device. The log
  says so too (a warning: the command line prints it).

Then a partial unique index on (fiscal_year, metric) WHERE venue_id IS NULL
makes the database refuse a second one (db/models/targets.py says why not
an index on coalesce(venue_id, '')). The unique constraint stays: it covers
one venue's own targets. No table is rebuilt.

Like every migration this runs inside the one transaction db.migrate opens:
the merge, its audit lines and the index commit together or not at all.
"""
import logging
import uuid
from datetime import UTC, datetime
from itertools import groupby
from typing import Any, Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

log = logging.getLogger("db.migrations")

INDEX = "uq_kpi_target_all_venues"
ACTION = "kpi_targets_merged"
NO_DEVICE = "migration"  # a database that never stored its device id

kpi_target = sa.table(
    "kpi_target",
    sa.column("id", sa.String),
    sa.column("fiscal_year", sa.Integer),
    sa.column("metric", sa.String),
    sa.column("venue_id", sa.String),
    sa.column("target", sa.Float),
    sa.column("target_group", sa.String),
    sa.column("kind", sa.String),
    sa.column("updated_at", sa.DateTime),
    sa.column("device_id", sa.String),
)
audit_entry = sa.table(
    "audit_entry",
    sa.column("id", sa.String),
    sa.column("at", sa.DateTime),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("detail", sa.JSON),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
    sa.column("device_id", sa.String),
)
setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.String))


def _scope(row: Any) -> tuple[int, str, str]:
    return (row.fiscal_year, row.metric, row.venue_id or "")


def kept_first(rows: list[Any]) -> list[Any]:
    """The rows of one scope, the one kept first: changed last, then the smallest id.

    kiosk.reports.targets.kept_first is the same rule for an import; this copy
    stays as it is, as a migration must.
    """
    by_id = sorted(rows, key=lambda r: r.id)
    return sorted(by_id, key=lambda r: r.updated_at, reverse=True)  # stable: ids stay in order


def _described(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "target": row.target,
        "group": row.target_group,
        "kind": row.kind,
        "updated_at": row.updated_at.isoformat(sep=" "),
        "device_id": row.device_id,
    }


def _merge_duplicates(bind: sa.Connection) -> int:
    """Delete all but one target of each scope; returns how many scopes were merged."""
    rows = bind.execute(sa.select(kpi_target)).all()
    groups = [list(g) for _, g in groupby(sorted(rows, key=_scope), key=_scope)]
    merges = [kept_first(g) for g in groups if len(g) > 1]
    if not merges:
        return 0
    device = bind.execute(sa.select(setting.c.value).where(setting.c.key == "device_id")).scalar()
    now = datetime.now(UTC).replace(tzinfo=None)  # stored as naive UTC, like every time
    for kept, *dropped in merges:
        bind.execute(kpi_target.delete().where(kpi_target.c.id.in_([r.id for r in dropped])))
        detail = {
            "fiscal_year": kept.fiscal_year,
            "metric": kept.metric,
            "all_venues": kept.venue_id is None,
            "venue_id": kept.venue_id,
            "rule": "newest",  # the greatest updated_at, then the smallest id
            "source": "upgrade",
            "kept": _described(kept),
            "dropped": [_described(r) for r in dropped],
        }
        bind.execute(
            audit_entry.insert().values(
                id=str(uuid.uuid4()),
                at=now,
                action=ACTION,
                entity="kpi_target",
                entity_id=kept.id,
                detail=detail,
                created_at=now,
                updated_at=now,
                device_id=device or NO_DEVICE,
            )
        )
        log.warning(
            "KPI targets merged: %s %s (%s): kept %s (target %s), dropped %s",
            kept.fiscal_year,
            kept.metric,
            "all venues" if kept.venue_id is None else f"venue {kept.venue_id}",
            kept.id,
            f"{kept.target:g}",
            ", ".join(f"{r.id} (target {r.target:g})" for r in dropped),
        )
    return len(merges)


def upgrade() -> None:
    """Upgrade schema."""
    _merge_duplicates(op.get_bind())
    all_venues = sa.text("venue_id IS NULL")
    op.create_index(
        INDEX,
        "kpi_target",
        ["fiscal_year", "metric"],
        unique=True,
        sqlite_where=all_venues,
        postgresql_where=all_venues,
    )


def downgrade() -> None:
    """Downgrade schema (the merged rows are not brought back: the audit lines keep them)."""
    op.drop_index(INDEX, table_name="kpi_target")
