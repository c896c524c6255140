"""an index on every column a foreign key points from

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

SQLite looks for the rows pointing at a row it deletes. Four such columns
had no index, so each deleted row read the whole table: undoing the import
of a venue-month (kiosk/exchange/undo.py) read 157 thousand consultations
once per visit, 22 s on a million visits. With the index it is a lookup.
Building them takes about a second on that file; no table is rebuilt.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXES = (
    ("consultation", "visit_id"),
    ("referral", "consultation_id"),
    ("workshop_slot", "workshop_id"),
    ("kpi_target", "venue_id"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table, column in INDEXES:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
