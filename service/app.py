"""The HTTP service: ``create_app(settings)`` builds the FastAPI app (``uvicorn --factory``).

The process's runtime (``evidence.runtime.Runtime``: settings, database, store, catalogs, OPD directory,
classifiers, dispatcher) is built once here and kept on ``app.state.runtime``; routes receive it through
one dependency (``service.deps.RuntimeDep``). Opening an engine (and running migrations) per request would
be slow and would defeat the connection pool. In embedded mode (no ``SPBE_REDIS_URL``) uploads are processed on a background thread of
this process; with Redis they go to RQ workers.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidence.settings import Settings, get_settings
from service.apidocs import install_closed_docs
from service.errors import ApiError, install_error_handlers, stored_handler
from service.faults import install_fault_handlers
from service.language import request_lang
from service.metrics import Metrics, MetricsMiddleware
from service.openapi_contract import install_openapi_contract
from service.pages import install_browser_pages
from service.pages import router as pages_router
from service.pages.render import render
from service.pages.routes import LoginRequired, login_redirect
from service.ratelimit import LoginLimiter
from service.routes import api_router
from worker.runtime import runtime

log = logging.getLogger(__name__)

OPENAPI_TAGS = [
    {"name": "autentikasi", "description": "Masuk (token Bearer), identitas, keluar."},
    {"name": "unggahan", "description": "Unggah arsip ZIP atau satu berkas bukti dukung."},
    {"name": "batch", "description": "Kemajuan pemrosesan satu unggahan."},
    {"name": "dokumen", "description": "Dokumen, saran indikator, berkas asli."},
    {"name": "tinjauan", "description": "Keputusan penilai atas saran (terima, tolak, ganti) dan antrean tinjauan."},
    {"name": "referensi", "description": "Daftar OPD dan katalog indikator."},
    {"name": "laporan", "description": "Laporan kesenjangan bukti dukung."},
    {"name": "operasional", "description": "Kesehatan layanan (liveness, readiness) dan metrik Prometheus."},
    {"name": "audit", "description": "Jejak audit: siapa mengubah keputusan, pengguna, atau model, kapan, dari apa ke apa."},
]


# Pages and API answers load nothing but same-origin static files; no page may be framed (clickjacking).
# Responses that set their own policy (pages, HTML reports, the sandboxed original file, /docs) keep it.
DEFAULT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeadersMiddleware:
    """Headers every response should carry, unless the response set its own (page-specific CSPs)."""

    HEADERS = (
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"content-security-policy", DEFAULT_CSP.encode()),
        (b"referrer-policy", b"same-origin"),
        (b"cross-origin-opener-policy", b"same-origin"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in self.HEADERS if name not in present
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. ``settings`` defaults to the environment (``SPBE_*``).

    The app and its in-process worker (embedded mode) share the process's runtime when ``settings`` is the
    environment's (``get_settings()``); the jobs look the runtime up by the environment's settings, so pass
    settings that agree with the environment (tests set ``SPBE_*`` and then call ``get_settings()``).
    """
    rt = runtime(settings or get_settings())
    settings = rt.settings
    metrics = Metrics(rt.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        rt.close()

    docs_public = settings.api_docs_public
    app = FastAPI(
        docs_url="/docs" if docs_public else None,
        redoc_url="/redoc" if docs_public else None,
        openapi_url="/openapi.json" if docs_public else None,
        title="Layanan Bukti Dukung SPBE",
        description="Klasifikasi bukti dukung SPBE ke indikator, tinjauan penilai, dan laporan kesenjangan per OPD. "
        "Semua alamat kecuali /api/v1/health memerlukan token Bearer dari /api/v1/auth/token "
        "(percobaan masuk dibatasi per pengguna dan per alamat: 429 dengan Retry-After). "
        "Pesan kesalahan dalam bahasa Indonesia; tambahkan ?lang=en untuk bahasa Inggris.",
        version="1.0.0",
        openapi_tags=OPENAPI_TAGS,
        lifespan=lifespan,
    )
    app.state.runtime = rt
    app.state.metrics = metrics
    app.state.login_limiter = LoginLimiter(settings)

    install_error_handlers(app)
    _install_page_handlers(app)
    install_fault_handlers(app)
    install_openapi_contract(app, settings)
    app.include_router(api_router())
    app.include_router(pages_router)
    install_browser_pages(app)
    if not docs_public:
        install_closed_docs(app)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/pages/", status_code=303)

    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _install_page_handlers(app: FastAPI) -> None:
    """Pages answer with HTML (a login redirect, an error page), the API with JSON."""

    @app.exception_handler(LoginRequired)
    async def _login_required(_request: Request, exc: LoginRequired) -> Response:
        return login_redirect(exc.next_path)

    api_handler = stored_handler(app, ApiError)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        if request.url.path.startswith("/pages/"):
            return render(request, "error.html.j2", status_code=exc.status_code, user=None,
                          error=exc.render(request_lang(request)))
        return await api_handler(request, exc)
