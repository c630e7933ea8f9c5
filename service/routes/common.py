"""OpenAPI response descriptions shared by the routers."""

from __future__ import annotations

from typing import Any

from service.schemas import ErrorOut

UNAUTHORIZED: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Belum masuk, atau token tidak valid/kedaluwarsa"},
}
FORBIDDEN: dict[int | str, dict[str, Any]] = {403: {"model": ErrorOut, "description": "Peran tidak diizinkan"}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Tidak ditemukan (atau bukan milik OPD Anda)"},
}
INVALID: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "Masukan tidak valid"}}

API_PREFIX = "/api/v1"
MAX_PAGE = 200
DEFAULT_PAGE = 50
