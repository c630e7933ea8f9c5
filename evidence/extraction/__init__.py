"""Text extraction from evidence files: bytes in, ``ExtractionResult`` out, never an exception."""

from evidence.extraction.base import ExtractionResult, ExtractionStatus, Extractor, PageText
from evidence.extraction.registry import extract

__all__ = ["ExtractionResult", "ExtractionStatus", "Extractor", "PageText", "extract"]
