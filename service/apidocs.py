"""``/docs`` and ``/openapi.json`` for logged-in users only, unless ``SPBE_API_DOCS_PUBLIC=true``.

Why closed by default: the schema lists every operation, parameter and role of the service, which helps
an attacker map it; a Pemda's staff and integrators have accounts. A browser with the session cookie
(the login page) or a client with a bearer token gets both; an anonymous browser is sent to the login
page, an anonymous client gets 401.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response

from service.deps import bearer_scheme, principal_from_request
from service.errors import unauthorized
from service.pages.routes import login_redirect

# Swagger UI's own bundle and its inline start-up script come from FastAPI's default CDN; this page alone
# allows them (every other response gets the strict default policy of service.app).
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")


async def _logged_in(request: Request) -> bool:
    from starlette.concurrency import run_in_threadpool

    token = await bearer_scheme(request)
    principal, _ = await run_in_threadpool(principal_from_request, request, token)
    return principal is not None


def install_closed_docs(app: FastAPI) -> None:
    """Routes for an app built with ``docs_url=None, openapi_url=None`` (kept out of the schema)."""

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi(request: Request) -> Response:
        if not await _logged_in(request):
            raise unauthorized("auth.required")
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> Response:
        if not await _logged_in(request):
            return login_redirect("/docs")
        page = get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} - API")
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page
