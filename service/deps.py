"""Request dependencies: the process's runtime, the current user, role checks, language, catalog.

Authentication accepts a bearer token in ``Authorization`` (API clients) or the HttpOnly session cookie
set by the login page (browsers). A cookie is sent by the browser automatically, so an unsafe request
(POST ...) authenticated by cookie must also prove it came from our own page: ``X-CSRF-Token`` header or
``csrf_token`` form field equal to the CSRF cookie. Bearer requests need no CSRF check.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import OAuth2PasswordBearer

from evidence.catalog import Catalog
from evidence.opd import OpdDirectory, find_opd
from evidence.runtime import Runtime
from service.errors import ApiError, unauthorized
from service.language import request_lang
from service.metrics import Metrics
from service.ratelimit import LoginLimiter
from service.security import Principal, resolve_token

SESSION_COOKIE = "spbe_session"
CSRF_COOKIE = "spbe_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

bearer_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def get_runtime(request: Request) -> Runtime:
    """The process's runtime the app was built with (``service.app.create_app``)."""
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


def get_login_limiter(request: Request) -> LoginLimiter:
    limiter: LoginLimiter = request.app.state.login_limiter
    return limiter


def get_lang(request: Request) -> str:
    return request_lang(request)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


def principal_from_request(request: Request, token: str | None) -> tuple[Principal | None, str | None]:
    """(principal, source) where source is "bearer" or "cookie"; no exception, for pages and API alike."""
    source = "bearer" if token else None
    if not token:
        token = request.cookies.get(SESSION_COOKIE)
        source = "cookie" if token else None
    if not token:
        return None, None
    with get_runtime(request).db.session() as session:
        return resolve_token(session, token), source


def current_principal(request: Request, token: Annotated[str | None, Depends(bearer_scheme)]) -> Principal:
    """401 (with ``WWW-Authenticate: Bearer``) when the token is missing, unknown, expired or revoked."""
    principal, source = principal_from_request(request, token)
    if source is None:
        raise unauthorized("auth.required")
    if principal is None:
        raise unauthorized("auth.invalid_token")
    unsafe = source == "cookie" and request.method not in SAFE_METHODS
    if unsafe and not csrf_matches(request.cookies.get(CSRF_COOKIE), request.headers.get(CSRF_HEADER)):
        raise ApiError(403, "auth.csrf")
    return principal


def require_roles(*roles: str) -> Callable[..., Principal]:
    """Dependency factory: the current principal if its role is one of ``roles``, else 403."""

    def dependency(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if principal.role not in roles:
            raise ApiError(403, "auth.forbidden_role", role=principal.role)
        return principal

    dependency.__name__ = f"require_{'_or_'.join(roles)}"
    return dependency


def catalog_for(runtime: Runtime, framework: str | None) -> Catalog:
    """The catalog of ``framework`` (default from settings); 422 with the known keys when unknown."""
    framework = framework or runtime.settings.framework
    try:
        return runtime.catalogs.catalog(framework)
    except (ValueError, FileNotFoundError, OSError):
        raise ApiError(
            422, "input.unknown_framework", framework=framework, known=", ".join(runtime.catalogs.available())
        ) from None


FRAMEWORK_HELP = "Kunci kerangka evaluasi, mis. spbe-2020 (bawaan dari pengaturan)."


def get_catalog(
    request: Request, framework: Annotated[str | None, Query(description=FRAMEWORK_HELP, max_length=40)] = None
) -> Catalog:
    return catalog_for(get_runtime(request), framework)


def resolve_opd_name(directory: OpdDirectory, name: str | None) -> str | None:
    """Canonical OPD name for a name or alias (case-insensitive), None when unknown or empty."""
    if name is None or not name.strip():
        return None
    match = find_opd(directory, name.strip())
    return match.name if match is not None else None


# Annotated dependencies for route signatures.
CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
ReviewerPrincipal = Annotated[Principal, Depends(require_roles("admin", "reviewer"))]
UploaderPrincipal = Annotated[Principal, Depends(require_roles("admin", "reviewer", "opd"))]
AdminPrincipal = Annotated[Principal, Depends(require_roles("admin"))]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
"""The process's runtime: settings, database, store, catalogs, OPD directory, classifiers, dispatcher."""
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
LoginLimiterDep = Annotated[LoginLimiter, Depends(get_login_limiter)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
LangDep = Annotated[str, Depends(get_lang)]
