"""Each distinct content is processed once, by the document that first claimed it.

Later documents with the same SHA-256 (in other batches, possibly uploaded at the same moment) follow it:
they get its results when it reaches a final state, instead of being extracted and classified again.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from evidence.db import rows
from evidence.db.models import Content, Document, DocumentText, SuggestionRecord
from evidence.states import DocumentState

_COPIED = ("status", "error", "media_type", "doc_type", "doc_metadata", "pages", "pages_needing_ocr", "text_chars",
           "extractor", "extractor_version", "warnings")
_OWN = frozenset({"id", "document_id", "created_at"})  # suggestion columns a copy does not take over


def claim_content(session: Session, digest: str, doc: Document) -> Document | None:
    """Make ``doc`` the processor of ``digest``; return the existing processor if there is one.

    The primary key decides between concurrent uploads: PostgreSQL makes the loser wait for the winner's
    commit and then raises, SQLite serialises writers.
    """
    existing = session.get(Content, digest)
    if existing is None:
        try:
            with session.begin_nested():
                session.add(Content(sha256=digest, document_id=doc.id))
            return None
        except IntegrityError:
            existing = rows.existing(session, Content, digest)
    return session.get(Document, existing.document_id)


def copy_results(session: Session, original: Document, copy: Document) -> None:
    for attr in _COPIED:
        setattr(copy, attr, getattr(original, attr))
    copy.duplicate_of_id = original.id
    session.flush()
    text = session.get(DocumentText, original.id)
    if text is not None and session.get(DocumentText, copy.id) is None:
        session.add(DocumentText(document_id=copy.id, text=text.text))
    for s in original.suggestions:
        # Every column but the row's own: a copy that dropped ``candidate`` (or the maturity hint, or the
        # quoted evidence) made the gap report call evidence "belum ada" on a second scan of one archive.
        values = {c.key: getattr(s, c.key) for c in SuggestionRecord.__table__.columns if c.key not in _OWN}
        session.add(SuggestionRecord(**values, document_id=copy.id))


def settle_followers(session: Session, original: Document) -> int:
    """Give the original's final results to every document still waiting on it."""
    if original.status == DocumentState.QUEUED:
        return 0
    session.flush()
    session.refresh(original)
    followers = session.scalars(
        select(Document).where(Document.duplicate_of_id == original.id, Document.status == DocumentState.QUEUED)
    ).all()
    for follower in followers:
        copy_results(session, original, follower)
    return len(followers)
