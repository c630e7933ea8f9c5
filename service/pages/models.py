"""The models page: which model version suggests, how it measured on real documents, and how far the
reviewers here agreed with it. Read-only, for the Tim Koordinasi; the figures are the API's
(``service.routes.models.model_versions``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from service.deps import RuntimeDep
from service.pages.common import ChosenCatalog, ReviewerPage
from service.pages.render import render
from service.routes.models import model_versions

router = APIRouter(prefix="/pages", include_in_schema=False)


@router.get("/models", response_class=HTMLResponse)
def models_page(rt: RuntimeDep, request: Request, principal: ReviewerPage, catalog: ChosenCatalog) -> HTMLResponse:
    listing = model_versions(rt, catalog)
    return render(request, "models.html.j2", catalog=catalog, versions=list(reversed(listing.versions)))
