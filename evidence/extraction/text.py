"""Plain-text extraction, and the one text decoder the sniffer shares.

OPD staff save notes and CSV exports from Windows tools, so cp1252 is as likely as UTF-8; a BOM from
Notepad must not end up as a stray character in the first word.
"""

from __future__ import annotations

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import FormatExtractor, ReadLimits, non_space_chars, stdlib_version
from evidence.media.types import TEXT_ENCODINGS, TEXT_MEDIA_TYPE

# utf-8-sig also decodes BOM-less UTF-8; cp1252 comes last because it accepts almost any byte string.


def decode_text(data: bytes) -> tuple[str, str] | None:
    """Return ``(text, encoding)`` for the first encoding that decodes strictly, else None."""
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n`` so page text compares equal across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TextExtractor(FormatExtractor, name="text", media_types=(TEXT_MEDIA_TYPE,)):
    """Decoding lives in the standard library, so the version recorded is Python's."""

    def version(self) -> str:
        return stdlib_version()

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        decoded = decode_text(data)
        if decoded is None:
            return self.failed("corrupt: text is not valid UTF-8 or cp1252")
        text, encoding = decoded
        text = normalise_newlines(text)
        warnings = () if encoding == "utf-8-sig" else (f"encoding: decoded as {encoding}",)
        if non_space_chars(text) == 0:
            return self.result("no_text", error="no_text: file contains only whitespace", warnings=warnings)
        return self.result("ok", pages=(PageText(number=1, text=text),), warnings=warnings)

