"""Rows for tests that need classified documents without running extraction or a model.

Why: review, queue, scoping and report logic depend on suggestions and reviews, not on how a PDF was read;
writing the rows directly keeps those tests fast and independent of the trained model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from evidence.catalog import load_catalog
from evidence.db.frameworks import ensure_framework
from evidence.db.models import Batch, Document, DocumentText, Review, SuggestionRecord

FRAMEWORK = "spbe-2020"
KOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"


@dataclass(frozen=True)
class S:
    """A suggestion row: indicator, score, threshold (above_threshold follows score >= threshold)."""

    indicator_id: int
    score: float
    threshold: float | None = 0.5
    model_version: str = "m1"
    reasons: tuple[str, ...] = ("kata kunci",)
    candidate: bool = False  # among the document's "perlu dicek" candidates


def batch(session: Session, *, opd_scope: str | None = None, framework: str = FRAMEWORK,
          created_by: str = "seed") -> Batch:
    ensure_framework(session, load_catalog(framework))
    row = Batch(framework_id=framework, source_name="seed.zip", status="done", opd_scope=opd_scope,
                opd_override=opd_scope, created_by=created_by)
    session.add(row)
    session.flush()
    return row


def document(
    session: Session,
    parent: Batch,
    path: str,
    *,
    opd: str | None,
    status: str = "ok",
    suggestions: Sequence[S] = (),
    text: str | None = None,
    content: bytes | None = None,
    error: str | None = None,
    duplicate_of: Document | None = None,
) -> Document:
    """A document with its suggestion rows; a ``duplicate_of`` copy shares its original's content (and hash)."""
    digest = hashlib.sha256(content if content is not None else path.encode()).hexdigest()
    if duplicate_of is not None:
        status, digest = "duplicate", duplicate_of.sha256 or digest
    doc = Document(batch_id=parent.id, path=path, filename=path.rsplit("/", 1)[-1], opd=opd, status=status,
                   sha256=digest if status != "failed" else None, error=error, text_chars=len(text or ""),
                   size_bytes=len(content or b""), media_type="text/plain" if text else None,
                   duplicate_of_id=duplicate_of.id if duplicate_of is not None else None)
    session.add(doc)
    session.flush()
    if text is not None:
        session.add(DocumentText(document_id=doc.id, text=text))
    ranked = sorted(suggestions, key=lambda s: -s.score)
    for rank, s in enumerate(ranked):
        session.add(SuggestionRecord(
            document_id=doc.id, framework_id=parent.framework_id, indicator_id=s.indicator_id, score=s.score,
            threshold=s.threshold, above_threshold=s.threshold is not None and s.score >= s.threshold, rank=rank,
            reasons=list(s.reasons), model_version=s.model_version, candidate=s.candidate,
        ))
    session.flush()
    return doc


def review(session: Session, doc: Document, indicator_id: int, decision: str, *, new_indicator_id: int | None = None,
           reviewer: str = "rina", framework: str = FRAMEWORK, model_version: str | None = None) -> Review:
    row = Review(document_id=doc.id, framework_id=framework, indicator_id=indicator_id, decision=decision,
                 new_indicator_id=new_indicator_id, reviewer=reviewer, model_version=model_version)
    session.add(row)
    session.flush()
    return row
