"""PDF text extraction: pdfium's text layer for every page, pdfplumber's tables only where they help.

Most bukti dukung are signed decrees scanned to PDF, so "no text layer" is an expected outcome that the
report must tell apart from a broken or password-protected file.

pdfium (pypdfium2) reads a text layer about 50x faster than pdfplumber with the same words; a Pemda's
archive of 10,000-30,000 pages is therefore read in minutes, not an hour. pdfplumber is kept for ruled
tables (budget forms, asset registers, spreadsheets exported to PDF), decided per page by a cheap count of
ruling lines (``pdf_layout``). The result says which was used: the extractor is ``pdfium`` or
``pdfium+pdfplumber``, and each page's ``engine`` is ``pdfium`` or ``pdfplumber-tables``.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from evidence.extraction.base import ExtractionResult, ExtractionStatus, PageText
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    library_version,
    make_result,
    non_space_chars,
    short_detail,
)
from evidence.extraction.pdf_layout import page_rulings
from evidence.extraction.pdf_tables import table_texts
from evidence.media.types import PDF_MEDIA_TYPE

FAST_ENGINE = "pdfium"
TABLE_ENGINE = "pdfplumber-tables"
# pdfplumber reads a ruled page in 50-500 ms: a 900-page register would take minutes. Past this many
# table pages in one document (``SPBE_PDF_TABLE_PAGES``), the rest keep pdfium's text (same words, cell
# order) and a warning says so; 0 reads every page with pdfium alone.
MAX_TABLE_PAGES = 60
# pdfium ends lines with CR LF and marks generated hyphens / line breaks with control characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class PdfExtractor:
    name = FAST_ENGINE
    media_types: tuple[str, ...] = (PDF_MEDIA_TYPE,)

    def version(self) -> str:
        return library_version("pypdfium2")

    def extract(self, data: bytes, *, min_chars_per_page: int = 25, max_pages: int = 2000,
                max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
                max_table_pages: int = MAX_TABLE_PAGES) -> ExtractionResult:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            return self._failed(_open_error(exc))
        try:
            page_count = len(document)
            if page_count == 0:
                return self._failed("corrupt: no pages found")
            if page_count > max_pages:
                return self._failed(f"too_many_pages: {page_count} pages (limit {max_pages})", page_count)
            texts, tabular, errors = _read_pages(document, page_count)
        finally:
            document.close()
        warnings = list(errors)
        engines = {number: FAST_ENGINE for number in texts}
        if max_table_pages > 0 and tabular:
            chosen = tabular[:max_table_pages]
            if len(tabular) > len(chosen):
                warnings.append(f"tables_partial: rows of tables read on the first {len(chosen)} of "
                                f"{len(tabular)} table pages; the others in cell order")
            structured, table_warnings = table_texts(data, chosen)
            warnings.extend(table_warnings)
            for number, text in structured.items():
                if non_space_chars(text) >= non_space_chars(texts[number]) * 0.9:  # never lose text
                    texts[number], engines[number] = text, TABLE_ENGINE
        pages = tuple(
            PageText(number=n, text=texts[n], needs_ocr=non_space_chars(texts[n]) < min_chars_per_page,
                     engine=engines[n])
            for n in range(1, page_count + 1)
        )
        return self._summarise(pages, tuple(warnings), len(errors))

    def _summarise(self, pages: tuple[PageText, ...], warnings: tuple[str, ...], failed: int) -> ExtractionResult:
        total = len(pages)
        if failed == total:
            return self._failed(f"corrupt: text extraction failed on every page ({warnings[0]})", total)
        notes = list(warnings)
        used_tables = any(page.engine == TABLE_ENGINE for page in pages)
        extractor = f"{FAST_ENGINE}+pdfplumber" if used_tables else FAST_ENGINE
        version = self.version() + (f"; pdfplumber-{library_version('pdfplumber')}" if used_tables else "")
        without_text = sum(1 for page in pages if page.needs_ocr)
        status: ExtractionStatus = "ok"
        error: str | None = None
        if without_text == total:
            status, error = "no_text", f"no_text: no text layer on {without_text} of {total} pages (scanned; needs OCR)"
        elif without_text:
            notes.append(f"partial_text: no text layer on {without_text} of {total} pages")
        return ExtractionResult(status=status, extractor=extractor, extractor_version=version,
                                media_type=PDF_MEDIA_TYPE, pages=pages, page_count=total, error=error,
                                warnings=tuple(notes))

    def _failed(self, error: str, page_count: int | None = None) -> ExtractionResult:
        return make_result(self, PDF_MEDIA_TYPE, "failed", page_count=page_count, error=error)


def _read_pages(document: pdfium.PdfDocument, page_count: int) -> tuple[dict[int, str], list[int], list[str]]:
    """Text of every page, the numbers of ruled (table) pages, and per-page errors.

    One broken page must not discard the others' text; each page and text page is closed at once so a
    long document does not keep every page's objects alive.
    """
    texts: dict[int, str] = {}
    tabular: list[int] = []
    errors: list[str] = []
    for index in range(page_count):
        number = index + 1
        try:
            page = document[index]
        except Exception as exc:
            errors.append(f"page_error: page {number}: {type(exc).__name__}: {short_detail(exc)}")
            texts[number] = ""
            continue
        try:
            texts[number] = page_text(page)
            if page_rulings(page).tabular and non_space_chars(texts[number]) > 0:
                tabular.append(number)
        except Exception as exc:
            errors.append(f"page_error: page {number}: {type(exc).__name__}: {short_detail(exc)}")
            texts.setdefault(number, "")
        finally:
            page.close()
    return texts, tabular, errors


def page_text(page: pdfium.PdfPage) -> str:
    """pdfium's text of one page with plain newlines (pdfium ends lines with CR LF)."""
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
    finally:
        textpage.close()
    return _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))


def _open_error(exc: Exception) -> str:
    message = short_detail(exc)
    if "password" in message.lower():
        return "encrypted: password required"
    if "security" in message.lower():
        return f"encrypted: unsupported encryption ({message})"
    return f"corrupt: {message}"
