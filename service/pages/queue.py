"""The review queue as a work surface: a filtered table with bulk accept, and a one-at-a-time view driven
by the keyboard (static/review.js), where the next item opens after each decision.

Items are the API's queue items (``evidence.queries.review_queue``): current suggestions of readable
documents, most uncertain first. A position in the filtered queue (``pos``) addresses the item on screen;
after a decision on a pending item the same position holds the next one, because the decided item leaves
the pending queue.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from starlette.concurrency import run_in_threadpool

from evidence.catalog import Catalog
from evidence.i18n import t
from evidence.queries import (
    QUEUE_STATES,
    SCORE_BANDS,
    QueueFilters,
    document_types,
    queue_progress,
    review_queue,
)
from evidence.reviews import ReviewRequest, record_each
from service.deps import MetricsDep, RuntimeDep, get_runtime, resolve_opd_name
from service.errors import ApiError
from service.pages.common import ChosenCatalog, ReviewerPage, checked_form, int_or_none
from service.pages.reasons import plain_reasons
from service.pages.render import indicator_label, render
from service.pages.routes import detail_context, save_review
from service.presenters import queue_item_out
from service.security import Principal

router = APIRouter(prefix="/pages", include_in_schema=False)
TABLE_SIZE = 100
MIN_NAME_SCORE = 80
CLEAR_MARGIN = 3
# The pages are Indonesian; the names come from the message catalog.
BAND_LABELS = {band: t(f"queue_band.{band}") for band in SCORE_BANDS}
STATE_LABELS = {state: t(f"queue_state.{state}") for state in QUEUE_STATES}
FILTER_KEYS = ("opd", "indicator", "band", "doc_type", "state")
_LEADING_NUMBER = re.compile(r"^\s*(?:[\w ]+·\s*)?(\d{1,3})\b")


def _filters(request: Request, catalog: Catalog, params) -> tuple[QueueFilters, str]:
    """QueueFilters from query or form values, and the query string that reproduces them."""
    opd_raw = str(params.get("opd") or "").strip()
    opd = resolve_opd_name(get_runtime(request).opd_directory, opd_raw) or opd_raw or None
    indicator = int_or_none(params.get("indicator"))
    if indicator not in catalog.indicator_ids():
        indicator = None
    band = params.get("band") if params.get("band") in SCORE_BANDS else None
    doc_type = str(params.get("doc_type") or "").strip()[:40] or None
    state = params.get("state") if params.get("state") in QUEUE_STATES else "pending"
    filters = QueueFilters(opd=opd, indicator=indicator, band=band, doc_type=doc_type, review_state=state)
    query = {"opd": opd, "indicator": indicator, "band": band, "doc_type": doc_type,
             "state": state if state != "pending" else None, "framework": catalog.id}
    return filters, urlencode({k: v for k, v in query.items() if v is not None})


def _common(request: Request, principal: Principal, catalog: Catalog, filters: QueueFilters) -> dict:
    with get_runtime(request).db.session() as session:
        reviewed, total = queue_progress(session, principal, catalog.id, filters)
        types = document_types(session, principal)
    return {"catalog": catalog, "filters": filters, "reviewed": reviewed, "total_all": total,
            "doc_types": types, "band_labels": BAND_LABELS, "state_labels": STATE_LABELS,
            "directory": get_runtime(request).opd_directory}


def _table(request: Request, principal: Principal, catalog: Catalog, filters: QueueFilters, query: str,
           page: int, **extra) -> HTMLResponse:
    page = max(page, 1)
    offset = (page - 1) * TABLE_SIZE
    with get_runtime(request).db.session() as session:
        result = review_queue(session, principal, catalog.id, filters=filters, limit=TABLE_SIZE, offset=offset)
        items = [queue_item_out(item, catalog) for item in result.items]
    return render(request, "queue.html.j2", items=items, total=result.total, page=page, offset=offset,
                  has_next=offset + TABLE_SIZE < result.total, query=query,
                  **_common(request, principal, catalog, filters), **extra)


@router.get("/review-queue", response_class=HTMLResponse)
def queue_page(request: Request, principal: ReviewerPage, catalog: ChosenCatalog, page: int = 1) -> HTMLResponse:
    filters, query = _filters(request, catalog, request.query_params)
    return _table(request, principal, catalog, filters, query, page, notice=None, bulk_errors=[])


@router.post("/review-queue/bulk")
async def bulk_accept(rt: RuntimeDep, metrics: MetricsDep, request: Request, principal: ReviewerPage, catalog: ChosenCatalog) -> Response:
    """Accept every ticked row (``item`` = ``document:indicator``); valid ones are stored, the others
    are listed with their reason."""
    form = await checked_form(request, max_fields=TABLE_SIZE + 20)
    filters, query = _filters(request, catalog, form)
    entries = []
    for value in form.getlist("item"):
        doc_id, _, indicator = str(value).partition(":")
        if int_or_none(doc_id) is not None and int_or_none(indicator) is not None:
            entries.append((catalog, ReviewRequest(int(doc_id), int(indicator), "accept")))
    if not entries:
        return await run_in_threadpool(lambda: _table(request, principal, catalog, filters, query, 1,
                                                      notice=None, bulk_errors=["Belum ada baris yang dipilih."]))

    def save() -> tuple[int, list[str]]:
        with rt.db.session() as session:
            outcomes = record_each(session, entries, reviewer=principal.username)
        stored = sum(1 for o in outcomes if o.review is not None)
        if stored:
            metrics.reviews.labels("accept").inc(stored)
        errors = [f"{indicator_label(catalog, entries[o.index][1].indicator_id, name=False)}, dokumen "
                  f"{entries[o.index][1].document_id}: {o.error.message('id')}" for o in outcomes if o.error]
        return stored, errors

    stored, errors = await run_in_threadpool(save)
    notice = f"{stored} saran diterima." if stored else None
    return await run_in_threadpool(lambda: _table(request, principal, catalog, filters, query, 1,
                                                  notice=notice, bulk_errors=errors))


def _focus(request: Request, principal: Principal, catalog: Catalog, filters: QueueFilters, query: str, pos: int,
           *, error: str | None = None, saved: str | None = None, status_code: int = 200) -> HTMLResponse:
    with get_runtime(request).db.session() as session:
        result = review_queue(session, principal, catalog.id, filters=filters, limit=1, offset=max(pos, 0))
        if not result.items and 0 < result.total <= pos:  # past the end (the last item was just decided)
            pos = result.total - 1
            result = review_queue(session, principal, catalog.id, filters=filters, limit=1, offset=pos)
    common = _common(request, principal, catalog, filters)
    if not result.items:
        return render(request, "queue_item.html.j2", status_code=status_code, item=None, pos=pos,
                      total=result.total, query=query, error=error, saved=saved, **common)
    item = queue_item_out(result.items[0], catalog)
    context = detail_context(request, principal, catalog, item.document_id)
    if context is None:  # the document left the viewer's scope between the two reads
        raise ApiError(404, "not_found.document", id=item.document_id)
    view = next(v for v in context["views"] if v.suggestion.indicator_id == item.indicator_id)
    others = [v for v in context["views"] if v.suggestion.indicator_id != item.indicator_id
              and (v.suggestion.above_threshold or v.suggestion.candidate)]
    return render(request, "queue_item.html.j2", status_code=status_code, item=item, view=view, others=others,
                  reasons=plain_reasons(view.suggestion, context["doc"]), pos=pos, total=result.total,
                  query=query, error=error, saved=saved, **{**common, **context})


@router.get("/review-queue/item", response_class=HTMLResponse)
def queue_item(request: Request, principal: ReviewerPage, catalog: ChosenCatalog, pos: int = 0,
               saved: str | None = None) -> Response:
    filters, query = _filters(request, catalog, request.query_params)
    return _focus(request, principal, catalog, filters, query, pos,
                  saved=saved if saved in ("accept", "reject", "relabel") else None)


def relabel_target(value: object, catalog: Catalog) -> tuple[int | None, list[int]]:
    """The indicator typed in the search box, and the candidates when the text is not clear enough.

    Accepts "19", "19. Tim Koordinasi", "SPBE 2020 · 19. ..." (what the suggestion list fills in) or part
    of a name ("tim koordinasi"): the best match on the short names when it is clearly the best.
    """
    text = str(value or "").strip()
    match = _LEADING_NUMBER.match(text)
    if match:
        return int(match.group(1)), []
    if len(text) < 3:
        return None, []
    names = {i.id: i.short_name for i in catalog.indicators}
    ranked = process.extract(text, names, scorer=fuzz.WRatio, processor=default_process, limit=4)
    ranked = [r for r in ranked if r[1] >= MIN_NAME_SCORE]
    if ranked and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= CLEAR_MARGIN):
        return ranked[0][2], []
    return None, [r[2] for r in ranked]


@router.post("/review-queue/decide")
async def queue_decide(request: Request, principal: ReviewerPage, catalog: ChosenCatalog) -> Response:
    form = await checked_form(request)
    filters, query = _filters(request, catalog, form)
    pos = max(int_or_none(form.get("pos")) or 0, 0)
    decision = str(form.get("decision", ""))
    target, candidates = relabel_target(form.get("new_indicator"), catalog) if decision == "relabel" else (None, [])
    item = ReviewRequest(
        document_id=int_or_none(form.get("document_id")) or 0,
        indicator_id=int_or_none(form.get("indicator_id")) or 0,
        decision=decision,
        new_indicator_id=target,
        reason=str(form.get("reason") or "").strip() or None,
    )
    error: str | None
    if decision == "relabel" and target is None:
        typed = str(form.get("new_indicator") or "").strip()[:80]
        options = ", ".join(indicator_label(catalog, c) for c in candidates)
        error = (f"Indikator pengganti '{typed}' belum jelas; cocok dengan: {options}. Ketik nomornya."
                 if candidates else "Pilih atau ketik indikator pengganti (nomor atau nama).")
    else:
        error = await run_in_threadpool(save_review, request, principal, catalog, item)
    if error is not None:
        return await run_in_threadpool(lambda: _focus(request, principal, catalog, filters, query, pos, error=error,
                                                      status_code=422))
    next_pos = pos if filters.review_state == "pending" else pos + 1
    return RedirectResponse(f"/pages/review-queue/item?{query}&pos={next_pos}&saved={decision}", status_code=303)
