"""one-time codes for the questionnaire on participants' phones

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

A new table only: survey_code holds a slow hash of each code that can still
answer and the day it is good for (db/models/survey_codes.py). No time, no
device, no order: WITHOUT ROWID on SQLite, keyed by the hash.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('survey_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('valid_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_survey_code')),
    sqlite_with_rowid=False,
    )
    op.create_index('ix_survey_code_valid_on', 'survey_code', ['valid_on'])


def downgrade() -> None:
    op.drop_index('ix_survey_code_valid_on', table_name='survey_code')
    op.drop_table('survey_code')
