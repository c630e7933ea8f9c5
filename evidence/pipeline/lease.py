"""Keeping a claimed document's lease while the slow work runs, and the final write through a database restart."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from evidence.db import Database
from evidence.db.models import Document, utcnow
from evidence.states import DocumentState

log = logging.getLogger(__name__)
T = TypeVar("T")


def extend_document_lease(session: Session, document_id: int, token: str, lease_seconds: int) -> bool:
    """Push our lease's expiry forward; False when it is no longer ours (the work will not be recorded)."""
    result: Any = session.execute(
        update(Document)
        .where(Document.id == document_id, Document.lease_token == token, Document.status == DocumentState.QUEUED)
        .values(lease_expires_at=utcnow() + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)


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
