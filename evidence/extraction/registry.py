"""The single entry point from bytes to text: sniff, pick the extractor, never raise.

A batch of thousands of OPD files must finish with one result per file; a bug or a hostile file in one
extractor becomes a ``failed`` result with the exception named, not a crashed job.
"""

from __future__ import annotations

import dataclasses

from evidence.extraction.base import ExtractionResult, ExtractionStatus, Extractor
from evidence.extraction.common import DEFAULT_MAX_IMAGE_PIXELS, short_detail, stdlib_version
from evidence.extraction.doc import DocExtractor
from evidence.extraction.docx import DocxExtractor
from evidence.extraction.html import HtmlExtractor
from evidence.extraction.image import ImageExtractor
from evidence.extraction.odf import OdfExtractor
from evidence.extraction.pdf import MAX_TABLE_PAGES, PdfExtractor
from evidence.extraction.ppt import PptExtractor
from evidence.extraction.pptx import PptxExtractor
from evidence.extraction.rtf import RtfExtractor
from evidence.extraction.text import TextExtractor
from evidence.extraction.xls import XlsExtractor
from evidence.extraction.xlsx import XlsxExtractor
from evidence.media.ole import ole_readable
from evidence.media.sniff import extension_warning, file_extension, sniff_media_type
from evidence.media.types import (
    EMPTY_MEDIA_TYPE,
    ENCRYPTED_OOXML_MEDIA_TYPE,
    HEIC_MEDIA_TYPE,
    OCTET_MEDIA_TYPE,
    OLE_MEDIA_TYPE,
)

EXTRACTORS: tuple[Extractor, ...] = (
    PdfExtractor(),
    DocxExtractor(),
    TextExtractor(),
    DocExtractor(),
    XlsxExtractor(),
    XlsExtractor(),
    PptxExtractor(),
    PptExtractor(),
    OdfExtractor(),
    RtfExtractor(),
    HtmlExtractor(),
    ImageExtractor(),
)
# Types recognised from the bytes whose answer needs no extractor: say why, not just "unsupported".
_FIXED_ERRORS: dict[str, tuple[ExtractionStatus, str]] = {
    ENCRYPTED_OOXML_MEDIA_TYPE: ("failed", "encrypted: password required"),
    HEIC_MEDIA_TYPE: ("unsupported", "unsupported: image/heic (HEIC photo; send it as JPEG or PDF)"),
}
_BY_MEDIA_TYPE: dict[str, Extractor] = {
    media_type: extractor for extractor in EXTRACTORS for media_type in extractor.media_types
}
# Results that no extractor produced still say what decided them.
SNIFF_EXTRACTOR = "sniff"
# Under ``extract_isolated`` a memory limit makes allocations fail; the file, not the server, is at fault.
OUT_OF_MEMORY_ERROR = "too_large: extraction ran out of memory"


def extractor_for(media_type: str) -> Extractor | None:
    return _BY_MEDIA_TYPE.get(media_type)


def extract(
    data: bytes,
    filename: str,
    *,
    min_chars_per_page: int = 25,
    max_pages: int = 2000,
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
    pdf_table_pages: int = MAX_TABLE_PAGES,
) -> ExtractionResult:
    """Extract text from one file's bytes; ``filename`` is only used for messages and warnings.

    ``pdf_table_pages`` bounds how many ruled pages of one PDF are read with pdfplumber's table finder
    (the others with pdfium alone); see ``evidence.extraction.pdf``.

    Archives are reported ``unsupported`` here: intake expands them before extraction. Images and
    scanned PDFs come back ``no_text`` with pages marked ``needs_ocr``; ``evidence.extraction.ocr``
    reads them on the OCR queue.
    """
    if not data:
        return _sniff_result(EMPTY_MEDIA_TYPE, "failed", "empty: zero-byte file", ())
    try:
        media_type = sniff_media_type(data, filename)
        warning = extension_warning(media_type, filename)
    except Exception as exc:  # the sniffer parses untrusted bytes too
        return _sniff_result(OCTET_MEDIA_TYPE, "failed", _extractor_error(exc), ())
    warnings = (warning,) if warning else ()

    if media_type in _FIXED_ERRORS:
        status, error = _FIXED_ERRORS[media_type]
        return _sniff_result(media_type, status, error, warnings)
    extractor = extractor_for(media_type)
    if media_type == OLE_MEDIA_TYPE and not ole_readable(data):
        return _sniff_result(media_type, "failed", "corrupt: not a readable legacy Office (OLE) file", warnings)
    if extractor is None:
        extension = file_extension(filename) or "no extension"
        return _sniff_result(media_type, "unsupported", f"unsupported: {media_type} ({extension})", warnings)

    options = {"max_table_pages": pdf_table_pages} if isinstance(extractor, PdfExtractor) else {}
    try:
        result = extractor.extract(
            data, min_chars_per_page=min_chars_per_page, max_pages=max_pages, max_image_pixels=max_image_pixels,
            **options,
        )
    except Exception as exc:  # see module docstring
        error = OUT_OF_MEMORY_ERROR if isinstance(exc, MemoryError) else _extractor_error(exc)
        return ExtractionResult(
            status="failed",
            extractor=extractor.name,
            extractor_version=_safe_version(extractor),
            media_type=media_type,
            error=error,
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
