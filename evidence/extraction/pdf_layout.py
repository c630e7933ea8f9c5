"""The cheap test that decides, per PDF page, whether pdfplumber's table reading is worth its cost.

pdfium reads a page's text layer 50-60x faster than pdfplumber and gives the same words (measured on the
real Pemda PDFs, see ``tests/evidence/extraction/test_pdf_real.py``). What it does not give is the row
structure of a table: an RKA budget form, an asset register (KIB) or a spreadsheet exported to PDF comes
out cell by cell, so an activity name and its budget line drift apart. Such pages are drawn with ruling
lines: many thin horizontal and vertical path objects. Counting them needs only the page's object list
(no layout analysis), so every page can be tested for well under a millisecond.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A rule is a path object at most this thick (points) ...
RULE_MAX_THICKNESS = 3.0
# ... and at least this long (points): shorter strokes are glyph-like decoration, underlines of a word.
RULE_MIN_LENGTH = 12.0
# A grid: several rows and at least two column separators. Letterheads (kop surat) have one or two
# horizontal rules and no vertical ones; signature blocks none.
MIN_HORIZONTAL_RULES = 4
MIN_VERTICAL_RULES = 2
# Some exporters draw every cell as a filled or stroked rectangle instead of lines.
MIN_CELL_BOXES = 8
# Pages with more objects than this are not inspected object by object (a vector map or a chart);
# they keep the fast path.
MAX_OBJECTS_INSPECTED = 20_000


@dataclass(frozen=True)
class Rulings:
    horizontal: int
    vertical: int
    boxes: int

    @property
    def tabular(self) -> bool:
        """True when the page is drawn as a grid: read it with pdfplumber's table finder."""
        grid = self.horizontal >= MIN_HORIZONTAL_RULES and self.vertical >= MIN_VERTICAL_RULES
        return grid or self.boxes >= MIN_CELL_BOXES


def page_rulings(page: pdfium.PdfPage) -> Rulings:
    """Count thin axis-aligned path objects (rules) and small rectangles (cells) on one page."""
    count = pdfium_c.FPDFPage_CountObjects(page)
    if count <= 0 or count > MAX_OBJECTS_INSPECTED:
        return Rulings(0, 0, 0)
    page_width, page_height = page.get_size()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    horizontal = vertical = boxes = 0
    for index in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if height <= RULE_MAX_THICKNESS and width >= RULE_MIN_LENGTH:
            horizontal += 1
        elif width <= RULE_MAX_THICKNESS and height >= RULE_MIN_LENGTH:
            vertical += 1
        elif (RULE_MIN_LENGTH <= width < page_width * 0.9 and RULE_MIN_LENGTH / 2 <= height < page_height * 0.3
              and pdfium_c.FPDFPath_CountSegments(obj) in (4, 5)):
            boxes += 1  # a single rectangle: one cell
    return Rulings(horizontal, vertical, boxes)
