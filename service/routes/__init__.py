"""API routers, one per resource. Each router carries the full ``/api/v1`` prefix itself, so a route's
``path`` is its complete template (used as the metrics label) whatever FastAPI version mounts it."""

from fastapi import APIRouter

from service.routes import audit, auth, batches, catalog, documents, models, reports, reviews, system, uploads
from service.routes.common import API_PREFIX


def api_router() -> APIRouter:
    router = APIRouter()
    for module in (auth, uploads, batches, documents, reviews, catalog, reports, models, system, audit):
        router.include_router(module.router)
    return router


__all__ = ["API_PREFIX", "api_router"]
