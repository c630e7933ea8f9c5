"""OCR of scanned PDFs and images with Tesseract (Indonesian + English), page by page.

Signed decrees (SK) are scanned and photographed, so "no text layer" is the normal case for the most
important evidence. This module is the expensive step the OCR queue runs: ``extract`` first (cheap,
keeps any text layer), then every page still marked ``needs_ocr`` is rendered (PDF, via pdfium) or
decoded (image), made upright and deskewed, and read by Tesseract. Each OCR'd page records its mean
word confidence; pages under ``min_confidence`` are flagged for a person to check.

Pages of one long scan are read ``workers`` at a time: pdfium renders them one after another (it is not
thread-safe) and each rendered page is deskewed and handed to its own single-threaded Tesseract process
from a small thread pool, so a 40-page decree uses every core instead of one.

Pure: bytes in, ``ExtractionResult`` out, never raises. Run it through ``extract_isolated(...,
ocr=True)`` to get a hard time and memory limit (Tesseract processes inherit the memory limit and die
with the child's process group).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import pypdfium2 as pdfium
from PIL import Image

from evidence.extraction.base import ExtractionResult, ExtractionStatus, PageText
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    library_version,
    non_space_chars,
    short_detail,
)
from evidence.extraction.image import ImageRejected, iter_frames
from evidence.extraction.imageprep import MAX_OCR_PIXELS, prepare_page
from evidence.extraction.pdf import MAX_TABLE_PAGES
from evidence.extraction.registry import OUT_OF_MEMORY_ERROR, extract
from evidence.extraction.tesseract import (
    OcrPage,
    TesseractError,
    check_available,
    detect_rotation,
    recognise,
    tesseract_version,
)
from evidence.media.types import OCR_IMAGE_MEDIA_TYPES, PDF_MEDIA_TYPE

DEFAULT_LANGUAGES = "ind+eng"
DEFAULT_MIN_CONFIDENCE = 60.0
DEFAULT_DPI = 300
DEFAULT_PAGE_TIMEOUT_SECONDS = 120.0
# About 15 minutes of OCR on one core; longer scans are read in part and marked truncated.
DEFAULT_MAX_OCR_PAGES = 300
OCR_MEDIA_TYPES = frozenset({PDF_MEDIA_TYPE, *OCR_IMAGE_MEDIA_TYPES})
OCR_ENGINE = "tesseract"  # part of the extractor name of every result ocr_document produced
# A first reading this poor may be a page scanned sideways or upside down: ask OSD and read again.
ROTATION_RETRY_CONFIDENCE = 50.0
ROTATION_RETRY_MIN_WORDS = 15


def needs_ocr(result: ExtractionResult) -> bool:
    """True when OCR could add text: a PDF or image with at least one page that has no text layer.

    That is every ``no_text`` scan or image, and also ``ok`` PDFs where only some pages are scanned
    (typically the signed page of a decree). A result that went through ``ocr_document`` is never
    routed again, even when some pages are still unread (OCR failed on them, or a limit was reached).
    """
    return (
        result.status in ("ok", "no_text")
        and result.media_type in OCR_MEDIA_TYPES
        and OCR_ENGINE not in result.extractor
        and any(page.needs_ocr for page in result.pages)
    )


def ocr_document(
    data: bytes,
    filename: str,
    *,
    languages: str = DEFAULT_LANGUAGES,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    dpi: int = DEFAULT_DPI,
    min_chars_per_page: int = 25,
    max_pages: int = 2000,
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
    page_timeout_seconds: float = DEFAULT_PAGE_TIMEOUT_SECONDS,
    deskew: bool = True,
    max_ocr_pages: int = DEFAULT_MAX_OCR_PAGES,
    time_budget_seconds: float | None = None,
    workers: int = 1,
    pdf_table_pages: int = MAX_TABLE_PAGES,
) -> ExtractionResult:
    """Text of every page: the text layer where there is one, OCR where there is not.

    At most ``max_ocr_pages`` pages are OCR'd, and none is started after ``time_budget_seconds``: a
    thousand-page scan then yields the text of its first pages and says so (``truncated:``) instead of
    being killed by the job timeout with nothing to show. Give ``time_budget_seconds`` a margin below the
    hard limit of ``extract_isolated``. ``workers`` pages are OCR'd at the same time.
    """
    base = extract(
        data, filename, min_chars_per_page=min_chars_per_page, max_pages=max_pages, max_image_pixels=max_image_pixels,
        pdf_table_pages=pdf_table_pages,
    )
    if not needs_ocr(base):
        return base
    try:
        check_available(languages)
    except TesseractError as exc:
        return dataclasses.replace(base, status="failed", error=str(exc))
    reader = _PageReader(
        languages, min_confidence, dpi, page_timeout_seconds, deskew, max_ocr_pages, time_budget_seconds,
        max(1, workers),
    )
    try:
        if base.media_type == PDF_MEDIA_TYPE:
            pages, warnings = reader.read_pdf(data, base.pages)
        else:
            pages, warnings = reader.read_image(data, max_image_pixels, max_pages)
    except _DocumentError as exc:
        return dataclasses.replace(base, status="failed", error=str(exc))
    except MemoryError:
        return dataclasses.replace(base, status="failed", error=OUT_OF_MEMORY_ERROR)
    except Exception as exc:  # a renderer or imaging bug on a hostile file: a result, never a crash
        error = f"extractor_error: {type(exc).__name__}: {short_detail(exc)}"
        return dataclasses.replace(base, status="failed", error=error)
    return _summarise(base, pages, warnings, min_chars_per_page, min_confidence)


class _DocumentError(Exception):
    """The whole document cannot be OCR'd (renderer refuses it); carries a ``code: detail`` reason."""


class _PageReader:
    def __init__(
        self,
        languages: str,
        min_confidence: float,
        dpi: int,
        timeout: float,
        deskew: bool,
        max_pages: int,
        time_budget: float | None,
        workers: int = 1,
    ) -> None:
        self.languages = languages
        self.min_confidence = min_confidence
        self.dpi = dpi
        self.timeout = timeout
        self.deskew = deskew
        self.max_pages = max_pages
        self.deadline = time.monotonic() + time_budget if time_budget is not None else None
        self.workers = workers
        self.read = 0
        self.stopped: str | None = None  # why the remaining pages were not OCR'd

    def may_read(self) -> bool:
        """False once the page or time budget is spent; the reason is kept for one warning."""
        if self.read >= self.max_pages:
            self.stopped = f"truncated: OCR of the first {self.max_pages} pages only (page limit)"
        elif self.deadline is not None and time.monotonic() >= self.deadline:
            self.stopped = f"truncated: OCR stopped after {self.read} pages (time budget)"
        return self.stopped is None

    def read_pdf(self, data: bytes, pages: tuple[PageText, ...]) -> tuple[list[PageText], list[str]]:
        warnings: list[str] = []
        result: list[PageText | Future[PageText]] = []
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _DocumentError(_pdfium_error(exc)) from exc
        try:
            with _Pages(self.workers) as pool:
                for page in pages:
                    if not page.needs_ocr or not self.may_read():
                        result.append(page)
                        continue
                    try:
                        image, note = _render(document, page.number - 1, self.dpi)
                    except (pdfium.PdfiumError, ValueError, MemoryError) as exc:
                        warnings.append(f"ocr_error: page {page.number}: render failed: {short_detail(exc)}")
                        result.append(page)
                        continue
                    if note:
                        warnings.append(f"ocr_scaled: page {page.number}: {note}")
                    self.read += 1
                    result.append(pool.submit(self._read, page.number, image, warnings, page.text))
                done = [item.result() if isinstance(item, Future) else item for item in result]
        finally:
            document.close()
        if self.stopped:
            warnings.append(self.stopped)
        return done, warnings

    def read_image(self, data: bytes, max_pixels: int, max_frames: int) -> tuple[list[PageText], list[str]]:
        warnings: list[str] = []
        result: list[PageText] = []
        try:
            with _Pages(self.workers) as pool:
                futures: list[Future[PageText]] = []
                try:
                    frames = iter_frames(data, max_image_pixels=max_pixels, max_frames=max_frames)
                    for number, frame in enumerate(frames, 1):
                        if self.may_read():
                            self.read += 1
                            futures.append(pool.submit(self._read, number, frame, warnings, ""))
                        else:
                            futures.append(_done(PageText(number=number, text="", needs_ocr=True)))
                finally:
                    result.extend(future.result() for future in futures)
        except ImageRejected as exc:
            if not result:
                raise _DocumentError(str(exc)) from exc
            warnings.append(f"ocr_error: frame {len(result) + 1}: {exc}")
        if self.stopped:
            warnings.append(self.stopped)
        return result, warnings

    def _read(self, number: int, image: Image.Image, warnings: list[str], layer_text: str) -> PageText:
        """Deskew and OCR one page; runs on a pool thread (``list.append`` of a warning is thread-safe)."""
        try:
            page, _ = prepare_page(image, deskew=self.deskew)
            reading = self._recognise_upright(page)
        except TesseractError as exc:
            warnings.append(f"ocr_error: page {number}: {exc}")
            return PageText(number=number, text=layer_text, needs_ocr=True)
        # Keep the few characters a page had (a stamp, a page number) when OCR finds nothing better.
        text = reading.text if non_space_chars(reading.text) >= non_space_chars(layer_text) else layer_text
        return PageText(
            number=number,
            text=text,
            needs_ocr=False,
            ocr_confidence=reading.confidence,
            low_confidence=reading.confidence < self.min_confidence,
            engine=OCR_ENGINE,
        )

    def _recognise_upright(self, page: Image.Image) -> OcrPage:
        reading = recognise(page, languages=self.languages, timeout_seconds=self.timeout, dpi=self.dpi)
        if reading.confidence >= ROTATION_RETRY_CONFIDENCE and reading.words >= ROTATION_RETRY_MIN_WORDS:
            return reading
        rotation = detect_rotation(page, timeout_seconds=self.timeout)
        if rotation == 0:
            return reading
        # OSD says "rotate clockwise by N"; PIL rotates counter-clockwise.
        turned = page.rotate(-rotation, expand=True, fillcolor=255)
        second = recognise(turned, languages=self.languages, timeout_seconds=self.timeout, dpi=self.dpi)
        return second if second.score > reading.score else reading


class _Pages:
    """At most ``workers`` pages in Tesseract at once, and at most twice that many rendered and waiting.

    A rendered A4 page at 300 dpi is ~9 MB; without the bound, a 300-page scan would be rendered in full
    before the first page is read. With one worker the page is read in the calling thread.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") if workers > 1 else None
        self.pending: list[Future[PageText]] = []

    def __enter__(self) -> _Pages:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, read: Callable[..., PageText], *args: object) -> Future[PageText]:
        if self.pool is None:
            return _done(read(*args))
        self.pending = [f for f in self.pending if not f.done()]
        while len(self.pending) >= 2 * self.workers:
            self.pending[0].result()
            self.pending = [f for f in self.pending if not f.done()]
        future = self.pool.submit(read, *args)
        self.pending.append(future)
        return future


def _done(page: PageText) -> Future[PageText]:
    future: Future[PageText] = Future()
    future.set_result(page)
    return future


def _render(document: pdfium.PdfDocument, index: int, dpi: int) -> tuple[Image.Image, str | None]:
    """Render at ``dpi``, or lower when the page is so large the bitmap would pass MAX_OCR_PIXELS."""
    page = document[index]
    try:
        width, height = page.get_size()  # points
        scale = dpi / 72
        pixels = width * scale * height * scale
        note = None
        if pixels > MAX_OCR_PIXELS:
            scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
            note = f"rendered at {scale * 72:.0f} dpi (page of {width:.0f}x{height:.0f} pt is too large)"
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().convert("L"), note
        finally:
            bitmap.close()
    finally:
        page.close()


def _pdfium_error(exc: Exception) -> str:
    message = short_detail(exc)
    if "password" in message.lower():
        return "encrypted: password required"
    return f"corrupt: {message}"


def _summarise(
    base: ExtractionResult,
    pages: list[PageText],
    warnings: list[str],
    min_chars_per_page: int,
    min_confidence: float,
) -> ExtractionResult:
    ocr_pages = [page for page in pages if page.ocr_confidence is not None]
    low = [page.number for page in pages if page.low_confidence]
    notes = list(w for w in base.warnings if not w.startswith("partial_text:")) + warnings
    if low:
        notes.append(
            f"low_confidence: OCR confidence under {min_confidence:g} on page(s) {_page_list(low)}"
        )
    extractor, version = _names(base)
    chars = sum(non_space_chars(page.text) for page in pages)
    still_missing = sum(1 for page in pages if page.needs_ocr)
    status: ExtractionStatus
    error: str | None
    if chars < min_chars_per_page:
        status = "no_text"
        error = f"no_text: OCR found {chars} characters on {len(ocr_pages)} page(s)"
        if still_missing:
            error += f"; OCR failed on {still_missing} page(s)"
    else:
        status, error = "ok", None
        if still_missing:
            notes.append(f"partial_text: no text on {still_missing} of {len(pages)} pages after OCR")
    return dataclasses.replace(
        base,
        status=status,
        extractor=extractor,
        extractor_version=version,
        pages=tuple(pages),
        page_count=base.page_count or len(pages),
        error=error,
        warnings=tuple(notes),
    )


def _names(base: ExtractionResult) -> tuple[str, str]:
    tesseract = f"tesseract-{tesseract_version() or 'unknown'}"
    if base.media_type == PDF_MEDIA_TYPE:  # "pdfium+tesseract" or "pdfium+pdfplumber+tesseract"
        return f"{base.extractor}+{OCR_ENGINE}", f"{base.extractor_version}; {tesseract}"
    return "tesseract", f"{tesseract}; pillow-{library_version('pillow')}"


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:20])
    return shown + (f" (+{len(numbers) - 20} more)" if len(numbers) > 20 else "")
