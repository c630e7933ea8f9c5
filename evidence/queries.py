"""Reads for the service (and any adapter that shows data to a person), always on behalf of a viewer.

Why every function takes the viewer: an OPD user may only see its own OPD's documents and batches. The
restriction is a ``WHERE`` clause added to the SQL here (``scope_documents``/``scope_batches``), never a
filter applied after loading, so a forgotten check cannot leak rows and counts/pagination stay right.
Roles other than admin and reviewer are scoped (fail closed); an OPD user without an OPD sees nothing.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from sqlalchemy import Select, case, false, func, select, tuple_
from sqlalchemy.orm import Session, selectinload

from evidence.catalog import BUNDLED, Catalogs
from evidence.crosswalk_offers import CrosswalkOffer, crosswalk_offers
from evidence.db.models import Batch, Document, DocumentText, Review, SuggestionRecord
from evidence.reviews import (
    EffectiveIndicator,
    current_suggestion_ids,
    effective_indicator_condition,
    effective_indicators,
    latest_review_ids,
    pick_current,
    review_history,
    reviewed_condition,
)
from evidence.states import DocumentState, duplicate_origin

UNSCOPED_ROLES = frozenset({"admin", "reviewer"})
EXCERPT_CHARS = 1500

T = TypeVar("T")


class Viewer(Protocol):
    """Who is asking; the service's principal and the ORM ``User`` both fit."""

    @property
    def role(self) -> str: ...

    @property
    def opd(self) -> str | None: ...


@dataclass
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


# --- scoping ------------------------------------------------------------------------------------------


def is_scoped(viewer: Viewer) -> bool:
    return viewer.role not in UNSCOPED_ROLES


def scope_documents(stmt: Select, viewer: Viewer) -> Select:
    """Restrict a statement over ``documents`` to what the viewer may see."""
    if not is_scoped(viewer):
        return stmt
    if not viewer.opd:
        return stmt.where(false())
    return stmt.where(Document.opd == viewer.opd)


def scope_batches(stmt: Select, viewer: Viewer) -> Select:
    """An OPD user sees the batches uploaded for its OPD (``opd_scope``), not Pemda-wide ones."""
    if not is_scoped(viewer):
        return stmt
    if not viewer.opd:
        return stmt.where(false())
    return stmt.where(Batch.opd_scope == viewer.opd)


HIDDEN_DUPLICATE_ERROR = "duplicate"


def hidden_duplicate_origins(session: Session, viewer: Viewer, documents: Sequence[Document]) -> set[int]:
    """Ids of the documents whose original (the file they copy) the viewer may not see.

    Why: a duplicate's note names the original's path ("same content as 01. DISKOMINFO/Indikator 19/..."),
    and the original may belong to another OPD. An OPD user must learn that its file is a copy, never where
    the other copy lives; the note is cut to the bare code and the original's id is withheld.
    """
    if not is_scoped(viewer):
        return set()
    linked = {d.id: d.duplicate_of_id for d in documents if d.duplicate_of_id is not None}
    mentions = {d.id for d in documents if duplicate_origin(d.error) is not None}
    if not linked and not mentions:
        return set()
    origins = set(linked.values())
    opd_of = dict(session.execute(select(Document.id, Document.opd).where(Document.id.in_(origins))).all())
    hidden = {doc_id for doc_id, origin in linked.items() if not viewer.opd or opd_of.get(origin) != viewer.opd}
    return hidden | {doc_id for doc_id in mentions if doc_id not in linked}


def visible_error(document: Document, hidden: set[int]) -> str | None:
    """The document's error as the viewer may read it (see ``hidden_duplicate_origins``)."""
    if document.id in hidden and duplicate_origin(document.error) is not None:
        return HIDDEN_DUPLICATE_ERROR
    return document.error


def _page(session: Session, stmt: Select, limit: int, offset: int, *order) -> tuple[int, Select]:
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    return total, stmt.order_by(*order).limit(limit).offset(offset)


# --- documents ----------------------------------------------------------------------------------------


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
    total, paged = _page(session, stmt, limit, offset, Document.id.desc())
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


# --- batches ------------------------------------------------------------------------------------------


@dataclass
class BatchProgress:
    batch: Batch
    counts: dict[str, int]  # every document status, zeros included
    documents: list[Document]


DOCUMENT_STATUSES: tuple[str, ...] = tuple(s.value for s in DocumentState)


def get_batch(session: Session, viewer: Viewer, batch_id: int) -> Batch | None:
    return session.scalar(scope_batches(select(Batch).where(Batch.id == batch_id), viewer))


def batch_progress(session: Session, viewer: Viewer, batch_id: int) -> BatchProgress | None:
    batch = get_batch(session, viewer, batch_id)
    if batch is None:
        return None
    counted = scope_documents(
        select(Document.status, func.count()).where(Document.batch_id == batch_id).group_by(Document.status), viewer
    )
    counts = dict.fromkeys(DOCUMENT_STATUSES, 0)
    for status, count in session.execute(counted):
        counts[status] = counts.get(status, 0) + count
    docs = scope_documents(select(Document).where(Document.batch_id == batch_id), viewer)
    documents = list(session.scalars(docs.order_by(Document.path, Document.id)))
    return BatchProgress(batch, counts, documents)


@dataclass
class BatchSummary:
    batch: Batch
    counts: dict[str, int]  # every document status, zeros included

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def list_batches(session: Session, viewer: Viewer, *, limit: int, offset: int) -> Page[BatchSummary]:
    """Batches the viewer may see, newest first, with their documents counted per status (one query)."""
    total, paged = _page(session, scope_batches(select(Batch), viewer), limit, offset, Batch.id.desc())
    batches = list(session.scalars(paged))
    counts: dict[int, dict[str, int]] = {b.id: dict.fromkeys(DOCUMENT_STATUSES, 0) for b in batches}
    if batches:
        counted = scope_documents(
            select(Document.batch_id, Document.status, func.count())
            .where(Document.batch_id.in_(list(counts))).group_by(Document.batch_id, Document.status), viewer)
        for batch_id, status, count in session.execute(counted):
            counts[batch_id][status] = counts[batch_id].get(status, 0) + count
    return Page([BatchSummary(b, counts[b.id]) for b in batches], total, limit, offset)


# --- review queue -------------------------------------------------------------------------------------


@dataclass
class QueueItem:
    suggestion: SuggestionRecord
    document: Document
    review: Review | None = None  # the latest decision, for items already reviewed


SCORE_BANDS: tuple[str, ...] = ("above", "candidate", "mid", "low")
LOW_SCORE = 0.05
QUEUE_STATES: tuple[str, ...] = ("pending", "reviewed", "all")


@dataclass(frozen=True)
class QueueFilters:
    """What a reviewer narrows the queue to. ``band``: ``above`` the threshold, ``candidate`` ("perlu
    dicek": top-3 above the model's candidate floor), ``mid`` (below the threshold, at least 0.05) or
    ``low`` (under 0.05, where most suggestions of a document sit and almost none is right)."""

    opd: str | None = None
    indicator: int | None = None
    above_threshold: bool | None = None
    band: str | None = None
    doc_type: str | None = None
    review_state: str = "pending"


def _decided(framework: str):
    s = SuggestionRecord
    return select(Review.id).where(
        Review.document_id == s.document_id, Review.framework_id == framework, Review.indicator_id == s.indicator_id
    ).exists()


def _queue_base(viewer: Viewer, framework: str, filters: QueueFilters) -> Select:
    """Current suggestions of readable documents visible to the viewer, every filter but the review state."""
    s = SuggestionRecord
    stmt = (
        select(s, Document)
        .join(Document, Document.id == s.document_id)
        .where(s.id.in_(current_suggestion_ids(framework)), Document.status == DocumentState.OK.value)
    )
    stmt = scope_documents(stmt, viewer)
    if filters.opd is not None:
        stmt = stmt.where(Document.opd == filters.opd)
    if filters.indicator is not None:
        stmt = stmt.where(s.indicator_id == filters.indicator)
    if filters.above_threshold is not None:
        stmt = stmt.where(s.above_threshold.is_(filters.above_threshold))
    if filters.doc_type is not None:
        stmt = stmt.where(Document.doc_type == filters.doc_type)
    if filters.band == "above":
        stmt = stmt.where(s.above_threshold.is_(True))
    elif filters.band == "candidate":
        stmt = stmt.where(s.candidate.is_(True), s.above_threshold.is_(False))
    elif filters.band == "mid":
        stmt = stmt.where(s.above_threshold.is_(False), s.score >= LOW_SCORE)
    elif filters.band == "low":
        stmt = stmt.where(s.above_threshold.is_(False), s.score < LOW_SCORE)
    return stmt


def review_queue(
    session: Session,
    viewer: Viewer,
    framework: str,
    *,
    opd: str | None = None,
    indicator: int | None = None,
    above_threshold: bool | None = None,
    filters: QueueFilters | None = None,
    limit: int,
    offset: int,
) -> Page[QueueItem]:
    """Current suggestions no person has decided on yet: "perlu dicek" candidates first (an indicator no
    file confirms or suggests, which a reviewer's yes turns from a gap into evidence), then most uncertain
    first (|score - threshold|).

    Only documents with status ``ok`` (their text was read); suggestions below the threshold are included
    because the near misses are exactly what a reviewer should look at. Without a threshold: last.
    ``filters.review_state`` ``reviewed``/``all`` lists decided suggestions too, with their latest review.
    """
    filters = filters or QueueFilters(opd=opd, indicator=indicator, above_threshold=above_threshold)
    s = SuggestionRecord
    stmt = _queue_base(viewer, framework, filters)
    if filters.review_state == "pending":
        stmt = stmt.where(~_decided(framework))
    elif filters.review_state == "reviewed":
        stmt = stmt.where(_decided(framework))
    pairs = needs_check_pairs(session, viewer, framework)
    first = [case((tuple_(s.document_id, s.indicator_id).in_(sorted(pairs)), 0), else_=1)] if pairs else []
    total, paged = _page(session, stmt, limit, offset, *first, s.threshold.is_(None),
                         func.abs(s.score - s.threshold), s.id)
    items = [QueueItem(suggestion, document) for suggestion, document in session.execute(paged)]
    if filters.review_state != "pending" and items:
        latest = session.scalars(select(Review).where(
            Review.id.in_(latest_review_ids(framework)), Review.document_id.in_({i.document.id for i in items})))
        by_key = {(r.document_id, r.indicator_id): r for r in latest}
        items = [dataclasses.replace(i, review=by_key.get((i.document.id, i.suggestion.indicator_id))) for i in items]
    return Page(items, total, limit, offset)


def queue_progress(session: Session, viewer: Viewer, framework: str, filters: QueueFilters) -> tuple[int, int]:
    """(reviewed, total) suggestions of the filtered set, whatever review state is being shown."""
    base = _queue_base(viewer, framework, filters).order_by(None)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    reviewed = session.scalar(select(func.count()).select_from(base.where(_decided(framework)).subquery())) or 0
    return reviewed, total


def document_types(session: Session, viewer: Viewer) -> list[str]:
    """The document types present among the viewer's documents, for a filter's choices."""
    stmt = scope_documents(select(Document.doc_type).where(Document.doc_type.is_not(None)).distinct(), viewer)
    return sorted(t for t in session.scalars(stmt) if t)


# --- OPD and counts -----------------------------------------------------------------------------------


def documents_per_opd(session: Session, viewer: Viewer) -> dict[str | None, int]:
    stmt = scope_documents(select(Document.opd, func.count()).group_by(Document.opd), viewer)
    return {opd: count for opd, count in session.execute(stmt)}


def document_status_counts(session: Session) -> dict[str, int]:
    """All documents by status, unscoped: for the admin-only metrics endpoint."""
    counts = dict.fromkeys(DOCUMENT_STATUSES, 0)
    for status, count in session.execute(select(Document.status, func.count()).group_by(Document.status)):
        counts[status] = counts.get(status, 0) + count
    return counts


# --- gap report inputs and review priority ---------------------------------------------------------


def report_inputs(session: Session, viewer: Viewer, framework: str, *, opd: str | None = None,
                  batch_id: int | None = None):
    """Every visible processed file as report input, counted by the one rule of ``evidence.reports.inputs``
    (re-exported here because the service reads everything through this module)."""
    from evidence.reports.inputs import report_inputs as _inputs

    return _inputs(session, viewer, framework, opd=opd, batch_id=batch_id)


def needs_check_pairs(session: Session, viewer: Viewer, framework: str) -> set[tuple[int, int]]:
    """(document id, indicator id) of every "perlu dicek" candidate: an indicator that no file confirms or
    suggests but that this file has among its top candidates. Issue 9: these go to the top of the review
    queue, because a reviewer's yes on one of them turns a would-be "belum ada" into evidence."""
    from evidence.reports.states import needs_check_candidates

    inputs = report_inputs(session, viewer, framework)
    return needs_check_candidates(inputs.documents)


def review_priority(pairs: set[tuple[int, int]]):
    """Sort key for ``QueueItem``s: "perlu dicek" candidates first, then the queue's own order (stable sort)."""

    def key(item: QueueItem) -> int:
        return 0 if (item.document.id, item.suggestion.indicator_id) in pairs else 1

    return key
