"""PPTX text extraction with python-pptx: one page per slide, shapes, tables and speaker notes.

Socialisation events, SPBE forum meetings and training sessions are documented with their slide decks;
titles such as "Sosialisasi Arsitektur SPBE" are what the classifier needs.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.exc import PythonPptxError

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import (
    FormatExtractor,
    ReadLimits,
    non_space_chars,
)
from evidence.extraction.container import too_large_error
from evidence.media.types import PPTX_MEDIA_TYPE

_CORRUPT_ERRORS = (
    PythonPptxError,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    etree.XMLSyntaxError,
    zlib.error,
    EOFError,
)
# Group shapes nest; a hostile file could nest them without end.
MAX_GROUP_DEPTH = 20


class PptxExtractor(FormatExtractor, name="python-pptx", media_types=(PPTX_MEDIA_TYPE,), library="python-pptx"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                error = too_large_error("PPTX", archive)
            if error:
                return self.failed(error)
            slides = list(Presentation(io.BytesIO(data)).slides)
            if len(slides) > limits.max_pages:
                return self.failed(f"too_many_pages: {len(slides)} slides (limit {limits.max_pages})",
                                   page_count=len(slides))
            pages = tuple(PageText(number=n, text="\n".join(_slide_lines(slide))) for n, slide in enumerate(slides, 1))
        except _CORRUPT_ERRORS as exc:
            return self.corrupt(exc)
        if not pages:
            return self.result("no_text", page_count=0, error="no_text: no slides")
        chars = sum(non_space_chars(page.text) for page in pages)
        if chars < limits.min_chars_per_page:
            # Slides that are only pictures (photos of the event) would need OCR of the embedded images.
            marked = tuple(PageText(page.number, page.text, needs_ocr=page.chars == 0) for page in pages)
            error = f"no_text: only {chars} characters of text on {len(pages)} slides"
            return self.result("no_text", pages=marked, page_count=len(pages), error=error)
        return self.result("ok", pages=pages, page_count=len(pages))


def _slide_lines(slide: object) -> Iterator[str]:
    yield from _shape_lines(slide.shapes, 0)  # type: ignore[attr-defined]
    if slide.has_notes_slide:  # type: ignore[attr-defined]
        notes = slide.notes_slide.notes_text_frame  # type: ignore[attr-defined]
        if notes is not None and notes.text.strip():
            yield notes.text.strip()


def _shape_lines(shapes: Iterable[object], depth: int) -> Iterator[str]:
    if depth > MAX_GROUP_DEPTH:
        return
    for shape in shapes:
        if getattr(shape, "shape_type", None) == MSO_SHAPE_TYPE.GROUP:
            yield from _shape_lines(shape.shapes, depth + 1)  # type: ignore[attr-defined]
            continue
        if getattr(shape, "has_text_frame", False) and shape.text_frame.text.strip():  # type: ignore[attr-defined]
            yield shape.text_frame.text.strip()  # type: ignore[attr-defined]
        if getattr(shape, "has_table", False):
            for row in shape.table.rows:  # type: ignore[attr-defined]
                cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
                if cells:
                    yield "\t".join(cells)
