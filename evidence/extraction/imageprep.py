"""Page images made ready for OCR: greyscale, bounded size, deskewed.

Scanners feed paper a little crooked and phones are held at an angle; Tesseract's line finder loses
words at a few degrees of skew. The skew is estimated on a small binarised copy by maximising the
sharpness of the horizontal projection profile (text lines give peaks), then the page is rotated.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# Tesseract's time grows with pixels; above this the page is scaled down (A4 at 600 dpi is ~35 Mpx).
MAX_OCR_PIXELS = 36_000_000
MAX_SKEW_DEGREES = 6.0
_COARSE_STEP = 0.5
_FINE_STEP = 0.1
_ANALYSIS_WIDTH = 1000
# Tesseract's own line finder copes with a small tilt, and rotating the page (bicubic) costs it a word now
# and then: word recall on generated decree scans (2 pages each, noise 8), deskewed vs read as they are,
# was 0.994/1.000 at 1 deg, 0.996/1.000 at 2 deg, 0.996/0.998 at 3 deg and 0.998/0.996 at 4 deg.
# So only a tilt past 3.5 degrees is corrected (the rotation also costs ~0.2 s a page at 300 dpi).
MIN_CORRECTED_SKEW = 3.5


def prepare_page(image: Image.Image, *, deskew: bool = True) -> tuple[Image.Image, float]:
    """Greyscale page and the rotation applied (degrees counter-clockwise)."""
    page = image if image.mode == "L" else image.convert("L")
    page = bounded(page)
    if not deskew:
        return page, 0.0
    angle = estimate_skew(page)
    if abs(angle) < MIN_CORRECTED_SKEW:
        return page, 0.0
    return page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255), angle


def bounded(page: Image.Image, max_pixels: int = MAX_OCR_PIXELS) -> Image.Image:
    width, height = page.size
    if width * height <= max_pixels:
        return page
    factor = (max_pixels / (width * height)) ** 0.5
    return page.resize((max(1, int(width * factor)), max(1, int(height * factor))), Image.Resampling.LANCZOS)


def estimate_skew(page: Image.Image) -> float:
    """Degrees counter-clockwise that make the text lines horizontal; 0.0 for a blank page."""
    small = _ink_mask(page)
    if small is None:
        return 0.0
    coarse = np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + _COARSE_STEP / 2, _COARSE_STEP)
    best = _best_angle(small, coarse)
    fine = np.arange(best - _COARSE_STEP, best + _COARSE_STEP + _FINE_STEP / 2, _FINE_STEP)
    return round(float(_best_angle(small, fine)), 2)


def _ink_mask(page: Image.Image) -> Image.Image | None:
    width, height = page.size
    scale = min(1.0, _ANALYSIS_WIDTH / max(width, 1))
    small = page.resize((max(1, int(width * scale)), max(1, int(height * scale))), Image.Resampling.BILINEAR)
    pixels = np.asarray(small, dtype=np.uint8)
    threshold = _otsu(pixels)
    ink = pixels < threshold
    if ink.mean() < 0.002 or ink.mean() > 0.6:  # blank page, or a photo with no text lines to align
        return None
    return Image.fromarray((ink * 255).astype(np.uint8))


def _best_angle(mask: Image.Image, angles: np.ndarray) -> float:
    scores = []
    for angle in angles:
        rotated = np.asarray(mask.rotate(float(angle), resample=Image.Resampling.NEAREST, fillcolor=0))
        profile = rotated.sum(axis=1, dtype=np.float64)
        scores.append(float(np.sum(np.diff(profile) ** 2)))
    return float(angles[int(np.argmax(scores))])


def _otsu(pixels: np.ndarray) -> int:
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    weight_background = np.cumsum(histogram)
    weight_foreground = total - weight_background
    cumulative_mean = np.cumsum(histogram * levels)
    mean_total = cumulative_mean[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_total * weight_background - cumulative_mean * total) ** 2 / (
            weight_background * weight_foreground
        )
    between = np.nan_to_num(between)
    return int(np.argmax(between)) + 1
