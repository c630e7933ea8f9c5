"""Login, the document list and one document's page. They call the same query and review functions as the
API, with the same scoping.

Authentication is the session cookie (an API token in an HttpOnly cookie, set by the login form). Every
POST form carries a CSRF token that must equal the CSRF cookie. An anonymous visitor is sent to the login
page (303) instead of receiving a JSON 401.
"""

from __future__ import annotations

import math
import secrets
from datetime import UTC, datetime
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from evidence.catalog import Catalog
from evidence.i18n import t
from evidence.queries import (
    DOCUMENT_STATUSES,
    DocumentFilters,
    document_detail,
    hidden_duplicate_origins,
    is_scoped,
    list_documents,
    reviews_by_document,
)
from evidence.reviews import DECISIONS, ReviewError, ReviewRequest, record_review
from service.deps import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    LoginLimiterDep,
    RuntimeDep,
    get_metrics,
    get_runtime,
    resolve_opd_name,
)
from service.errors import ApiError
from service.pages.common import (
    HOME_PATH,
    LOGIN_PATH,
    REVIEWER_ROLES,
    ChosenCatalog,
    LoginRequired,
    PagePrincipal,
    checked_form,
    int_or_none,
    login_redirect,
)
from service.pages.reasons import plain_error, suggestion_views
from service.pages.render import render, set_csrf_cookie
from service.presenters import document_detail_out, document_summary
from service.security import Principal, authenticate, issue_token, revoke_token

router = APIRouter(prefix="/pages", include_in_schema=False)
PAGE_SIZE = 50

__all__ = ["LoginRequired", "login_redirect", "router"]


def _safe_next(value: str | None) -> str:
    """Only our own pages: an open redirect after login would be a phishing aid."""
    if value and value.startswith("/pages/") and "//" not in value and "\\" not in value:
        return value
    return "/pages/"  # the home of the user's role (pages_home)


# --- login --------------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html.j2", error=None, next=_safe_next(next), username="", user=None)


@router.post("/login")
async def login_submit(rt: RuntimeDep, limiter: LoginLimiterDep, request: Request) -> Response:
    form = await checked_form(request)
    username, password = str(form.get("username", "")), str(form.get("password", ""))
    next_path = _safe_next(str(form.get("next", "")))
    refused = limiter.attempt(username, request.client.host if request.client else None)
    if refused is not None:  # the same limits as the API login (service/ratelimit.py)
        page = render(request, "login.html.j2", status_code=429, next=next_path, username=username, user=None,
                      error=t("auth.rate_limited", seconds=refused.retry_after))
        page.headers["Retry-After"] = str(refused.retry_after)
        return page

    def attempt():
        with rt.db.session() as session:
            user = authenticate(session, username, password)
            return issue_token(session, user) if user is not None else None

    issued = await run_in_threadpool(attempt)
    if issued is None:
        return render(request, "login.html.j2", status_code=401, error=t("auth.bad_credentials"),
                      next=next_path, username=username, user=None)
    response = RedirectResponse(next_path, status_code=303)
    secure = request.url.scheme == "https"
    max_age = max(int((issued.expires_at - datetime.now(UTC)).total_seconds()), 0)
    response.set_cookie(SESSION_COOKIE, issued.access_token, httponly=True, samesite="lax", secure=secure, path="/",
                        max_age=max_age)
    set_csrf_cookie(request, response, secrets.token_urlsafe(32))  # a new session gets a new CSRF token
    return response


@router.post("/logout")
async def logout(rt: RuntimeDep, request: Request, principal: PagePrincipal) -> Response:
    await checked_form(request)

    def revoke() -> None:
        with rt.db.session() as session:
            revoke_token(session, principal.token_sha256)

    await run_in_threadpool(revoke)
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


# --- documents ----------------------------------------------------------------------------------------


@router.get("", include_in_schema=False)
@router.get("/", include_in_schema=False)
def pages_home(principal: PagePrincipal) -> RedirectResponse:
    """Reviewers start at their queue, OPD users at their documents."""
    return RedirectResponse(HOME_PATH if principal.role in REVIEWER_ROLES else "/pages/documents", status_code=303)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(rt: RuntimeDep, request: Request, principal: PagePrincipal, catalog: ChosenCatalog, opd: str | None = None,
                   indicator: str | None = None, review_state: str | None = None, status: str | None = None,
                   batch: str | None = None, page: int = 1) -> HTMLResponse:
    indicator_id = int_or_none(indicator)
    if indicator_id not in catalog.indicator_ids():
        indicator_id = None
    filters = DocumentFilters(
        framework=catalog.id,
        opd=resolve_opd_name(rt.opd_directory, opd) or (opd or "").strip() or None,
        indicator=indicator_id,
        review_state=review_state if review_state in ("pending", "reviewed") else None,
        status=status if status in DOCUMENT_STATUSES else None,
        batch_id=int_or_none(batch),
    )
    page = max(page, 1)
    with rt.db.session() as session:
        result = list_documents(session, principal, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        reviews = reviews_by_document(session, [d.id for d in result.items], catalog.id)
        hidden = hidden_duplicate_origins(session, principal, result.items)
        rows = [document_summary(d, catalog, reviews.get(d.id, []), "id", hidden) for d in result.items]
    pages = max(math.ceil(result.total / PAGE_SIZE), 1)
    query = {k: v for k, v in {"opd": filters.opd, "indicator": filters.indicator, "review_state": filters.review_state,
                                "status": filters.status, "batch": filters.batch_id}.items() if v is not None}
    return render(request, "documents.html.j2", rows=rows, total=result.total, page=page, pages=pages,
                  filters=filters, query=urlencode(query), catalog=catalog, directory=rt.opd_directory,
                  statuses=DOCUMENT_STATUSES, scoped=is_scoped(principal), plain_error=plain_error)


def detail_context(request: Request, principal: Principal, catalog: Catalog, document_id: int) -> dict | None:
    """What a document's page (and the review queue's focus view) shows, or None when not visible."""
    rt = get_runtime(request)
    with rt.db.session() as session:
        detail = document_detail(session, principal, document_id, catalog.id, rt.catalogs)
        if detail is None:
            return None
        hidden = hidden_duplicate_origins(session, principal, [detail.document])
        doc = document_detail_out(detail, catalog, "id", hidden)
    views = suggestion_views(doc)
    return {"doc": doc, "views": views, "catalog": catalog, "can_review": principal.role in REVIEWER_ROLES,
            "is_admin": principal.role == "admin", "decisions": DECISIONS, "problem": plain_error(doc.error),
            "is_pdf": (doc.media_type or "") == "application/pdf" or doc.filename.lower().endswith(".pdf")}


def _detail_response(request: Request, principal: Principal, catalog: Catalog, document_id: int, *,
                     error: str | None = None, notice: str | None = None, status_code: int = 200) -> HTMLResponse:
    context = detail_context(request, principal, catalog, document_id)
    if context is None:
        raise ApiError(404, "not_found.document", id=document_id)
    return render(request, "document.html.j2", status_code=status_code, error=error, notice=notice, **context)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, principal: PagePrincipal, catalog: ChosenCatalog,
                  saved: int = 0) -> HTMLResponse:
    notice = "Tinjauan tersimpan." if saved else None
    return _detail_response(request, principal, catalog, document_id, notice=notice)


def save_review(request: Request, principal: Principal, catalog: Catalog, item: ReviewRequest) -> str | None:
    """Record one decision for a page; the Indonesian reason when refused, None when stored."""
    with get_runtime(request).db.session() as session:
        if document_detail(session, principal, item.document_id, catalog.id) is None:
            return t("not_found.document", id=item.document_id)
        try:
            record_review(session, catalog, item, reviewer=principal.username)
        except ReviewError as exc:
            session.rollback()
            return exc.message("id")
    get_metrics(request).reviews.labels(item.decision).inc()
    return None


def review_from_form(document_id: int, form) -> ReviewRequest:
    decision = str(form.get("decision", ""))
    return ReviewRequest(
        document_id=document_id,
        indicator_id=int_or_none(form.get("indicator_id")) or 0,
        decision=decision,
        new_indicator_id=int_or_none(form.get("new_indicator_id")) if decision == "relabel" else None,
        reason=str(form.get("reason") or "") or None,
    )


@router.post("/documents/{document_id}/reviews")
async def review_submit(request: Request, document_id: int, principal: PagePrincipal,
                        catalog: ChosenCatalog) -> Response:
    form = await checked_form(request)
    if principal.role not in REVIEWER_ROLES:
        raise ApiError(403, "auth.forbidden_role", role=principal.role)
    error = await run_in_threadpool(save_review, request, principal, catalog, review_from_form(document_id, form))
    if error is not None:
        return await run_in_threadpool(
            lambda: _detail_response(request, principal, catalog, document_id, error=error, status_code=422))
    return RedirectResponse(f"/pages/documents/{document_id}?saved=1", status_code=303)
