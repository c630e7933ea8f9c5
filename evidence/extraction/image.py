"""Images (scans, phone photos): checked to be readable and of sane size, then marked for OCR.

Decoding an image is cheap next to OCR, so the fast extraction path decodes the first frame to catch
truncated and corrupt files early and reports ``no_text`` with every frame marked ``needs_ocr``; the OCR
job (``evidence.extraction.ocr``) does the expensive part on its own queue.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import FormatExtractor, ReadLimits, short_detail
from evidence.media.types import OCR_IMAGE_MEDIA_TYPES


class ImageRejected(Exception):
    """Carries the ``code: detail`` reason the result should report."""


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int
    frames: int


def image_info(data: bytes, *, max_image_pixels: int, max_frames: int) -> ImageInfo:
    """Header checks, then a full decode of the first frame (truncation shows up only when decoding)."""
    with open_image(data, max_image_pixels) as image:
        width, height = image.size
        frames = int(getattr(image, "n_frames", 1) or 1)
        _check_size(width, height, max_image_pixels)
        if frames > max_frames:
            raise ImageRejected(f"too_many_pages: image has {frames} frames (limit {max_frames})")
        _load(image)
        return ImageInfo(image.format or "unknown", width, height, frames)


def iter_frames(data: bytes, *, max_image_pixels: int, max_frames: int) -> Iterator[Image.Image]:
    """Each frame upright (EXIF orientation applied: phone photos are stored sideways) as RGB or L."""
    with open_image(data, max_image_pixels) as image:
        frames = int(getattr(image, "n_frames", 1) or 1)
        if frames > max_frames:
            raise ImageRejected(f"too_many_pages: image has {frames} frames (limit {max_frames})")
        for index in range(frames):
            image.seek(index)
            _check_size(*image.size, max_image_pixels)
            _load(image)
            frame = ImageOps.exif_transpose(image) or image
            yield frame.convert("L") if frame.mode not in ("L", "RGB") else frame.copy()


def open_image(data: bytes, max_image_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Image.open(io.BytesIO(data))
    except UnidentifiedImageError as exc:
        raise ImageRejected("corrupt: not a readable image") from exc
    except Image.DecompressionBombError as exc:  # Pillow's own guard, above twice its MAX_IMAGE_PIXELS
        raise ImageRejected(f"too_large: image exceeds {max_image_pixels} pixels ({short_detail(exc)})") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected(f"corrupt: {type(exc).__name__}: {short_detail(exc)}") from exc


def _check_size(width: int, height: int, max_image_pixels: int) -> None:
    if width <= 0 or height <= 0:
        raise ImageRejected(f"corrupt: image of {width}x{height} pixels")
    if width * height > max_image_pixels:
        raise ImageRejected(
            f"too_large: image of {width}x{height} pixels exceeds {max_image_pixels} pixels"
        )


def _load(image: Image.Image) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image.load()
    except Image.DecompressionBombError as exc:
        raise ImageRejected(f"too_large: {short_detail(exc)}") from exc
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
        raise ImageRejected(f"corrupt: {type(exc).__name__}: {short_detail(exc)}") from exc


class ImageExtractor(FormatExtractor, name="pillow", media_types=tuple(sorted(OCR_IMAGE_MEDIA_TYPES)), library="pillow"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        media_type = _media_type(data)
        try:
            info = image_info(data, max_image_pixels=limits.max_image_pixels, max_frames=limits.max_pages)
        except ImageRejected as exc:
            return self.failed(str(exc), media_type=media_type)
        pages = tuple(PageText(number=n, text="", needs_ocr=True) for n in range(1, info.frames + 1))
        error = f"no_text: {info.format} image of {info.width}x{info.height} pixels (needs OCR)"
        return self.result("no_text", media_type=media_type, pages=pages, page_count=info.frames, error=error)


def _media_type(data: bytes) -> str:
    """The registry overwrites this with the sniffed type; standalone use still gets a sensible one."""
    from evidence.media.sniff import sniff_media_type

    return sniff_media_type(data, "")
