"""KPI targets per fiscal year, as the grant's report form lists them."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row


class KpiTarget(Row):
    __tablename__ = "kpi_target"
    __table_args__ = (
        CheckConstraint("target >= 0", name="target"),
        CheckConstraint("target_group IN ('goal', 'kpi')", name="group"),
        CheckConstraint("kind IN ('outcome', 'output')", name="kind"),
        UniqueConstraint("fiscal_year", "metric", "venue_id"),
    )

    fiscal_year: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(32))
    venue_id: Mapped[str | None] = mapped_column(ForeignKey("venue.id"))  # None: all venues
    target: Mapped[float] = mapped_column(Float)
    target_group: Mapped[str] = mapped_column(String(8))  # 事業目標 / 事業KPI
    kind: Mapped[str] = mapped_column(String(8))  # アウトカム / アウトプット
