"""Server-rendered pages in Indonesian: login, upload and batches, the review queue, documents, the gap
report, the model versions. ``router`` carries every page; ``install_browser_pages`` adds static files and
HTML errors."""

from fastapi import APIRouter

from service.pages import batches, models, preview, queue, reports, routes
from service.pages.browser import install_browser_pages

router = APIRouter()
for _module in (routes, batches, queue, preview, reports, models):
    router.include_router(_module.router)

__all__ = ["install_browser_pages", "router"]
