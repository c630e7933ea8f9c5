"""What a document counts for once people have looked at it: the latest review per indicator wins."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from evidence.db.models import Document, Review, SuggestionRecord
from evidence.reviews.current import SuggestionLike, current_suggestion_ids
from evidence.reviews.requests import ACCEPT, HUMAN_SCORE, REJECT, RELABEL

# Where an effective indicator came from that a person decided (as opposed to the model's own suggestion).
HUMAN_SOURCES = frozenset({"accepted", "relabelled"})


class ReviewLike(Protocol):
    id: int
    indicator_id: int
    decision: str
    new_indicator_id: int | None


@dataclass(frozen=True)
class EffectiveIndicator:
    """One indicator a document counts for, and why (``model``, ``accepted`` or ``relabelled``)."""

    indicator_id: int
    source: str
    score: float
    reasons: tuple[str, ...] = ()
    review_id: int | None = None


def latest_review_ids(framework: str) -> Select:
    """SQL: ids of the latest review per (document, indicator) of ``framework``."""
    r = aliased(Review, name="any_review")
    return select(func.max(r.id)).where(r.framework_id == framework).group_by(r.document_id, r.indicator_id)


def review_history(session: Session, document_id: int, framework: str) -> list[Review]:
    """Every review of a document, newest first."""
    stmt = (
        select(Review)
        .where(Review.document_id == document_id, Review.framework_id == framework)
        .order_by(Review.id.desc())
    )
    return list(session.scalars(stmt))


def reviews_by_content(session: Session, framework: str) -> dict[int, list[Review]]:
    """Every review of ``framework``, oldest first, pooled per processed content: a copy of a file (another
    upload, another OPD's ZIP) points at its original, so one content's decisions are judged together."""
    by_doc: dict[int, list[Review]] = defaultdict(list)
    for review in session.scalars(select(Review).where(Review.framework_id == framework).order_by(Review.id)):
        by_doc[review.document_id].append(review)
    if not by_doc:
        return {}
    source_of: dict[int, int] = {doc_id: source for doc_id, source in session.execute(
        select(Document.id, func.coalesce(Document.duplicate_of_id, Document.id)).where(Document.id.in_(by_doc)))}
    pooled: dict[int, list[Review]] = defaultdict(list)
    for doc_id, reviews in by_doc.items():
        pooled[source_of.get(doc_id, doc_id)].extend(reviews)
    return {source: sorted(reviews, key=lambda r: r.id) for source, reviews in pooled.items()}


def latest_per_indicator(reviews: Iterable[ReviewLike]) -> dict[int, ReviewLike]:
    """indicator id -> its latest review (highest id); the input may span several copies of a content."""
    latest: dict[int, ReviewLike] = {}
    for review in reviews:
        current = latest.get(review.indicator_id)
        if current is None or review.id > current.id:
            latest[review.indicator_id] = review
    return latest


def effective_indicators(
    suggestions: Iterable[SuggestionLike], reviews: Iterable[ReviewLike]
) -> dict[int, EffectiveIndicator]:
    """What a document counts for after review. ``suggestions`` are its current rows (``pick_current``).

    Per indicator, the latest event wins: an above-threshold suggestion is the earliest "yes"; an accept
    of the indicator or a relabel *to* it is a later "yes"; a reject of it or a relabel *away* from it is
    a "no". Only the latest review of each (document, indicator) produces events.
    """
    yes: dict[int, tuple[int, EffectiveIndicator]] = {}
    no: dict[int, int] = {}
    for s in suggestions:
        if s.above_threshold:
            reasons = tuple(getattr(s, "reasons", None) or ())
            yes[s.indicator_id] = (-1, EffectiveIndicator(s.indicator_id, "model", s.score, reasons))
    for review in latest_per_indicator(reviews).values():
        if review.decision == ACCEPT:
            _later_yes(yes, review.indicator_id, review.id, "accepted")
        elif review.decision == REJECT:
            no[review.indicator_id] = max(no.get(review.indicator_id, -1), review.id)
        elif review.decision == RELABEL and review.new_indicator_id is not None:
            no[review.indicator_id] = max(no.get(review.indicator_id, -1), review.id)
            _later_yes(yes, review.new_indicator_id, review.id, "relabelled")
    return {
        ind: effective
        for ind, (at, effective) in sorted(yes.items())
        if ind not in no or at > no[ind]
    }


def _later_yes(yes: dict[int, tuple[int, EffectiveIndicator]], indicator_id: int, review_id: int, source: str) -> None:
    if indicator_id not in yes or yes[indicator_id][0] < review_id:
        yes[indicator_id] = (review_id, EffectiveIndicator(indicator_id, source, HUMAN_SCORE, (), review_id))


def effective_indicator_condition(framework: str, indicator_id: int) -> ColumnElement[bool]:
    """SQL twin of ``effective_indicators``: the outer query's ``documents`` row counts for the indicator.

    Correlated subqueries on ``documents.id``; every inner table is aliased so nothing else correlates.
    """
    latest = latest_review_ids(framework)
    neg_review = aliased(Review, name="neg_review")
    negative = (
        select(func.max(neg_review.id))
        .where(
            neg_review.id.in_(latest),
            neg_review.document_id == Document.id,
            neg_review.indicator_id == indicator_id,
            neg_review.decision.in_((REJECT, RELABEL)),
        )
        .scalar_subquery()
    )
    pos_review = aliased(Review, name="pos_review")
    positive = (
        select(func.max(pos_review.id))
        .where(
            pos_review.id.in_(latest_review_ids(framework)),
            pos_review.document_id == Document.id,
            or_(
                and_(pos_review.indicator_id == indicator_id, pos_review.decision == ACCEPT),
                and_(pos_review.decision == RELABEL, pos_review.new_indicator_id == indicator_id),
            ),
        )
        .scalar_subquery()
    )
    suggestion = aliased(SuggestionRecord, name="eff_suggestion")
    suggested = exists(
        select(suggestion.id).where(
            suggestion.id.in_(current_suggestion_ids(framework)),
            suggestion.document_id == Document.id,
            suggestion.indicator_id == indicator_id,
            suggestion.above_threshold.is_(True),
        )
    )
    return or_(
        and_(positive.is_not(None), or_(negative.is_(None), positive > negative)),
        and_(suggested, negative.is_(None)),
    )


def reviewed_condition(framework: str) -> ColumnElement[bool]:
    """SQL: the outer ``documents`` row has at least one review in ``framework``."""
    r = aliased(Review, name="state_review")
    return exists(select(r.id).where(r.document_id == Document.id, r.framework_id == framework))
