"""The reconciler: finds work the queue lost and re-delivers it; gives up after N attempts.

Runs every few seconds (``spbe reconcile``, one loop around ``reconcile_pass``). The database says what is unfinished; Redis (through a
``RedisJobProbe``) says whether a job for it is still on its way. A document still ``queued`` with no live
lease and no live job is delivered again at once; without a probe (tests, no Redis) "never claimed for
``requeue_after_seconds``" stands in for "no live job". The lease claim makes a duplicate delivery harmless.
A batch row still ``received`` with no ingest job is the outbox of an upload made while Redis was down.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, or_, select

from evidence.db import Database
from evidence.db.contents import settle_followers
from evidence.db.models import Batch, Document, utcnow
from evidence.pipeline.claim import gave_up_reason
from evidence.pipeline.finish import finish_batch
from evidence.queue.dispatch import Dispatcher
from evidence.queue.probe import JobProbe
from evidence.settings import Settings
from evidence.states import BatchState, DocumentState


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


def _lease_free(model, now):
    return or_(model.lease_expires_at.is_(None), model.lease_expires_at < now)


def _lost_by_probe(db: Database, probe: JobProbe, now: datetime, grace: timedelta) -> tuple[list[int], list[int]]:
    """(batch ids, document ids) with no live lease, no live job, and not just handed to the queue.

    Reads ids without locks; the caller re-checks the same conditions under lock, so a worker that claims
    meanwhile wins and the row is skipped."""
    recent = now - grace
    with db.session() as session:
        batches = session.execute(
            select(Batch.id, Batch.lease_token, Batch.created_at)
            .where(Batch.status == BatchState.RECEIVED, _lease_free(Batch, now))
        ).all()
        docs = session.execute(
            select(Document.id, Document.lease_token, Document.enqueued_at)
            .where(Document.status == DocumentState.QUEUED, Document.duplicate_of_id.is_(None), _lease_free(Document, now))
        ).all()
    if not batches and not docs:
        return [], []  # the common case: nothing waits, Redis is not even asked
    live = probe.snapshot()

    def settled(token: str | None, handed_at: datetime | None) -> bool:
        # Claimed once (its lease lapsed), or handed to the queue longer ago than the grace.
        return token is not None or handed_at is None or _aware(handed_at) < recent

    lost_batches = [b.id for b in batches if b.id not in live.batches and settled(b.lease_token, b.created_at)]
    lost_docs = [d.id for d in docs if d.id not in live.documents and settled(d.lease_token, d.enqueued_at)]
    return lost_batches, lost_docs


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes; everything is stored in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def reconcile(db: Database, settings: Settings, *, stale_after_seconds: int | None = None,
              probe: JobProbe | None = None) -> ReconcileReport:
    """One pass: re-deliver (or give up on) lost work, then finish batches with nothing left queued."""
    now = utcnow()
    stale_before = now - timedelta(seconds=stale_after_seconds if stale_after_seconds is not None
                                   else settings.requeue_after_seconds)
    if probe is not None:
        lost_batches, lost_docs = _lost_by_probe(db, probe, now, timedelta(seconds=settings.enqueue_grace_seconds))
        batch_filter = and_(Batch.id.in_(lost_batches), _lease_free(Batch, now))
        doc_filter = and_(Document.id.in_(lost_docs), _lease_free(Document, now))
    else:
        batch_filter, doc_filter = _stalled(Batch, now, stale_before), _stalled(Document, now, stale_before)
    report = ReconcileReport()
    by_batch: dict[int, list[int]] = defaultdict(list)
    with db.session() as session:
        for batch in session.scalars(
            select(Batch).where(Batch.status == BatchState.RECEIVED, batch_filter).with_for_update(skip_locked=True)
        ):
            if batch.attempts >= settings.max_attempts:
                batch.status, batch.error = BatchState.FAILED, gave_up_reason(batch.attempts)
                batch.lease_token = batch.lease_expires_at = None
                report.batches_failed.append(batch.id)
            else:
                batch.lease_token = batch.lease_expires_at = None
                report.batches_to_ingest.append(batch.id)
        for doc in session.scalars(
            select(Document).where(Document.status == DocumentState.QUEUED, Document.duplicate_of_id.is_(None), doc_filter)
            .with_for_update(skip_locked=True)
        ):
            if doc.attempts >= settings.max_attempts:
                doc.status, doc.error = DocumentState.FAILED, gave_up_reason(doc.attempts)
                doc.lease_token = doc.lease_expires_at = None
                settle_followers(session, doc)
                report.documents_failed.append(doc.id)
            else:
                doc.lease_token = doc.lease_expires_at = None
                doc.enqueued_at = now
                by_batch[doc.batch_id].append(doc.id)
        report.documents_by_batch = dict(by_batch)
    with db.session() as session:
        for batch_id in session.scalars(select(Batch.id).where(Batch.status == BatchState.PROCESSING)):
            if finish_batch(session, batch_id):
                report.batches_finished.append(batch_id)
    return report


def reconcile_pass(db: Database, settings: Settings, dispatcher: Dispatcher, *,
                   stale_after_seconds: int | None = None) -> dict[str, int]:
    """One reconciler pass, and the lost work handed back to the queue; the pass's counts.

    With Redis, the dispatcher's probe tells which documents still have a job on its way, so lost work is
    found within one pass; the database is changed only after Redis answered (a Redis outage changes
    nothing, and the pass is simply tried again). ``stale_after_seconds`` asks for the probe-less rule
    ("never claimed for this long") instead. Re-deliveries go before new work, so a crash does not send a
    file to the back of the queue."""
    probe = dispatcher.probe(settings.enqueue_grace_seconds) if stale_after_seconds is None else None
    report = reconcile(db, settings, stale_after_seconds=stale_after_seconds, probe=probe)
    for batch_id in report.batches_to_ingest:
        dispatcher.submit_batch(batch_id)
    for batch_id, doc_ids in report.documents_by_batch.items():
        dispatcher.submit_documents(batch_id, doc_ids, at_front=True)
    return report.summary()
