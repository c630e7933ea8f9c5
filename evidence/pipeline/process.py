"""Process one stored document: extract its text, classify it, record the outcome.

Split in three so the slow part holds no database lock: claim (short transaction) -> compute (pure:
extraction + classification, no database) -> record (short transaction that first checks the lease).
Never raises for a bad file: every failure becomes the document's final state with a readable reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence.db import Database
from evidence.db.contents import settle_followers
from evidence.db.models import Batch, Document, DocumentText, SuggestionRecord, utcnow
from evidence.domain import FileStatus, Suggestion
from evidence.extraction import ExtractionResult, extract
from evidence.queue.leases import claim_document, release_document
from evidence.storage import BlobStore


class ClassificationLike(Protocol):
    doc_type: str | None
    suggestions: Sequence[Suggestion]
    candidates: Sequence[Suggestion]
    model_version: str
    framework: str


class DocumentClassifier(Protocol):
    """What the pipeline needs from the model; the adapters pass ``classifier.IndicatorClassifier``."""

    def classify(self, text: str, path: str = "") -> ClassificationLike: ...

    def threshold(self, indicator_id: int) -> float: ...


@dataclass
class Outcome:
    status: str
    error: str | None
    extraction: ExtractionResult | None = None
    classification: ClassificationLike | None = None


def compute_outcome(
    data: bytes, filename: str, path: str, classifier: DocumentClassifier, *, min_chars_per_page: int, max_pages: int
) -> Outcome:
    """Pure: bytes in, outcome out. Any exception becomes a failed outcome with its reason."""
    try:
        result = extract(data, filename, min_chars_per_page=min_chars_per_page, max_pages=max_pages)
        if result.status != "ok":
            return Outcome(result.status, result.error, result)
        return Outcome(FileStatus.OK.value, None, result, classifier.classify(result.text, path))
    except Exception as exc:  # one bad file must not stop the batch
        return Outcome(FileStatus.FAILED.value, f"extractor_error: {type(exc).__name__}: {exc}"[:2000])


def apply_outcome(session: Session, doc: Document, outcome: Outcome, classifier: DocumentClassifier | None) -> None:
    doc.status, doc.error = outcome.status, outcome.error
    result = outcome.extraction
    if result is not None:
        doc.media_type = result.media_type
        doc.extractor = result.extractor
        doc.extractor_version = result.extractor_version
        doc.pages = result.page_count
        doc.pages_needing_ocr = sum(p.needs_ocr for p in result.pages) if result.pages else None
        doc.text_chars = result.text_chars
        doc.warnings = list(result.warnings) or None
    cls = outcome.classification
    if cls is None or result is None or classifier is None:
        return
    session.merge(DocumentText(document_id=doc.id, text=result.text))
    doc.doc_type = cls.doc_type
    ranked: dict[int, Suggestion] = {s.indicator_id: s for s in cls.candidates}
    ranked.update({s.indicator_id: s for s in cls.suggestions})
    for rank, s in enumerate(sorted(ranked.values(), key=lambda s: -s.score)):
        session.add(SuggestionRecord(
            document_id=doc.id, framework_id=cls.framework, indicator_id=s.indicator_id, score=s.score,
            threshold=classifier.threshold(s.indicator_id), above_threshold=s.above_threshold, rank=rank,
            reasons=list(s.reasons), model_version=cls.model_version,
        ))


def run_document(
    db: Database,
    store: BlobStore,
    document_id: int,
    classifier_for: Callable[[str], DocumentClassifier],
    *,
    lease_seconds: int = 360,
    max_attempts: int = 3,
    min_chars_per_page: int = 25,
    max_pages: int = 2000,
) -> str:
    """Claim, compute, record. Returns the final status, or "skipped"/"lost_lease" when not ours to write."""
    with db.session() as session:
        claim = claim_document(session, document_id, lease_seconds=lease_seconds, max_attempts=max_attempts)
        doc = session.get(Document, document_id)
        if claim is None:
            return doc.status if doc is not None and doc.status != "queued" else "skipped"
        filename, path, digest = doc.filename, doc.path, doc.sha256
        framework = session.get(Batch, doc.batch_id).framework_id
    try:
        data = store.get(digest) if digest else b""
    except OSError as exc:
        outcome = Outcome(FileStatus.FAILED.value, f"storage: stored original unreadable ({exc.strerror or exc})")
        classifier = None
    else:
        classifier = classifier_for(framework)
        outcome = compute_outcome(data, filename, path, classifier,
                                  min_chars_per_page=min_chars_per_page, max_pages=max_pages)
    with db.session() as session:
        if not release_document(session, document_id, claim.token):
            session.rollback()
            return "lost_lease"
        doc = session.get(Document, document_id)
        apply_outcome(session, doc, outcome, classifier)
        settle_followers(session, doc)
        return doc.status


def finish_batch(session: Session, batch_id: int) -> bool:
    """Fan-in: the batch is done once none of its documents is still queued."""
    batch = session.get(Batch, batch_id)
    if batch is None or batch.status in {"done", "failed", "received", "ingesting"}:
        return batch is not None and batch.status == "done"
    pending = session.scalar(
        select(func.count()).select_from(Document).where(Document.batch_id == batch_id, Document.status == "queued")
    )
    if pending:
        return False
    batch.status, batch.finished_at = "done", utcnow()
    return True
