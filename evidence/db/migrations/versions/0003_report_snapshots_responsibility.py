"""report_snapshots (progress since the last report) and responsibility_overrides (who owes an indicator)

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'report_snapshots',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('framework_id', sa.String(length=40), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=False),
        sa.Column('created_by', sa.String(length=100), nullable=True),
        sa.Column('summary', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['framework_id'], ['frameworks.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_report_snapshots_fw_created', 'report_snapshots', ['framework_id', 'created_at'])
    op.create_table(
        'responsibility_overrides',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('framework_id', sa.String(length=40), nullable=False),
        sa.Column('indicator_id', sa.Integer(), nullable=False),
        sa.Column('opds', sa.JSON(), nullable=False),
        sa.Column('updated_by', sa.String(length=100), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('framework_id', 'indicator_id', name='uq_responsibility_fw_ind'),
    )


def downgrade() -> None:
    op.drop_table('responsibility_overrides')
    op.drop_index('ix_report_snapshots_fw_created', table_name='report_snapshots')
    op.drop_table('report_snapshots')
