"""Jinja2 rendering for the pages. Autoescape is always on: file names and paths come from OPD archives."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from evidence.reports.formatting import format_score
from service.deps import CSRF_COOKIE

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
# No scripts at all; forms may only post back here; nobody may frame the pages (clickjacking).
PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
STATUS_LABELS = {
    "queued": "menunggu diproses",
    "ok": "terklasifikasi",
    "no_text": "tanpa teks (hasil pindai)",
    "duplicate": "duplikat",
    "unsupported": "format tidak didukung",
    "failed": "gagal",
}
DECISION_LABELS = {"accept": "diterima", "reject": "ditolak", "relabel": "diganti"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["score"] = lambda value: format_score(value, "id") if value is not None else "-"
    env.filters["status_label"] = lambda value: STATUS_LABELS.get("ok" if value == "classified" else value, value)
    env.filters["decision_label"] = lambda value: DECISION_LABELS.get(value, value)
    env.filters["when"] = lambda value: value.strftime("%d-%m-%Y %H:%M UTC") if value else "-"
    return env


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser session: the cookie's value, or a fresh one set with the response."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def set_csrf_cookie(request: Request, response: HTMLResponse, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    token = csrf_token(request)
    html = environment().get_template(template).render(csrf_token=token, **context)
    response = HTMLResponse(html, status_code=status_code, headers={
        "Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store", "Referrer-Policy": "same-origin",
    })
    if request.cookies.get(CSRF_COOKIE) != token:
        set_csrf_cookie(request, response, token)
    return response
