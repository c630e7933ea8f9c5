"""Jinja2 rendering for the pages. Autoescape is always on: file names and paths come from OPD archives.

Scripts come only from our own static files (``script-src 'self'``: htmx and the keyboard script), never
inline, so a stricter app-wide CSP can be added without touching a template.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from evidence.catalog import Catalog
from evidence.i18n import label
from evidence.reports.formatting import format_score
from service.deps import CSRF_COOKIE
from service.pages.common import FRAMEWORK_COOKIE, FRAMEWORK_COOKIE_SECONDS, REVIEWER_ROLES, framework_label

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
# Own scripts and styles only; images from here (page previews); the gap report is embedded from here;
# forms may only post back here; nobody may frame the pages (clickjacking).
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
# (path, label, for the Tim Koordinasi only): an OPD user is not shown links that would answer 403.
NAV = (
    ("/pages/upload", "Unggah", False),
    ("/pages/batches", "Batch", False),
    ("/pages/review-queue", "Antrean tinjauan", True),
    ("/pages/documents", "Dokumen", False),
    ("/pages/reports/gaps", "Laporan kesenjangan", False),
    ("/pages/models", "Model", True),
)


def indicator_label(catalog: Catalog, indicator_id: int | None, *, name: bool = True) -> str:
    """"SPBE 2020 · 19. Tim Koordinasi SPBE": a number never appears without its framework."""
    if indicator_id is None:
        return "-"
    prefix = f"{framework_label(catalog.id)} · {indicator_id}"
    if not name:
        return prefix
    try:
        return f"{prefix}. {catalog.indicator(indicator_id).short_name}"
    except KeyError:
        return prefix


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["score"] = lambda value: format_score(value, "id") if value is not None else "-"
    # Names from the one message catalog; the API says "classified" where the database says "ok".
    env.filters["status_label"] = lambda value: label("state.document", "ok" if value == "classified" else value)
    env.filters["batch_status"] = lambda value: label("state.batch", value)
    env.filters["decision_label"] = lambda value: label("decision", value)
    env.filters["source_label"] = lambda value: label("source", value)
    env.filters["role_label"] = lambda value: label("role", value)
    env.filters["measure_label"] = lambda value: label("model.measure", value or "none")
    env.filters["when"] = lambda value: value.strftime("%d-%m-%Y %H:%M UTC") if value else "-"
    env.globals["indicator_label"] = indicator_label
    env.globals["framework_label"] = framework_label
    env.globals["nav"] = NAV
    env.globals["reviewer_roles"] = REVIEWER_ROLES
    return env


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser session: the cookie's value, or a fresh one set with the response."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def set_csrf_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def remember_framework(request: Request, response: Any) -> None:
    """Keep the framework chosen with ``?framework=`` for the next pages (``chosen_catalog``)."""
    chosen = getattr(request.state, "remember_framework", None)
    if chosen:
        response.set_cookie(FRAMEWORK_COOKIE, chosen, max_age=FRAMEWORK_COOKIE_SECONDS, httponly=True,
                            samesite="lax", path="/", secure=request.url.scheme == "https")


def switch_links(request: Request) -> list[tuple[str, str, bool]]:
    """(label, url, current) per framework: the same page with only ``framework`` changed."""
    current = getattr(request.state, "framework", None)
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("framework", "pos")]
    links = []
    for framework in getattr(request.state, "frameworks", []):
        query = urlencode([*params, ("framework", framework)])
        links.append((framework_label(framework), f"{request.url.path}?{query}", framework == current))
    return links


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    token = csrf_token(request)
    context.setdefault("user", getattr(request.state, "principal", None))
    context.setdefault("current_path", request.url.path)
    context.setdefault("framework_links", switch_links(request))
    context.setdefault("partial", False)
    html = environment().get_template(template).render(csrf_token=token, **context)
    response = HTMLResponse(html, status_code=status_code, headers={
        "Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store", "Referrer-Policy": "same-origin",
    })
    if request.cookies.get(CSRF_COOKIE) != token:
        set_csrf_cookie(request, response, token)
    remember_framework(request, response)
    return response
