"""The gap report in the pages: our header and framework choice around the report the API renders.

The report's content is ``evidence.reports`` (``/api/v1/reports/gaps?format=html``); this page only passes
the chosen framework and OPD through and embeds it in a same-origin frame, so the report keeps its own
styles and the navigation stays the same as on every other page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from evidence.queries import is_scoped
from evidence.reports import render_html
from service.deps import RuntimeDep
from service.pages.common import ChosenCatalog, PagePrincipal
from service.pages.render import render
from service.routes.reports import REPORT_CSP, build_report, target_opd

router = APIRouter(prefix="/pages", include_in_schema=False)


@router.get("/reports/gaps", response_class=HTMLResponse)
def report_page(rt: RuntimeDep, request: Request, principal: PagePrincipal, catalog: ChosenCatalog,
                opd: str | None = None) -> HTMLResponse:
    target = target_opd(request, principal, opd)  # 404 for another OPD (or an unknown one)
    query = urlencode({k: v for k, v in {"framework": catalog.id, "opd": target}.items() if v})
    return render(request, "report.html.j2", catalog=catalog, target=target, query=query,
                  scoped=is_scoped(principal), directory=rt.opd_directory)


@router.get("/reports/gaps/view", response_class=HTMLResponse)
def report_view(rt: RuntimeDep, request: Request, principal: PagePrincipal, catalog: ChosenCatalog,
                opd: str | None = None) -> HTMLResponse:
    """The same HTML as ``/api/v1/reports/gaps?format=html``, for a logged-in browser (framed by the page)."""
    target = target_opd(request, principal, opd)
    report, _ = build_report(rt, principal, catalog, target, "id")
    return HTMLResponse(render_html(report, "id"), headers={
        "Content-Security-Policy": REPORT_CSP, "X-Frame-Options": "SAMEORIGIN", "Cache-Control": "no-store"})
