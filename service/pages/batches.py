"""Upload an archive or a file, list batches, watch one batch's progress live (htmx polls a fragment).

The upload form posts to the same storage path as ``POST /api/v1/archives`` (``store_upload``): streamed
to a temp file with the size limit, OPD rules, stored, recorded, queued. A ZIP becomes an archive batch,
anything else a batch of one file.
"""

from __future__ import annotations

import math

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from evidence.queries import batch_progress, hidden_duplicate_origins, is_scoped, list_batches
from evidence.states import BatchState, DocumentState
from service.deps import CSRF_COOKIE, RuntimeDep, csrf_matches, get_runtime
from service.errors import ApiError
from service.pages.common import ChosenCatalog, PagePrincipal
from service.pages.reasons import plain_error
from service.pages.render import render
from service.presenters import batch_out
from service.routes.uploads import store_upload
from service.uploads import receive_upload_stream

router = APIRouter(prefix="/pages", include_in_schema=False)
PAGE_SIZE = 30
PAGE_FIELDS = ("csrf_token", "framework")
# Stages a person follows, from the document statuses the workers write.
FAILED_STATUSES = (DocumentState.FAILED, DocumentState.UNSUPPORTED)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(rt: RuntimeDep, request: Request, principal: PagePrincipal, catalog: ChosenCatalog) -> HTMLResponse:
    return render(request, "upload.html.j2", catalog=catalog, directory=rt.opd_directory,
                  scoped=is_scoped(principal), error=None,
                  max_upload=rt.settings.max_upload_bytes)


@router.post("/upload")
async def upload_submit(rt: RuntimeDep, request: Request, principal: PagePrincipal, catalog: ChosenCatalog) -> Response:
    """Multipart form: ``csrf_token`` (checked before anything is stored), ``opd``, ``file``."""
    try:
        upload = await receive_upload_stream(request, tmp_dir=rt.settings.data_dir / "tmp",
                                             max_bytes=rt.settings.max_upload_bytes)
        try:
            if not csrf_matches(request.cookies.get(CSRF_COOKIE), upload.fields.get("csrf_token")):
                raise ApiError(403, "auth.csrf")
            for name in PAGE_FIELDS:
                upload.fields.pop(name, None)
            if not upload.fields.get("opd"):
                upload.fields.pop("opd", None)
            kind = "archive" if upload.looks_like_zip() else "document"
            batch_id = await store_upload(request, principal, catalog, upload, kind)
        finally:
            upload.discard()
    except ApiError as exc:
        if exc.status_code == 403:
            raise
        return render(request, "upload.html.j2", status_code=exc.status_code, catalog=catalog,
                      directory=rt.opd_directory, scoped=is_scoped(principal), error=exc.render("id"),
                      max_upload=rt.settings.max_upload_bytes)
    return RedirectResponse(f"/pages/batches/{batch_id}", status_code=303)


@router.get("/batches", response_class=HTMLResponse)
def batches_page(rt: RuntimeDep, request: Request, principal: PagePrincipal, catalog: ChosenCatalog, page: int = 1) -> HTMLResponse:
    page = max(page, 1)
    with rt.db.session() as session:
        result = list_batches(session, principal, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        rows = [(b.batch, b.counts, b.total) for b in result.items]
    return render(request, "batches.html.j2", rows=rows, total=result.total, page=page,
                  pages=max(math.ceil(result.total / PAGE_SIZE), 1), failed_statuses=FAILED_STATUSES)


def _progress_context(request: Request, principal, batch_id: int) -> dict:
    with get_runtime(request).db.session() as session:
        progress = batch_progress(session, principal, batch_id)
        if progress is None:
            raise ApiError(404, "not_found.batch", id=batch_id)
        batch = batch_out(progress, "id", hidden_duplicate_origins(session, principal, progress.documents))
    counts = batch.counts
    done = batch.status in (BatchState.DONE, BatchState.FAILED)
    processed = batch.total - counts.get(DocumentState.QUEUED, 0)
    stages = [
        ("Diterima", batch.total),
        ("Diekstrak", processed),
        ("Perlu OCR / hasil pindai", counts.get(DocumentState.NO_TEXT, 0)),
        ("Terklasifikasi", counts.get("classified", 0)),
        ("Duplikat", counts.get(DocumentState.DUPLICATE, 0)),
        ("Gagal / tidak didukung", sum(counts.get(s, 0) for s in FAILED_STATUSES)),
    ]
    problems = [(f, plain_error(f.error)) for f in batch.files if f.status not in ("classified", DocumentState.QUEUED)]
    return {"batch": batch, "done": done, "stages": stages, "processed": processed, "problems": problems,
            "batch_error": plain_error(batch.error)}


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(request: Request, batch_id: int, principal: PagePrincipal, catalog: ChosenCatalog) -> HTMLResponse:
    return render(request, "batch.html.j2", catalog=catalog, **_progress_context(request, principal, batch_id))


@router.get("/batches/{batch_id}/progress", response_class=HTMLResponse)
def batch_progress_fragment(request: Request, batch_id: int, principal: PagePrincipal) -> HTMLResponse:
    """The progress block alone; htmx swaps it in every second and stops once the batch is finished."""
    return render(request, "batch_progress.html.j2", partial=True, **_progress_context(request, principal, batch_id))
