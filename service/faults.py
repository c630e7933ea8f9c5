"""Faults of the machinery under the API, answered as the user's problem they are, never as a bare 500.

* The database unreachable (restarting PostgreSQL, a dropped connection, SQLite locked for too long):
  503 with ``Retry-After`` and an Indonesian reason. Nothing was changed: the unit of work rolled back.
* A number too large for the database's integer column (an id of 2**63 in a path, a query or a body):
  422, like any other invalid input. Found by schemathesis; SQLite raises OverflowError before the query,
  PostgreSQL a DataError ("integer out of range").
* The disk under the data folder full (ENOSPC, a quota, or the file size limit, EFBIG): 507 with a
  reason. The upload's temp file and the blob store's temp file are removed on the way out, the batch
  row was never committed, so nothing half-written remains.
"""

from __future__ import annotations

import errno
import logging

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError

from service.errors import ApiError, stored_handler

log = logging.getLogger(__name__)
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
DATABASE_RETRY_AFTER_SECONDS = 5
NUMBER_TOO_LARGE = "angka terlalu besar"


def database_unavailable(exc: BaseException) -> bool:
    """A connection-level failure (worth retrying), not a bug in a query."""
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS


def install_fault_handlers(app: FastAPI) -> None:
    """Register after ``install_error_handlers``: both faults are re-raised as ``ApiError`` so that pages
    get their error page and the API its JSON, from the one ``ApiError`` handler."""
    api_error_handler = stored_handler(app, ApiError)

    async def _number_out_of_range(request: Request, _exc: Exception) -> Response:
        return await api_error_handler(request, ApiError(422, "input.invalid", details=NUMBER_TOO_LARGE))

    app.add_exception_handler(OverflowError, _number_out_of_range)

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> Response:
        if isinstance(exc, DataError) or isinstance(exc.orig, OverflowError):
            return await _number_out_of_range(request, exc)
        if not database_unavailable(exc):
            raise exc
        log.warning("database unavailable during %s %s: %s", request.method, request.url.path, exc.orig)
        error = ApiError(503, "service.database_unavailable",
                         headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)})
        return await api_error_handler(request, error)

    @app.exception_handler(OSError)
    async def _disk(request: Request, exc: OSError) -> Response:
        if not disk_full(exc):
            raise exc
        log.error("storage full during %s %s: %s", request.method, request.url.path, exc)
        state = request.app.state
        if hasattr(state, "metrics"):
            state.metrics.upload_rejections.labels("507").inc()
        return await api_error_handler(request, ApiError(507, "upload.storage_full"))
