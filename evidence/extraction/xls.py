"""Legacy Excel (.xls, BIFF8) text extraction with xlrd: sheet names and cell text."""

from __future__ import annotations

import struct
from collections.abc import Iterator

import xlrd
from xlrd.compdoc import CompDocError

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    library_version,
    make_result,
    short_detail,
    truncated_warning,
)
from evidence.extraction.spreadsheet import CellBudget, sheet_page, workbook_has_text
from evidence.media.types import XLS_MEDIA_TYPE

_CORRUPT_ERRORS = (
    xlrd.XLRDError,
    CompDocError,
    struct.error,
    IndexError,
    KeyError,
    ValueError,
    TypeError,
    AssertionError,
    EOFError,
    UnicodeDecodeError,
)


class XlsExtractor:
    name = "xlrd"
    media_types: tuple[str, ...] = (XLS_MEDIA_TYPE,)

    def version(self) -> str:
        return library_version("xlrd")

    def extract(
        self,
        data: bytes,
        *,
        min_chars_per_page: int = 25,
        max_pages: int = 2000,
        max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
    ) -> ExtractionResult:
        budget = CellBudget()
        try:
            book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_NullLog())
            try:
                if book.nsheets > max_pages:
                    error = f"too_many_pages: {book.nsheets} sheets (limit {max_pages})"
                    return make_result(self, XLS_MEDIA_TYPE, "failed", page_count=book.nsheets, error=error)
                pages = []
                for index in range(book.nsheets):
                    sheet = book.sheet_by_index(index)
                    pages.append(sheet_page(index + 1, sheet.name, _rows(book, sheet), budget))
                    book.unload_sheet(index)
            finally:
                book.release_resources()
        except _CORRUPT_ERRORS as exc:
            return make_result(self, XLS_MEDIA_TYPE, "failed", error=_error(exc))
        result_pages = tuple(pages)
        warnings = (truncated_warning("cells", budget.limit),) if budget.exhausted else ()
        if not workbook_has_text(result_pages, min_chars_per_page):
            return make_result(
                self,
                XLS_MEDIA_TYPE,
                "no_text",
                pages=result_pages,
                page_count=len(result_pages),
                error="no_text: workbook has no cell text",
                warnings=warnings,
            )
        return make_result(
            self, XLS_MEDIA_TYPE, "ok", pages=result_pages, page_count=len(result_pages), warnings=warnings
        )


def _rows(book: xlrd.Book, sheet: xlrd.sheet.Sheet) -> Iterator[list[object]]:
    for row_index in range(sheet.nrows):
        values: list[object] = []
        for cell in sheet.row(row_index):
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                except (xlrd.xldate.XLDateError, ValueError, OverflowError):
                    values.append(cell.value)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                values.append(bool(cell.value))
            elif cell.ctype in (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER):
                values.append(cell.value)
        yield values


def _error(exc: Exception) -> str:
    if "encrypted" in str(exc).lower():
        return "encrypted: password required"
    return f"corrupt: {type(exc).__name__}: {short_detail(exc)}"


class _NullLog:
    """xlrd prints warnings about odd records to stdout; a worker log is no place for them."""

    def write(self, _text: str) -> int:
        return 0
