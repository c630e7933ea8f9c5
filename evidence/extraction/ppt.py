"""Legacy PowerPoint (.ppt, 97-2003) text extraction from the record stream, in pure Python.

Older socialisation decks are still sent as ``.ppt``. Their text sits in TextCharsAtom (UTF-16) and
TextBytesAtom (8-bit) records inside the "PowerPoint Document" stream; walking the record tree in order
recovers it without an office suite. Master slides (template placeholders such as "Click to edit
Master title style") are skipped. The deck is one page: slide boundaries are not reconstructed.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import (
    ENCRYPTED,
    FormatExtractor,
    ReadLimits,
    short_detail,
)
from evidence.media.ole import open_ole
from evidence.media.types import PPT_MEDIA_TYPE

_TEXT_CHARS_ATOM = 0x0FA0
_TEXT_BYTES_ATOM = 0x0FA8
_MAIN_MASTER = 0x03F8
_CONTAINER_VERSION = 0xF
_HEADER = struct.Struct("<HHI")
MAX_DEPTH = 32
# Slide-number and date fields are stored as "*" in the text atoms.
_FIELD_PLACEHOLDER = "*"


class PptFormatError(ValueError):
    """The file has no PowerPoint Document stream, or its records cannot be followed."""


class PptExtractor(FormatExtractor, name="msppt", media_types=(PPT_MEDIA_TYPE,), library="olefile", prefixed=True):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        try:
            ole = open_ole(data)
            try:
                if ole.exists("EncryptedSummary"):
                    return self.failed(ENCRYPTED)
                if not ole.exists("PowerPoint Document"):
                    raise PptFormatError("no PowerPoint Document stream")
                stream = ole.openstream("PowerPoint Document").read()
            finally:
                ole.close()
        except (PptFormatError, OSError, struct.error) as exc:
            return self.failed(f"corrupt: {short_detail(exc)}")
        lines: list[str] = []
        for text in ppt_texts(stream):
            cleaned = "\n".join(
                line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip() != _FIELD_PLACEHOLDER
            ).strip()
            if cleaned and (not lines or lines[-1] != cleaned):
                lines.append(cleaned)
        return self.single_page("\n".join(lines), limits)


def ppt_texts(stream: bytes) -> Iterator[str]:
    """Text atoms in stream order; a record whose length overruns its parent ends the walk there."""
    yield from _walk(stream, 0, len(stream), 0)


def _walk(stream: bytes, start: int, end: int, depth: int) -> Iterator[str]:
    position = start
    while position + _HEADER.size <= end:
        version_instance, record_type, length = _HEADER.unpack_from(stream, position)
        body = position + _HEADER.size
        if body + length > end:
            return
        if version_instance & 0x000F == _CONTAINER_VERSION:
            if record_type != _MAIN_MASTER and depth < MAX_DEPTH:
                yield from _walk(stream, body, body + length, depth + 1)
        elif record_type == _TEXT_CHARS_ATOM:
            yield stream[body : body + length].decode("utf-16-le", errors="replace")
        elif record_type == _TEXT_BYTES_ATOM:
            yield stream[body : body + length].decode("latin-1")
        position = body + length
