"""Legacy Excel (.xls, BIFF8) text extraction with xlrd: sheet names and cell text."""

from __future__ import annotations

import struct
from collections.abc import Iterator

import xlrd
from xlrd.compdoc import CompDocError

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import (
    ENCRYPTED,
    FormatExtractor,
    ReadLimits,
)
from evidence.extraction.spreadsheet import CellBudget, sheet_page, workbook_result
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


class XlsExtractor(FormatExtractor, name="xlrd", media_types=(XLS_MEDIA_TYPE,), library="xlrd"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        budget = CellBudget()
        try:
            book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_NullLog())
            try:
                if book.nsheets > limits.max_pages:
                    return self.failed(f"too_many_pages: {book.nsheets} sheets (limit {limits.max_pages})",
                                       page_count=book.nsheets)
                pages = []
                for index in range(book.nsheets):
                    sheet = book.sheet_by_index(index)
                    pages.append(sheet_page(index + 1, sheet.name, _rows(book, sheet), budget))
                    book.unload_sheet(index)
            finally:
                book.release_resources()
        except _CORRUPT_ERRORS as exc:
            return self.failed(ENCRYPTED) if "encrypted" in str(exc).lower() else self.corrupt(exc)
        return workbook_result(self, tuple(pages), limits, budget)


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


class _NullLog:
    """xlrd prints warnings about odd records to stdout; a worker log is no place for them."""

    def write(self, _text: str) -> int:
        return 0
