"""Read a batch back as domain objects for reports and JSON output."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from evidence.db.models import Document
from evidence.domain import ScannedDocument, Suggestion, listed_candidates
from evidence.states import DocumentState, FailureCode, duplicate_origin, failure


def to_scanned(doc: Document, framework: str) -> ScannedDocument:
    rows = [s for s in doc.suggestions if s.framework_id == framework]
    suggestions = [Suggestion(s.indicator_id, s.score, tuple(s.reasons or ()), True) for s in rows if s.above_threshold]
    candidates = [Suggestion(s.indicator_id, s.score, (), s.above_threshold, s.candidate) for s in listed_candidates(rows)]
    known = doc.status in DocumentState._value2member_map_ and DocumentState(doc.status).is_final
    status = DocumentState(doc.status) if known else DocumentState.FAILED
    return ScannedDocument(
        path=doc.path,
        sha256=doc.sha256,
        status=status,
        opd=doc.opd,
        error=doc.error if doc.status != DocumentState.QUEUED else failure(FailureCode.FAILED, "never processed"),
        duplicate_of=duplicate_origin(doc.error) if doc.status == DocumentState.DUPLICATE else None,
        doc_type=doc.doc_type,
        pages=doc.pages,
        text_chars=doc.text_chars,
        size_bytes=doc.size_bytes,
        suggestions=sorted(suggestions, key=lambda s: -s.score),
        candidates=candidates,
        model_version=rows[0].model_version if rows else None,
        framework=framework,
    )


def batch_documents(session: Session, batch_id: int, framework: str) -> list[ScannedDocument]:
    stmt = (
        select(Document)
        .where(Document.batch_id == batch_id)
        .options(selectinload(Document.suggestions))
        .order_by(Document.path, Document.id)
    )
    return [to_scanned(doc, framework) for doc in session.scalars(stmt)]
