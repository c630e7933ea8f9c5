"""The single entry point from bytes to text: sniff, pick the extractor, never raise.

A batch of thousands of OPD files must finish with one result per file; a bug or a hostile file in one
extractor becomes a ``failed`` result with the exception named, not a crashed job.
"""

from __future__ import annotations

import dataclasses

from evidence.extraction.base import ExtractionResult, ExtractionStatus, Extractor
from evidence.extraction.common import EMPTY_MEDIA_TYPE, OCTET_MEDIA_TYPE, short_detail, stdlib_version
from evidence.extraction.docx import DocxExtractor
from evidence.extraction.pdf import PdfExtractor
from evidence.extraction.sniff import extension_warning, file_extension, sniff_media_type
from evidence.extraction.text import TextExtractor

EXTRACTORS: tuple[Extractor, ...] = (PdfExtractor(), DocxExtractor(), TextExtractor())
_BY_MEDIA_TYPE: dict[str, Extractor] = {
    media_type: extractor for extractor in EXTRACTORS for media_type in extractor.media_types
}
# Results that no extractor produced still say what decided them.
SNIFF_EXTRACTOR = "sniff"


def extractor_for(media_type: str) -> Extractor | None:
    return _BY_MEDIA_TYPE.get(media_type)


def extract(
    data: bytes, filename: str, *, min_chars_per_page: int = 25, max_pages: int = 2000
) -> ExtractionResult:
    """Extract text from one file's bytes; ``filename`` is only used for messages and warnings."""
    if not data:
        return _sniff_result(EMPTY_MEDIA_TYPE, "failed", "empty: zero-byte file", ())
    try:
        media_type = sniff_media_type(data, filename)
        warning = extension_warning(media_type, filename)
    except Exception as exc:  # the sniffer parses untrusted bytes too
        return _sniff_result(OCTET_MEDIA_TYPE, "failed", _extractor_error(exc), ())
    warnings = (warning,) if warning else ()

    extractor = extractor_for(media_type)
    if extractor is None:
        extension = file_extension(filename) or "no extension"
        return _sniff_result(media_type, "unsupported", f"unsupported: {media_type} ({extension})", warnings)

    try:
        result = extractor.extract(data, min_chars_per_page=min_chars_per_page, max_pages=max_pages)
    except Exception as exc:  # see module docstring
        return ExtractionResult(
            status="failed",
            extractor=extractor.name,
            extractor_version=_safe_version(extractor),
            media_type=media_type,
            error=_extractor_error(exc),
            warnings=warnings,
        )
    return dataclasses.replace(result, media_type=media_type, warnings=warnings + result.warnings)


def _sniff_result(
    media_type: str, status: ExtractionStatus, error: str, warnings: tuple[str, ...]
) -> ExtractionResult:
    return ExtractionResult(
        status=status,
        extractor=SNIFF_EXTRACTOR,
        extractor_version=stdlib_version(),
        media_type=media_type,
        error=error,
        warnings=warnings,
    )


def _extractor_error(exc: Exception) -> str:
    return f"extractor_error: {type(exc).__name__}: {short_detail(exc)}"


def _safe_version(extractor: Extractor) -> str:
    try:
        return extractor.version()
    except Exception:  # a broken install must not hide the original error
        return "unknown"
