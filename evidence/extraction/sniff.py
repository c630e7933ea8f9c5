"""Decide a file's media type from its bytes.

OPD rename files freely (a scan saved as ``.pdf`` that is really a JPEG, a ``.doc`` that is DOCX, a text
note called ``.pdf``), so the extension is only used to warn about a mismatch, never to pick the
extractor.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import PurePosixPath

from evidence.extraction.common import (
    DOCX_MEDIA_TYPE,
    EMPTY_MEDIA_TYPE,
    OCTET_MEDIA_TYPE,
    OLE_MEDIA_TYPE,
    PDF_MEDIA_TYPE,
    RTF_MEDIA_TYPE,
    TEXT_MEDIA_TYPE,
    ZIP_MEDIA_TYPE,
)
from evidence.extraction.text import TEXT_ENCODINGS

__all__ = [
    "DOCX_MEDIA_TYPE",
    "EMPTY_MEDIA_TYPE",
    "OCTET_MEDIA_TYPE",
    "OLE_MEDIA_TYPE",
    "PDF_MEDIA_TYPE",
    "RTF_MEDIA_TYPE",
    "TEXT_MEDIA_TYPE",
    "ZIP_MEDIA_TYPE",
    "extension_warning",
    "file_extension",
    "sniff_media_type",
]

# Acrobat accepts a PDF header anywhere in the first KiB (some scanners prepend junk), so do we.
PDF_HEADER_WINDOW = 1024
TEXT_SAMPLE_BYTES = 64 * 1024
MIN_PRINTABLE_RATIO = 0.95

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE_MEDIA_TYPE),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    # RTF is text, but extracting it as text would feed control words to the classifier.
    (b"{\\rtf", RTF_MEDIA_TYPE),
)
_TEXT_CONTROL_CHARS = frozenset("\t\n\r\f\v")

_EXPECTED_BY_EXTENSION: dict[str, frozenset[str]] = {
    ".pdf": frozenset({PDF_MEDIA_TYPE}),
    ".docx": frozenset({DOCX_MEDIA_TYPE}),
    ".doc": frozenset({OLE_MEDIA_TYPE}),
    ".xls": frozenset({OLE_MEDIA_TYPE}),
    ".ppt": frozenset({OLE_MEDIA_TYPE}),
    ".zip": frozenset({ZIP_MEDIA_TYPE}),
    ".xlsx": frozenset({ZIP_MEDIA_TYPE}),
    ".pptx": frozenset({ZIP_MEDIA_TYPE}),
    ".rtf": frozenset({RTF_MEDIA_TYPE}),
    ".txt": frozenset({TEXT_MEDIA_TYPE}),
    ".csv": frozenset({TEXT_MEDIA_TYPE}),
    ".png": frozenset({"image/png"}),
    ".jpg": frozenset({"image/jpeg"}),
    ".jpeg": frozenset({"image/jpeg"}),
    ".tif": frozenset({"image/tiff"}),
    ".tiff": frozenset({"image/tiff"}),
    ".gif": frozenset({"image/gif"}),
}
_OOXML_EXTENSIONS = frozenset({".docx", ".xlsx", ".pptx"})


def file_extension(filename: str) -> str:
    """Lower-case suffix of the last path component; archive paths may use either separator."""
    return PurePosixPath(filename.replace("\\", "/")).suffix.lower()


def sniff_media_type(data: bytes, filename: str) -> str:
    """Media type from content. ``filename`` only breaks the tie for a ZIP too damaged to list."""
    if not data:
        return EMPTY_MEDIA_TYPE
    if data.startswith(b"%PDF-"):
        return PDF_MEDIA_TYPE
    if data.startswith(_ZIP_MAGICS):
        return _sniff_zip(data, filename)
    for magic, media_type in _MAGICS:
        if data.startswith(magic):
            return media_type
    # Only after the other magics: a stored PDF inside a ZIP also has "%PDF-" in its first KiB.
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return PDF_MEDIA_TYPE
    if _looks_like_text(data[:TEXT_SAMPLE_BYTES]):
        return TEXT_MEDIA_TYPE
    return OCTET_MEDIA_TYPE


def extension_warning(media_type: str, filename: str) -> str | None:
    """A mismatch is worth telling the reviewer: it often means a wrong upload, not a wrong sniff."""
    extension = file_extension(filename)
    expected = _EXPECTED_BY_EXTENSION.get(extension)
    if expected is None or media_type in expected or media_type == EMPTY_MEDIA_TYPE:
        return None
    hint = ""
    if media_type == OLE_MEDIA_TYPE and extension in _OOXML_EXTENSIONS:
        hint = " (legacy Office format or a password-protected document)"
    return f"extension_mismatch: {extension} file contains {media_type}{hint}"


def _sniff_zip(data: bytes, filename: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {name.lower() for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # Truncated DOCX: let the DOCX extractor report it as corrupt rather than "unsupported zip".
        return DOCX_MEDIA_TYPE if file_extension(filename) == ".docx" else ZIP_MEDIA_TYPE
    return DOCX_MEDIA_TYPE if "word/document.xml" in names else ZIP_MEDIA_TYPE


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    decoded = _decode_sample(sample)
    if decoded is None:
        return False
    if not decoded:
        return True
    printable = sum(1 for ch in decoded if ch.isprintable() or ch in _TEXT_CONTROL_CHARS)
    return printable / len(decoded) >= MIN_PRINTABLE_RATIO


def _decode_sample(sample: bytes) -> str | None:
    """Decode a prefix; the incremental decoder tolerates a multi-byte character cut at the end."""
    for encoding in TEXT_ENCODINGS:
        try:
            return codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
    return None
