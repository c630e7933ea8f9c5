"""The language of a request, and sizes in the words people use.

Every text itself is in the one catalog, ``evidence.i18n``. The language comes from ``?lang=``, else the
first supported ``Accept-Language`` entry, else the ``SPBE_LANGUAGE`` setting.
"""

from __future__ import annotations

import math

from fastapi import Request

from evidence.i18n import DEFAULT_LANG, SUPPORTED_LANGS, normalize_lang


def request_lang(request: Request) -> str:
    """``?lang=`` wins, then ``Accept-Language`` (first supported entry), then the configured default."""
    explicit = request.query_params.get("lang")
    if explicit:
        return normalize_lang(explicit)
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        base = part.split(";", 1)[0].strip().lower().replace("_", "-").split("-", 1)[0]
        if base in SUPPORTED_LANGS:
            return base
    runtime = getattr(request.app.state, "runtime", None)
    return normalize_lang(getattr(getattr(runtime, "settings", None), "language", DEFAULT_LANG))


def format_bytes(size: int) -> str:
    """Upload limits in words people use: 512 MB, 1,9 KB. Rounded down, so a limit is never overstated."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            value = math.floor(size * 10 / factor) / 10
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text.replace('.', ',')} {unit}"
    return f"{size} byte"
