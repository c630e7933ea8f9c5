"""What every page handler needs: the logged-in person, the chosen framework, a CSRF-checked form.

Pages authenticate with the session cookie only (no bearer tokens): an anonymous visitor is sent to the
login page, a person without the right role gets an HTML 403. The evaluation framework is the user's
choice, remembered in a cookie, so the documents list, the review queue and the gap report always speak
the same numbering ("Indikator 19" in SPBE 2020 is not Pemdi 19).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from evidence.catalog import Catalog
from service.deps import CSRF_COOKIE, catalog_for, csrf_matches, get_runtime, principal_from_request
from service.errors import ApiError
from service.security import Principal

LOGIN_PATH = "/pages/login"
HOME_PATH = "/pages/review-queue"
FRAMEWORK_COOKIE = "spbe_framework"
FRAMEWORK_COOKIE_SECONDS = 365 * 24 * 3600
FRAMEWORK_LABELS = {"spbe-2020": "SPBE 2020", "pemdi-2026": "Pemdi 2026"}
REVIEWER_ROLES = frozenset({"admin", "reviewer"})


class LoginRequired(Exception):
    """Raised by page handlers for an anonymous visitor; turned into a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def login_redirect(next_path: str) -> RedirectResponse:
    return RedirectResponse(f"{LOGIN_PATH}?{urlencode({'next': next_path})}", status_code=303)


def page_principal(request: Request) -> Principal:
    principal, _ = principal_from_request(request, None)
    if principal is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target if request.method == "GET" else request.url.path)
    request.state.principal = principal
    return principal


def reviewer_principal(principal: Annotated[Principal, Depends(page_principal)]) -> Principal:
    """Decisions and the review queue are for the Tim Koordinasi (admin, reviewer), not for OPD users."""
    if principal.role not in REVIEWER_ROLES:
        raise ApiError(403, "auth.forbidden_role", role=principal.role)
    return principal


def framework_label(framework: str) -> str:
    return FRAMEWORK_LABELS.get(framework, framework)


def chosen_catalog(request: Request) -> Catalog:
    """``?framework=`` when valid (and then remembered), else the cookie, else the configured default.

    An unknown value in the query or the cookie falls back to the default rather than failing the page.
    """
    rt = get_runtime(request)
    settings = rt.settings
    allowed = list(dict.fromkeys([settings.framework, *settings.frameworks]))
    asked = request.query_params.get("framework")
    remembered = request.cookies.get(FRAMEWORK_COOKIE)
    framework = next((f for f in (asked, remembered) if f in allowed), settings.framework)
    if asked in allowed and asked != remembered:
        request.state.remember_framework = asked
    request.state.frameworks = allowed
    request.state.framework = framework
    return catalog_for(rt, framework)


async def checked_form(request: Request, max_fields: int = 40) -> FormData:
    """The posted form, after its CSRF token matched the CSRF cookie (403 otherwise)."""
    form = await request.form(max_files=0, max_fields=max_fields)
    token = form.get("csrf_token")
    if not csrf_matches(request.cookies.get(CSRF_COOKIE), token if isinstance(token, str) else None):
        raise ApiError(403, "auth.csrf")
    return form


def int_or_none(value: object) -> int | None:
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if text.lstrip("-").isdigit() and len(text) < 12 else None


PagePrincipal = Annotated[Principal, Depends(page_principal)]
ReviewerPage = Annotated[Principal, Depends(reviewer_principal)]
ChosenCatalog = Annotated[Catalog, Depends(chosen_catalog)]
