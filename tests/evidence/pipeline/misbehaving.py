"""A PDF extractor that misbehaves only on files carrying a marker, registered before children fork.

The marker is a PDF comment appended after ``%%EOF`` (readers ignore it): a hostile file among good ones,
so tests can check that limits hold per file when many run side by side.
"""

from __future__ import annotations

import os
import signal
import time

from evidence.extraction import ExtractionResult
from evidence.extraction.pdf import PdfExtractor

MARKERS = (b"%HANG", b"%HOG", b"%SEGV")


def marked(data: bytes, marker: bytes) -> bytes:
    return data + b"\n" + marker + b"\n"


class SelectiveExtractor(PdfExtractor):
    def extract(self, data: bytes, **options: object) -> ExtractionResult:
        tail = data[-16:]
        if b"%HANG" in tail:
            while True:
                time.sleep(0.05)
        if b"%HOG" in tail:
            hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
            raise AssertionError(f"allocated {len(hoard)} blocks past the limit")
        if b"%SEGV" in tail:
            os.kill(os.getpid(), signal.SIGSEGV)
        return super().extract(data, **options)
