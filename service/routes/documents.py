"""``/documents``: list with filters, detail with suggestions and reviews, the original file."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from evidence.catalog import Catalog
from evidence.media import sniff_media_type
from evidence.media.types import EMPTY_MEDIA_TYPE, OCTET_MEDIA_TYPE
from evidence.queries import (
    DOCUMENT_STATUSES,
    DocumentFilters,
    document_detail,
    get_document,
    hidden_duplicate_origins,
    list_documents,
    reviews_by_document,
)
from service.deps import CatalogDep, CurrentPrincipal, LangDep, RuntimeDep, resolve_opd_name
from service.errors import ApiError
from service.presenters import document_detail_out, document_summary
from service.routes.common import API_PREFIX, DEFAULT_PAGE, INVALID, MAX_PAGE, NOT_FOUND, UNAUTHORIZED
from service.schemas import DocumentDetailOut, DocumentListOut

router = APIRouter(prefix=API_PREFIX, tags=["dokumen"])
SNIFF_BYTES = 64 * 1024


def parse_status(status: str | None) -> str | None:
    """Accept the stored names and the displayed alias ``classified`` (= ``ok``)."""
    if status is None:
        return None
    value = "ok" if status == "classified" else status
    if value not in DOCUMENT_STATUSES:
        known = ", ".join("classified" if s == "ok" else s for s in DOCUMENT_STATUSES)
        raise ApiError(422, "input.unknown_status", status=status, known=known)
    return value


def check_indicator(catalog: Catalog, indicator: int | None) -> int | None:
    if indicator is not None and indicator not in catalog.indicator_ids():
        raise ApiError(422, "input.unknown_indicator", indicator=indicator, framework=catalog.id)
    return indicator


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """RFC 6266: an ASCII fallback without quotes/backslashes/controls, plus the exact UTF-8 name."""
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\;%' else "_" for ch in filename).strip()
    return f"{disposition}; filename=\"{fallback or 'berkas'}\"; filename*=UTF-8''{quote(filename, safe='')}"


@router.get("/documents", response_model=DocumentListOut, name="list_documents",
            responses={**UNAUTHORIZED, **INVALID})
def documents(
    request: Request,
    principal: CurrentPrincipal,
    catalog: CatalogDep,
    rt: RuntimeDep,
    lang: LangDep,
    opd: Annotated[str | None, Query(description="Nama atau singkatan OPD")] = None,
    indicator: Annotated[int | None, Query(description="Dokumen yang menjadi bukti indikator ini (setelah ditinjau)")] = None,
    review_state: Annotated[Literal["pending", "reviewed"] | None, Query(description="reviewed: sudah ada tinjauan")] = None,
    status: Annotated[str | None, Query(description="queued, classified, no_text, duplicate, unsupported, failed")] = None,
    batch_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DocumentListOut:
    """Documents visible to you, newest first. Lists never include the extracted text."""
    filters = DocumentFilters(
        framework=catalog.id,
        opd=(resolve_opd_name(rt.opd_directory, opd) or opd.strip()) if opd else None,
        indicator=check_indicator(catalog, indicator),
        review_state=review_state,
        status=parse_status(status),
        batch_id=batch_id,
    )
    with rt.db.session() as session:
        page = list_documents(session, principal, filters, limit=limit, offset=offset)
        reviews = reviews_by_document(session, [d.id for d in page.items], catalog.id)
        hidden = hidden_duplicate_origins(session, principal, page.items)
        items = [document_summary(d, catalog, reviews.get(d.id, []), lang, hidden) for d in page.items]
    return DocumentListOut(total=page.total, limit=limit, offset=offset, items=items)


@router.get("/documents/{document_id}", response_model=DocumentDetailOut, name="get_document",
            responses={**UNAUTHORIZED, **NOT_FOUND})
def document(document_id: int, principal: CurrentPrincipal, catalog: CatalogDep, rt: RuntimeDep,
             lang: LangDep) -> DocumentDetailOut:
    """Metadata, a 1,500-character text excerpt, current suggestions, latest reviews and review history."""
    with rt.db.session() as session:
        detail = document_detail(session, principal, document_id, catalog.id, rt.catalogs)
        if detail is None:
            raise ApiError(404, "not_found.document", id=document_id)
        hidden = hidden_duplicate_origins(session, principal, [detail.document])
        return document_detail_out(detail, catalog, lang, hidden)


@router.get("/documents/{document_id}/file", response_class=FileResponse, name="get_document_file",
            responses={**UNAUTHORIZED, **NOT_FOUND, 200: {"content": {"application/octet-stream": {}},
                                                       "description": "Berkas asli"}})
def document_file(document_id: int, principal: CurrentPrincipal, rt: RuntimeDep) -> FileResponse:
    """The original bytes as uploaded, as an attachment with the original filename."""
    with rt.db.session() as session:
        doc = get_document(session, principal, document_id)
        if doc is None:
            raise ApiError(404, "not_found.document", id=document_id)
        filename, digest, media_type = doc.filename, doc.sha256, doc.media_type
    path = rt.store.path_for(digest) if digest else None
    if path is None or not path.is_file():
        raise ApiError(404, "not_found.file", id=document_id)
    if not media_type or media_type == EMPTY_MEDIA_TYPE:
        with path.open("rb") as fh:
            media_type = sniff_media_type(fh.read(SNIFF_BYTES), filename)
    if media_type == EMPTY_MEDIA_TYPE:
        media_type = OCTET_MEDIA_TYPE
    return FileResponse(path, media_type=media_type, headers={
        "Content-Disposition": content_disposition(filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
    })
