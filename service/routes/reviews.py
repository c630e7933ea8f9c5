"""Reviews: record a person's decision on a suggestion (one or many), and the queue of pending ones.

Reviews are append-only: each decision is a new row and the latest per (document, indicator) wins. The
rules live in ``evidence.reviews`` so the CLI and the reports apply the same ones.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from evidence.catalog import Catalog
from evidence.i18n import t
from evidence.queries import QueueFilters, get_document, review_queue
from evidence.reviews import BulkReviewError, ReviewError, ReviewRequest, record_each, record_review
from service.deps import (
    CatalogDep,
    LangDep,
    MetricsDep,
    ReviewerPrincipal,
    RuntimeDep,
    catalog_for,
    resolve_opd_name,
)
from service.errors import ApiError, LocalizedError
from service.presenters import queue_item_out, review_out
from service.routes.common import (
    API_PREFIX,
    DEFAULT_PAGE,
    FORBIDDEN,
    INVALID,
    MAX_PAGE,
    NOT_FOUND,
    UNAUTHORIZED,
)
from service.routes.documents import check_indicator
from service.schemas import BulkItemOut, BulkReviewIn, BulkReviewOut, QueueOut, ReviewIn, ReviewOut

router = APIRouter(prefix=API_PREFIX, tags=["tinjauan"])


@router.post("/documents/{document_id}/reviews", status_code=201, response_model=ReviewOut,
             responses={**UNAUTHORIZED, **FORBIDDEN, **NOT_FOUND, **INVALID})
def create_review(metrics: MetricsDep, document_id: int, body: ReviewIn, request: Request, principal: ReviewerPrincipal,
                  rt: RuntimeDep) -> ReviewOut:
    """Accept, reject or relabel one indicator of a document (a new row; earlier decisions stay as history)."""
    catalog = catalog_for(rt, body.framework)
    item = ReviewRequest(document_id, body.indicator_id, body.decision, body.new_indicator_id, body.reason)
    with rt.db.session() as session:
        if get_document(session, principal, document_id) is None:
            raise ApiError(404, "not_found.document", id=document_id)
        try:
            review = record_review(session, catalog, item, reviewer=principal.username)
        except ReviewError as exc:
            raise LocalizedError(422, exc.message) from None
        result = review_out(review)
    metrics.reviews.labels(item.decision).inc()
    return result


@router.post("/reviews/bulk", status_code=201, response_model=BulkReviewOut,
             responses={**UNAUTHORIZED, **FORBIDDEN, 422: {"model": BulkReviewOut,
                                                           "description": "Tidak ada butir yang tersimpan"}})
def create_reviews(metrics: MetricsDep, body: BulkReviewIn, request: Request, principal: ReviewerPrincipal, rt: RuntimeDep,
                   lang: LangDep) -> BulkReviewOut | JSONResponse:
    """Several decisions at once. Valid items are stored; each refused item is listed with its reason
    (unknown indicator, failed or unreadable document ...). 201 when at least one was stored, else 422."""
    catalogs: dict[str | None, Catalog] = {}
    entries = []
    for item in body.items:
        if item.framework not in catalogs:
            catalogs[item.framework] = catalog_for(rt, item.framework)
        entries.append((catalogs[item.framework], ReviewRequest(
            item.document_id, item.indicator_id, item.decision, item.new_indicator_id, item.reason)))
    with rt.db.session() as session:
        try:
            outcomes = record_each(session, entries, reviewer=principal.username)
        except BulkReviewError as exc:
            raise LocalizedError(422, exc.message) from None
        results = [BulkItemOut(index=o.index, status="created" if o.review else "refused",
                                  review_id=o.review.id if o.review else None,
                                  error=o.error.message(lang) if o.error else None) for o in outcomes]
    stored = [entries[o.index][1].decision for o in outcomes if o.review is not None]
    for decision, count in Counter(stored).items():
        metrics.reviews.labels(decision).inc(count)
    out = BulkReviewOut(created=len(stored), refused=len(outcomes) - len(stored), by_decision=dict(Counter(stored)),
                        review_ids=[r.review_id for r in results if r.review_id is not None], results=results)
    if not stored:
        detail = "; ".join(t("review.bulk_item", lang, index=r.index, error=r.error) for r in results)
        return JSONResponse({"detail": detail, **out.model_dump()}, 422)
    return out


@router.get("/review-queue", response_model=QueueOut, responses={**UNAUTHORIZED, **FORBIDDEN, **INVALID})
def queue(
    request: Request,
    principal: ReviewerPrincipal,
    catalog: CatalogDep,
    rt: RuntimeDep,
    opd: Annotated[str | None, Query(description="Nama atau singkatan OPD")] = None,
    indicator: int | None = None,
    above_threshold: Annotated[
        bool | None, Query(description="true: hanya saran di atas ambang; false: di bawahnya")
    ] = None,
    band: Annotated[Literal["above", "candidate", "mid", "low"] | None, Query(
        description="above: di atas ambang; candidate: perlu dicek; mid: di bawah ambang, skor >= 0,05; low: < 0,05")
    ] = None,
    doc_type: Annotated[str | None, Query(max_length=40, description="Jenis dokumen, mis. perbup")] = None,
    review_state: Annotated[Literal["pending", "reviewed", "all"], Query(
        description="pending: belum diputuskan (bawaan); reviewed: sudah; all: semua")] = "pending",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> QueueOut:
    """Suggestions nobody has decided on (or, with review_state, decided ones), most uncertain first."""
    opd_name = (resolve_opd_name(rt.opd_directory, opd) or opd.strip()) if opd else None
    with rt.db.session() as session:
        filters = QueueFilters(opd=opd_name, indicator=check_indicator(catalog, indicator),
                               above_threshold=above_threshold, band=band, doc_type=doc_type, review_state=review_state)
        page = review_queue(session, principal, catalog.id, filters=filters, limit=limit, offset=offset)
        items = [queue_item_out(item, catalog) for item in page.items]
    return QueueOut(total=page.total, limit=limit, offset=offset, items=items)
