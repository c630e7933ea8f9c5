"""The one interface every format extractor implements, and its result type.

Extractors are pure functions of bytes: no database, no storage, no settings lookups inside, so each
can be tested alone and run in a worker subprocess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

ExtractionStatus = Literal["ok", "no_text", "failed", "unsupported"]


@dataclass(frozen=True)
class PageText:
    number: int  # 1-based
    text: str
    needs_ocr: bool = False
    # Set only on pages whose text came from OCR: Tesseract's mean word confidence (0-100), and whether
    # it is below the configured threshold, so a reviewer knows which pages to check by eye.
    ocr_confidence: float | None = None
    low_confidence: bool = False
    # Which reader produced the text: "pdfium", "pdfplumber-tables" (PDF pages), "tesseract" (OCR); empty
    # for formats with a single reader.
    engine: str = ""

    @property
    def chars(self) -> int:
        return len(self.text.strip())


@dataclass(frozen=True)
class ExtractionResult:
    status: ExtractionStatus
    extractor: str  # e.g. "pdfium", "pdfium+pdfplumber", "pdfium+tesseract"
    extractor_version: str
    media_type: str  # sniffed from the bytes, e.g. "application/pdf"
    pages: tuple[PageText, ...] = ()
    page_count: int | None = None
    error: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)

    @property
    def text_chars(self) -> int:
        return sum(p.chars for p in self.pages)

    @property
    def ocr_pages(self) -> tuple[int, ...]:
        """Numbers of the pages whose text came from OCR."""
        return tuple(p.number for p in self.pages if p.ocr_confidence is not None)

    @property
    def low_confidence_pages(self) -> tuple[int, ...]:
        return tuple(p.number for p in self.pages if p.low_confidence)


class Extractor(Protocol):
    name: str
    media_types: tuple[str, ...]

    def version(self) -> str: ...

    def extract(
        self,
        data: bytes,
        *,
        min_chars_per_page: int = 25,
        max_pages: int = 2000,
        max_image_pixels: int = ...,
    ) -> ExtractionResult: ...
