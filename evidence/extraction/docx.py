"""DOCX text extraction with python-docx, reading the XML in document order.

Evidence in Word is mostly tables (inventories of applications, SOP matrices) interleaved with headings,
and the agency name usually sits in the header; all of it matters to the classifier, in reading order.
python-docx's ``Paragraph.text`` misses text in content controls, tracked insertions and text boxes and
``row.cells`` repeats merged cells, so the walker below reads ``w:t`` itself.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import (
    FormatExtractor,
    ReadLimits,
    non_space_chars,
)
from evidence.media.types import DOCX_MEDIA_TYPE

# A DOCX is a ZIP: refuse one whose parts would expand past this before python-docx loads them all.
MAX_DOCX_EXPANDED_BYTES = 512 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_TBL, _W_TR, _W_TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_W_T, _W_TAB, _W_BR, _W_CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
# Properties hold tab-stop definitions (w:tabs/w:tab), not text; mc:Fallback repeats a text box's text.
_SKIPPED_INLINE = frozenset(
    {f"{_W}pPr", f"{_W}rPr", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
)
# Damaged deflate streams and unknown compression methods surface from zipfile as these.
_CORRUPT_ERRORS = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    etree.XMLSyntaxError,
    zlib.error,
    EOFError,
    NotImplementedError,
)


class DocxExtractor(FormatExtractor, name="python-docx", media_types=(DOCX_MEDIA_TYPE,), library="python-docx"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        try:
            expanded = _expanded_size(data)
            if expanded > MAX_DOCX_EXPANDED_BYTES:
                return self.failed(f"too_large: DOCX parts expand to {expanded} bytes (limit {MAX_DOCX_EXPANDED_BYTES})")
            document = docx.Document(io.BytesIO(data))
        except _CORRUPT_ERRORS as exc:
            return self.corrupt(exc)
        headers, footers = _header_footer_texts(document)
        body = "\n".join(_block_lines(document.element.body))
        text = "\n".join(part for part in (*headers, body, *footers) if part.strip()).strip()
        images = _embedded_image_count(document) if non_space_chars(text) < limits.min_chars_per_page else 0
        return self.single_page(text, limits, needs_ocr=images > 0,
                                why=f"; {images} embedded images (needs OCR)" if images else "")


def _expanded_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _header_footer_texts(document: docx.document.Document) -> tuple[list[str], list[str]]:
    """Each distinct header/footer part once: linked sections reuse the previous section's part."""
    headers: list[str] = []
    footers: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        candidates = (
            (section.first_page_header, headers),
            (section.header, headers),
            (section.even_page_header, headers),
            (section.first_page_footer, footers),
            (section.footer, footers),
            (section.even_page_footer, footers),
        )
        for header_footer, bucket in candidates:
            if header_footer.is_linked_to_previous:
                continue
            part = header_footer.part
            if str(part.partname) in seen:
                continue
            seen.add(str(part.partname))
            text = "\n".join(_block_lines(part.element)).strip()
            if text:
                bucket.append(text)
    return headers, footers


def _embedded_image_count(document: docx.document.Document) -> int:
    return sum(
        1 for part in document.part.package.iter_parts() if str(part.partname).startswith("/word/media/")
    )


def _block_lines(container: etree._Element) -> Iterator[str]:
    """Paragraphs and table rows of a body, cell, header or content control, in document order."""
    for child in container:
        if child.tag == _W_P:
            yield _inline_text(child)
        elif child.tag == _W_TBL:
            yield from _table_lines(child)
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content)
        elif child.tag == _W_CUSTOM_XML:
            yield from _block_lines(child)


def _table_lines(table: etree._Element) -> Iterator[str]:
    """One line per row, cells separated by tabs; a merged cell is one ``w:tc`` so it appears once."""
    for row in table.findall(_W_TR):
        cells = ("\n".join(_block_lines(cell)).strip() for cell in row.findall(_W_TC))
        line = "\t".join(cell for cell in cells if cell)
        if line:
            yield line


def _inline_text(element: etree._Element) -> str:
    parts: list[str] = []
    _collect_inline(element, parts)
    return "".join(parts)


def _collect_inline(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _W_T:
            parts.append(child.text or "")
        elif tag == _W_TAB:
            parts.append("\t")
        elif tag in (_W_BR, _W_CR):
            parts.append("\n")
        elif tag == _W_P:  # a paragraph inside a text box anchored in this one
            parts.append("\n")
            _collect_inline(child, parts)
            parts.append("\n")
        elif isinstance(tag, str) and tag not in _SKIPPED_INLINE:
            _collect_inline(child, parts)
