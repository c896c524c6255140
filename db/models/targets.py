"""KPI targets per fiscal year, as the grant's report form lists them.

One target per fiscal year, metric and scope, where the scope is one venue
or every venue (venue_id NULL). The unique constraint covers a venue's own
targets; it cannot see two "every venue" rows, since to SQL one NULL never
equals another, so a partial unique index over (fiscal_year, metric) where
venue_id IS NULL covers those. Both are the database's own rules, on SQLite
and PostgreSQL alike, so a merge of two PCs' files cannot bring in a second
row for one target (issue 14).

Why not one unique index on coalesce(venue_id, ''): SQLAlchemy cannot read
an index on an expression back from SQLite, so Alembic could not compare it
with the models, and its batch mode (which alters an SQLite table by copying
it) would silently leave it behind. A partial index is read back, compared
and copied with its WHERE.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    column,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row

ALL_VENUES_INDEX = "uq_kpi_target_all_venues"
_ALL_VENUES = column("venue_id").is_(None)


class KpiTarget(Row):
    __tablename__ = "kpi_target"
    __table_args__ = (
        CheckConstraint("target >= 0", name="target"),
        CheckConstraint("target_group IN ('goal', 'kpi')", name="group"),
        CheckConstraint("kind IN ('outcome', 'output')", name="kind"),
        UniqueConstraint("fiscal_year", "metric", "venue_id"),  # one venue's own
        Index(
            ALL_VENUES_INDEX,
            "fiscal_year",
            "metric",
            unique=True,
            sqlite_where=_ALL_VENUES,
            postgresql_where=_ALL_VENUES,
        ),
    )

    fiscal_year: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(32))
    venue_id: Mapped[str | None] = mapped_column(ForeignKey("venue.id"), index=True)  # None: all
    target: Mapped[float] = mapped_column(Float)
    target_group: Mapped[str] = mapped_column(String(8))  # 事業目標 / 事業KPI
    kind: Mapped[str] = mapped_column(String(8))  # アウトカム / アウトプット
