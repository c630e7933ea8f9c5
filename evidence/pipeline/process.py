"""Process one stored document: extract its text, classify it, record the outcome.

Never raises for a bad file: every failure becomes the document's final state with a readable reason,
so one broken file cannot stop a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.orm import Session

from evidence.db.models import Document, DocumentText, SuggestionRecord
from evidence.domain import FileStatus, Suggestion
from evidence.extraction import ExtractionResult, extract
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


def record_extraction(doc: Document, result: ExtractionResult) -> None:
    doc.media_type = result.media_type
    doc.extractor = result.extractor
    doc.extractor_version = result.extractor_version
    doc.pages = result.page_count
    doc.pages_needing_ocr = sum(p.needs_ocr for p in result.pages) if result.pages else None
    doc.text_chars = result.text_chars
    doc.warnings = list(result.warnings) or None


def record_classification(session: Session, doc: Document, outcome: ClassificationLike, classifier: DocumentClassifier) -> None:
    doc.doc_type = outcome.doc_type
    ranked: dict[int, Suggestion] = {s.indicator_id: s for s in outcome.candidates}
    ranked.update({s.indicator_id: s for s in outcome.suggestions})
    for rank, s in enumerate(sorted(ranked.values(), key=lambda s: -s.score)):
        session.add(SuggestionRecord(
            document_id=doc.id, framework_id=outcome.framework, indicator_id=s.indicator_id, score=s.score,
            threshold=classifier.threshold(s.indicator_id), above_threshold=s.above_threshold, rank=rank,
            reasons=list(s.reasons), model_version=outcome.model_version,
        ))


def process_document(
    session: Session,
    store: BlobStore,
    document_id: int,
    classifier: DocumentClassifier,
    *,
    min_chars_per_page: int = 25,
    max_pages: int = 2000,
) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise LookupError(f"document {document_id} does not exist")
    doc.attempts += 1
    try:
        data = store.get(doc.sha256) if doc.sha256 else b""
        result = extract(data, doc.filename, min_chars_per_page=min_chars_per_page, max_pages=max_pages)
        record_extraction(doc, result)
        if result.status != "ok":
            doc.status, doc.error = result.status, result.error
            return doc
        text = result.text
        session.merge(DocumentText(document_id=doc.id, text=text))
        record_classification(session, doc, classifier.classify(text, doc.path), classifier)
        doc.status, doc.error = FileStatus.OK.value, None
    except Exception as exc:  # one bad file must not stop the batch
        doc.status = FileStatus.FAILED.value
        doc.error = f"extractor_error: {type(exc).__name__}: {exc}"[:2000]
    return doc


def process_pending(
    db,
    store: BlobStore,
    document_ids: Sequence[int],
    classifier: DocumentClassifier,
    *,
    min_chars_per_page: int = 25,
    max_pages: int = 2000,
    on_done=None,
) -> None:
    """Embedded mode: process documents one by one in this process, one transaction each."""
    for document_id in document_ids:
        with db.session() as session:
            doc = process_document(session, store, document_id, classifier,
                                   min_chars_per_page=min_chars_per_page, max_pages=max_pages)
            if on_done is not None:
                on_done(doc)
