"""Work claims in the database: a lease with a token and an attempt counter per document and per batch.

Why: RQ can lose or duplicate deliveries (SIGKILLed workers, Redis restarts, expired job data). A worker
may write a final state only while its lease token still holds, so a job delivered twice, or finished
after its lease was given to another worker, changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, update
from sqlalchemy.orm import Session

from evidence.db.contents import settle_followers
from evidence.db.models import Batch, Document, utcnow
from evidence.states import BatchState, DocumentState, FailureCode, failure


@dataclass(frozen=True)
class Claim:
    token: str
    attempts: int


def gave_up_reason(attempts: int) -> str:
    return failure(FailureCode.GAVE_UP,
                   f"processing did not finish after {attempts} attempts (worker crash or timeout)")


def _take_lease(session: Session, model: type[Document] | type[Batch], row_id: int, waiting: ColumnElement[bool],
                lease_seconds: int) -> str | None:
    """One UPDATE that takes a free lease on a waiting row and counts the attempt; the token, or None."""
    now = utcnow()
    token = uuid.uuid4().hex
    result: Any = session.execute(
        update(model)
        .where(model.id == row_id, waiting, or_(model.lease_expires_at.is_(None), model.lease_expires_at < now))
        .values(lease_token=token, lease_expires_at=now + timedelta(seconds=lease_seconds),
                attempts=model.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return token if result.rowcount == 1 else None


def claim_document(session: Session, document_id: int, *, lease_seconds: int, max_attempts: int) -> Claim | None:
    """Claim a queued document whose lease is free; None when someone else holds it or it is final."""
    waiting = (Document.status == DocumentState.QUEUED) & Document.duplicate_of_id.is_(None)
    token = _take_lease(session, Document, document_id, waiting, lease_seconds)
    doc = session.get(Document, document_id) if token is not None else None
    if token is None or doc is None:
        return None
    session.refresh(doc)
    if doc.attempts > max_attempts:
        doc.status, doc.error = DocumentState.FAILED, gave_up_reason(doc.attempts - 1)
        doc.lease_token = doc.lease_expires_at = None
        settle_followers(session, doc)
        return None
    return Claim(token, doc.attempts)


def release_document(session: Session, document_id: int, token: str) -> bool:
    """First statement of the final write: True only if our lease still holds (and locks the row)."""
    result: Any = session.execute(
        update(Document)
        .where(Document.id == document_id, Document.lease_token == token, Document.status == DocumentState.QUEUED)
        .values(lease_token=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)


def claim_batch(session: Session, batch_id: int, *, lease_seconds: int, max_attempts: int) -> Claim | None:
    """Claim a received upload for ingesting; after ``max_attempts`` the batch fails with a reason."""
    token = _take_lease(session, Batch, batch_id, Batch.status == BatchState.RECEIVED, lease_seconds)
    batch = session.get(Batch, batch_id) if token is not None else None
    if token is None or batch is None:
        return None
    session.refresh(batch)
    if batch.attempts > max_attempts:
        batch.status, batch.error = BatchState.FAILED, gave_up_reason(batch.attempts - 1)
        batch.lease_token = batch.lease_expires_at = None
        return None
    return Claim(token, batch.attempts)


def release_batch(session: Session, batch_id: int, token: str) -> bool:
    """Give the batch's lease back and mark it ingesting; False when the lease is no longer ours."""
    result: Any = session.execute(
        update(Batch)
        .where(Batch.id == batch_id, Batch.lease_token == token, Batch.status == BatchState.RECEIVED)
        .values(lease_token=None, lease_expires_at=None, status=BatchState.INGESTING)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)
