"""The cited page of a PDF as a PNG with the evidence sentences highlighted, and a page that shows it.

Which sentences are highlighted is decided here from the stored evidence of one suggestion
(``indicator`` in the chosen framework), never taken from the URL, so the image cannot be made to mark
arbitrary text. The document must be visible to the viewer (same scoping as everywhere else).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from evidence.preview import PreviewError, render_page_png
from evidence.queries import document_detail
from service.deps import RuntimeDep, get_runtime
from service.errors import ApiError
from service.pages.common import ChosenCatalog, PagePrincipal
from service.pages.render import PAGE_CSP, render
from service.pages.routes import detail_context

router = APIRouter(prefix="/pages", include_in_schema=False)


def _sentences(request: Request, principal, catalog, document_id: int, page: int,
               indicator: int | None) -> tuple[list[str], str | None]:
    """Evidence sentences on ``page`` (of one indicator, or of every suggestion) and the stored file's hash."""
    rt = get_runtime(request)
    with rt.db.session() as session:
        detail = document_detail(session, principal, document_id, catalog.id, rt.catalogs)
        if detail is None:
            raise ApiError(404, "not_found.document", id=document_id)
        spans = [span for s in detail.suggestions if indicator is None or s.indicator_id == indicator
                 for span in (s.evidence or []) if span.get("page") == page]
        return list(dict.fromkeys(span["sentence"] for span in spans)), detail.document.sha256


@router.get("/documents/{document_id}/pages/{page}.png")
async def page_png(rt: RuntimeDep, request: Request, document_id: int, page: int, principal: PagePrincipal,
                   catalog: ChosenCatalog, indicator: int | None = None) -> Response:
    sentences, digest = await run_in_threadpool(_sentences, request, principal, catalog, document_id, page, indicator)
    path = rt.store.path_for(digest) if digest else None
    if path is None or not path.is_file():
        raise ApiError(404, "not_found.file", id=document_id)
    try:
        png, marked = await run_in_threadpool(render_page_png, path, page, sentences)
    except PreviewError:
        raise ApiError(404, "not_found.route") from None
    return Response(png, media_type="image/png", headers={
        "Cache-Control": "private, max-age=300", "Content-Security-Policy": PAGE_CSP,
        "X-Highlighted-Boxes": str(marked),
    })


@router.get("/documents/{document_id}/pages/{page}", response_class=HTMLResponse)
def page_view(request: Request, document_id: int, page: int, principal: PagePrincipal, catalog: ChosenCatalog,
              indicator: int | None = None) -> HTMLResponse:
    """The rendered page with the sentences it carries listed beside it ("hlm. 2" checked at a glance)."""
    context = detail_context(request, principal, catalog, document_id)
    if context is None:
        raise ApiError(404, "not_found.document", id=document_id)
    doc = context["doc"]
    if doc.pages is not None and not 1 <= page <= doc.pages:
        raise ApiError(404, "not_found.route")
    sentences = [(v.suggestion.indicator_id, e.sentence) for v in context["views"]
                 if indicator is None or v.suggestion.indicator_id == indicator
                 for e in v.evidence if e.page == page]
    return render(request, "page_view.html.j2", page=page, indicator=indicator, sentences=sentences, **context)
