"""Documents as a viewer sees them: lists with filters, one document with its reviews and offers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from evidence.catalog import BUNDLED, Catalogs
from evidence.crosswalk_offers import CrosswalkOffer, crosswalk_offers
from evidence.db.models import Document, DocumentText, Review, SuggestionRecord
from evidence.queries.scope import Page, Viewer, paginate, scope_documents
from evidence.reviews import (
    EffectiveIndicator,
    effective_indicator_condition,
    effective_indicators,
    pick_current,
    review_history,
    reviewed_condition,
)

EXCERPT_CHARS = 1500


def get_document(session: Session, viewer: Viewer, document_id: int) -> Document | None:
    """The document if the viewer may see it, else None (the API answers 404 either way)."""
    stmt = scope_documents(select(Document).where(Document.id == document_id), viewer)
    return session.scalar(stmt.options(selectinload(Document.suggestions)))


def text_excerpt(session: Session, document_id: int, chars: int = EXCERPT_CHARS) -> str | None:
    """The first ``chars`` characters, cut in SQL so the full text never leaves the database."""
    return session.scalar(
        select(func.substr(DocumentText.text, 1, chars)).where(DocumentText.document_id == document_id)
    )


@dataclass
class DocumentFilters:
    framework: str
    opd: str | None = None
    indicator: int | None = None
    review_state: str | None = None  # pending | reviewed
    status: str | None = None
    batch_id: int | None = None


def list_documents(
    session: Session, viewer: Viewer, filters: DocumentFilters, *, limit: int, offset: int
) -> Page[Document]:
    """Documents visible to the viewer, newest first, with their suggestions, seen in ``filters.framework``.

    Every file is classified in every enabled framework whatever framework its batch was sent under, so
    the framework decides which suggestions and reviews count, not which documents are listed (the same
    files appear under SPBE 2020 and Pemdi 2026, as in the gap report).
    ``indicator`` matches documents that *count for* the indicator after review (see ``evidence.reviews``);
    ``reviewed`` means the document has at least one review in the framework. Full texts are never loaded.
    """
    stmt = scope_documents(select(Document), viewer)
    if filters.opd is not None:
        stmt = stmt.where(Document.opd == filters.opd)
    if filters.status is not None:
        stmt = stmt.where(Document.status == filters.status)
    if filters.batch_id is not None:
        stmt = stmt.where(Document.batch_id == filters.batch_id)
    if filters.indicator is not None:
        stmt = stmt.where(effective_indicator_condition(filters.framework, filters.indicator))
    if filters.review_state == "reviewed":
        stmt = stmt.where(reviewed_condition(filters.framework))
    elif filters.review_state == "pending":
        stmt = stmt.where(~reviewed_condition(filters.framework))
    total, paged = paginate(session, stmt, limit, offset, Document.id.desc())
    items = list(session.scalars(paged.options(selectinload(Document.suggestions))))
    return Page(items, total, limit, offset)


def reviews_by_document(session: Session, document_ids: Sequence[int], framework: str) -> dict[int, list[Review]]:
    """All reviews of a page of documents (oldest first), to show their effective indicators."""
    result: dict[int, list[Review]] = defaultdict(list)
    if not document_ids:
        return result
    stmt = (
        select(Review)
        .where(Review.document_id.in_(list(document_ids)), Review.framework_id == framework)
        .order_by(Review.id)
    )
    for review in session.scalars(stmt):
        result[review.document_id].append(review)
    return result


@dataclass
class DocumentDetail:
    document: Document
    excerpt: str | None
    suggestions: list[SuggestionRecord]  # current run, best first
    history: list[Review]  # newest first
    latest_reviews: dict[int, Review]  # indicator -> latest review
    effective: dict[int, EffectiveIndicator]
    offers: list[CrosswalkOffer] = field(default_factory=list)  # confirmed in another framework


def confirmed_elsewhere(session: Session, document: Document, framework: str) -> dict[str, set[int]]:
    """Per other framework: the indicators a person confirmed (accepted or relabelled to) for this file."""
    others = session.scalars(
        select(Review.framework_id).where(Review.document_id == document.id, Review.framework_id != framework)
        .distinct()
    ).all()
    confirmed: dict[str, set[int]] = {}
    for other in others:
        effective = effective_indicators(pick_current(document.suggestions, other),
                                         review_history(session, document.id, other))
        confirmed[other] = {i for i, e in effective.items() if e.source in ("accepted", "relabelled")}
    return confirmed


def document_detail(session: Session, viewer: Viewer, document_id: int, framework: str,
                    catalogs: Catalogs = BUNDLED) -> DocumentDetail | None:
    """One document as a reviewer sees it in ``framework``; ``catalogs`` give the crosswalks that offer
    indicators confirmed in another framework."""
    document = get_document(session, viewer, document_id)
    if document is None:
        return None
    history = review_history(session, document_id, framework)
    latest: dict[int, Review] = {}
    for review in reversed(history):  # oldest first, so later ones overwrite
        latest[review.indicator_id] = review
    suggestions = pick_current(document.suggestions, framework)
    effective = effective_indicators(suggestions, history)
    return DocumentDetail(
        document=document,
        excerpt=text_excerpt(session, document_id),
        suggestions=suggestions,
        history=history,
        latest_reviews=dict(sorted(latest.items())),
        effective=effective,
        offers=crosswalk_offers(confirmed_elsewhere(session, document, framework), framework, set(effective),
                                catalogs),
    )


def documents_per_opd(session: Session, viewer: Viewer) -> dict[str | None, int]:
    stmt = scope_documents(select(Document.opd, func.count()).group_by(Document.opd), viewer)
    return {opd: count for opd, count in session.execute(stmt)}


def document_types(session: Session, viewer: Viewer) -> list[str]:
    """The document types present among the viewer's documents, for a filter's choices."""
    stmt = scope_documents(select(Document.doc_type).where(Document.doc_type.is_not(None)).distinct(), viewer)
    return sorted(t for t in session.scalars(stmt) if t)
