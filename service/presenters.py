"""ORM rows -> response models. Kept out of the route handlers so they stay a few lines each."""

from __future__ import annotations

from collections.abc import Sequence

from evidence.catalog import Catalog
from evidence.db.models import Document, Review, SuggestionRecord
from evidence.i18n import explain_error, normalize_lang
from evidence.queries import BatchProgress, DocumentDetail, QueueItem, visible_error
from evidence.reviews import EffectiveIndicator, effective_indicators, pick_current
from service.plain_errors import plain_error
from service.schemas import (
    BatchOut,
    CrosswalkOfferOut,
    DocumentDetailOut,
    DocumentSummaryOut,
    EvidenceSpanOut,
    FileOutcomeOut,
    IndicatorScoreOut,
    MaturityHintOut,
    QueueItemOut,
    ReviewOut,
    SuggestionOut,
)

# "ok" means extracted and classified; people read "classified".
STATUS_LABELS = {"ok": "classified"}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def _short_name(catalog: Catalog, indicator_id: int) -> str | None:
    try:
        return catalog.indicator(indicator_id).short_name
    except KeyError:
        return None


def _name(catalog: Catalog, indicator_id: int) -> str | None:
    try:
        return catalog.indicator(indicator_id).name
    except KeyError:
        return None


NOTHING_HIDDEN: frozenset[int] = frozenset()


def explanation(error: str | None, lang: str) -> str | None:
    """For people: Indonesian without the library's English detail; English keeps the detail."""
    if normalize_lang(lang) == "id":
        return plain_error(error)
    return explain_error(error, lang) or None


def file_outcome(doc: Document, lang: str, hidden: set[int] | frozenset[int] = NOTHING_HIDDEN) -> FileOutcomeOut:
    error = visible_error(doc, set(hidden))
    return FileOutcomeOut(
        document_id=doc.id, path=doc.path, opd=doc.opd, status=status_label(doc.status), error=error,
        explanation=explanation(error, lang),
    )


def batch_out(progress: BatchProgress, lang: str, hidden: set[int] | frozenset[int] = NOTHING_HIDDEN) -> BatchOut:
    batch = progress.batch
    return BatchOut(
        id=batch.id, status=batch.status, framework=batch.framework_id, source_name=batch.source_name,
        opd_scope=batch.opd_scope, opd_override=batch.opd_override, created_by=batch.created_by,
        created_at=batch.created_at, finished_at=batch.finished_at, error=batch.error,
        counts={status_label(k): v for k, v in progress.counts.items()},
        total=sum(progress.counts.values()),
        files=[file_outcome(d, lang, hidden) for d in progress.documents],
    )


def _indicator_scores(catalog: Catalog, effective: dict[int, EffectiveIndicator]) -> list[IndicatorScoreOut]:
    items = sorted(effective.values(), key=lambda e: (-e.score, e.indicator_id))
    return [IndicatorScoreOut(indicator_id=e.indicator_id, short_name=_short_name(catalog, e.indicator_id),
                           score=e.score, source=e.source) for e in items]


def _summary_fields(doc: Document, catalog: Catalog, reviews: Sequence[Review],
                    effective: dict[int, EffectiveIndicator], lang: str, hidden: set[int] | frozenset[int]) -> dict:
    error = visible_error(doc, set(hidden))
    return {
        "id": doc.id, "batch_id": doc.batch_id, "path": doc.path, "filename": doc.filename, "opd": doc.opd,
        "status": status_label(doc.status), "error": error, "explanation": explanation(error, lang),
        "doc_type": doc.doc_type, "pages": doc.pages, "text_chars": doc.text_chars or 0,
        "size_bytes": doc.size_bytes or 0, "media_type": doc.media_type, "sha256": doc.sha256,
        "created_at": doc.created_at, "review_state": "reviewed" if reviews else "pending",
        "indicators": _indicator_scores(catalog, effective),
    }


def document_summary(doc: Document, catalog: Catalog, reviews: Sequence[Review], lang: str,
                     hidden: set[int] | frozenset[int] = NOTHING_HIDDEN) -> DocumentSummaryOut:
    """``hidden``: documents whose duplicate note must not name the original (another OPD's file)."""
    effective = effective_indicators(pick_current(doc.suggestions, catalog.id), reviews)
    return DocumentSummaryOut(**_summary_fields(doc, catalog, reviews, effective, lang, hidden))


def review_out(review: Review) -> ReviewOut:
    return ReviewOut.model_validate(review)


def suggestion_out(s: SuggestionRecord, catalog: Catalog, latest: Review | None) -> SuggestionOut:
    return SuggestionOut(
        indicator_id=s.indicator_id, indicator_name=_name(catalog, s.indicator_id),
        short_name=_short_name(catalog, s.indicator_id), score=s.score, threshold=s.threshold,
        above_threshold=s.above_threshold, candidate=bool(s.candidate), rank=s.rank,
        reasons=[str(r) for r in s.reasons or []],
        model_version=s.model_version, latest_review=review_out(latest) if latest is not None else None,
        maturity=MaturityHintOut(level=s.maturity_level, reason=s.maturity_reason)
        if s.maturity_level is not None else None,
        evidence=[EvidenceSpanOut(**span) for span in s.evidence or []],
    )


def document_detail_out(detail: DocumentDetail, catalog: Catalog, lang: str,
                        hidden: set[int] | frozenset[int] = NOTHING_HIDDEN) -> DocumentDetailOut:
    doc = detail.document
    return DocumentDetailOut(
        **_summary_fields(doc, catalog, detail.history, detail.effective, lang, hidden),
        duplicate_of_id=None if doc.id in hidden else doc.duplicate_of_id, opd_source=doc.opd_source, pages_needing_ocr=doc.pages_needing_ocr,
        warnings=doc.warnings, text_excerpt=detail.excerpt, framework=catalog.id,
        suggestions=[suggestion_out(s, catalog, detail.latest_reviews.get(s.indicator_id)) for s in detail.suggestions],
        metadata=doc.doc_metadata,
        crosswalk_offers=[CrosswalkOfferOut(indicator_id=o.indicator_id, indicator_name=_name(catalog, o.indicator_id),
                                            from_framework=o.from_framework, from_indicators=list(o.from_indicators))
                          for o in detail.offers],
        latest_reviews=[review_out(r) for r in detail.latest_reviews.values()],
        reviews=[review_out(r) for r in detail.history],
    )


def queue_item_out(item: QueueItem, catalog: Catalog) -> QueueItemOut:
    s, doc = item.suggestion, item.document
    return QueueItemOut(
        document_id=doc.id, path=doc.path, filename=doc.filename, opd=doc.opd, indicator_id=s.indicator_id,
        short_name=_short_name(catalog, s.indicator_id), score=s.score, threshold=s.threshold,
        above_threshold=s.above_threshold,
        uncertainty=round(abs(s.score - s.threshold), 6) if s.threshold is not None else None,
        candidate=bool(s.candidate), doc_type=doc.doc_type,
        reasons=[str(r) for r in s.reasons or []], model_version=s.model_version,
        latest_review=review_out(item.review) if item.review is not None else None,
    )
