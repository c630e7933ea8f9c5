"""Small helpers every extractor needs, kept in one place so results and messages look alike."""

from __future__ import annotations

import functools
import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from evidence.extraction.base import ExtractionResult, ExtractionStatus, Extractor, PageText

MAX_DETAIL_CHARS = 200
ENCRYPTED = "encrypted: password required"  # OLE formats and workbooks that need a password

# Images larger than this are refused before decoding: a 20000 x 20000 PNG is 1.2 GB of RGB pixels.
# An A4 page at 600 dpi is 35 Mpx, a 50 Mpx phone photo is the biggest honest input we expect.
DEFAULT_MAX_IMAGE_PIXELS = 80_000_000


@functools.lru_cache(maxsize=64)
def library_version(distribution: str) -> str:
    """A result must say which library produced it, so re-extraction after an upgrade can be targeted.

    Cached: reading the installed package's metadata costs ~0.3 ms, more than reading a PDF page.
    """
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def stdlib_version() -> str:
    """For results decided by the standard library alone (text decoding, sniffing)."""
    return f"python-{platform.python_version()}"


def non_space_chars(text: str) -> int:
    """Whitespace does not make a document readable, so thresholds count everything else.

    ``str.split()`` splits on exactly the characters ``str.isspace`` names, in C: ~20x faster than a
    Python loop over characters, which cost more than pdfium's reading of the page.
    """
    return sum(map(len, text.split()))


def short_detail(exc: BaseException) -> str:
    """One line, bounded: the detail ends up in a report table cell, not in a log."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    if len(message) > MAX_DETAIL_CHARS:
        message = message[: MAX_DETAIL_CHARS - 3] + "..."
    return message


def truncated_warning(what: str, limit: int) -> str:
    """Huge spreadsheets are read up to a bound; the reviewer must know the text is partial."""
    return f"truncated: read the first {limit} {what}"


def make_result(
    extractor: Extractor,
    media_type: str,
    status: ExtractionStatus,
    *,
    pages: tuple[PageText, ...] = (),
    page_count: int | None = None,
    error: str | None = None,
    warnings: tuple[str, ...] = (),
) -> ExtractionResult:
    """Stamp the extractor's name and version on every result, whatever the outcome."""
    return ExtractionResult(
        status=status,
        extractor=extractor.name,
        extractor_version=extractor.version(),
        media_type=media_type,
        pages=pages,
        page_count=page_count,
        error=error,
        warnings=warnings,
    )


@dataclass(frozen=True)
class ReadLimits:
    """What one extraction may read: the ``extract`` keyword arguments every format takes."""

    min_chars_per_page: int = 25
    max_pages: int = 2000
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS


class FormatExtractor:
    """What every format's extractor shares, so each module holds only what its format needs.

    A subclass names itself in its class line (``name``, ``media_types``, ``library`` whose version stamps
    the results, ``prefixed`` when the stamp names the library) and implements ``read``; the helpers give
    every result the same fields and the same wording of the common reasons.
    """

    name: str
    media_types: tuple[str, ...]
    library: str
    prefixed: bool

    def __init_subclass__(cls, *, name: str, media_types: tuple[str, ...], library: str = "",
                          prefixed: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.name, cls.media_types, cls.library, cls.prefixed = name, media_types, library, prefixed

    def version(self) -> str:
        found = library_version(self.library)
        return f"{self.library}-{found}" if self.prefixed else found

    def extract(self, data: bytes, *, min_chars_per_page: int = 25, max_pages: int = 2000,
                max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS) -> ExtractionResult:
        return self.read(data, ReadLimits(min_chars_per_page, max_pages, max_image_pixels))

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        raise NotImplementedError

    def result(self, status: ExtractionStatus, *, media_type: str | None = None, pages: tuple[PageText, ...] = (),
               page_count: int | None = None, error: str | None = None,
               warnings: tuple[str, ...] = ()) -> ExtractionResult:
        """A result stamped with this extractor; ``media_type`` defaults to the format's first."""
        return make_result(self, media_type or self.media_types[0], status, pages=pages, page_count=page_count,
                           error=error, warnings=warnings)

    def failed(self, error: str, *, media_type: str | None = None, page_count: int | None = None) -> ExtractionResult:
        return self.result("failed", media_type=media_type, page_count=page_count, error=error)

    def corrupt(self, exc: BaseException, *, media_type: str | None = None) -> ExtractionResult:
        """The library could not parse the file: its exception's name and message, for a technician."""
        return self.failed(f"corrupt: {type(exc).__name__}: {short_detail(exc)}", media_type=media_type)

    def too_large(self, what: str, size: int, limit: int) -> ExtractionResult:
        return self.failed(f"too_large: {what} of {size} bytes (limit {limit})")

    def single_page(self, text: str, limits: ReadLimits, *, needs_ocr: bool = False, why: str = "") -> ExtractionResult:
        """A format without pages: ``ok`` with one page, or ``no_text`` under the minimum of characters
        (``needs_ocr`` when pictures may hold the text, ``why`` added to the reason)."""
        chars = non_space_chars(text)
        if chars < limits.min_chars_per_page:
            page = PageText(number=1, text=text, needs_ocr=needs_ocr)
            return self.result("no_text", pages=(page,), error=f"no_text: only {chars} characters of text{why}")
        return self.result("ok", pages=(PageText(number=1, text=text),))
