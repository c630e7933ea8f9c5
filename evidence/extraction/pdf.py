"""PDF text extraction with pdfplumber, page by page.

Most bukti dukung are signed decrees scanned to PDF, so "no text layer" is an expected outcome that the
report must tell apart from a broken or password-protected file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    PDF_MEDIA_TYPE,
    library_version,
    make_result,
    non_space_chars,
    short_detail,
)

# pdfplumber wraps most pdfminer errors in PdfminerException, but some paths raise pdfminer's own, and
# a damaged page tree surfaces as plain TypeError/KeyError... while pdfplumber builds its page list.
_CORRUPT_DOCUMENT_ERRORS = (
    PdfminerException,
    PSException,
    MalformedPDFException,
    TypeError,
    KeyError,
    ValueError,
    AttributeError,
    IndexError,
    AssertionError,
)


class PdfExtractor:
    name = "pdfplumber"
    media_types: tuple[str, ...] = (PDF_MEDIA_TYPE,)

    def version(self) -> str:
        return library_version("pdfplumber")

    def extract(
        self,
        data: bytes,
        *,
        min_chars_per_page: int = 25,
        max_pages: int = 2000,
        max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
    ) -> ExtractionResult:
        try:
            with _open_pdf(data) as pdf:
                page_count = len(pdf.pages)
                if page_count == 0:
                    return self._failed("corrupt: no pages found")
                if page_count > max_pages:
                    return self._failed(f"too_many_pages: {page_count} pages (limit {max_pages})", page_count)
                pages, page_errors = _read_pages(pdf.pages, min_chars_per_page)
        except _CORRUPT_DOCUMENT_ERRORS as exc:
            return self._failed(_library_error_message(exc))
        return self._summarise(pages, page_errors)

    def _summarise(self, pages: tuple[PageText, ...], page_errors: tuple[str, ...]) -> ExtractionResult:
        total = len(pages)
        if len(page_errors) == total:
            return self._failed(f"corrupt: text extraction failed on every page ({page_errors[0]})", total)
        warnings = list(page_errors)
        without_text = sum(1 for page in pages if page.needs_ocr)
        if without_text == total:
            error = f"no_text: no text layer on {without_text} of {total} pages (scanned; needs OCR)"
            return make_result(
                self,
                PDF_MEDIA_TYPE,
                "no_text",
                pages=pages,
                page_count=total,
                error=error,
                warnings=tuple(warnings),
            )
        if without_text:
            warnings.append(f"partial_text: no text layer on {without_text} of {total} pages")
        return make_result(
            self, PDF_MEDIA_TYPE, "ok", pages=pages, page_count=total, warnings=tuple(warnings)
        )

    def _failed(self, error: str, page_count: int | None = None) -> ExtractionResult:
        return make_result(self, PDF_MEDIA_TYPE, "failed", page_count=page_count, error=error)


@contextmanager
def _open_pdf(data: bytes) -> Iterator[PDF]:
    """Like ``with pdfplumber.open(...)``, except that closing cannot replace the real error.

    ``PDF.close()`` rebuilds the page list to close each page; with a damaged page tree that raises again
    and would mask the first exception. The stream is an in-memory buffer, so nothing leaks.
    """
    pdf = pdfplumber.open(io.BytesIO(data))
    try:
        yield pdf
    finally:
        with suppress(*_CORRUPT_DOCUMENT_ERRORS):
            pdf.close()


def _read_pages(pages: list[Page], min_chars_per_page: int) -> tuple[tuple[PageText, ...], tuple[str, ...]]:
    """Close every page as soon as it is read: pdfplumber caches layout objects (~3.6 MB a page)."""
    texts: list[PageText] = []
    errors: list[str] = []
    for page in pages:
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # one broken page must not discard the others' text
            errors.append(f"page_error: page {page.page_number}: {type(exc).__name__}: {short_detail(exc)}")
            text = ""
        finally:
            page.close()
        needs_ocr = non_space_chars(text) < min_chars_per_page
        texts.append(PageText(number=page.page_number, text=text, needs_ocr=needs_ocr))
    return tuple(texts), tuple(errors)


def _library_error_message(exc: Exception) -> str:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return "encrypted: password required"
    if isinstance(inner, PDFEncryptionError):
        return f"encrypted: unsupported encryption ({short_detail(inner)})"
    if not isinstance(inner, BaseException):
        return f"corrupt: {inner}"
    if isinstance(inner, PSException | MalformedPDFException):
        return f"corrupt: {short_detail(inner)}"
    return f"corrupt: {type(inner).__name__}: {short_detail(inner)}"
