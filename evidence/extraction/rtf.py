"""RTF text extraction with striprtf.

Word's "Rich Text Format" is still the default export of some regional document systems, and a
``.doc`` that is really RTF is common. Control words must not reach the classifier as text.
"""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    library_version,
    make_result,
    non_space_chars,
    short_detail,
)
from evidence.extraction.text import normalise_newlines
from evidence.media.types import RTF_MEDIA_TYPE

# striprtf walks the whole document with regular expressions; embedded pictures make RTF files of
# hundreds of megabytes whose text is a few kilobytes. Beyond this size the file is refused.
MAX_RTF_BYTES = 64 * 1024 * 1024


class RtfExtractor:
    name = "striprtf"
    media_types: tuple[str, ...] = (RTF_MEDIA_TYPE,)

    def version(self) -> str:
        return library_version("striprtf")

    def extract(
        self,
        data: bytes,
        *,
        min_chars_per_page: int = 25,
        max_pages: int = 2000,
        max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
    ) -> ExtractionResult:
        if len(data) > MAX_RTF_BYTES:
            error = f"too_large: RTF of {len(data)} bytes (limit {MAX_RTF_BYTES})"
            return make_result(self, RTF_MEDIA_TYPE, "failed", error=error)
        # RTF is 7-bit by definition; latin-1 maps any stray byte to one character without failing.
        source = data.decode("latin-1")
        try:
            text = rtf_to_text(source, encoding="cp1252", errors="replace")
        except (ValueError, IndexError, LookupError, RecursionError) as exc:
            error = f"corrupt: {type(exc).__name__}: {short_detail(exc)}"
            return make_result(self, RTF_MEDIA_TYPE, "failed", error=error)
        text = "\n".join(line.rstrip() for line in normalise_newlines(text).split("\n")).strip()
        chars = non_space_chars(text)
        if chars < min_chars_per_page:
            page = PageText(number=1, text=text)
            return make_result(
                self, RTF_MEDIA_TYPE, "no_text", pages=(page,), error=f"no_text: only {chars} characters of text"
            )
        return make_result(self, RTF_MEDIA_TYPE, "ok", pages=(PageText(number=1, text=text),))
