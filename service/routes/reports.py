"""``GET /reports/gaps``: the gap report over every document the caller may see, reviews applied, as JSON,
HTML, XLSX, PDF or CSV; what changed since a stored snapshot; and the responsibility matrix."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BeforeValidator

from evidence.catalog import Catalog
from evidence.queries import is_scoped
from evidence.reports import GapReport, render_html
from evidence.reports.exports import MEDIA_TYPES, file_name, render_export
from evidence.reports.figures import headline
from evidence.reports.stored import stored_gap_report
from evidence.responsibility import (
    ResponsibilityError,
    clear_override,
    effective_owners,
    load_matrix,
    set_override,
    stored_overrides,
)
from evidence.runtime import Runtime
from service.deps import (
    AdminPrincipal,
    CatalogDep,
    CurrentPrincipal,
    LangDep,
    ReviewerPrincipal,
    RuntimeDep,
    get_runtime,
    resolve_opd_name,
)
from service.errors import ApiError
from service.routes.common import API_PREFIX, FORBIDDEN, INVALID, NOT_FOUND, UNAUTHORIZED
from service.security import Principal

router = APIRouter(prefix=API_PREFIX, tags=["laporan"])
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'"
OpdQuery = Annotated[str | None, Query(description="Hanya bagian OPD ini (pengguna OPD: selalu OPD-nya sendiri)")]


def target_opd(request: Request, principal: Principal, opd: str | None) -> str | None:
    """The OPD the report is limited to. An OPD user is always limited to its own OPD and gets 404 for
    another (as if it did not exist), an admin or reviewer gets 404 for a name not in the directory."""
    target = None
    if opd:
        target = resolve_opd_name(get_runtime(request).opd_directory, opd)
        if target is None:
            raise ApiError(404, "not_found.opd", opd=opd)
    if is_scoped(principal):
        if target is not None and target != principal.opd:
            raise ApiError(404, "not_found.opd", opd=opd)
        target = principal.opd
    return target


def build_report(rt: Runtime, principal: Principal, catalog: Catalog, target: str | None,
                 lang: str, *, changes_before: datetime | None = None,
                 snapshot_by: str | None = None) -> tuple[GapReport, int]:
    """The report the API, the pages and the exports serve; ``spbe report`` calls the same
    ``stored_gap_report``, so the numbers agree everywhere."""
    with rt.db.session() as session:
        stored = stored_gap_report(session, principal, catalog, rt.opd_directory, settings=rt.settings,
                                   catalogs=rt.catalogs, opd=target, other_frameworks=rt.settings.frameworks,
                                   lang=lang, changes_before=changes_before, snapshot_by=snapshot_by)
    return stored.report, stored.in_progress


@router.get("/reports/gaps", name="gap_report", response_model=None, responses={
    **UNAUTHORIZED, **NOT_FOUND, **INVALID,
    200: {"description": "Laporan kesenjangan: JSON, HTML, XLSX, PDF atau CSV (parameter format)",
          "content": {"application/json": {}, "text/html": {}, MEDIA_TYPES["xlsx"]: {}, MEDIA_TYPES["pdf"]: {},
                      "text/csv": {}}},
})
def gap_report(
    request: Request,
    principal: CurrentPrincipal,
    catalog: CatalogDep,
    rt: RuntimeDep,
    lang: LangDep,
    opd: OpdQuery = None,
    format: Literal["json", "html", "xlsx", "pdf", "csv"] = "json",
) -> Any:
    """Pemda-wide (or one OPD's) evidence and gaps, from all batches, each file counted once.

    Per indicator one of four states (terkonfirmasi, saran model, perlu dicek, belum ada); a critical item
    is "belum ada" only when no file is even a candidate. Files still being processed are not in the
    report yet; ``documents_in_progress`` says how many. ``xlsx``/``pdf``/``csv`` are the files a Tim
    Koordinasi sends (one sheet / one letter per OPD).
    """
    report, in_progress = build_report(rt, principal, catalog, target_opd(request, principal, opd), lang)
    if format == "html":
        return HTMLResponse(render_html(report, lang), headers={"Content-Security-Policy": REPORT_CSP})
    if format in MEDIA_TYPES:
        return Response(render_export(report, format), media_type=MEDIA_TYPES[format],
                        headers={"Content-Disposition": f'attachment; filename="{file_name(report, format)}"'})
    return JSONResponse({**report.to_dict(), "documents_in_progress": in_progress,
                         "headline": headline(report).as_dict()})


def _iso_8601(value: object) -> object:
    """Only ISO 8601 text: pydantic alone would also read "0.5" as seconds since 1970."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("harus tanggal-waktu ISO 8601, mis. 2026-12-01T08:00:00+07:00") from None
    return value


IsoDateTime = Annotated[datetime, BeforeValidator(_iso_8601)]


@router.get("/reports/gaps/changes", name="gap_report_changes", responses={**UNAUTHORIZED, **NOT_FOUND, **INVALID})
def gap_report_changes(
    request: Request,
    principal: CurrentPrincipal,
    catalog: CatalogDep,
    rt: RuntimeDep,
    lang: LangDep,
    since: Annotated[IsoDateTime | None, Query(description="Bandingkan dengan laporan tersimpan terakhir pada atau "
                                                        "sebelum waktu ini (ISO 8601); kosong: yang terakhir")] = None,
    opd: OpdQuery = None,
) -> dict[str, Any]:
    """What changed since a stored report: new evidence, closed gaps, new findings, the estimate's change.
    ``changes`` is null when no report was stored at or before ``since``."""
    before = since.replace(tzinfo=UTC) if since is not None and since.tzinfo is None else since
    report, _ = build_report(rt, principal, catalog, target_opd(request, principal, opd), lang,
                             changes_before=before)
    return {"framework": catalog.id, "generated_at": report.generated_at.isoformat(),
            "changes": report.changes.model_dump(mode="json") if report.changes else None}


@router.post("/reports/gaps/snapshots", name="gap_report_snapshot", status_code=201,
             responses={**UNAUTHORIZED, **FORBIDDEN, **INVALID})
def store_snapshot(request: Request, principal: ReviewerPrincipal, catalog: CatalogDep, rt: RuntimeDep,
                   lang: LangDep) -> dict[str, Any]:
    """Store the current Pemda-wide report as the baseline of the next report's changes ("pemindaian")."""
    report, _ = build_report(rt, principal, catalog, None, lang, snapshot_by=principal.username)
    return {"framework": catalog.id, "generated_at": report.generated_at.isoformat(),
            "headline": headline(report).as_dict()}


# --- responsibility matrix ------------------------------------------------------------------------------


def _matrix_out(rt: Runtime, catalog: Catalog) -> dict[str, Any]:
    directory = rt.opd_directory
    path = rt.settings.responsibility_path
    with rt.db.session() as session:
        owners = effective_owners(catalog, directory, load_matrix(catalog, directory, path),
                                  stored_overrides(session, catalog.id))
    return {"framework": catalog.id,
            "indicators": [{"id": i, "opd": o.opds, "source": o.source} for i, o in owners.items()]}


@router.get("/reports/responsibility", name="responsibility_matrix", responses={**UNAUTHORIZED, **INVALID})
def responsibility_matrix(request: Request, principal: CurrentPrincipal, catalog: CatalogDep,
                          rt: RuntimeDep) -> dict[str, Any]:
    """Which OPD owe evidence for each indicator, and which layer decided (katalog, berkas YAML, api)."""
    return _matrix_out(rt, catalog)


@router.put("/reports/responsibility/{indicator_id}", name="set_responsibility",
            responses={**UNAUTHORIZED, **FORBIDDEN, **INVALID})
def set_responsibility(
    request: Request,
    principal: AdminPrincipal,
    catalog: CatalogDep,
    rt: RuntimeDep,
    indicator_id: Annotated[int, Path(ge=1)],
    opd: Annotated[list[str], Body(embed=True, description="Nama atau singkatan OPD penanggung jawab")],
) -> dict[str, Any]:
    """Set the OPD that owe one indicator (replaces the YAML and the catalog for it); admin only."""
    try:
        with rt.db.session() as session:
            set_override(session, catalog, rt.opd_directory, indicator_id, opd, user=principal.username)
    except ResponsibilityError as exc:
        raise ApiError(422, "input.invalid", details=str(exc)) from None
    return _matrix_out(rt, catalog)


@router.delete("/reports/responsibility/{indicator_id}", name="clear_responsibility",
               responses={**UNAUTHORIZED, **FORBIDDEN, **NOT_FOUND})
def clear_responsibility(request: Request, principal: AdminPrincipal, catalog: CatalogDep, rt: RuntimeDep,
                         indicator_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """Remove the API override of one indicator (the YAML or the catalog decides again); admin only."""
    with rt.db.session() as session:
        if not clear_override(session, catalog.id, indicator_id):
            raise ApiError(404, "input.unknown_indicator", indicator=indicator_id, framework=catalog.id)
    return _matrix_out(rt, catalog)
