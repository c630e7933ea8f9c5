"""How a deployment extracts: limits, isolation and OCR options, gathered from the settings once.

The pipeline asks two questions of a file — "what is its text?" (cheap, every file) and "what does OCR
read on its scanned pages?" (expensive, only files that need it) — and must not care whether the answer
comes from a child process with hard limits (workers, CLI) or in-process (tests of pure logic).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evidence.extraction.base import ExtractionResult
from evidence.extraction.isolated import IsolatedRun, extract_isolated
from evidence.extraction.ocr import needs_ocr, ocr_document
from evidence.extraction.pdf import MAX_TABLE_PAGES
from evidence.extraction.registry import extract
from evidence.settings import Settings

# Headroom between OCR's own time budget (it stops starting pages) and the hard kill of its child.
OCR_BUDGET_MARGIN_SECONDS = 60


@dataclass(frozen=True)
class ExtractionPolicy:
    min_chars_per_page: int = 25
    max_pages: int = 2000
    max_image_pixels: int = 80_000_000
    isolate: bool = True
    timeout_seconds: float = 120.0
    memory_limit_bytes: int | None = 3 * 1024 * 1024 * 1024
    ocr_enabled: bool = True
    ocr_timeout_seconds: float = 1800.0
    ocr_options: dict[str, Any] = field(default_factory=dict)
    pdf_table_pages: int = MAX_TABLE_PAGES

    @classmethod
    def from_settings(cls, settings: Settings, *, isolate: bool = True) -> ExtractionPolicy:
        return cls(
            min_chars_per_page=settings.min_chars_per_page,
            max_pages=settings.max_pdf_pages,
            max_image_pixels=settings.max_image_pixels,
            isolate=isolate,
            timeout_seconds=settings.extraction_timeout_seconds,
            memory_limit_bytes=settings.extraction_memory_limit_mb * 1024 * 1024,
            ocr_enabled=settings.ocr_enabled,
            ocr_timeout_seconds=settings.ocr_timeout_seconds,
            pdf_table_pages=settings.pdf_table_pages,
            ocr_options={
                "workers": settings.resolved_ocr_page_workers(),
                "languages": settings.ocr_languages,
                "min_confidence": settings.ocr_min_confidence,
                "dpi": settings.ocr_dpi,
                "page_timeout_seconds": settings.ocr_page_timeout_seconds,
                "max_ocr_pages": settings.ocr_max_pages,
            },
        )

    @property
    def _limits(self) -> dict[str, Any]:
        return {"min_chars_per_page": self.min_chars_per_page, "max_pages": self.max_pages,
                "max_image_pixels": self.max_image_pixels, "pdf_table_pages": self.pdf_table_pages}

    def extract(self, data: bytes, filename: str) -> ExtractionResult:
        """The text layer only: fast, for every file."""
        if not self.isolate:
            return extract(data, filename, **self._limits)
        return extract_isolated(data, filename, timeout_seconds=self.timeout_seconds,
                                memory_limit_bytes=self.memory_limit_bytes, **self._limits)

    def wants_ocr(self, result: ExtractionResult) -> bool:
        return self.ocr_enabled and needs_ocr(result)

    def ocr(self, data: bytes, filename: str) -> ExtractionResult:
        """Text layer plus OCR of the pages without one; bounded by its own, longer time limit."""
        if not self.isolate:
            return ocr_document(data, filename, **self._ocr_options)
        return extract_isolated(data, filename, timeout_seconds=self.ocr_timeout_seconds,
                                memory_limit_bytes=self.memory_limit_bytes, ocr=True, **self._ocr_options)

    def read(self, data: bytes, filename: str, *, ocr_now: bool = False) -> ExtractionResult:
        """The one text step of every entry point: the text layer, then OCR when pages lack one.

        ``ocr_now`` skips the cheap pass (the OCR queue's job, whose cheap pass already ran).
        """
        if ocr_now:
            return self.ocr(data, filename)
        result = self.extract(data, filename)
        return self.ocr(data, filename) if self.wants_ocr(result) else result

    @property
    def _ocr_options(self) -> dict[str, Any]:
        budget = max(self.ocr_timeout_seconds - OCR_BUDGET_MARGIN_SECONDS, self.ocr_timeout_seconds / 2)
        return {**self._limits, **self.ocr_options, "time_budget_seconds": budget}

    def start(self, data: bytes, filename: str, *, ocr: bool = False) -> IsolatedRun | ExtractionResult:
        """Begin one step without waiting: a running child (isolated) or, without isolation, the result.

        ``evidence.pipeline.parallel`` runs many at once; the limits are exactly those of ``extract``/``ocr``.
        """
        if not self.isolate:
            return self.ocr(data, filename) if ocr else self.extract(data, filename)
        if ocr:
            return IsolatedRun.start(data, filename, timeout_seconds=self.ocr_timeout_seconds,
                                     memory_limit_bytes=self.memory_limit_bytes, ocr=True, **self._ocr_options)
        return IsolatedRun.start(data, filename, timeout_seconds=self.timeout_seconds,
                                 memory_limit_bytes=self.memory_limit_bytes, **self._limits)
