"""Fan-in: a batch is done once none of its documents is still queued."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence.db.models import Batch, Document, utcnow
from evidence.states import BATCH_TRANSITIONS, BatchState, DocumentState, advance


def finish_batch(session: Session, batch_id: int) -> bool:
    """Mark a processing batch done when nothing of it waits; True when the batch is (now) done.

    Called after every file job (RQ's fan-in), by the reconciler and by ``spbe scan``: whichever comes
    last finds nothing queued, so the batch is finished exactly once whatever order the jobs end in."""
    batch = session.get(Batch, batch_id)
    if batch is None or batch.status != BatchState.PROCESSING:
        return batch is not None and batch.status == BatchState.DONE
    pending = session.scalar(
        select(func.count()).select_from(Document)
        .where(Document.batch_id == batch_id, Document.status == DocumentState.QUEUED)
    )
    if pending:
        return False
    batch.status = advance(batch.status, BatchState.DONE, BATCH_TRANSITIONS)
    batch.finished_at = utcnow()
    return True
