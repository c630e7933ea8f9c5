"""OpenDocument (ODT, ODS, ODP) text extraction, reading content.xml and styles.xml with lxml.

LibreOffice is the free office suite many Pemda standardise on, so ODF arrives as often as Word in some
regions. The XML is simple enough to walk directly: no extra library, and the parser runs with entity
expansion and network access off. Text documents give one page; spreadsheets one page per sheet;
presentations one page per slide.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from evidence.extraction.base import ExtractionResult, ExtractionStatus, PageText
from evidence.extraction.common import (
    FormatExtractor,
    ReadLimits,
    non_space_chars,
    short_detail,
)
from evidence.extraction.container import ContainerTooLarge, parse_xml, read_part, too_large_error
from evidence.extraction.spreadsheet import CellBudget
from evidence.media.types import ODP_MEDIA_TYPE, ODS_MEDIA_TYPE, ODT_MEDIA_TYPE

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})
# Page-number fields render as "<number>" placeholders in notes and masters: not document text.
_SKIPPED = frozenset(
    {f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", f"{_TEXT}sequence-decls", f"{_TEXT}page-number"}
)
# Repeated rows/columns are how ODS stores "the rest of the sheet is empty"; a non-empty repeated cell
# is written out at most this many times.
MAX_REPEAT = 100
MAX_DEPTH = 200
_CORRUPT_ERRORS = (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, zlib.error, EOFError)


class OdfExtractor(FormatExtractor, name="odf-xml", media_types=(ODT_MEDIA_TYPE, ODS_MEDIA_TYPE, ODP_MEDIA_TYPE),
                   library="lxml", prefixed=True):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        media_type = ODT_MEDIA_TYPE
        budget = CellBudget()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                media_type = _declared_type(archive)
                error = too_large_error("OpenDocument", archive)
                if error:
                    return self.failed(error, media_type=media_type)
                content = parse_xml(read_part(archive, "content.xml"))
                styles = _optional_part(archive, "styles.xml")
            body = content.find(f"{_OFFICE}body")
            if body is None:
                raise ValueError("content.xml has no office:body")
            pages = _pages(body, styles, budget)
        except ContainerTooLarge as exc:
            return self.failed(f"too_large: {short_detail(exc)}", media_type=media_type)
        except _CORRUPT_ERRORS as exc:
            return self.corrupt(exc, media_type=media_type)
        if len(pages) > limits.max_pages:
            return self.failed(f"too_many_pages: {len(pages)} pages (limit {limits.max_pages})", media_type=media_type,
                               page_count=len(pages))
        warnings = budget.warnings()
        chars = sum(non_space_chars(page.text) for page in pages)
        status: ExtractionStatus = "no_text" if chars < limits.min_chars_per_page else "ok"
        return self.result(status, media_type=media_type, pages=pages, page_count=len(pages), warnings=warnings,
                           error=f"no_text: only {chars} characters of text" if status == "no_text" else None)


def _declared_type(archive: zipfile.ZipFile) -> str:
    try:
        declared = read_part(archive, "mimetype", 200).strip().decode("ascii", "replace")
    except KeyError:
        return ODT_MEDIA_TYPE
    return declared if declared in OdfExtractor.media_types else ODT_MEDIA_TYPE


def _optional_part(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return parse_xml(read_part(archive, name))
    except (KeyError, etree.XMLSyntaxError):
        return None


def _pages(body: etree._Element, styles: etree._Element | None, budget: CellBudget) -> tuple[PageText, ...]:
    spreadsheet = body.find(f"{_OFFICE}spreadsheet")
    if spreadsheet is not None:
        sheets = spreadsheet.findall(f"{_TABLE}table")
        return tuple(
            PageText(number, "\n".join(_sheet_lines(sheet, budget))) for number, sheet in enumerate(sheets, 1)
        )
    presentation = body.find(f"{_OFFICE}presentation")
    if presentation is not None:
        slides = presentation.findall(f"{_DRAW}page")
        return tuple(
            PageText(number, "\n".join(_block_lines(slide, budget, 0))) for number, slide in enumerate(slides, 1)
        )
    text_body = body.find(f"{_OFFICE}text")
    root = text_body if text_body is not None else body
    lines = [*_header_footer_lines(styles, budget), *_block_lines(root, budget, 0)]
    return (PageText(1, "\n".join(line for line in lines if line.strip())),)


def _header_footer_lines(styles: etree._Element | None, budget: CellBudget) -> Iterator[str]:
    """Letterheads live in the master page's header: the agency name the classifier looks for."""
    if styles is None:
        return
    for tag in ("header", "footer"):
        for element in styles.iter(f"{_STYLE}{tag}"):
            yield from _block_lines(element, budget, 0)


def _sheet_lines(sheet: etree._Element, budget: CellBudget) -> Iterator[str]:
    name = sheet.get(f"{_TABLE}name", "")
    if name.strip():
        yield name.strip()
    for row in sheet.iter(f"{_TABLE}table-row"):
        if budget.exhausted:
            return
        cells = []
        for cell in row:
            if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                continue
            text = " ".join(_paragraph_text(p) for p in cell.iter(*_PARAGRAPHS)).strip()
            if text:
                repeat = _repeat(cell.get(f"{_TABLE}number-columns-repeated"))
                cells.extend([text] * budget.take(repeat))
        if cells:
            line = "\t".join(cells)
            repeat = _repeat(row.get(f"{_TABLE}number-rows-repeated"))
            for _ in range(repeat):
                yield line


def _block_lines(container: etree._Element, budget: CellBudget, depth: int) -> Iterator[str]:
    """Paragraphs and table rows in document order; frames and lists are walked into."""
    if depth > MAX_DEPTH:
        return
    for child in container:
        tag = child.tag
        if tag in _PARAGRAPHS:
            text = _paragraph_text(child)
            if text.strip():
                yield text
        elif tag == f"{_TABLE}table":
            for row in child.iter(f"{_TABLE}table-row"):
                cells = [" ".join(_paragraph_text(p) for p in cell.iter(*_PARAGRAPHS)).strip() for cell in row]
                cells = [cell for cell in cells if cell]
                if cells and budget.take(len(cells)):
                    yield "\t".join(cells)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            yield from _block_lines(child, budget, depth + 1)


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    _collect(paragraph, parts, 0)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str], depth: int) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * min(_repeat(child.get(f"{_TEXT}c")), MAX_REPEAT))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif isinstance(tag, str) and tag not in _SKIPPED and depth < MAX_DEPTH:
            _collect(child, parts, depth + 1)
        if child.tail:
            parts.append(child.tail)


def _repeat(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_REPEAT))
    except ValueError:
        return 1
