"""programme tables: workshops, questionnaire, consultations, KPI targets

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('workshop',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.String(length=400), nullable=True),
    sa.Column('default_capacity', sa.Integer(), nullable=True),
    sa.Column('default_minutes', sa.Integer(), nullable=True),
    sa.Column('facilitator', sa.String(length=100), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint('default_capacity IS NULL OR default_capacity > 0', name=op.f('ck_workshop_capacity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop'))
    )
    op.create_table('case_meeting',
    sa.Column('venue_id', sa.String(length=36), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("status IN ('active', 'cancelled')", name=op.f('ck_case_meeting_status')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_case_meeting_venue_id_venue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_meeting'))
    )
    with op.batch_alter_table('case_meeting', schema=None) as batch_op:
        batch_op.create_index('ix_case_meeting_venue_date', ['venue_id', 'date'], unique=False)

    op.create_table('kpi_target',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('metric', sa.String(length=32), nullable=False),
    sa.Column('venue_id', sa.String(length=36), nullable=True),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('target_group', sa.String(length=8), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("kind IN ('outcome', 'output')", name=op.f('ck_kpi_target_kind')),
    sa.CheckConstraint("target_group IN ('goal', 'kpi')", name=op.f('ck_kpi_target_group')),
    sa.CheckConstraint('target >= 0', name=op.f('ck_kpi_target_target')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_kpi_target_venue_id_venue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kpi_target')),
    sa.UniqueConstraint('fiscal_year', 'metric', 'venue_id', name=op.f('uq_kpi_target_fiscal_year_metric_venue_id'))
    )
    op.create_table('supporter_attendance',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_kind', sa.String(length=32), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint('count >= 0', name=op.f('ck_supporter_attendance_count')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_supporter_attendance_event_id_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supporter_attendance'))
    )
    with op.batch_alter_table('supporter_attendance', schema=None) as batch_op:
        batch_op.create_index('ix_supporter_attendance_event', ['event_id'], unique=False)

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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_response'))
    )
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.create_index('ix_survey_response_event', ['event_id'], unique=False)

    op.create_table('workshop_slot',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('workshop_id', sa.String(length=36), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("status IN ('open', 'removed')", name=op.f('ck_workshop_slot_status')),
    sa.CheckConstraint('capacity IS NULL OR capacity > 0', name=op.f('ck_workshop_slot_capacity')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_workshop_slot_event_id_event')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_workshop_slot_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_slot'))
    )
    with op.batch_alter_table('workshop_slot', schema=None) as batch_op:
        batch_op.create_index('ix_workshop_slot_event', ['event_id'], unique=False)

    op.create_table('consultation',
    sa.Column('venue_id', sa.String(length=36), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('staff_role', sa.String(length=32), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("channel IN ('in_person', 'phone', 'online', 'home_visit')", name=op.f('ck_consultation_channel')),
    sa.CheckConstraint("status IN ('active', 'cancelled')", name=op.f('ck_consultation_status')),
    sa.CheckConstraint('minutes IS NULL OR minutes >= 0', name=op.f('ck_consultation_minutes')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_consultation_event_id_event')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_consultation_venue_id_venue')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_consultation_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation'))
    )
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.create_index('ix_consultation_event', ['event_id'], unique=False)
        batch_op.create_index('ix_consultation_venue_date', ['venue_id', 'date'], unique=False)

    op.create_table('signup',
    sa.Column('slot_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("status IN ('booked', 'waitlisted', 'cancelled', 'attended')", name=op.f('ck_signup_status')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_signup_event_id_event')),
    sa.ForeignKeyConstraint(['slot_id'], ['workshop_slot.id'], name=op.f('fk_signup_slot_id_workshop_slot')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_signup_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signup'))
    )
    with op.batch_alter_table('signup', schema=None) as batch_op:
        batch_op.create_index('ix_signup_event', ['event_id'], unique=False)
        batch_op.create_index('ix_signup_slot', ['slot_id'], unique=False)
        batch_op.create_index('ix_signup_visit', ['visit_id'], unique=False)

    op.create_table('referral',
    sa.Column('venue_id', sa.String(length=36), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('consultation_id', sa.String(length=36), nullable=True),
    sa.Column('agency', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("status IN ('active', 'cancelled')", name=op.f('ck_referral_status')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_referral_consultation_id_consultation')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_referral_venue_id_venue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index('ix_referral_venue_date', ['venue_id', 'date'], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    """Downgrade schema."""
    """Downgrade schema."""
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index('ix_referral_venue_date')

    op.drop_table('referral')
    with op.batch_alter_table('signup', schema=None) as batch_op:
        batch_op.drop_index('ix_signup_visit')
        batch_op.drop_index('ix_signup_slot')
        batch_op.drop_index('ix_signup_event')

    op.drop_table('signup')
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_index('ix_consultation_venue_date')
        batch_op.drop_index('ix_consultation_event')

    op.drop_table('consultation')
    with op.batch_alter_table('workshop_slot', schema=None) as batch_op:
        batch_op.drop_index('ix_workshop_slot_event')

    op.drop_table('workshop_slot')
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_response_event')

    op.drop_table('survey_response')
    with op.batch_alter_table('supporter_attendance', schema=None) as batch_op:
        batch_op.drop_index('ix_supporter_attendance_event')

    op.drop_table('supporter_attendance')
    op.drop_table('kpi_target')
    with op.batch_alter_table('case_meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_case_meeting_venue_date')

    op.drop_table('case_meeting')
    op.drop_table('workshop')
