"""OLE compound files (legacy .doc/.xls/.ppt): which Office application wrote one, and its streams.

The OLE magic alone says only "some legacy Office file"; the stream names tell a Word document from a
workbook, a slide deck or a password-protected OOXML file, and each needs a different answer.
"""

from __future__ import annotations

import io
import logging

import olefile

from evidence.media.types import (
    DOC_MEDIA_TYPE,
    ENCRYPTED_OOXML_MEDIA_TYPE,
    OLE_MEDIA_TYPE,
    PPT_MEDIA_TYPE,
    XLS_MEDIA_TYPE,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Checked in this order: an encrypted OOXML package may also carry other streams.
_STREAM_MEDIA_TYPES: tuple[tuple[str, str], ...] = (
    ("encryptedpackage", ENCRYPTED_OOXML_MEDIA_TYPE),
    ("worddocument", DOC_MEDIA_TYPE),
    ("workbook", XLS_MEDIA_TYPE),
    ("book", XLS_MEDIA_TYPE),
    ("powerpoint document", PPT_MEDIA_TYPE),
)

# olefile logs every defect it tolerates; a hostile file would flood the worker log.
logging.getLogger("olefile").setLevel(logging.CRITICAL)


def open_ole(data: bytes) -> olefile.OleFileIO:
    """Raises ``OSError`` (olefile's "not an OLE2 structured storage file") or ValueError-likes."""
    return olefile.OleFileIO(io.BytesIO(data))


def ole_media_type(data: bytes) -> str:
    """The Office media type from the top-level stream names, or the generic OLE type."""
    try:
        ole = open_ole(data)
    except Exception:  # truncated or damaged: the generic type makes extraction say "unsupported"
        return OLE_MEDIA_TYPE
    try:
        names = {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=False)}
    except Exception:
        return OLE_MEDIA_TYPE
    finally:
        ole.close()
    for stream, media_type in _STREAM_MEDIA_TYPES:
        if stream in names:
            return media_type
    return OLE_MEDIA_TYPE


def ole_readable(data: bytes) -> bool:
    """Whether the compound-file structure opens at all (a truncated .doc does not)."""
    try:
        open_ole(data).close()
    except Exception:
        return False
    return True
