"""Append-only audit trail: who changed which decision, user or model, when, and what it was before.

Why a table of its own: reviews are already append-only, but user and role changes, password changes and
model promotions leave no trace elsewhere, and an admin needs one place to answer "who did this". Rows
are only ever inserted; the migration adds database triggers that refuse UPDATE and DELETE, so not even a
bug in this code can rewrite history.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from evidence.db.models import Base, Review, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100), index=True)  # a username, or "cli:<os user>"
    action: Mapped[str] = mapped_column(String(60), index=True)  # e.g. review.relabel, user.created
    target_type: Mapped[str] = mapped_column(String(40))  # document, user, model
    target_id: Mapped[str] = mapped_column(String(200))
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)


def cli_actor() -> str:
    """Who runs a command-line change (no API login there): the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


def record_event(session: Session, *, actor: str, action: str, target_type: str, target_id: str,
                 before: Any | None = None, after: Any | None = None) -> AuditEvent:
    """Add one event to the caller's transaction: it is committed, or rolled back, with the change itself."""
    event = AuditEvent(actor=actor, action=action, target_type=target_type, target_id=str(target_id)[:200],
                       before=before, after=after)
    session.add(event)
    return event


def _decision(review: Review | None) -> dict | None:
    if review is None:
        return None
    return {"review_id": review.id, "decision": review.decision, "new_indicator_id": review.new_indicator_id,
            "reviewer": review.reviewer, "reason": review.reason}


def record_review_events(session: Session, rows: Sequence[Review]) -> None:
    """One event per new review row, with the decision it supersedes (None for a first decision)."""
    for row in rows:
        previous_id = session.scalar(
            select(func.max(Review.id)).where(Review.document_id == row.document_id,
                                              Review.framework_id == row.framework_id,
                                              Review.indicator_id == row.indicator_id, Review.id < row.id)
        )
        previous = session.get(Review, previous_id) if previous_id is not None else None
        record_event(session, actor=row.reviewer, action=f"review.{row.decision}", target_type="document",
                     target_id=f"{row.document_id}/{row.framework_id}/{row.indicator_id}",
                     before=_decision(previous), after=_decision(row))


def record_model_event(db, *, actor: str, action: str, framework: str, before: str | None, after: str | None) -> None:
    """Model promotions live in the models folder, not the database; their trail is here."""
    with db.session() as session:
        record_event(session, actor=actor, action=action, target_type="model", target_id=framework,
                     before={"version": before}, after={"version": after})


def list_events(session: Session, *, action: str | None = None, actor: str | None = None,
                before_id: int | None = None, limit: int = 100) -> list[AuditEvent]:
    """Newest first; ``before_id`` pages back through older events."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action.startswith(action, autoescape=True))
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    return list(session.scalars(query))
