"""Make the published OpenAPI schema say what the service really answers (checked by schemathesis).

FastAPI documents a 422 as its own ``HTTPValidationError`` (a list under ``detail``), but this service
answers every error as ``{"detail": "<sentence>"}`` plus, for validation, the structured ``errors`` list
(service/errors.py). A body that cannot be parsed is a 400. The ``framework`` parameter only accepts the
known frameworks, so the schema lists them. And a 405 must name every method the path supports, even
when the methods live in different routers. These are corrected here, once, for every operation.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from evidence.catalog import available_frameworks
from evidence.catalog.loader import load_catalog_file
from evidence.settings import Settings
from service.errors import stored_handler

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "Pesan untuk pengguna (bahasa Indonesia; ?lang=en)."},
        "errors": {"type": "array", "items": {"type": "object"}, "description": "Rincian untuk program."},
    },
}
BODY_METHODS = {"post", "put", "patch"}


def known_frameworks(settings: Settings) -> list[str]:
    known = list(available_frameworks())
    if settings.catalog_path is not None and settings.catalog_path.exists():
        known.append(load_catalog_file(settings.catalog_path).id)
    return sorted(set(known))


def _rewrite(schema: dict[str, Any], frameworks: list[str]) -> dict[str, Any]:
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            responses["422"] = {"description": "Masukan tidak valid",
                                "content": {"application/json": {"schema": ERROR_SCHEMA}}}
            if method in BODY_METHODS and "requestBody" in operation:
                responses.setdefault("400", {"description": "Isi permintaan tidak dapat dibaca",
                                             "content": {"application/json": {"schema": ERROR_SCHEMA}}})
                if "multipart/form-data" in operation["requestBody"].get("content", {}):
                    responses.setdefault("507", {"description": "Penyimpanan server penuh; tidak ada yang disimpan",
                                                 "content": {"application/json": {"schema": ERROR_SCHEMA}}})
            responses.setdefault("503", {"description": "Basis data sedang tidak dapat dihubungi (lihat Retry-After)",
                                         "content": {"application/json": {"schema": ERROR_SCHEMA}}})
            for param in operation.get("parameters", []):
                if param.get("name") == "framework" and param.get("in") == "query":
                    # Empty means the default framework, as the handler treats it.
                    param["schema"] = {"anyOf": [{"type": "string", "enum": [*frameworks, ""]}, {"type": "null"}],
                                       "title": "Framework"}
    schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
    return schema


def install_openapi_contract(app: FastAPI, settings: Settings) -> None:
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _rewrite(original(), known_frameworks(settings))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    base_handler = stored_handler(app, StarletteHTTPException)

    async def http_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, StarletteHTTPException) and exc.status_code == 405:
            allowed = sorted({method for route in app.router.routes
                              if route.matches(request.scope)[0] != Match.NONE
                              for method in (getattr(route, "methods", None) or ())})
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(allowed)}
        return await base_handler(request, exc)

    app.add_exception_handler(StarletteHTTPException, http_error)
