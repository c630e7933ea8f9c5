"""Small helpers every extractor needs, kept in one place so results and messages look alike."""

from __future__ import annotations

import functools
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
HTML_MEDIA_TYPE = "text/html"
# Office formats: OOXML and OpenDocument are ZIPs, the legacy ones OLE compound files.
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
ODS_MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
ODP_MEDIA_TYPE = "application/vnd.oasis.opendocument.presentation"
DOC_MEDIA_TYPE = "application/msword"
XLS_MEDIA_TYPE = "application/vnd.ms-excel"
PPT_MEDIA_TYPE = "application/vnd.ms-powerpoint"
# An OOXML file saved with a password is an OLE container holding an "EncryptedPackage" stream.
ENCRYPTED_OOXML_MEDIA_TYPE = "application/x-ooxml-encrypted"
# Images (scans and phone photos): no text layer, so they go to OCR.
PNG_MEDIA_TYPE = "image/png"
JPEG_MEDIA_TYPE = "image/jpeg"
TIFF_MEDIA_TYPE = "image/tiff"
GIF_MEDIA_TYPE = "image/gif"
BMP_MEDIA_TYPE = "image/bmp"
WEBP_MEDIA_TYPE = "image/webp"
HEIC_MEDIA_TYPE = "image/heic"
OCR_IMAGE_MEDIA_TYPES = frozenset(
    {PNG_MEDIA_TYPE, JPEG_MEDIA_TYPE, TIFF_MEDIA_TYPE, GIF_MEDIA_TYPE, BMP_MEDIA_TYPE, WEBP_MEDIA_TYPE}
)
# Archives: intake expands them; extraction reports them as unsupported.
SEVEN_ZIP_MEDIA_TYPE = "application/x-7z-compressed"
RAR_MEDIA_TYPE = "application/vnd.rar"
TAR_MEDIA_TYPE = "application/x-tar"
GZIP_MEDIA_TYPE = "application/gzip"
BZIP2_MEDIA_TYPE = "application/x-bzip2"
XZ_MEDIA_TYPE = "application/x-xz"
ARCHIVE_MEDIA_TYPES = frozenset(
    {
        ZIP_MEDIA_TYPE,
        SEVEN_ZIP_MEDIA_TYPE,
        RAR_MEDIA_TYPE,
        TAR_MEDIA_TYPE,
        GZIP_MEDIA_TYPE,
        BZIP2_MEDIA_TYPE,
        XZ_MEDIA_TYPE,
    }
)

# Images larger than this are refused before decoding: a 20000 x 20000 PNG is 1.2 GB of RGB pixels.
# An A4 page at 600 dpi is 35 Mpx, a 50 Mpx phone photo is the biggest honest input we expect.
DEFAULT_MAX_IMAGE_PIXELS = 80_000_000


@functools.lru_cache(maxsize=64)
def library_version(distribution: str) -> str:
    """A result must say which library produced it, so re-extraction after an upgrade can be targeted.

    Cached: reading the installed package's metadata costs ~0.3 ms, more than reading a PDF page.
    """
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def stdlib_version() -> str:
    """For results decided by the standard library alone (text decoding, sniffing)."""
    return f"python-{platform.python_version()}"


def non_space_chars(text: str) -> int:
    """Whitespace does not make a document readable, so thresholds count everything else.

    ``str.split()`` splits on exactly the characters ``str.isspace`` names, in C: ~20x faster than a
    Python loop over characters, which cost more than pdfium's reading of the page.
    """
    return sum(map(len, text.split()))


def short_detail(exc: BaseException) -> str:
    """One line, bounded: the detail ends up in a report table cell, not in a log."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    if len(message) > MAX_DETAIL_CHARS:
        message = message[: MAX_DETAIL_CHARS - 3] + "..."
    return message


def truncated_warning(what: str, limit: int) -> str:
    """Huge spreadsheets are read up to a bound; the reviewer must know the text is partial."""
    return f"truncated: read the first {limit} {what}"


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
