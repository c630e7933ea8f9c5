"""XLSX text extraction with openpyxl (read-only, cached values): sheet names and cell text."""

from __future__ import annotations

import io
import zipfile
import zlib

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import FormatExtractor, ReadLimits
from evidence.extraction.container import too_large_error
from evidence.extraction.spreadsheet import CellBudget, sheet_page, workbook_result
from evidence.media.types import XLSX_MEDIA_TYPE

_CORRUPT_ERRORS = (
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    zlib.error,
    EOFError,
    OSError,
    SyntaxError,  # xml.etree's ParseError
)


class XlsxExtractor(FormatExtractor, name="openpyxl", media_types=(XLSX_MEDIA_TYPE,), library="openpyxl"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        budget = CellBudget()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                error = too_large_error("XLSX", archive)
            if error:
                return self.failed(error)
            # data_only: the cached result of a formula is what the reader of the sheet saw.
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = workbook.worksheets
                if len(sheets) > limits.max_pages:
                    return self.failed(f"too_many_pages: {len(sheets)} sheets (limit {limits.max_pages})",
                                       page_count=len(sheets))
                pages = tuple(sheet_page(number, sheet.title, sheet.iter_rows(values_only=True), budget)
                              for number, sheet in enumerate(sheets, start=1))
            finally:
                workbook.close()
        except _CORRUPT_ERRORS as exc:
            return self.corrupt(exc)
        return workbook_result(self, pages, limits, budget)

