"""Batches as a viewer sees them: progress of one, the list with counts per document state."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence.db.models import Batch, Document
from evidence.queries.scope import Page, Viewer, paginate, scope_batches, scope_documents
from evidence.states import DocumentState


@dataclass
class BatchProgress:
    batch: Batch
    counts: dict[str, int]  # every document status, zeros included
    documents: list[Document]


DOCUMENT_STATUSES: tuple[str, ...] = tuple(s.value for s in DocumentState)


def get_batch(session: Session, viewer: Viewer, batch_id: int) -> Batch | None:
    return session.scalar(scope_batches(select(Batch).where(Batch.id == batch_id), viewer))


def batch_progress(session: Session, viewer: Viewer, batch_id: int) -> BatchProgress | None:
    batch = get_batch(session, viewer, batch_id)
    if batch is None:
        return None
    counted = scope_documents(
        select(Document.status, func.count()).where(Document.batch_id == batch_id).group_by(Document.status), viewer
    )
    counts = dict.fromkeys(DOCUMENT_STATUSES, 0)
    for status, count in session.execute(counted):
        counts[status] = counts.get(status, 0) + count
    docs = scope_documents(select(Document).where(Document.batch_id == batch_id), viewer)
    documents = list(session.scalars(docs.order_by(Document.path, Document.id)))
    return BatchProgress(batch, counts, documents)


@dataclass
class BatchSummary:
    batch: Batch
    counts: dict[str, int]  # every document status, zeros included

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def list_batches(session: Session, viewer: Viewer, *, limit: int, offset: int) -> Page[BatchSummary]:
    """Batches the viewer may see, newest first, with their documents counted per status (one query)."""
    total, paged = paginate(session, scope_batches(select(Batch), viewer), limit, offset, Batch.id.desc())
    batches = list(session.scalars(paged))
    counts: dict[int, dict[str, int]] = {b.id: dict.fromkeys(DOCUMENT_STATUSES, 0) for b in batches}
    if batches:
        counted = scope_documents(
            select(Document.batch_id, Document.status, func.count())
            .where(Document.batch_id.in_(list(counts))).group_by(Document.batch_id, Document.status), viewer)
        for batch_id, status, count in session.execute(counted):
            counts[batch_id][status] = counts[batch_id].get(status, 0) + count
    return Page([BatchSummary(b, counts[b.id]) for b in batches], total, limit, offset)


def document_status_counts(session: Session) -> dict[str, int]:
    """All documents by status, unscoped: for the admin-only metrics endpoint."""
    counts = dict.fromkeys(DOCUMENT_STATUSES, 0)
    for status, count in session.execute(select(Document.status, func.count()).group_by(Document.status)):
        counts[status] = counts.get(status, 0) + count
    return counts
