"""Process one stored document: extract its text, classify it, record the outcome.

Split in three so the slow part holds no database lock: claim (short transaction) -> compute (pure:
extraction + classification, no database) -> record (short transaction that first checks the lease).
Never raises for a bad file: every failure becomes the document's final state with a readable reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from evidence.catalog import BUNDLED, Catalogs
from evidence.db import Database
from evidence.db.contents import settle_followers
from evidence.db.frameworks import ensure_framework
from evidence.db.models import Batch, Document, DocumentText, SuggestionRecord, utcnow
from evidence.db.rows import existing
from evidence.domain import Suggestion
from evidence.extraction import ExtractionResult, PageText
from evidence.extraction.policy import ExtractionPolicy
from evidence.pipeline.claim import claim_document, release_document
from evidence.pipeline.classify import Classified, classify_batch
from evidence.pipeline.lease import lease_kept, retry_while_database_away
from evidence.states import (
    DOCUMENT_TRANSITIONS,
    DocumentState,
    FailureCode,
    RunOutcome,
    advance,
    failure,
)
from evidence.storage import BlobStore


class ClassificationLike(Protocol):
    """What the pipeline reads of a classification (``classifier.predict.Classification``)."""

    @property
    def doc_type(self) -> str | None: ...

    @property
    def suggestions(self) -> Sequence[Suggestion]: ...

    @property
    def candidates(self) -> Sequence[Suggestion]: ...

    @property
    def model_version(self) -> str: ...

    @property
    def framework(self) -> str: ...


class DocumentClassifier(Protocol):
    """What the pipeline needs from the model; the adapters pass ``classifier.IndicatorClassifier``."""

    def classify(self, text: str, path: str = "", pages: Sequence[PageText] | None = None) -> ClassificationLike: ...

    def threshold(self, indicator_id: int) -> float: ...


@dataclass
class Outcome:
    status: str
    error: str | None
    extraction: ExtractionResult | None = None
    # One per enabled framework, the batch's own framework first: (the classifier, what it said).
    classifications: list[tuple[DocumentClassifier, ClassificationLike]] = field(default_factory=list)


def outcome_of(result: ExtractionResult, said: Classified, classifiers: Mapping[str, DocumentClassifier]) -> Outcome:
    """An extraction result and what ``classify_batch`` said about it, as the document's outcome."""
    if result.status != "ok":
        return Outcome(result.status, result.error, result)
    if isinstance(said, str):
        return Outcome(DocumentState.FAILED, said, result)
    return Outcome(DocumentState.OK, None, result, [(classifiers[fw], cls) for fw, cls in said])


def classify_extraction(result: ExtractionResult, path: str, classifiers: Sequence[DocumentClassifier]) -> Outcome:
    """Pure: an extraction result in, an outcome out. A classifier error becomes a failed outcome."""
    by_key = {str(i): c for i, c in enumerate(classifiers)}
    return outcome_of(result, classify_batch([(result, path)], by_key, list(by_key))[0], by_key)


def compute_outcome(
    data: bytes, filename: str, path: str, classifiers: Sequence[DocumentClassifier], policy: ExtractionPolicy, *,
    ocr_now: bool = False,
) -> Outcome:
    """Extract, OCR the pages without a text layer (at once when ``ocr_now``), classify once.

    The same steps as ``spbe scan`` and ``spbe classify`` (``ExtractionPolicy.read``). Any exception
    becomes a failed outcome.
    """
    try:
        result = policy.read(data, filename, ocr_now=ocr_now)
    except Exception as exc:
        return _extractor_failed(exc)
    return classify_extraction(result, path, classifiers)


def _extractor_failed(exc: Exception) -> Outcome:
    return Outcome(DocumentState.FAILED, failure(FailureCode.EXTRACTOR_ERROR, f"{type(exc).__name__}: {exc}"))


def apply_outcome(session: Session, doc: Document, outcome: Outcome) -> None:
    doc.status = advance(doc.status, DocumentState(outcome.status), DOCUMENT_TRANSITIONS)
    doc.error = outcome.error
    result = outcome.extraction
    if result is not None:
        doc.media_type = result.media_type
        doc.extractor = result.extractor
        doc.extractor_version = result.extractor_version
        doc.pages = result.page_count
        doc.pages_needing_ocr = sum(p.needs_ocr for p in result.pages) if result.pages else None
        doc.text_chars = result.text_chars
        doc.warnings = list(result.warnings) or None
    if not outcome.classifications or result is None:
        return
    session.merge(DocumentText(document_id=doc.id, text=result.text))
    first = outcome.classifications[0][1]
    doc.doc_type = first.doc_type
    metadata = getattr(first, "metadata", None)  # optional: stand-in classifiers have none
    doc.doc_metadata = metadata.as_dict() if metadata is not None else None
    for classifier, cls in outcome.classifications:
        _record_suggestions(session, doc, classifier, cls)


def _record_suggestions(session: Session, doc: Document, classifier: DocumentClassifier, cls: ClassificationLike) -> None:
    hints, spans = getattr(cls, "maturity", None) or {}, getattr(cls, "evidence", None) or {}
    ranked: dict[int, Suggestion] = {s.indicator_id: s for s in cls.candidates}
    ranked.update({s.indicator_id: s for s in cls.suggestions})
    for rank, s in enumerate(sorted(ranked.values(), key=lambda s: -s.score)):
        hint = hints.get(s.indicator_id)
        session.add(SuggestionRecord(
            document_id=doc.id, framework_id=cls.framework, indicator_id=s.indicator_id, score=s.score,
            threshold=classifier.threshold(s.indicator_id), above_threshold=s.above_threshold, rank=rank,
            candidate=getattr(s, "candidate", False),
            reasons=list(s.reasons), model_version=cls.model_version,
            maturity_level=hint.level if hint is not None else None,
            maturity_reason=hint.reason if hint is not None else None,
            evidence=list(spans.get(s.indicator_id, [])) or None,
        ))


OcrHandOff = Callable[[int, int], None]
"""``hand_off(batch_id, document_id)``: put the document on the OCR queue (after the hand-off commit)."""


def run_document(
    db: Database,
    store: BlobStore,
    document_id: int,
    classifier_for: Callable[[str], DocumentClassifier],
    *,
    policy: ExtractionPolicy | None = None,
    lease_seconds: int = 360,
    max_attempts: int = 3,
    ocr_phase: bool = False,
    hand_off_ocr: OcrHandOff | None = None,
    frameworks: Sequence[str] = (),
    catalogs: Catalogs = BUNDLED,
) -> str:
    """Claim, compute, record. Returns the final status, or a ``RunOutcome`` (the scan went to the OCR
    queue, or the document was not ours to write).

    Files whose pages lack a text layer are OCR'd in this call when there is no ``hand_off_ocr`` (CLI,
    embedded mode); otherwise they are handed to the OCR queue so cheap files are not stuck behind them.
    The document is classified in its batch's framework and in every other one of ``frameworks``.
    """
    policy = policy or ExtractionPolicy()
    with db.session() as session:
        claim = claim_document(session, document_id, lease_seconds=lease_seconds, max_attempts=max_attempts)
        if claim is None:
            return not_claimed(session.get(Document, document_id))
        doc = existing(session, Document, document_id)
        filename, path, digest, batch_id = doc.filename, doc.path, doc.sha256, doc.batch_id
        framework = existing(session, Batch, batch_id).framework_id
    try:
        data = store.get(digest) if digest else b""
    except OSError as exc:
        outcome = Outcome(DocumentState.FAILED, unreadable_original(exc))
    else:
        classifiers = [classifier_for(fw) for fw in dict.fromkeys([framework, *frameworks])]
        with lease_kept(db, document_id, claim.token, lease_seconds):
            if not ocr_phase and hand_off_ocr is not None:
                cheap = _cheap_pass(policy, data, filename)
                if isinstance(cheap, ExtractionResult) and policy.wants_ocr(cheap):
                    return _hand_off(db, document_id, batch_id, claim.token, hand_off_ocr)
                outcome = cheap if isinstance(cheap, Outcome) else classify_extraction(cheap, path, classifiers)
            else:
                outcome = compute_outcome(data, filename, path, classifiers, policy, ocr_now=ocr_phase)

    def record() -> str:
        with db.session() as session:
            return record_outcome(session, document_id, claim.token, outcome, catalogs) or RunOutcome.LOST_LEASE

    # A database restart must not throw the finished work away: keep the lease and retry the write.
    with lease_kept(db, document_id, claim.token, lease_seconds):
        return retry_while_database_away(record, for_seconds=max(60, 4 * lease_seconds))


def not_claimed(doc: Document | None) -> str:
    """What a run reports for a document it could not claim: its final state, or that it was skipped."""
    return doc.status if doc is not None and doc.status != DocumentState.QUEUED else RunOutcome.SKIPPED


def _cheap_pass(policy: ExtractionPolicy, data: bytes, filename: str) -> ExtractionResult | Outcome:
    try:
        return policy.extract(data, filename)
    except Exception as exc:
        return _extractor_failed(exc)


def unreadable_original(exc: OSError) -> str:
    """The reason of a file whose stored bytes cannot be read back (disk gone, blob deleted)."""
    return failure(FailureCode.STORAGE, f"stored original unreadable ({exc.strerror or exc})")


def record_outcome(session: Session, document_id: int, token: str, outcome: Outcome,
                   catalogs: Catalogs = BUNDLED) -> str | None:
    """The final write of one document, only while our lease holds; its status, or None (lease lost).
    ``catalogs`` name the frameworks whose suggestions are written (their rows are foreign keys)."""
    if not release_document(session, document_id, token):  # matched no row: nothing to roll back
        return None
    for _, cls in outcome.classifications:
        ensure_framework(session, catalogs.catalog(cls.framework))
    doc = existing(session, Document, document_id)
    apply_outcome(session, doc, outcome)
    settle_followers(session, doc)
    return doc.status


def _hand_off(db: Database, document_id: int, batch_id: int, token: str, hand_off_ocr: OcrHandOff) -> str:
    """Give the lease back without a final state; the cheap pass does not count as an attempt."""
    with db.session() as session:
        if not release_document(session, document_id, token):
            session.rollback()
            return RunOutcome.LOST_LEASE
        doc = existing(session, Document, document_id)
        doc.attempts = max(doc.attempts - 1, 0)
        doc.enqueued_at = utcnow()
    hand_off_ocr(batch_id, document_id)
    return RunOutcome.OCR_QUEUED
