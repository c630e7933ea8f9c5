"""One error shape for every 4xx/5xx: ``{"detail": "<message in the user's language>"}``.

Handlers raise ``ApiError(status, key, **params)``; the message is rendered here, in the language of the
request, so no handler formats user-facing text itself. FastAPI's validation errors (English, nested) are
rewritten into one readable sentence, with the structured list kept under ``errors`` for programs.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from evidence.i18n import VALIDATION_PHRASES, normalize_lang, t
from service.language import request_lang

BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class ApiError(StarletteHTTPException):
    """An HTTP error whose text is a message key, rendered per request language."""

    def __init__(
        self, status_code: int, key: str, *, headers: Mapping[str, str] | None = None, **params: object
    ) -> None:
        super().__init__(status_code=status_code, detail=key, headers=dict(headers) if headers else None)
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


class LocalizedError(ApiError):
    """An error whose text comes from elsewhere (e.g. ``evidence.reviews.ReviewError.message``)."""

    def __init__(self, status_code: int, render: Callable[[str], str]) -> None:
        super().__init__(status_code, "input.invalid")
        self._render = render

    def render(self, lang: str) -> str:
        return self._render(lang)


def unauthorized(key: str = "auth.required") -> ApiError:
    return ApiError(401, key, headers=BEARER_CHALLENGE)


def _describe_validation(errors: list[dict], lang: str) -> str:
    parts = []
    for err in errors:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path", "header", "form")]
        where = ".".join(loc) or "body"
        phrase = VALIDATION_PHRASES.get(err.get("type", ""))
        if phrase is not None:
            ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
            if "expected" in ctx:  # pydantic joins choices with an English "or"
                ctx["expected"] = ctx["expected"].replace(" or ", f" {t('word.or', lang)} ")
            try:
                text = (phrase.get(normalize_lang(lang)) or phrase["id"]).format(**ctx)
            except (KeyError, IndexError):
                text = err.get("msg", "")
        else:
            text = err.get("msg", "")
        parts.append(f"'{where}' {text}")
    return "; ".join(parts)


def _json_safe(errors: list[dict]) -> list[dict]:
    """Pydantic puts exception objects in ``ctx``; keep only what serialises."""
    return [
        {"loc": list(e.get("loc", ())), "type": e.get("type"), "msg": e.get("msg")} for e in errors
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.render(request_lang(request))}, exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = request_lang(request)
        errors = list(exc.errors())
        detail = t("input.invalid", lang, details=_describe_validation(errors, lang))
        return JSONResponse({"detail": detail, "errors": _json_safe(errors)}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        if exc.status_code == 404 and exc.detail in (None, "", "Not Found"):
            detail = t("not_found.route", lang)
        elif exc.status_code == 405:
            detail = t("method_not_allowed", lang)
        elif exc.status_code == 400 and exc.detail == "There was an error parsing the body":
            detail = t("input.unreadable_body", lang)
        else:
            detail = exc.detail
        return JSONResponse({"detail": detail}, exc.status_code, headers=exc.headers)


def stored_handler(app: FastAPI, exc_class: type[Exception]) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The handler the app already has for ``exc_class``, as one async function whether Starlette holds a
    sync or an async one, so that a handler registered later can hand the request back to it."""
    handler = app.exception_handlers[exc_class]

    async def delegate(request: Request, exc: Exception) -> Response:
        response = handler(request, exc)
        return await response if inspect.isawaitable(response) else response

    return delegate
