"""pdfplumber, kept for the one thing pdfium's text layer lacks: the rows of a ruled table.

An RKA/DPA budget form, an asset register or a spreadsheet exported to PDF read by pdfium comes out cell
by cell in drawing order; here each table row becomes one line (``cell | cell | cell``), so an activity
and its budget figures stay together for the classifier and for a reviewer reading the text. Text outside
the tables (the form's header, signatures) follows in pdfplumber's reading order. Only pages that
``pdf_layout.page_rulings`` flags are opened here: pdfplumber costs ~50-100 ms a page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from contextlib import suppress

import pdfplumber
from pdfplumber.page import Page

from evidence.extraction.common import short_detail

CELL_SEPARATOR = " | "


def table_texts(data: bytes, page_numbers: Iterable[int]) -> tuple[dict[int, str], list[str]]:
    """Text of the given 1-based pages with tables row by row; pages that fail are left out, with a warning.

    Never raises: the caller keeps pdfium's text for any page missing from the answer.
    """
    texts: dict[int, str] = {}
    warnings: list[str] = []
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfium read it; a pdfplumber failure only loses the table rows
        return texts, [f"table_error: pdfplumber could not open the file: {type(exc).__name__}: {short_detail(exc)}"]
    try:
        pages = pdf.pages
        for number in page_numbers:
            page = pages[number - 1]
            try:
                texts[number] = _page_text(page)
            except Exception as exc:
                warnings.append(f"table_error: page {number}: {type(exc).__name__}: {short_detail(exc)}")
            finally:
                page.close()  # pdfplumber caches layout objects (~3.6 MB a page)
    except Exception as exc:
        warnings.append(f"table_error: {type(exc).__name__}: {short_detail(exc)}")
    finally:
        with suppress(Exception):
            pdf.close()
    return texts, warnings


def _page_text(page: Page) -> str:
    tables = page.find_tables()
    if not tables:
        return page.extract_text() or ""
    boxes = [table.bbox for table in tables]

    def outside(obj: dict) -> bool:
        x, top = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and t <= top <= b for x0, t, x1, b in boxes)

    parts = [page.filter(outside).extract_text() or ""]
    for table in tables:
        for row in table.extract():
            cells = [" ".join((cell or "").split()) for cell in row]
            line = CELL_SEPARATOR.join(cell for cell in cells if cell)
            if line:
                parts.append(line)
    return "\n".join(part for part in parts if part)
