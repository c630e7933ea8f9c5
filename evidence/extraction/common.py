"""Small helpers every extractor needs, kept in one place so results and messages look alike."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from evidence.extraction.base import ExtractionResult, ExtractionStatus, Extractor, PageText

MAX_DETAIL_CHARS = 200

# Media types the sniffer can name; the extractors declare theirs from the same constants.
PDF_MEDIA_TYPE = "application/pdf"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT_MEDIA_TYPE = "text/plain"
ZIP_MEDIA_TYPE = "application/zip"
OLE_MEDIA_TYPE = "application/x-ole-storage"
RTF_MEDIA_TYPE = "application/rtf"
OCTET_MEDIA_TYPE = "application/octet-stream"
EMPTY_MEDIA_TYPE = "application/x-empty"


def library_version(distribution: str) -> str:
    """A result must say which library produced it, so re-extraction after an upgrade can be targeted."""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def stdlib_version() -> str:
    """For results decided by the standard library alone (text decoding, sniffing)."""
    return f"python-{platform.python_version()}"


def non_space_chars(text: str) -> int:
    """Whitespace does not make a document readable, so thresholds count everything else."""
    return sum(1 for ch in text if not ch.isspace())


def short_detail(exc: BaseException) -> str:
    """One line, bounded: the detail ends up in a report table cell, not in a log."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    if len(message) > MAX_DETAIL_CHARS:
        message = message[: MAX_DETAIL_CHARS - 3] + "..."
    return message


def make_result(
    extractor: Extractor,
    media_type: str,
    status: ExtractionStatus,
    *,
    pages: tuple[PageText, ...] = (),
    page_count: int | None = None,
    error: str | None = None,
    warnings: tuple[str, ...] = (),
) -> ExtractionResult:
    """Stamp the extractor's name and version on every result, whatever the outcome."""
    return ExtractionResult(
        status=status,
        extractor=extractor.name,
        extractor_version=extractor.version(),
        media_type=media_type,
        pages=pages,
        page_count=page_count,
        error=error,
        warnings=warnings,
    )
