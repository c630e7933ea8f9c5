"""The review queue: current suggestions nobody decided on, "perlu dicek" candidates and the most uncertain first."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import Select, case, func, select, tuple_
from sqlalchemy.orm import Session

from evidence.db.models import Document, Review, SuggestionRecord
from evidence.queries.scope import Page, Viewer, paginate, scope_documents
from evidence.reviews import current_suggestion_ids, latest_review_ids
from evidence.states import DocumentState


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


def review_queue(session: Session, viewer: Viewer, framework: str, *, opd: str | None = None,
                 indicator: int | None = None, above_threshold: bool | None = None,
                 filters: QueueFilters | None = None, limit: int, offset: int) -> Page[QueueItem]:
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
    total, paged = paginate(session, stmt, limit, offset, *first, s.threshold.is_(None),
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
