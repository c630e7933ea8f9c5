"""``POST /archives`` and ``POST /documents``: receive an upload, record its batch, hand it to a worker.

Order of work, chosen so nothing is lost and nothing half-done is visible:
stream to a temp file (size limit enforced while streaming) -> check it -> in ONE transaction store the
bytes (content-addressed, fsync) and record the batch -> commit -> submit the batch to the queue. A
refused upload never touches what is already stored. Unpacking and per-file checks (unsafe paths, zip
bombs ...) happen in the worker and end up as per-document reasons, not as a refused upload.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from evidence.catalog import Catalog
from evidence.db import Database
from evidence.opd import OpdDirectory
from evidence.pipeline.ingest import receive_upload
from evidence.storage import BlobStore
from service.deps import CatalogDep, UploaderPrincipal, get_metrics, get_runtime, resolve_opd_name
from service.errors import ApiError
from service.routes.common import API_PREFIX, FORBIDDEN, INVALID, UNAUTHORIZED
from service.schemas import BatchAcceptedOut, ErrorOut
from service.security import Principal
from service.uploads import ReceivedUpload, receive_upload_stream

log = logging.getLogger(__name__)
router = APIRouter(prefix=API_PREFIX, tags=["unggahan"])
ALLOWED_FIELDS = frozenset({"opd"})


def _multipart_body(description: str) -> dict:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {
                            "file": {"type": "string", "format": "binary", "description": description},
                            "opd": {
                                "type": "string",
                                "description": "Khusus admin/reviewer: tetapkan semua berkas ke OPD ini "
                                "(nama atau singkatan dari daftar OPD).",
                            },
                        },
                    }
                }
            },
        }
    }


UPLOAD_RESPONSES = {
    **UNAUTHORIZED,
    **FORBIDDEN,
    **INVALID,
    413: {"model": ErrorOut, "description": "Berkas melebihi batas unggahan"},
    415: {"model": ErrorOut, "description": "Bukan arsip ZIP (khusus /archives)"},
}


def _opd_for_upload(directory: OpdDirectory, principal: Principal, requested: str | None) -> tuple[str | None, str | None]:
    """(opd_override, opd_scope). An OPD user's files always land in its own OPD and its batch is scoped."""
    requested = (requested or "").strip() or None
    if principal.role == "opd":
        if not principal.opd:
            raise ApiError(403, "auth.forbidden_role", role=principal.role)
        if requested is not None and resolve_opd_name(directory, requested) != principal.opd:
            raise ApiError(403, "input.opd_not_allowed", opd=principal.opd)
        return principal.opd, principal.opd
    if requested is None:
        return None, None
    canonical = resolve_opd_name(directory, requested)
    if canonical is None:
        raise ApiError(422, "input.unknown_opd", opd=requested)
    return canonical, None


def _record(db: Database, store: BlobStore, catalog: Catalog, upload: Path, filename: str,
            opd_scope: str | None, opd_override: str | None, created_by: str) -> int:
    """One transaction: store the bytes, then the batch row; committed when the block exits."""
    with db.session() as session:
        batch = receive_upload(session, store, upload, filename=filename, catalog=catalog, opd_scope=opd_scope,
                               opd_override=opd_override, created_by=created_by)
        session.flush()
        return batch.id


def _checked_filename(upload: ReceivedUpload, kind: str) -> str:
    if upload.size == 0:
        raise ApiError(422, "upload.empty")
    unknown = set(upload.fields) - ALLOWED_FIELDS
    if unknown:
        raise ApiError(422, "upload.bad_field", name=sorted(unknown)[0])
    if kind != "archive":
        return upload.filename
    if not upload.looks_like_zip():
        raise ApiError(415, "upload.not_zip", filename=upload.filename)
    # The worker opens an upload as an archive by its name; a ZIP sent as "bukti" must still be unpacked.
    return upload.filename if upload.filename.lower().endswith(".zip") else f"{upload.filename}.zip"


async def store_upload(request: Request, principal: Principal, catalog: Catalog, upload: ReceivedUpload,
                       kind: str) -> int:
    """Check a received upload, store it with its batch row, hand the batch to the queue; the batch id.

    Shared by the API and the upload page, so both refuse the same things for the same reasons.
    """
    rt, metrics = get_runtime(request), get_metrics(request)
    try:
        filename = _checked_filename(upload, kind)
        opd_override, opd_scope = _opd_for_upload(rt.opd_directory, principal, upload.fields.get("opd"))
        batch_id = await run_in_threadpool(
            _record, rt.db, rt.store, catalog, upload.path, filename, opd_scope, opd_override,
            principal.username,
        )
    except ApiError as exc:
        metrics.upload_rejections.labels(str(exc.status_code)).inc()
        raise
    try:
        await run_in_threadpool(rt.dispatcher.submit_batch, batch_id)
    except Exception:  # recorded and committed: the reconciler delivers it later
        log.exception("batch %s recorded but not queued; the reconciler will deliver it", batch_id)
    metrics.uploads.labels(kind).inc()
    return batch_id


async def _accept(request: Request, response: Response, principal: Principal, catalog: Catalog, kind: str) -> BatchAcceptedOut:
    settings = get_runtime(request).settings
    try:
        upload = await receive_upload_stream(
            request, tmp_dir=settings.data_dir / "tmp", max_bytes=settings.max_upload_bytes
        )
    except ApiError as exc:
        get_metrics(request).upload_rejections.labels(str(exc.status_code)).inc()
        raise
    try:
        batch_id = await store_upload(request, principal, catalog, upload, kind)
    finally:
        upload.discard()
    location = request.app.url_path_for("get_batch", batch_id=str(batch_id))
    response.headers["Location"] = location
    return BatchAcceptedOut(
        batch_id=batch_id,
        links={
            "batch": location,
            "documents": f"{request.app.url_path_for('list_documents')}?batch_id={batch_id}",
            "report": request.app.url_path_for("gap_report"),
        },
    )


@router.post("/archives", status_code=202, response_model=BatchAcceptedOut, responses=UPLOAD_RESPONSES,
             openapi_extra=_multipart_body("Arsip ZIP bukti dukung (folder per OPD)"))
async def upload_archive(request: Request, response: Response, principal: UploaderPrincipal,
                         catalog: CatalogDep) -> BatchAcceptedOut:
    """Upload a ZIP of evidence. 202: recorded and queued; follow ``links.batch`` for progress."""
    return await _accept(request, response, principal, catalog, "archive")


@router.post("/documents", status_code=202, response_model=BatchAcceptedOut, responses=UPLOAD_RESPONSES,
             openapi_extra=_multipart_body("Satu berkas bukti dukung (PDF, DOCX, ...)"))
async def upload_document(request: Request, response: Response, principal: UploaderPrincipal,
                          catalog: CatalogDep) -> BatchAcceptedOut:
    """Upload one evidence file; it becomes a batch of one."""
    return await _accept(request, response, principal, catalog, "document")
