"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 17:47:29.209322

The tables are written as data, one line each: columns as "name type" ("?" after the type: nullable), then
"pk ...", "unique ...", "fk column -> table.column". Alembic's generated form of the same schema repeated
the same column shapes table after table; this form makes each table one line to read and to diff.
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

TYPES = {
    'int': sa.Integer, 'bigint': sa.BigInteger, 'text': sa.Text, 'bool': sa.Boolean, 'float': sa.Float,
    'json': sa.JSON,
}
TABLES: dict[str, tuple[str, ...]] = {
    'frameworks': ('id str40', 'name str200', 'catalog_version str40', 'pk id'),
    'users': ('id int', 'username str100', 'password_hash str300', 'role str20', 'opd str200?', 'active bool', 'created_at time', 'pk id', 'unique username'),
    'api_tokens': ('id int', 'token_sha256 str64', 'user_id int', 'expires_at time', 'created_at time', 'fk user_id -> users.id', 'pk id', 'unique token_sha256'),
    'batches': ('id int', 'framework_id str40', 'source_name str500', 'source_sha256 str64?', 'opd_override str200?', 'created_by str100?', 'status str20', 'error text?', 'archive_sha256 str64?', 'opd_scope str200?', 'attempts int', 'lease_token str40?', 'lease_expires_at time?', 'created_at time', 'finished_at time?', 'fk framework_id -> frameworks.id', 'pk id'),
    'documents': ('id int', 'batch_id int', 'path text', 'filename str500', 'opd str200?', 'opd_source str40?', 'sha256 str64?', 'size_bytes bigint', 'media_type str120?', 'status str20', 'error text?', 'duplicate_of_id int?', 'doc_type str40?', 'doc_metadata json?', 'pages int?', 'pages_needing_ocr int?', 'text_chars int', 'extractor str120?', 'extractor_version str240?', 'warnings json?', 'attempts int', 'lease_token str40?', 'lease_expires_at time?', 'enqueued_at time?', 'created_at time', 'updated_at time', 'fk batch_id -> batches.id', 'fk duplicate_of_id -> documents.id', 'pk id'),
    'contents': ('sha256 str64', 'document_id int', 'fk document_id -> documents.id', 'pk sha256'),
    'document_texts': ('document_id int', 'text text', 'fk document_id -> documents.id', 'pk document_id'),
    'reviews': ('id int', 'document_id int', 'framework_id str40', 'indicator_id int', 'decision str20', 'new_indicator_id int?', 'reason text?', 'reviewer str100', 'model_version str60?', 'created_at time', 'fk document_id -> documents.id', 'fk framework_id -> frameworks.id', 'pk id'),
    'suggestions': ('id int', 'document_id int', 'framework_id str40', 'indicator_id int', 'score float', 'threshold float?', 'above_threshold bool', 'rank int', 'reasons json', 'model_version str60', 'maturity_level int?', 'maturity_reason text?', 'evidence json?', 'created_at time', 'fk document_id -> documents.id', 'fk framework_id -> frameworks.id', 'pk id'),
}
# (table, index name, columns, named by the naming convention ``batch_op.f``)
INDEXES = (
    ('documents', 'ix_documents_batch_status', ['batch_id', 'status'], False),
    ('documents', 'ix_documents_opd', ['opd'], False),
    ('documents', 'ix_documents_sha256', ['sha256'], True),
    ('documents', 'ix_documents_status', ['status'], True),
    ('reviews', 'ix_reviews_doc_fw_ind', ['document_id', 'framework_id', 'indicator_id'], False),
    ('suggestions', 'ix_suggestions_doc_fw', ['document_id', 'framework_id'], False),
    ('suggestions', 'ix_suggestions_indicator_id', ['indicator_id'], True),
)


def _column_type(name: str) -> sa.types.TypeEngine:
    if name.startswith('str'):
        return sa.String(length=int(name[3:]))
    if name == 'time':
        return sa.DateTime(timezone=True)
    return TYPES[name]()


def _table_items(spec: tuple[str, ...]) -> list[sa.schema.SchemaItem]:
    items: list[sa.schema.SchemaItem] = []
    for entry in spec:
        first, rest = entry.split(' ', 1)
        if first == 'pk':
            items.append(sa.PrimaryKeyConstraint(rest))
        elif first == 'unique':
            items.append(sa.UniqueConstraint(rest))
        elif first == 'fk':
            column, target = rest.split(' -> ')
            items.append(sa.ForeignKeyConstraint([column], [target]))
        else:
            items.append(sa.Column(first, _column_type(rest.rstrip('?')), nullable=rest.endswith('?')))
    return items


def upgrade() -> None:
    for table, spec in TABLES.items():
        op.create_table(table, *_table_items(spec))
        for index_table, name, columns, conventional in INDEXES:
            if index_table == table:
                with op.batch_alter_table(table, schema=None) as batch_op:
                    batch_op.create_index(batch_op.f(name) if conventional else name, columns, unique=False)


def downgrade() -> None:
    for table in reversed(TABLES):
        for index_table, name, _, conventional in reversed(INDEXES):
            if index_table == table:
                with op.batch_alter_table(table, schema=None) as batch_op:
                    batch_op.drop_index(batch_op.f(name) if conventional else name)
        op.drop_table(table)
