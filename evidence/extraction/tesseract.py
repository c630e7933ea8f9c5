"""Run the Tesseract command line on one image: text and per-word confidence, no temporary files.

The image goes in on stdin and the TSV report comes back on stdout, so nothing is written to disk and
a hung process is killed by the timeout. One call gives both the text (rebuilt from the word boxes in
reading order) and the confidence of every word.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

TESSERACT = "tesseract"
# Tesseract's OpenMP threads fight each other when several OCR jobs run on a small machine; one thread
# per process and one process per page is faster overall (and the job's CPU time stays predictable).
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
_WORD_LEVEL = "5"
_LANGUAGES = re.compile(r"[A-Za-z_]+(?:\+[A-Za-z_]+)*")


class TesseractError(Exception):
    """Carries a ``code: detail`` reason (ocr_unavailable, ocr_error, timeout)."""


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean word confidence 0-100; 0 when no word was found
    words: int

    @property
    def score(self) -> float:
        """Compares two readings of one page (e.g. before and after rotation): confident words win."""
        return self.confidence * self.words


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str | None:
    """``"5.3.0"``, or None when the binary is missing."""
    if shutil.which(TESSERACT) is None:
        return None
    try:
        completed = subprocess.run(
            [TESSERACT, "--version"], capture_output=True, timeout=30, env=_ENV, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = (completed.stdout or completed.stderr).decode("utf-8", "replace").split("\n", 1)[0]
    return first.removeprefix("tesseract").strip() or "unknown"


@functools.lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    try:
        completed = subprocess.run(
            [TESSERACT, "--list-langs"], capture_output=True, timeout=30, env=_ENV, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = completed.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


def check_available(languages: str) -> None:
    """Raise with a reason an operator can act on when Tesseract or a language model is missing."""
    if not _LANGUAGES.fullmatch(languages):
        raise TesseractError(f"ocr_unavailable: invalid language setting {languages!r}")
    if tesseract_version() is None:
        raise TesseractError("ocr_unavailable: tesseract is not installed")
    missing = [lang for lang in languages.split("+") if lang and lang not in installed_languages()]
    if missing:
        raise TesseractError(f"ocr_unavailable: tesseract language data missing: {', '.join(missing)}")


def recognise(image: Image.Image, *, languages: str, timeout_seconds: float, dpi: int = 300) -> OcrPage:
    """OCR one upright page image (mode L or RGB)."""
    command = [TESSERACT, "stdin", "stdout", "-l", languages, "--psm", "3", "--dpi", str(dpi), "tsv"]
    completed = _run(command, _pnm_bytes(image), timeout_seconds)
    return parse_tsv(completed.decode("utf-8", "replace"))


def detect_rotation(image: Image.Image, *, timeout_seconds: float) -> int:
    """Clockwise degrees (0, 90, 180, 270) that make the page upright, from Tesseract's OSD; 0 if unsure."""
    command = [TESSERACT, "stdin", "stdout", "--psm", "0", "-l", "osd"]
    try:
        output = _run(command, _pnm_bytes(image), timeout_seconds).decode("utf-8", "replace")
    except TesseractError:
        return 0  # too little text to decide: not an error, the page is read as it is
    for line in output.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Rotate":
            try:
                return int(value.strip()) % 360
            except ValueError:
                return 0
    return 0


def parse_tsv(tsv: str) -> OcrPage:
    """Rebuild lines from word rows; a new block or paragraph starts a new line, too."""
    lines: list[str] = []
    current_key: tuple[str, str, str] | None = None
    current: list[str] = []
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != _WORD_LEVEL:
            continue
        word = fields[11].strip()
        try:
            confidence = float(fields[10])
        except ValueError:
            continue
        if not word or confidence < 0:
            continue
        key = (fields[2], fields[3], fields[4])
        if key != current_key and current:
            lines.append(" ".join(current))
            current = []
        current_key = key
        current.append(word)
        confidences.append(confidence)
    if current:
        lines.append(" ".join(current))
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(text="\n".join(lines), confidence=round(mean, 1), words=len(confidences))


def _run(command: list[str], image_bytes: bytes, timeout_seconds: float) -> bytes:
    try:
        completed = subprocess.run(
            command, input=image_bytes, capture_output=True, timeout=timeout_seconds, env=_ENV, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise TesseractError(f"timeout: OCR of one page exceeded {timeout_seconds:g} s") from exc
    except OSError as exc:
        raise TesseractError(f"ocr_unavailable: {exc.strerror or exc}") from exc
    if completed.returncode != 0:
        detail = " ".join(completed.stderr.decode("utf-8", "replace").split())[-200:]
        raise TesseractError(f"ocr_error: tesseract exit {completed.returncode}: {detail}")
    return completed.stdout


def _pnm_bytes(image: Image.Image) -> bytes:
    """PNM is the cheapest format for Leptonica to read from memory: no compression either way."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()
