"""A PNG of one PDF page with the evidence sentences highlighted, so a reviewer can check "hlm. 2"
without downloading the file.

Why pypdfium2 (already a dependency for OCR): it renders and it locates text on the page, so the highlight
sits on the words the classifier quoted. The sentences were extracted by another library and may differ in
whitespace or hyphenation, so each sentence is searched in short runs of words; every run found is marked.
PDFium is not thread-safe: one lock serialises rendering within the process.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

MAX_WIDTH_PX = 1100
MAX_HEIGHT_PX = 3000  # a crafted page of 1 x 100000 points must not become a gigabyte bitmap
HIGHLIGHT_RGBA = (255, 214, 0, 110)
OUTLINE_RGBA = (214, 120, 0, 255)
WORDS_PER_RUN = 4
_LOCK = threading.Lock()


class PreviewError(ValueError):
    """The page cannot be rendered (not a PDF, page out of range, unreadable file)."""


def _runs(sentence: str) -> list[str]:
    """The sentence in runs of a few words: short enough to survive line breaks, long enough to be unique."""
    words = [w for w in re.split(r"\s+", sentence.strip()) if w]
    if len(words) <= WORDS_PER_RUN:
        return [" ".join(words)] if words else []
    return [" ".join(words[i:i + WORDS_PER_RUN]) for i in range(0, len(words) - WORDS_PER_RUN + 1, WORDS_PER_RUN)]


def _boxes(textpage: pdfium.PdfTextPage, sentences: Sequence[str]) -> list[tuple[float, float, float, float]]:
    """PDF-space rectangles (left, bottom, right, top) of every run of every sentence found on the page."""
    boxes: list[tuple[float, float, float, float]] = []
    for sentence in sentences:
        for run in _runs(sentence):
            searcher = textpage.search(run, match_case=False)
            hit = searcher.get_next()
            if hit is None:
                continue
            index, count = hit
            for i in range(textpage.count_rects(index, count)):
                boxes.append(textpage.get_rect(i))
    return boxes


def render_page_png(pdf_path: Path, page_number: int, sentences: Sequence[str] = ()) -> tuple[bytes, int]:
    """(PNG bytes, number of highlighted rectangles) of ``page_number`` (1-based)."""
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(str(pdf_path))
        except pdfium.PdfiumError as exc:
            raise PreviewError(str(exc)) from None
        try:
            if not 1 <= page_number <= len(pdf):
                raise PreviewError(f"page {page_number} of {len(pdf)}")
            page = pdf[page_number - 1]
            width, height = page.get_size()
            scale = min(2.0, MAX_WIDTH_PX / max(width, 1.0), MAX_HEIGHT_PX / max(height, 1.0))
            textpage = page.get_textpage()
            boxes = _boxes(textpage, sentences)
            image = page.render(scale=scale).to_pil().convert("RGBA")
            textpage.close()
            page.close()
        finally:
            pdf.close()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for left, bottom, right, top in boxes:
        rect = (left * scale - 2, (height - top) * scale - 2, right * scale + 2, (height - bottom) * scale + 2)
        draw.rectangle(rect, fill=HIGHLIGHT_RGBA, outline=OUTLINE_RGBA, width=2)
    out = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(out, format="PNG", optimize=False)
    return out.getvalue(), len(boxes)
