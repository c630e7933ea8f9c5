"""Read a batch back as domain objects for reports and JSON output."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from evidence.db.models import Document
from evidence.domain import FileStatus, ScannedDocument, Suggestion


def to_scanned(doc: Document, framework: str) -> ScannedDocument:
    rows = [s for s in doc.suggestions if s.framework_id == framework]
    suggestions = [Suggestion(s.indicator_id, s.score, tuple(s.reasons or ()), True) for s in rows if s.above_threshold]
    candidates = [Suggestion(s.indicator_id, s.score, (), s.above_threshold, s.candidate) for s in rows[:5]]
    status = doc.status if doc.status in FileStatus._value2member_map_ else FileStatus.FAILED.value
    return ScannedDocument(
        path=doc.path,
        sha256=doc.sha256,
        status=FileStatus(status),
        opd=doc.opd,
        error=doc.error if doc.status != "queued" else "failed: never processed",
        duplicate_of=doc.error.removeprefix("duplicate: same content as ") if doc.status == "duplicate" and doc.error else None,
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
