"""Appending reviews: validated first, all or nothing (``record_bulk``) or item by item (``record_each``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence.audit import record_review_events
from evidence.catalog import Catalog
from evidence.db.frameworks import ensure_framework
from evidence.db.models import Document, Review
from evidence.reviews.current import current_versions
from evidence.reviews.requests import (
    MAX_BULK_ITEMS,
    RELABEL,
    BulkReviewError,
    ReviewError,
    ReviewRequest,
    unreadable_reason,
    validate_request,
)
from evidence.states import DocumentState


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
    originals = {dup for _, status, dup in rows if status == DocumentState.DUPLICATE and dup is not None}
    original_status = dict(
        session.execute(select(Document.id, Document.status).where(Document.id.in_(originals))).all()
    ) if originals else {}
    return {
        doc_id: (original_status.get(dup, DocumentState.FAILED) if dup is not None else DocumentState.FAILED)
        if status == DocumentState.DUPLICATE else status
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
            versions[catalog.id] = current_versions(session, wanted, catalog.id)
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
    record_review_events(session, rows)
    return rows


def record_review(session: Session, catalog: Catalog, item: ReviewRequest, *, reviewer: str) -> Review:
    """One review; raises ``ReviewError`` (not the bulk wrapper) for an invalid item."""
    try:
        return record_reviews(session, catalog, [item], reviewer=reviewer)[0]
    except BulkReviewError as exc:
        raise exc.errors[0][1] from None
