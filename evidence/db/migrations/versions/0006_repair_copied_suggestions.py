"""Copied results get back what the copy left out: the "perlu dicek" candidate flag, maturity hint, evidence

Before this release a document whose content had been processed before (the same file in a later batch, or
in another OPD's archive) got the original's suggestion rows without these columns, so gap reports over
such batches could call evidence "belum ada" that a file in them may hold. Data only; nothing to undo.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_COLUMNS = ('candidate', 'maturity_level', 'maturity_reason', 'evidence')
_suggestions = sa.table('suggestions', *(sa.column(c) for c in ('id', 'document_id', 'framework_id', 'indicator_id',
                                                                 *_COLUMNS)))
_documents = sa.table('documents', sa.column('id'), sa.column('duplicate_of_id'))


def _from_original(column: str) -> sa.ScalarSelect:
    """The original's value for the same framework and indicator (its newest row if classified again)."""
    original = _suggestions.alias('original')
    return (sa.select(original.c[column])
            .select_from(original.join(_documents, _documents.c.duplicate_of_id == original.c.document_id))
            .where(_documents.c.id == _suggestions.c.document_id,
                   original.c.framework_id == _suggestions.c.framework_id,
                   original.c.indicator_id == _suggestions.c.indicator_id)
            .order_by(original.c.id.desc()).limit(1).scalar_subquery())


def upgrade() -> None:
    copies = sa.select(_documents.c.id).where(_documents.c.duplicate_of_id.is_not(None))
    op.execute(sa.update(_suggestions)
               .where(_suggestions.c.document_id.in_(copies), _from_original('id').is_not(None))
               .values({column: _from_original(column) for column in _COLUMNS}))


def downgrade() -> None:
    pass
