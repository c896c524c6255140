"""questionnaire responses keep no order of arrival

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Responses were kept "to the hour", but more told when each came:

- survey_response's hidden rowid (SQLite), or its rows' physical place and
  row version (PostgreSQL), gave the order responses were sent in, and so
  placed one between two check-ins. On SQLite it becomes a WITHOUT ROWID
  table keyed by its random id; on both, the rows are written anew in id
  order, so no page keeps the old order either.
- each response wrote a "survey_response_recorded" audit line, whose place
  in audit_entry did the same: those lines are deleted, and on SQLite
  audit_entry is copied anew so that its rowids close over the gaps.
- the first response of a fresh install stored the questionnaire's
  definition in a setting row stamped to the microsecond: the definitions'
  times are kept to the hour.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (
    "event_id, questionnaire_id, questionnaire_version, answered_hour, language, source,"
    " answers, id, created_at, updated_at, device_id"
)
OLD = "_survey_response_0003"


def _create_survey_response(with_rowid: bool) -> None:
    op.create_table('survey_response',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('questionnaire_id', sa.String(length=64), nullable=False),
    sa.Column('questionnaire_version', sa.Integer(), nullable=False),
    sa.Column('answered_hour', sa.DateTime(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("source IN ('kiosk', 'paper')", name=op.f('ck_survey_response_source')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_survey_response_event_id_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_response')),
    sqlite_with_rowid=with_rowid,
    )


def _rebuild_survey_response(with_rowid: bool) -> None:
    """A new table, its rows copied in (random) id order."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE survey_response RENAME TO {OLD}")
        _create_survey_response(with_rowid)
        op.execute(
            f"INSERT INTO survey_response ({COLUMNS}) SELECT {COLUMNS} FROM {OLD} ORDER BY id"
        )
        op.drop_table(OLD)  # and its index with it
        op.create_index('ix_survey_response_event', 'survey_response', ['event_id'], unique=False)
    elif with_rowid is False:
        # One transaction rewrites them all: one row version, places in id order.
        op.execute(f"CREATE TEMPORARY TABLE {OLD} ON COMMIT DROP AS SELECT * FROM survey_response")
        op.execute("DELETE FROM survey_response")
        op.execute(f"INSERT INTO survey_response ({COLUMNS}) SELECT {COLUMNS} FROM {OLD} ORDER BY id")


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    _rebuild_survey_response(with_rowid=False)
    deleted = bind.execute(
        sa.text("DELETE FROM audit_entry WHERE action = 'survey_response_recorded'")
    ).rowcount
    if deleted and bind.dialect.name == "sqlite":
        # Copied anew, the lines get consecutive rowids: no gap shows where one went.
        with op.batch_alter_table('audit_entry', recreate='always'):
            pass
    if bind.dialect.name == "sqlite":
        hour = "substr({0}, 1, 13) || ':00:00.000000'"
    else:
        hour = "date_trunc('hour', {0})"
    op.execute(
        f"UPDATE setting SET created_at = {hour.format('created_at')},"
        f" updated_at = {hour.format('updated_at')} WHERE key LIKE 'questionnaire/%'"
    )


def downgrade() -> None:
    """Downgrade schema (the audit lines and exact times are not brought back)."""
    _rebuild_survey_response(with_rowid=True)
