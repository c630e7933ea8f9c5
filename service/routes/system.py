"""Operations: ``/health`` for load balancers (no auth) and ``/metrics`` for Prometheus (admin)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from service.deps import AdminPrincipal, LangDep
from service.messages import message
from service.routes.common import API_PREFIX, FORBIDDEN, UNAUTHORIZED
from service.schemas import HealthOut

log = logging.getLogger(__name__)
router = APIRouter(prefix=API_PREFIX, tags=["operasional"])


@router.get("/health", response_model=HealthOut, responses={503: {"model": HealthOut, "description": "Ada bagian yang gagal"}})
def health(request: Request, lang: LangDep) -> JSONResponse:
    """Database (``SELECT 1``) and queue (Redis ping; ``inline`` when jobs run in this process)."""
    state = request.app.state
    database = "ok"
    try:
        with state.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        log.exception("health: database check failed")
        database = "unavailable"
    dispatcher = state.dispatcher
    if dispatcher.mode == "inline":
        queue = "inline"
    else:
        try:
            queue = "ok" if dispatcher.ping() else "unavailable"
        except Exception:
            queue = "unavailable"
    if database == "ok" and queue != "unavailable":
        return JSONResponse(HealthOut(status="ok", database=database, queue=queue).model_dump(exclude_none=True))
    failing = "health.database" if database != "ok" else "health.queue"
    body = HealthOut(status="error", database=database, queue=queue, detail=message(failing, lang))
    return JSONResponse(body.model_dump(), status_code=503)


@router.get("/metrics", response_class=Response, responses={
    **UNAUTHORIZED, **FORBIDDEN, 200: {"content": {"text/plain": {}}, "description": "Format teks Prometheus"}})
def metrics(request: Request, principal: AdminPrincipal) -> Response:
    return Response(request.app.state.metrics.render(), media_type=CONTENT_TYPE_LATEST)
