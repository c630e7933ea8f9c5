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

from evidence.media.ole import OLE_MAGIC, ole_media_type
from evidence.media.types import (
    BMP_MEDIA_TYPE,
    BZIP2_MEDIA_TYPE,
    DOC_MEDIA_TYPE,
    DOCX_MEDIA_TYPE,
    EMPTY_MEDIA_TYPE,
    ENCRYPTED_OOXML_MEDIA_TYPE,
    GIF_MEDIA_TYPE,
    GZIP_MEDIA_TYPE,
    HEIC_MEDIA_TYPE,
    HTML_MEDIA_TYPE,
    JPEG_MEDIA_TYPE,
    OCTET_MEDIA_TYPE,
    ODP_MEDIA_TYPE,
    ODS_MEDIA_TYPE,
    ODT_MEDIA_TYPE,
    OLE_MEDIA_TYPE,
    PDF_MEDIA_TYPE,
    PNG_MEDIA_TYPE,
    PPT_MEDIA_TYPE,
    PPTX_MEDIA_TYPE,
    RAR_MEDIA_TYPE,
    RTF_MEDIA_TYPE,
    SEVEN_ZIP_MEDIA_TYPE,
    TAR_MEDIA_TYPE,
    TEXT_ENCODINGS,
    TEXT_MEDIA_TYPE,
    TIFF_MEDIA_TYPE,
    WEBP_MEDIA_TYPE,
    XLS_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    XZ_MEDIA_TYPE,
    ZIP_MEDIA_TYPE,
)
from evidence.media.zipdir import declared_entries

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
HTML_HEAD_CHARS = 1024
# An Office file has tens of parts; a ZIP declaring more is listed by intake, not opened here, so that
# sniffing never loads a hostile central directory of millions of entries.
MAX_SNIFFED_ZIP_ENTRIES = 10_000
ODF_MIMETYPE_BYTES = 100

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_MAGICS: tuple[tuple[bytes, str], ...] = (
    (OLE_MAGIC, OLE_MEDIA_TYPE),
    (b"\x89PNG\r\n\x1a\n", PNG_MEDIA_TYPE),
    (b"\xff\xd8\xff", JPEG_MEDIA_TYPE),
    (b"II*\x00", TIFF_MEDIA_TYPE),
    (b"MM\x00*", TIFF_MEDIA_TYPE),
    (b"GIF87a", GIF_MEDIA_TYPE),
    (b"GIF89a", GIF_MEDIA_TYPE),
    (b"7z\xbc\xaf\x27\x1c", SEVEN_ZIP_MEDIA_TYPE),
    (b"Rar!\x1a\x07\x00", RAR_MEDIA_TYPE),
    (b"Rar!\x1a\x07\x01\x00", RAR_MEDIA_TYPE),
    (b"\x1f\x8b", GZIP_MEDIA_TYPE),
    (b"\xfd7zXZ\x00", XZ_MEDIA_TYPE),
    # RTF is text, but extracting it as text would feed control words to the classifier.
    (b"{\\rtf", RTF_MEDIA_TYPE),
)
_BZIP2_BLOCK_MAGICS = (b"\x31\x41\x59\x26\x53\x59", b"\x17\x72\x45\x38\x50\x90")
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})
_TAR_MAGIC_OFFSET = 257
_TEXT_CONTROL_CHARS = frozenset("\t\n\r\f\v")

_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": ODT_MEDIA_TYPE,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS_MEDIA_TYPE,
    b"application/vnd.oasis.opendocument.presentation": ODP_MEDIA_TYPE,
}
_OOXML_MAIN_PARTS = (
    ("word/document.xml", DOCX_MEDIA_TYPE),
    ("xl/workbook.xml", XLSX_MEDIA_TYPE),
    ("ppt/presentation.xml", PPTX_MEDIA_TYPE),
)

_LEGACY_OFFICE = frozenset({OLE_MEDIA_TYPE, ENCRYPTED_OOXML_MEDIA_TYPE, DOC_MEDIA_TYPE, XLS_MEDIA_TYPE})
_EXPECTED_BY_EXTENSION: dict[str, frozenset[str]] = {
    ".pdf": frozenset({PDF_MEDIA_TYPE}),
    ".docx": frozenset({DOCX_MEDIA_TYPE}),
    ".docm": frozenset({DOCX_MEDIA_TYPE}),
    ".xlsx": frozenset({XLSX_MEDIA_TYPE}),
    ".xlsm": frozenset({XLSX_MEDIA_TYPE}),
    ".pptx": frozenset({PPTX_MEDIA_TYPE}),
    ".doc": frozenset({DOC_MEDIA_TYPE, OLE_MEDIA_TYPE}),
    ".dot": frozenset({DOC_MEDIA_TYPE, OLE_MEDIA_TYPE}),
    ".xls": frozenset({XLS_MEDIA_TYPE, OLE_MEDIA_TYPE}),
    ".ppt": frozenset({PPT_MEDIA_TYPE, OLE_MEDIA_TYPE}),
    ".pps": frozenset({PPT_MEDIA_TYPE, OLE_MEDIA_TYPE}),
    ".odt": frozenset({ODT_MEDIA_TYPE}),
    ".ods": frozenset({ODS_MEDIA_TYPE}),
    ".odp": frozenset({ODP_MEDIA_TYPE}),
    ".zip": frozenset({ZIP_MEDIA_TYPE}),
    ".7z": frozenset({SEVEN_ZIP_MEDIA_TYPE}),
    ".rar": frozenset({RAR_MEDIA_TYPE}),
    ".tar": frozenset({TAR_MEDIA_TYPE}),
    ".gz": frozenset({GZIP_MEDIA_TYPE}),
    ".tgz": frozenset({GZIP_MEDIA_TYPE}),
    ".bz2": frozenset({BZIP2_MEDIA_TYPE}),
    ".xz": frozenset({XZ_MEDIA_TYPE}),
    ".rtf": frozenset({RTF_MEDIA_TYPE}),
    ".txt": frozenset({TEXT_MEDIA_TYPE}),
    ".csv": frozenset({TEXT_MEDIA_TYPE}),
    ".html": frozenset({HTML_MEDIA_TYPE}),
    ".htm": frozenset({HTML_MEDIA_TYPE}),
    ".png": frozenset({PNG_MEDIA_TYPE}),
    ".jpg": frozenset({JPEG_MEDIA_TYPE}),
    ".jpeg": frozenset({JPEG_MEDIA_TYPE}),
    ".tif": frozenset({TIFF_MEDIA_TYPE}),
    ".tiff": frozenset({TIFF_MEDIA_TYPE}),
    ".gif": frozenset({GIF_MEDIA_TYPE}),
    ".bmp": frozenset({BMP_MEDIA_TYPE}),
    ".webp": frozenset({WEBP_MEDIA_TYPE}),
    ".heic": frozenset({HEIC_MEDIA_TYPE}),
}
_DAMAGED_CONTAINER_BY_EXTENSION = {
    ".docx": DOCX_MEDIA_TYPE,
    ".docm": DOCX_MEDIA_TYPE,
    ".xlsx": XLSX_MEDIA_TYPE,
    ".xlsm": XLSX_MEDIA_TYPE,
    ".pptx": PPTX_MEDIA_TYPE,
    ".odt": ODT_MEDIA_TYPE,
    ".ods": ODS_MEDIA_TYPE,
    ".odp": ODP_MEDIA_TYPE,
}
_OOXML_EXTENSIONS = frozenset({".docx", ".docm", ".xlsx", ".xlsm", ".pptx"})


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
    if data.startswith(OLE_MAGIC):
        return ole_media_type(data)
    for magic, media_type in _MAGICS:
        if data.startswith(magic):
            return media_type
    special = _sniff_by_structure(data)
    if special is not None:
        return special
    # Only after the other magics: a stored PDF inside a ZIP also has "%PDF-" in its first KiB.
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return PDF_MEDIA_TYPE
    decoded = _text_sample(data[:TEXT_SAMPLE_BYTES])
    if decoded is not None:
        return HTML_MEDIA_TYPE if _looks_like_html(decoded) else TEXT_MEDIA_TYPE
    return OCTET_MEDIA_TYPE


def extension_warning(media_type: str, filename: str) -> str | None:
    """A mismatch is worth telling the reviewer: it often means a wrong upload, not a wrong sniff."""
    extension = file_extension(filename)
    expected = _EXPECTED_BY_EXTENSION.get(extension)
    if expected is None or media_type in expected or media_type == EMPTY_MEDIA_TYPE:
        return None
    hint = ""
    if media_type in _LEGACY_OFFICE and extension in _OOXML_EXTENSIONS:
        hint = " (legacy Office format or a password-protected document)"
    return f"extension_mismatch: {extension} file contains {media_type}{hint}"


def _sniff_by_structure(data: bytes) -> str | None:
    """Formats whose magic is short or not at offset 0, checked with enough structure to avoid text."""
    if data[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + 5] == b"ustar":
        return TAR_MEDIA_TYPE
    if data.startswith(b"BZh") and data[3:4].isdigit() and data[4:10] in _BZIP2_BLOCK_MAGICS:
        return BZIP2_MEDIA_TYPE
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return WEBP_MEDIA_TYPE
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return HEIC_MEDIA_TYPE
    # BMP: "BM", file size, two reserved zero words. The zeros keep text starting with "BM" out.
    if data.startswith(b"BM") and len(data) >= 26 and data[6:10] == b"\x00\x00\x00\x00":
        return BMP_MEDIA_TYPE
    return None


def _sniff_zip(data: bytes, filename: str) -> str:
    entries = declared_entries(data)
    if entries is not None and entries[0] > MAX_SNIFFED_ZIP_ENTRIES:
        return ZIP_MEDIA_TYPE
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return zip_document_type(archive) or ZIP_MEDIA_TYPE
    except Exception:  # BadZipFile, OSError, zlib.error, EOFError ... from damaged bytes
        # Truncated DOCX/XLSX...: let its extractor report it as corrupt rather than "unsupported zip".
        return _DAMAGED_CONTAINER_BY_EXTENSION.get(file_extension(filename), ZIP_MEDIA_TYPE)


def zip_document_type(archive: zipfile.ZipFile) -> str | None:
    """The OOXML or OpenDocument type of a ZIP that is a document, None for a plain archive.

    Raises what zipfile raises on damaged bytes.
    """
    names = {name.lower(): name for name in archive.namelist()}
    for part, media_type in _OOXML_MAIN_PARTS:
        if part in names:
            return media_type
    if "mimetype" in names:
        with archive.open(names["mimetype"]) as stream:
            declared = stream.read(ODF_MIMETYPE_BYTES).strip()
        return _ODF_MIMETYPES.get(declared)
    return None


def _text_sample(sample: bytes) -> str | None:
    """The decoded sample when it reads as text, else None."""
    if b"\x00" in sample:
        return None
    decoded = _decode_sample(sample)
    if decoded is None:
        return None
    if not decoded:
        return decoded
    printable = sum(1 for ch in decoded if ch.isprintable() or ch in _TEXT_CONTROL_CHARS)
    return decoded if printable / len(decoded) >= MIN_PRINTABLE_RATIO else None


def _looks_like_html(text: str) -> bool:
    """Only a document that starts as HTML: a text note quoting a tag stays plain text."""
    head = text[:HTML_HEAD_CHARS].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith(("<?xml", "<!--", "<meta")) and "<html" in head


def _decode_sample(sample: bytes) -> str | None:
    """Decode a prefix; the incremental decoder tolerates a multi-byte character cut at the end."""
    for encoding in TEXT_ENCODINGS:
        try:
            return codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
    return None
