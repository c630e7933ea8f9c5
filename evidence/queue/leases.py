"""Work claims in the database: a lease with a token and an attempt counter per document and per batch.

Why: RQ can lose or duplicate deliveries (SIGKILLed workers, Redis restarts, expired job data). A worker
may write a final state only while its lease token still holds, so a job delivered twice, or finished
after its lease was given to another worker, changes nothing.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from evidence.db import Database
from evidence.db.contents import settle_followers
from evidence.db.models import Batch, Document, utcnow
from evidence.states import BatchState, DocumentState, FailureCode, failure

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Claim:
    token: str
    attempts: int


def gave_up_reason(attempts: int) -> str:
    return failure(FailureCode.GAVE_UP, f"processing did not finish after {attempts} attempts (worker crash or timeout)")


def claim_document(session: Session, document_id: int, *, lease_seconds: int, max_attempts: int) -> Claim | None:
    """Claim a queued document whose lease is free; None when someone else holds it or it is final."""
    now = utcnow()
    token = uuid.uuid4().hex
    result = session.execute(
        update(Document)
        .where(Document.id == document_id, Document.status == DocumentState.QUEUED, Document.duplicate_of_id.is_(None),
               or_(Document.lease_expires_at.is_(None), Document.lease_expires_at < now))
        .values(lease_token=token, lease_expires_at=now + timedelta(seconds=lease_seconds),
                attempts=Document.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return None
    doc = session.get(Document, document_id)
    session.refresh(doc)
    if doc.attempts > max_attempts:
        doc.status, doc.error = DocumentState.FAILED, gave_up_reason(doc.attempts - 1)
        doc.lease_token = doc.lease_expires_at = None
        settle_followers(session, doc)
        return None
    return Claim(token, doc.attempts)


def release_document(session: Session, document_id: int, token: str) -> bool:
    """First statement of the final write: True only if our lease still holds (and locks the row)."""
    result = session.execute(
        update(Document)
        .where(Document.id == document_id, Document.lease_token == token, Document.status == DocumentState.QUEUED)
        .values(lease_token=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def extend_document_lease(session: Session, document_id: int, token: str, lease_seconds: int) -> bool:
    """Push our lease's expiry forward; False when it is no longer ours (the work will not be recorded)."""
    result = session.execute(
        update(Document)
        .where(Document.id == document_id, Document.lease_token == token, Document.status == DocumentState.QUEUED)
        .values(lease_expires_at=utcnow() + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


@contextmanager
def lease_kept(db: Database, document_id: int, token: str, lease_seconds: int) -> Iterator[None]:
    """Renew the lease every third of its length while the block runs (an OCR of many pages can take
    far longer than one lease). A SIGKILLed worker stops renewing, so its lease still expires quickly."""
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(max(lease_seconds / 3, 0.5)):
            try:
                with db.session() as session:
                    if not extend_document_lease(session, document_id, token, lease_seconds):
                        return
            except Exception:  # a database hiccup: try again next period; the lease may lapse meanwhile
                log.warning("could not renew the lease of document %s", document_id, exc_info=True)

    thread = threading.Thread(target=renew, name=f"lease-{document_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def retry_while_database_away(action: Callable[[], T], *, for_seconds: float, step: float = 1.0) -> T:
    """``action()``, retried every ``step`` seconds while the database is unreachable (a restart, a dropped
    connection), for at most ``for_seconds``; then the last error is raised. Any other error at once.

    Why: a worker that finished a file while PostgreSQL restarted would otherwise fail its job and wait for
    the lease to lapse and the reconciler to re-deliver; this records the result the moment it is back."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    deadline = time.monotonic() + for_seconds
    while True:
        try:
            return action()
        except (OperationalError, InterfaceError):
            if time.monotonic() >= deadline:
                raise
            log.warning("database unavailable; retrying the write in %.0f s", step)
            time.sleep(step)


def claim_batch(session: Session, batch_id: int, *, lease_seconds: int, max_attempts: int) -> Claim | None:
    now = utcnow()
    token = uuid.uuid4().hex
    result = session.execute(
        update(Batch)
        .where(Batch.id == batch_id, Batch.status == BatchState.RECEIVED,
               or_(Batch.lease_expires_at.is_(None), Batch.lease_expires_at < now))
        .values(lease_token=token, lease_expires_at=now + timedelta(seconds=lease_seconds),
                attempts=Batch.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return None
    batch = session.get(Batch, batch_id)
    session.refresh(batch)
    if batch.attempts > max_attempts:
        batch.status, batch.error = BatchState.FAILED, gave_up_reason(batch.attempts - 1)
        batch.lease_token = batch.lease_expires_at = None
        return None
    return Claim(token, batch.attempts)


def release_batch(session: Session, batch_id: int, token: str) -> bool:
    result = session.execute(
        update(Batch)
        .where(Batch.id == batch_id, Batch.lease_token == token, Batch.status == BatchState.RECEIVED)
        .values(lease_token=None, lease_expires_at=None, status=BatchState.INGESTING)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1
