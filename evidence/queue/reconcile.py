"""The reconciler: finds work the queue lost and re-delivers it; gives up after N attempts.

Runs periodically (``spbe reconcile`` or the worker's scheduler). It trusts only the database: a document
still ``queued`` whose lease expired, or that was enqueued long ago and never claimed, is delivered again;
the lease claim makes a duplicate delivery harmless.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, or_, select

from evidence.db import Database
from evidence.db.contents import settle_followers
from evidence.db.models import Batch, Document, utcnow
from evidence.domain import FileStatus
from evidence.pipeline.process import finish_batch
from evidence.queue.leases import gave_up_reason
from evidence.settings import Settings


@dataclass
class ReconcileReport:
    batches_to_ingest: list[int] = field(default_factory=list)
    documents_by_batch: dict[int, list[int]] = field(default_factory=dict)
    documents_failed: list[int] = field(default_factory=list)
    batches_failed: list[int] = field(default_factory=list)
    batches_finished: list[int] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "batches_requeued": len(self.batches_to_ingest),
            "documents_requeued": sum(len(v) for v in self.documents_by_batch.values()),
            "documents_failed": len(self.documents_failed),
            "batches_failed": len(self.batches_failed),
            "batches_finished": len(self.batches_finished),
        }


def _stalled(model, now, stale_before):
    """Lease expired, or never claimed although delivered (or created) before ``stale_before``."""
    never_claimed = and_(model.lease_expires_at.is_(None), model.lease_token.is_(None))
    delivered_at = model.enqueued_at if model is Document else model.created_at
    return or_(
        model.lease_expires_at < now,
        and_(never_claimed, or_(delivered_at.is_(None), delivered_at < stale_before)),
    )


def reconcile(db: Database, settings: Settings, *, stale_after_seconds: int | None = None) -> ReconcileReport:
    now = utcnow()
    stale_before = now - timedelta(seconds=stale_after_seconds if stale_after_seconds is not None
                                   else settings.requeue_after_seconds)
    report = ReconcileReport()
    by_batch: dict[int, list[int]] = defaultdict(list)
    with db.session() as session:
        for batch in session.scalars(
            select(Batch).where(Batch.status == "received", _stalled(Batch, now, stale_before)).with_for_update(skip_locked=True)
        ):
            if batch.attempts >= settings.max_attempts:
                batch.status, batch.error = "failed", gave_up_reason(batch.attempts)
                batch.lease_token = batch.lease_expires_at = None
                report.batches_failed.append(batch.id)
            else:
                batch.lease_token = batch.lease_expires_at = None
                report.batches_to_ingest.append(batch.id)
        for doc in session.scalars(
            select(Document).where(Document.status == "queued", Document.duplicate_of_id.is_(None),
                                   _stalled(Document, now, stale_before))
            .with_for_update(skip_locked=True)
        ):
            if doc.attempts >= settings.max_attempts:
                doc.status, doc.error = FileStatus.FAILED.value, gave_up_reason(doc.attempts)
                doc.lease_token = doc.lease_expires_at = None
                settle_followers(session, doc)
                report.documents_failed.append(doc.id)
            else:
                doc.lease_token = doc.lease_expires_at = None
                doc.enqueued_at = now
                by_batch[doc.batch_id].append(doc.id)
        report.documents_by_batch = dict(by_batch)
    with db.session() as session:
        for batch_id in session.scalars(select(Batch.id).where(Batch.status == "processing")):
            if finish_batch(session, batch_id):
                report.batches_finished.append(batch_id)
    return report
