"""Reviews: a person's decisions on the classifier's suggestions. Append-only; the latest one wins.

Why this lives in the shared core and not in the HTTP service: the API, the review pages, the CLI and the
gap report must agree on what a document *counts for* once people have looked at it. One definition:

* the **current suggestions** of a document are the rows of its latest model run (the model version of
  its newest suggestion row), one per indicator; older runs stay in the table as history;
* the **latest review** of (document, framework, indicator) is the one with the highest id; earlier ones
  are history, never edited or deleted;
* the **effective indicators** of a document are its above-threshold current suggestions that were not
  rejected or relabelled away, plus indicators a person accepted, plus relabel targets. When decisions
  touch the same indicator from two sides (a reject of 19 and a later relabel 7 -> 19), the later one wins.

``effective_indicators`` (Python, for reports and pages) and ``effective_indicator_condition`` (SQL, for
list filters) implement that rule twice; the tests check that they agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from evidence.catalog import Catalog
from evidence.db.frameworks import ensure_framework
from evidence.db.models import Document, Review, SuggestionRecord
from evidence.i18n import t
from evidence.states import DocumentState

ACCEPT, REJECT, RELABEL = "accept", "reject", "relabel"
DECISIONS: tuple[str, ...] = (ACCEPT, REJECT, RELABEL)
MAX_REASON_CHARS = 2000
MAX_BULK_ITEMS = 500
# A person's decision has no model score; it counts as certain evidence.
HUMAN_SCORE = 1.0

class ReviewError(ValueError):
    """A review that cannot be recorded. ``code`` is stable for programs; ``message(lang)`` is for people."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if "status" in params:  # an unreadable document: why, in the reader's language
            params["why"] = t(f"review.why.{params.pop('status')}", lang)
        return t(f"review.{self.code}", lang, **params)


UNREVIEWABLE = frozenset({DocumentState.FAILED, DocumentState.UNSUPPORTED, DocumentState.NO_TEXT,
                          DocumentState.QUEUED})
"""States whose content was not read: nobody can judge what was never read."""


def unreadable_reason(document_id: int, status: str) -> ReviewError | None:
    """The refusal for a document in ``status``, or None when its text was read (``ok``)."""
    if status not in UNREVIEWABLE:
        return None
    return ReviewError("unreadable_document", document_id=document_id, status=status)


class BulkReviewError(ValueError):
    """Every invalid item of a bulk request, by position, so the client can fix all of them at once."""

    def __init__(self, errors: Sequence[tuple[int, ReviewError]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"item {i}: {e}" for i, e in self.errors))

    def message(self, lang: str = "id") -> str:
        return "; ".join(t("review.bulk_item", lang, index=i, error=e.message(lang)) for i, e in self.errors)


@dataclass(frozen=True)
class ReviewRequest:
    """What a reviewer asks to record; validated against the catalog before anything is written."""

    document_id: int
    indicator_id: int
    decision: str
    new_indicator_id: int | None = None
    reason: str | None = None


class SuggestionLike(Protocol):
    id: int
    framework_id: str
    indicator_id: int
    score: float
    above_threshold: bool
    model_version: str


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


# --- validation ---------------------------------------------------------------------------------------


def validate_request(item: ReviewRequest, catalog: Catalog) -> None:
    """Raise ``ReviewError`` for a decision the catalog or the rules do not allow (no database needed)."""
    known = set(catalog.indicator_ids())
    if item.decision not in DECISIONS:
        raise ReviewError("unknown_decision", decision=item.decision)
    if item.indicator_id not in known:
        raise ReviewError("unknown_indicator", indicator_id=item.indicator_id, framework=catalog.id)
    if item.decision == RELABEL:
        if item.new_indicator_id is None:
            raise ReviewError("relabel_needs_target")
        if item.new_indicator_id not in known:
            raise ReviewError("unknown_indicator", indicator_id=item.new_indicator_id, framework=catalog.id)
        if item.new_indicator_id == item.indicator_id:
            raise ReviewError("relabel_same_indicator", indicator_id=item.indicator_id)
    elif item.new_indicator_id is not None:
        raise ReviewError("target_only_for_relabel")
    if item.reason is not None and len(item.reason) > MAX_REASON_CHARS:
        raise ReviewError("reason_too_long", limit=MAX_REASON_CHARS)


# --- current suggestions --------------------------------------------------------------------------------


def current_suggestion_ids(framework: str) -> Select:
    """SQL: ids of the current suggestion rows (latest model run of each document, one per indicator).

    Aliases only, so the subquery never auto-correlates with a ``suggestions`` table of the outer query.
    """
    newest = aliased(SuggestionRecord, name="newest_suggestion")
    last_run = (
        select(newest.document_id, func.max(newest.id).label("last_id"))
        .where(newest.framework_id == framework)
        .group_by(newest.document_id)
        .subquery("last_run")
    )
    run_row = aliased(SuggestionRecord, name="run_row")
    run_version = (
        select(run_row.document_id, run_row.model_version)
        .join(last_run, run_row.id == last_run.c.last_id)
        .subquery("run_version")
    )
    row = aliased(SuggestionRecord, name="current_row")
    return (
        select(func.max(row.id))
        .join(
            run_version,
            and_(run_version.c.document_id == row.document_id, run_version.c.model_version == row.model_version),
        )
        .where(row.framework_id == framework)
        .group_by(row.document_id, row.indicator_id)
    )


def pick_current(rows: Iterable[SuggestionLike], framework: str) -> list[SuggestionLike]:
    """Python twin of ``current_suggestion_ids`` for suggestions already loaded with their document."""
    mine = [r for r in rows if r.framework_id == framework]
    if not mine:
        return []
    version = max(mine, key=lambda r: r.id).model_version
    best: dict[int, SuggestionLike] = {}
    for r in mine:
        if r.model_version == version and (r.indicator_id not in best or r.id > best[r.indicator_id].id):
            best[r.indicator_id] = r
    return sorted(best.values(), key=lambda r: (-r.score, r.indicator_id))


def _current_versions(session: Session, document_ids: Iterable[int], framework: str) -> dict[tuple[int, int], str]:
    """(document, indicator) -> model version of its current suggestion, for the review's provenance."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(SuggestionRecord.document_id, SuggestionRecord.indicator_id, SuggestionRecord.model_version)
        .where(SuggestionRecord.id.in_(current_suggestion_ids(framework)), SuggestionRecord.document_id.in_(ids))
    )
    return {(doc_id, ind): version for doc_id, ind, version in rows}


# --- writing ------------------------------------------------------------------------------------------


def record_reviews(
    session: Session, catalog: Catalog, items: Sequence[ReviewRequest], *, reviewer: str
) -> list[Review]:
    """Validate every item, then append one row per item; nothing is written if any item is invalid.

    The caller owns the transaction (commit after this returns). Each row keeps the model version of the
    suggestion it judges (None when the model never suggested that indicator), so a later model run can
    tell which decisions were made on older output.
    """
    return record_bulk(session, [(catalog, item) for item in items], reviewer=reviewer)


def record_bulk(
    session: Session, entries: Sequence[tuple[Catalog, ReviewRequest]], *, reviewer: str
) -> list[Review]:
    """``record_reviews`` for items that may belong to different frameworks (all or nothing)."""
    _check_size(entries)
    errors = check_entries(session, entries)
    if errors:
        raise BulkReviewError(sorted(errors.items()))
    return _write(session, entries, reviewer=reviewer)


@dataclass(frozen=True)
class ItemOutcome:
    """One item of a per-item bulk request: the stored row, or why it was refused."""

    index: int
    review: Review | None = None
    error: ReviewError | None = None


def record_each(
    session: Session, entries: Sequence[tuple[Catalog, ReviewRequest]], *, reviewer: str
) -> list[ItemOutcome]:
    """Store every valid item and report every invalid one, by position (bulk review from a table).

    Why not all or nothing: a reviewer who ticks fifty rows and hits one document that failed meanwhile
    should not lose the other forty-nine; the refused item is listed with its reason instead.
    """
    _check_size(entries)
    errors = check_entries(session, entries)
    valid = [(i, entry) for i, entry in enumerate(entries) if i not in errors]
    rows = _write(session, [entry for _, entry in valid], reviewer=reviewer) if valid else []
    stored = {i: row for (i, _), row in zip(valid, rows, strict=True)}
    return [ItemOutcome(i, stored.get(i), errors.get(i)) for i in range(len(entries))]


def _check_size(entries: Sequence[tuple[Catalog, ReviewRequest]]) -> None:
    if not entries:
        raise BulkReviewError([(0, ReviewError("empty_bulk"))])
    if len(entries) > MAX_BULK_ITEMS:
        raise BulkReviewError([(0, ReviewError("too_many", limit=MAX_BULK_ITEMS))])


def _readable_status(session: Session, document_ids: Sequence[int]) -> dict[int, str]:
    """document id -> the status that decides whether it can be reviewed; a duplicate is as readable as
    the file it copies (its decisions count for that content in the gap report)."""
    rows = session.execute(
        select(Document.id, Document.status, Document.duplicate_of_id).where(Document.id.in_(list(document_ids)))
    ).all()
    originals = {dup for _, status, dup in rows if status == "duplicate" and dup is not None}
    original_status = dict(
        session.execute(select(Document.id, Document.status).where(Document.id.in_(originals))).all()
    ) if originals else {}
    return {
        doc_id: (original_status.get(dup, "failed") if status == "duplicate" else status)
        for doc_id, status, dup in rows
    }


def check_entries(session: Session, entries: Sequence[tuple[Catalog, ReviewRequest]]) -> dict[int, ReviewError]:
    """position -> why that item cannot be stored (catalog rules, unknown or unreadable document)."""
    errors: dict[int, ReviewError] = {}
    for index, (catalog, item) in enumerate(entries):
        try:
            validate_request(item, catalog)
        except ReviewError as exc:
            errors[index] = exc
    statuses = _readable_status(session, sorted({item.document_id for _, item in entries}))
    for index, (_, item) in enumerate(entries):
        if index in errors:
            continue
        status = statuses.get(item.document_id)
        if status is None:
            errors[index] = ReviewError("unknown_document", document_id=item.document_id)
            continue
        refusal = unreadable_reason(item.document_id, status)
        if refusal is not None:
            errors[index] = refusal
    return errors


def _write(session: Session, entries: Sequence[tuple[Catalog, ReviewRequest]], *, reviewer: str) -> list[Review]:

    wanted = sorted({item.document_id for _, item in entries})
    versions: dict[str, dict[tuple[int, int], str]] = {}
    for catalog, _ in entries:
        if catalog.id not in versions:
            ensure_framework(session, catalog)
            versions[catalog.id] = _current_versions(session, wanted, catalog.id)
    rows = [
        Review(
            document_id=item.document_id,
            framework_id=catalog.id,
            indicator_id=item.indicator_id,
            decision=item.decision,
            new_indicator_id=item.new_indicator_id if item.decision == RELABEL else None,
            reason=(item.reason or "").strip() or None,
            reviewer=reviewer,
            model_version=versions[catalog.id].get((item.document_id, item.indicator_id)),
        )
        for catalog, item in entries
    ]
    session.add_all(rows)
    session.flush()
    from evidence.audit import record_review_events  # the audit trail (issue 13): before and after

    record_review_events(session, rows)
    return rows


def record_review(session: Session, catalog: Catalog, item: ReviewRequest, *, reviewer: str) -> Review:
    """One review; raises ``ReviewError`` (not the bulk wrapper) for an invalid item."""
    try:
        return record_reviews(session, catalog, [item], reviewer=reviewer)[0]
    except BulkReviewError as exc:
        raise exc.errors[0][1] from None


# --- reading ------------------------------------------------------------------------------------------


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


def latest_per_indicator(reviews: Iterable[ReviewLike]) -> dict[int, ReviewLike]:
    """indicator id -> its latest review (highest id); the input may span several copies of a content."""
    latest: dict[int, ReviewLike] = {}
    for review in reviews:
        current = latest.get(review.indicator_id)
        if current is None or review.id > current.id:
            latest[review.indicator_id] = review
    return latest


# --- effective indicators -----------------------------------------------------------------------------


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
