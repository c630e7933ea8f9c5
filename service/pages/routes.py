"""Review pages. They call the same query and review functions as the API, with the same scoping.

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

from evidence.queries import (
    DOCUMENT_STATUSES,
    DocumentFilters,
    document_detail,
    is_scoped,
    list_documents,
    reviews_by_document,
)
from evidence.reviews import DECISIONS, ReviewError, ReviewRequest, record_review
from service.deps import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    catalog_for,
    csrf_matches,
    principal_from_request,
    resolve_opd_name,
)
from service.errors import ApiError
from service.messages import message
from service.pages.render import render, set_csrf_cookie
from service.presenters import document_detail_out, document_summary
from service.routes.reports import REPORT_CSP, build_report, target_opd
from service.security import Principal, authenticate, issue_token, revoke_token

router = APIRouter(prefix="/pages", include_in_schema=False)
PAGE_SIZE = 50
LOGIN_PATH = "/pages/login"
HOME_PATH = "/pages/documents"


class LoginRequired(Exception):
    """Raised by page handlers for an anonymous visitor; turned into a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def login_redirect(next_path: str) -> RedirectResponse:
    return RedirectResponse(f"{LOGIN_PATH}?{urlencode({'next': next_path})}", status_code=303)


def _principal(request: Request) -> Principal:
    principal, _ = principal_from_request(request, None)
    if principal is None:
        raise LoginRequired(request.url.path)
    return principal


def _safe_next(value: str | None) -> str:
    """Only our own pages: an open redirect after login would be a phishing aid."""
    if value and value.startswith("/pages/") and "//" not in value and "\\" not in value:
        return value
    return HOME_PATH


async def _checked_form(request: Request) -> dict[str, str]:
    form = await request.form(max_files=0, max_fields=20)
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    if not csrf_matches(request.cookies.get(CSRF_COOKIE), values.get("csrf_token")):
        raise ApiError(403, "auth.csrf")
    return values


def _int_or_none(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.lstrip("-").isdigit() else None


# --- login --------------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html.j2", error=None, next=_safe_next(next), username="", user=None)


@router.post("/login")
async def login_submit(request: Request) -> Response:
    form = await _checked_form(request)
    username, password = form.get("username", ""), form.get("password", "")
    next_path = _safe_next(form.get("next"))
    refused = request.app.state.login_limiter.attempt(username, request.client.host if request.client else None)
    if refused is not None:  # the same limits as the API login (service/ratelimit.py)
        page = render(request, "login.html.j2", status_code=429, next=next_path, username=username, user=None,
                      error=message("auth.rate_limited", seconds=refused.retry_after))
        page.headers["Retry-After"] = str(refused.retry_after)
        return page

    def attempt():
        with request.app.state.db.session() as session:
            user = authenticate(session, username, password)
            return issue_token(session, user) if user is not None else None

    issued = await run_in_threadpool(attempt)
    if issued is None:
        return render(request, "login.html.j2", status_code=401, error=message("auth.bad_credentials"),
                      next=next_path, username=username, user=None)
    response = RedirectResponse(next_path, status_code=303)
    secure = request.url.scheme == "https"
    max_age = max(int((issued.expires_at - datetime.now(UTC)).total_seconds()), 0)
    response.set_cookie(SESSION_COOKIE, issued.access_token, httponly=True, samesite="lax", secure=secure, path="/",
                        max_age=max_age)
    set_csrf_cookie(request, response, secrets.token_urlsafe(32))  # a new session gets a new CSRF token
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    principal = await run_in_threadpool(_principal, request)  # anonymous: straight to the login page
    await _checked_form(request)

    def revoke() -> None:
        with request.app.state.db.session() as session:
            revoke_token(session, principal.token_sha256)

    await run_in_threadpool(revoke)
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


# --- documents ----------------------------------------------------------------------------------------


@router.get("", include_in_schema=False)
@router.get("/", include_in_schema=False)
def pages_home() -> RedirectResponse:
    return RedirectResponse(HOME_PATH, status_code=303)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, opd: str | None = None, indicator: str | None = None,
                   review_state: str | None = None, status: str | None = None, page: int = 1) -> HTMLResponse:
    principal = _principal(request)
    state = request.app.state
    catalog = catalog_for(state.settings, None)
    indicator_id = _int_or_none(indicator)
    if indicator_id not in catalog.indicator_ids():
        indicator_id = None
    filters = DocumentFilters(
        framework=catalog.id,
        opd=resolve_opd_name(state.directory, opd) or (opd or "").strip() or None,
        indicator=indicator_id,
        review_state=review_state if review_state in ("pending", "reviewed") else None,
        status=status if status in DOCUMENT_STATUSES else None,
    )
    page = max(page, 1)
    with state.db.session() as session:
        result = list_documents(session, principal, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        reviews = reviews_by_document(session, [d.id for d in result.items], catalog.id)
        rows = [document_summary(d, catalog, reviews.get(d.id, []), "id") for d in result.items]
    pages = max(math.ceil(result.total / PAGE_SIZE), 1)
    query = {k: v for k, v in {"opd": filters.opd, "indicator": filters.indicator, "review_state": filters.review_state,
                                "status": filters.status}.items() if v is not None}
    return render(request, "documents.html.j2", user=principal, rows=rows, total=result.total, page=page, pages=pages,
                  filters=filters, query=urlencode(query), catalog=catalog, directory=state.directory,
                  statuses=DOCUMENT_STATUSES, scoped=is_scoped(principal))


def _detail_response(request: Request, principal: Principal, document_id: int, *, error: str | None = None,
                     notice: str | None = None, status_code: int = 200) -> HTMLResponse:
    state = request.app.state
    catalog = catalog_for(state.settings, None)
    with state.db.session() as session:
        detail = document_detail(session, principal, document_id, catalog.id)
        doc = document_detail_out(detail, catalog, "id") if detail is not None else None
    if doc is None:
        return render(request, "error.html.j2", status_code=404, user=principal,
                      error=message("not_found.document", id=document_id))
    return render(request, "document.html.j2", status_code=status_code, user=principal, doc=doc, catalog=catalog,
                  can_review=principal.role in ("admin", "reviewer"), decisions=DECISIONS, error=error,
                  notice=notice)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, saved: int = 0) -> HTMLResponse:
    principal = _principal(request)
    notice = "Tinjauan tersimpan." if saved else None
    return _detail_response(request, principal, document_id, notice=notice)


@router.post("/documents/{document_id}/reviews")
async def review_submit(request: Request, document_id: int) -> Response:
    principal = await run_in_threadpool(_principal, request)
    form = await _checked_form(request)
    if principal.role not in ("admin", "reviewer"):
        return render(request, "error.html.j2", status_code=403, user=principal,
                      error=message("auth.forbidden_role", role=principal.role))
    item = ReviewRequest(
        document_id=document_id,
        indicator_id=_int_or_none(form.get("indicator_id")) or 0,
        decision=form.get("decision", ""),
        new_indicator_id=_int_or_none(form.get("new_indicator_id")) if form.get("decision") == "relabel" else None,
        reason=form.get("reason") or None,
    )

    def save() -> str | None:
        catalog = catalog_for(request.app.state.settings, None)
        with request.app.state.db.session() as session:
            if document_detail(session, principal, document_id, catalog.id) is None:
                return message("not_found.document", id=document_id)
            try:
                record_review(session, catalog, item, reviewer=principal.username)
            except ReviewError as exc:
                session.rollback()
                return exc.message("id")
        request.app.state.metrics.reviews.labels(item.decision).inc()
        return None

    error = await run_in_threadpool(save)
    if error is not None:
        return await run_in_threadpool(
            lambda: _detail_response(request, principal, document_id, error=error, status_code=422))
    return RedirectResponse(f"/pages/documents/{document_id}?saved=1", status_code=303)


# --- report -------------------------------------------------------------------------------------------


@router.get("/reports/gaps", response_class=HTMLResponse)
def report_page(request: Request, opd: str | None = None) -> HTMLResponse:
    """The same HTML as ``/api/v1/reports/gaps?format=html``, for a logged-in browser."""
    from evidence.reports import render_html

    principal = _principal(request)
    catalog = catalog_for(request.app.state.settings, None)
    try:
        target = target_opd(request, principal, opd)
    except ApiError as exc:
        return render(request, "error.html.j2", status_code=exc.status_code, user=principal, error=exc.render("id"))
    report, _ = build_report(request, principal, catalog, request.app.state.db, target, "id")
    return HTMLResponse(render_html(report, "id"), headers={"Content-Security-Policy": REPORT_CSP})
