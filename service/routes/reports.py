"""``GET /reports/gaps``: the gap report over every document the caller may see, reviews applied."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from evidence.catalog import Catalog
from evidence.db import Database
from evidence.i18n import normalize_lang
from evidence.queries import is_scoped
from evidence.reports import GapReport, render_html
from evidence.reports.stored import stored_gap_report
from service.deps import CatalogDep, CurrentPrincipal, DatabaseDep, LangDep, get_directory, resolve_opd_name
from service.errors import ApiError
from service.routes.common import API_PREFIX, INVALID, NOT_FOUND, UNAUTHORIZED
from service.security import Principal

router = APIRouter(prefix=API_PREFIX, tags=["laporan"])
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'"


def _source(batches: int, opd: str | None, lang: str) -> str:
    if normalize_lang(lang) == "en":
        text = f"All uploaded files ({batches} batches)"
    else:
        text = f"Semua berkas yang diunggah ({batches} batch)"
    return f"OPD {opd}: {text}" if opd else text


def target_opd(request: Request, principal: Principal, opd: str | None) -> str | None:
    """The OPD the report is limited to. An OPD user is always limited to its own OPD and gets 404 for
    another (as if it did not exist), an admin or reviewer gets 404 for a name not in the directory."""
    target = None
    if opd:
        target = resolve_opd_name(get_directory(request), opd)
        if target is None:
            raise ApiError(404, "not_found.opd", opd=opd)
    if is_scoped(principal):
        if target is not None and target != principal.opd:
            raise ApiError(404, "not_found.opd", opd=opd)
        target = principal.opd
    return target


def build_report(request: Request, principal: Principal, catalog: Catalog, db: Database, target: str | None,
                 lang: str) -> tuple[GapReport, int]:
    with db.session() as session:
        stored = stored_gap_report(session, principal, catalog, get_directory(request), opd=target,
                                   other_frameworks=request.app.state.settings.frameworks)
    report = stored.report.model_copy(update={"source": _source(stored.batches, target, lang)})
    return report, stored.in_progress


@router.get("/reports/gaps", name="gap_report", response_model=None, responses={
    **UNAUTHORIZED, **NOT_FOUND, **INVALID,
    200: {"description": "Laporan kesenjangan (JSON, atau HTML dengan format=html)",
          "content": {"application/json": {}, "text/html": {}}},
})
def gap_report(
    request: Request,
    principal: CurrentPrincipal,
    catalog: CatalogDep,
    db: DatabaseDep,
    lang: LangDep,
    opd: Annotated[str | None, Query(description="Hanya bagian OPD ini (pengguna OPD: selalu OPD-nya sendiri)")] = None,
    format: Literal["json", "html"] = "json",
) -> Any:
    """Pemda-wide (or one OPD's) evidence and gaps, from all batches, identical files counted once.

    Accepted and relabelled indicators count as evidence, rejected ones do not. Files still being
    processed are not in the report yet; ``documents_in_progress`` says how many.
    """
    report, in_progress = build_report(request, principal, catalog, db, target_opd(request, principal, opd), lang)
    if format == "html":
        return HTMLResponse(render_html(report, lang), headers={"Content-Security-Policy": REPORT_CSP})
    return JSONResponse({**report.to_dict(), "documents_in_progress": in_progress})
