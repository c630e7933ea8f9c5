"""batches.source_sha256 dropped: written at intake, never read (``archive_sha256`` names the stored upload)

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE (SQLite >= 3.35 drops a column in place): a batch-mode copy of ``batches`` would
    # drop the table that ``documents`` references while foreign keys are enforced.
    op.drop_column('batches', 'source_sha256')


def downgrade() -> None:
    op.add_column('batches', sa.Column('source_sha256', sa.String(length=64), nullable=True))
    op.execute('UPDATE batches SET source_sha256 = archive_sha256')
