"""Operations: ``/health`` (and ``/health/live``, ``/health/ready``) for load balancers and orchestrators
(no auth), ``/metrics`` for Prometheus (admin).

Liveness says only that the process answers (restart it when it does not). Readiness says whether it can
do its job: the database answers, Redis answers (with jobs on Redis), every enabled framework has a
promoted model (without one, files wait silently), plus the queue's depth and the age of its oldest job,
so an operator sees a stalled queue before the users do.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel
from sqlalchemy import text

from evidence.i18n import t
from evidence.runtime import Runtime
from service.deps import AdminPrincipal, LangDep, MetricsDep, RuntimeDep
from service.routes.common import API_PREFIX, FORBIDDEN, UNAUTHORIZED
from service.schemas import HealthOut

log = logging.getLogger(__name__)
router = APIRouter(prefix=API_PREFIX, tags=["operasional"])


@router.get("/health", response_model=HealthOut, responses={503: {"model": HealthOut, "description": "Ada bagian yang gagal"}})
def health(rt: RuntimeDep, lang: LangDep) -> JSONResponse:
    """Database (``SELECT 1``) and queue (Redis ping; ``inline`` when jobs run in this process)."""
    database = "ok"
    try:
        with rt.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        log.exception("health: database check failed")
        database = "unavailable"
    dispatcher = rt.dispatcher
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
    body = HealthOut(status="error", database=database, queue=queue, detail=t(failing, lang))
    return JSONResponse(body.model_dump(), status_code=503)


@router.get("/metrics", response_class=Response, responses={
    **UNAUTHORIZED, **FORBIDDEN, 200: {"content": {"text/plain": {}}, "description": "Format teks Prometheus"}})
def metrics(metrics: MetricsDep, principal: AdminPrincipal) -> Response:
    return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)


class LiveOut(BaseModel):
    status: str = "ok"


class ReadyOut(BaseModel):
    status: str
    database: str
    queue: str
    models: dict[str, str | None]
    queue_depth: int | None = None
    oldest_job_age_seconds: float | None = None
    detail: str | None = None


@router.get("/health/live", response_model=LiveOut)
def live() -> LiveOut:
    """The process answers; nothing else is checked (a database outage must not get the API restarted)."""
    return LiveOut()


def _database_state(rt: Runtime) -> str:
    try:
        with rt.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return "ok"
    except Exception:
        log.warning("readiness: database check failed", exc_info=True)
        return "unavailable"


@router.get("/health/ready", response_model=ReadyOut, responses={503: {"model": ReadyOut, "description": "Belum siap"}})
def ready(rt: RuntimeDep, lang: LangDep) -> JSONResponse:
    """Database, queue, a model per enabled framework, queue depth and the oldest waiting job's age."""
    from classifier.artifact import current_version

    settings = rt.settings
    body = ReadyOut(status="ok", database=_database_state(rt), queue="inline",
                    models={fw: current_version(settings.models_dir, fw) for fw in settings.frameworks})
    dispatcher = rt.dispatcher
    if dispatcher.mode != "inline":
        try:
            probe = dispatcher.probe(settings.enqueue_grace_seconds)
            if probe is None:
                raise RuntimeError(f"the {dispatcher.mode} queue cannot be probed")
            snapshot = probe.snapshot()
            body.queue, body.queue_depth = "ok", snapshot.waiting
            body.oldest_job_age_seconds = (round(snapshot.oldest_waiting_seconds, 1)
                                           if snapshot.oldest_waiting_seconds is not None else None)
        except Exception:
            log.warning("readiness: queue check failed", exc_info=True)
            body.queue = "unavailable"
    missing = [fw for fw, version in body.models.items() if version is None]
    problems = []
    if body.database != "ok":
        problems.append(t("health.database", lang))
    if body.queue == "unavailable":
        problems.append(t("health.queue", lang))
    if missing:
        problems.append(t("health.models", lang, frameworks=", ".join(missing)))
    if problems:
        body.status, body.detail = "error", " ".join(problems)
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(body.model_dump())
