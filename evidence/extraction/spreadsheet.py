"""What every spreadsheet extractor shares: how a cell reads as text, and one page per sheet.

Budget pages (RKA/DPA), application inventories and SPBE self-assessment sheets arrive as workbooks.
The classifier needs the sheet names (often "Inventaris Aplikasi", "Anggaran TIK") and the cell text
in reading order; one page per sheet keeps page numbers meaningful in the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import FormatExtractor, ReadLimits, non_space_chars, truncated_warning

# A workbook is read up to this many non-empty cells; beyond that the text is marked truncated.
MAX_CELLS = 300_000


def cell_text(value: object) -> str:
    """Numbers without a spurious ".0", dates in ISO form, everything else as written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


class CellBudget:
    """Counts cells across the whole workbook so a million-row sheet cannot exhaust memory."""

    def __init__(self, limit: int = MAX_CELLS) -> None:
        self.limit = limit
        self.used = 0

    @property
    def exhausted(self) -> bool:
        return self.used >= self.limit

    def warnings(self) -> tuple[str, ...]:
        """The result's warning when the budget ran out: the reviewer must know the text is partial."""
        return (truncated_warning("cells", self.limit),) if self.exhausted else ()

    def take(self, count: int) -> int:
        granted = max(0, min(count, self.limit - self.used))
        self.used += granted
        return granted


def sheet_page(number: int, name: str, rows: Iterable[Iterable[object]], budget: CellBudget) -> PageText:
    """The sheet name as the first line, then one line per non-empty row, cells separated by tabs."""
    lines = [name.strip()] if name.strip() else []
    for row in rows:
        if budget.exhausted:
            break
        cells = [text for value in row if (text := cell_text(value))]
        cells = cells[: budget.take(len(cells))]
        if cells:
            lines.append("\t".join(cells))
    text = "\n".join(lines)
    return PageText(number=number, text=text)


def workbook_has_text(pages: tuple[PageText, ...], min_chars: int) -> bool:
    return sum(non_space_chars(page.text) for page in pages) >= min_chars


def workbook_result(extractor: FormatExtractor, pages: tuple[PageText, ...], limits: ReadLimits,
                    budget: CellBudget) -> ExtractionResult:
    """A workbook's sheets as pages: ``ok``, or ``no_text`` when no cell holds the minimum of text."""
    if not workbook_has_text(pages, limits.min_chars_per_page):
        return extractor.result("no_text", pages=pages, page_count=len(pages), error="no_text: workbook has no cell text",
                                warnings=budget.warnings())
    return extractor.result("ok", pages=pages, page_count=len(pages), warnings=budget.warnings())
