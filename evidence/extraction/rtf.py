"""RTF text extraction with striprtf.

Word's "Rich Text Format" is still the default export of some regional document systems, and a
``.doc`` that is really RTF is common. Control words must not reach the classifier as text.
"""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import FormatExtractor, ReadLimits
from evidence.extraction.text import normalise_newlines
from evidence.media.types import RTF_MEDIA_TYPE

# striprtf walks the whole document with regular expressions; embedded pictures make RTF files of
# hundreds of megabytes whose text is a few kilobytes. Beyond this size the file is refused.
MAX_RTF_BYTES = 64 * 1024 * 1024


class RtfExtractor(FormatExtractor, name="striprtf", media_types=(RTF_MEDIA_TYPE,), library="striprtf"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        if len(data) > MAX_RTF_BYTES:
            return self.too_large("RTF", len(data), MAX_RTF_BYTES)
        # RTF is 7-bit by definition; latin-1 maps any stray byte to one character without failing.
        source = data.decode("latin-1")
        try:
            text = rtf_to_text(source, encoding="cp1252", errors="replace")
        except (ValueError, IndexError, LookupError, RecursionError) as exc:
            return self.corrupt(exc)
        return self.single_page("\n".join(line.rstrip() for line in normalise_newlines(text).split("\n")).strip(), limits)

