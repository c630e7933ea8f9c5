"""XLSX text extraction with openpyxl (read-only, cached values): sheet names and cell text."""

from __future__ import annotations

import io
import zipfile
import zlib

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    library_version,
    make_result,
    short_detail,
    truncated_warning,
)
from evidence.extraction.container import too_large_error
from evidence.extraction.spreadsheet import CellBudget, sheet_page, workbook_has_text
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


class XlsxExtractor:
    name = "openpyxl"
    media_types: tuple[str, ...] = (XLSX_MEDIA_TYPE,)

    def version(self) -> str:
        return library_version("openpyxl")

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
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                error = too_large_error("XLSX", archive)
            if error:
                return make_result(self, XLSX_MEDIA_TYPE, "failed", error=error)
            # data_only: the cached result of a formula is what the reader of the sheet saw.
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = workbook.worksheets
                if len(sheets) > max_pages:
                    error = f"too_many_pages: {len(sheets)} sheets (limit {max_pages})"
                    return make_result(self, XLSX_MEDIA_TYPE, "failed", page_count=len(sheets), error=error)
                pages = tuple(
                    sheet_page(number, sheet.title, sheet.iter_rows(values_only=True), budget)
                    for number, sheet in enumerate(sheets, start=1)
                )
            finally:
                workbook.close()
        except _CORRUPT_ERRORS as exc:
            error = f"corrupt: {type(exc).__name__}: {short_detail(exc)}"
            return make_result(self, XLSX_MEDIA_TYPE, "failed", error=error)
        warnings = (truncated_warning("cells", budget.limit),) if budget.exhausted else ()
        if not workbook_has_text(pages, min_chars_per_page):
            return make_result(
                self,
                XLSX_MEDIA_TYPE,
                "no_text",
                pages=pages,
                page_count=len(pages),
                error="no_text: workbook has no cell text",
                warnings=warnings,
            )
        return make_result(self, XLSX_MEDIA_TYPE, "ok", pages=pages, page_count=len(pages), warnings=warnings)
