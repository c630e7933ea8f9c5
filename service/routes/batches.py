"""``GET /batches/{id}``: progress of an upload, with every file's outcome and reason."""

from __future__ import annotations

from fastapi import APIRouter

from evidence.queries import batch_progress, hidden_duplicate_origins
from service.deps import CurrentPrincipal, LangDep, RuntimeDep
from service.errors import ApiError
from service.presenters import batch_out
from service.routes.common import API_PREFIX, NOT_FOUND, UNAUTHORIZED
from service.schemas import BatchOut

router = APIRouter(prefix=API_PREFIX, tags=["batch"])


@router.get("/batches/{batch_id}", response_model=BatchOut, name="get_batch", responses={**UNAUTHORIZED, **NOT_FOUND})
def get_batch(batch_id: int, principal: CurrentPrincipal, rt: RuntimeDep, lang: LangDep) -> BatchOut:
    """Counts per status (``ok`` shown as ``classified``) and per-file outcomes with explanations."""
    with rt.db.session() as session:
        progress = batch_progress(session, principal, batch_id)
        if progress is None:
            raise ApiError(404, "not_found.batch", id=batch_id)
        return batch_out(progress, lang, hidden_duplicate_origins(session, principal, progress.documents))
