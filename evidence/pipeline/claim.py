"""Work claims in the database: a lease with a token and an attempt counter per document and per batch.

Why: RQ can lose or duplicate deliveries (SIGKILLed workers, Redis restarts, expired job data). A worker
may write a final state only while its lease token still holds, so a job delivered twice, or finished
after its lease was given to another worker, changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

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


R = TypeVar("R", Document, Batch)


def _claim(session: Session, model: type[R], row_id: int, waiting: ColumnElement[bool], lease_seconds: int,
           max_attempts: int, failed: DocumentState | BatchState) -> tuple[R | None, Claim | None]:
    """Take the lease and count the attempt; past ``max_attempts`` the row fails with the reason instead.
    (the row when it gave up, None) or (None, the claim); (None, None) when the lease was not free."""
    token = _take_lease(session, model, row_id, waiting, lease_seconds)
    row = session.get(model, row_id) if token is not None else None
    if token is None or row is None:
        return None, None
    session.refresh(row)
    if row.attempts > max_attempts:
        row.status, row.error = failed, gave_up_reason(row.attempts - 1)
        row.lease_token = row.lease_expires_at = None
        return row, None
    return None, Claim(token, row.attempts)


def claim_document(session: Session, document_id: int, *, lease_seconds: int, max_attempts: int) -> Claim | None:
    """Claim a queued document whose lease is free; None when someone else holds it or it is final."""
    waiting = (Document.status == DocumentState.QUEUED) & Document.duplicate_of_id.is_(None)
    doc, claim = _claim(session, Document, document_id, waiting, lease_seconds, max_attempts, DocumentState.FAILED)
    if doc is not None and claim is None:  # gave up: the copies waiting on this content get its failure
        settle_followers(session, doc)
    return claim


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
    waiting = Batch.status == BatchState.RECEIVED
    return _claim(session, Batch, batch_id, waiting, lease_seconds, max_attempts, BatchState.FAILED)[1]


def release_batch(session: Session, batch_id: int, token: str) -> bool:
    """Give the batch's lease back and mark it ingesting; False when the lease is no longer ours."""
    result: Any = session.execute(
        update(Batch)
        .where(Batch.id == batch_id, Batch.lease_token == token, Batch.status == BatchState.RECEIVED)
        .values(lease_token=None, lease_expires_at=None, status=BatchState.INGESTING)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)
