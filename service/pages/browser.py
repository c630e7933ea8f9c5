"""What a browser gets that an API client does not: static files (htmx, the keyboard script, styles) and
HTML error pages (404, 403 ...) with the usual header, instead of JSON.

A request is a browser's when it is for a page (``/pages/...``) or asks for HTML outside ``/api/``;
API clients keep the JSON error shape whatever they send.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from evidence.i18n import t
from service.deps import principal_from_request
from service.errors import ApiError, stored_handler
from service.language import request_lang
from service.pages.render import render

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_PATH = "/static"
TITLES = {401: "Perlu masuk", 403: "Akses ditolak", 404: "Halaman tidak ditemukan", 405: "Metode tidak diizinkan",
          413: "Berkas terlalu besar", 422: "Masukan tidak valid"}


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/pages/"):
        return True
    return not path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


async def _error_page(request: Request, status: int, text: str, headers: Mapping[str, str] | None = None) -> Response:
    principal, _ = await run_in_threadpool(principal_from_request, request, None)
    response = render(request, "error.html.j2", status_code=status, user=principal, error=text,
                      title=TITLES.get(status, "Terjadi kesalahan"), framework_links=[])
    for name, value in (headers or {}).items():
        if name.lower() != "www-authenticate":
            response.headers[name] = value
    return response


def install_browser_pages(app: FastAPI) -> None:
    """Mount the static files and answer browsers' errors with HTML (registered after the JSON handlers,
    which stay in charge of everything that is not a browser's request)."""
    app.mount(STATIC_PATH, StaticFiles(directory=STATIC_DIR), name="static")
    api_error = stored_handler(app, ApiError)
    http_error = stored_handler(app, StarletteHTTPException)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        if wants_html(request):
            return await _error_page(request, exc.status_code, exc.render("id"), exc.headers)
        return await api_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_html(request):
            lang = request_lang(request)
            if exc.status_code == 404:
                text = t("not_found.route", lang)
            elif exc.status_code == 405:
                text = t("method_not_allowed", lang)
            else:
                text = str(exc.detail)
            return await _error_page(request, exc.status_code, text, exc.headers)
        return await http_error(request, exc)
