"""Media types by name: what the sniffer can tell a file is, and what extractors and intake speak of."""

from __future__ import annotations

# Text files are decoded with the first of these that fits (a BOM'd UTF-8 note, a Windows-1252 memo).
TEXT_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "cp1252")

PDF_MEDIA_TYPE = "application/pdf"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT_MEDIA_TYPE = "text/plain"
ZIP_MEDIA_TYPE = "application/zip"
OLE_MEDIA_TYPE = "application/x-ole-storage"
RTF_MEDIA_TYPE = "application/rtf"
OCTET_MEDIA_TYPE = "application/octet-stream"
EMPTY_MEDIA_TYPE = "application/x-empty"
HTML_MEDIA_TYPE = "text/html"
# Office formats: OOXML and OpenDocument are ZIPs, the legacy ones OLE compound files.
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
ODS_MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
ODP_MEDIA_TYPE = "application/vnd.oasis.opendocument.presentation"
DOC_MEDIA_TYPE = "application/msword"
XLS_MEDIA_TYPE = "application/vnd.ms-excel"
PPT_MEDIA_TYPE = "application/vnd.ms-powerpoint"
# An OOXML file saved with a password is an OLE container holding an "EncryptedPackage" stream.
ENCRYPTED_OOXML_MEDIA_TYPE = "application/x-ooxml-encrypted"
# Images (scans and phone photos): no text layer, so they go to OCR.
PNG_MEDIA_TYPE = "image/png"
JPEG_MEDIA_TYPE = "image/jpeg"
TIFF_MEDIA_TYPE = "image/tiff"
GIF_MEDIA_TYPE = "image/gif"
BMP_MEDIA_TYPE = "image/bmp"
WEBP_MEDIA_TYPE = "image/webp"
HEIC_MEDIA_TYPE = "image/heic"
OCR_IMAGE_MEDIA_TYPES = frozenset(
    {PNG_MEDIA_TYPE, JPEG_MEDIA_TYPE, TIFF_MEDIA_TYPE, GIF_MEDIA_TYPE, BMP_MEDIA_TYPE, WEBP_MEDIA_TYPE}
)
# Archives: intake expands them; extraction reports them as unsupported.
SEVEN_ZIP_MEDIA_TYPE = "application/x-7z-compressed"
RAR_MEDIA_TYPE = "application/vnd.rar"
TAR_MEDIA_TYPE = "application/x-tar"
GZIP_MEDIA_TYPE = "application/gzip"
BZIP2_MEDIA_TYPE = "application/x-bzip2"
XZ_MEDIA_TYPE = "application/x-xz"
ARCHIVE_MEDIA_TYPES = frozenset(
    {
        ZIP_MEDIA_TYPE,
        SEVEN_ZIP_MEDIA_TYPE,
        RAR_MEDIA_TYPE,
        TAR_MEDIA_TYPE,
        GZIP_MEDIA_TYPE,
        BZIP2_MEDIA_TYPE,
        XZ_MEDIA_TYPE,
    }
)
