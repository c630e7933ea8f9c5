"""Read a ZIP's end-of-central-directory record: how many members it declares, before listing them.

``zipfile.ZipFile`` builds a ``ZipInfo`` for every central-directory entry as soon as it opens an
archive, so an archive declaring millions of entries costs gigabytes of memory before any limit in our
code runs. The EOCD record (and its ZIP64 twin) states the entry count and the directory's size in a
few bytes at the end of the file; reading those first lets intake refuse such an archive cheaply.
"""

from __future__ import annotations

import io
import struct
from typing import BinaryIO

_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_EOCD_SIGNATURE = b"PK\x06\x06"
_ZIP64_EOCD_SIZE = 56


def declared_entries(source: bytes | BinaryIO) -> tuple[int, int] | None:
    """``(entries, central_directory_bytes)`` as the archive declares them, or None if no EOCD is found.

    Never raises for malformed input; the caller falls back to zipfile's own error handling.
    """
    stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    try:
        return _declared_entries(stream)
    except (OSError, struct.error, ValueError):
        return None


def _declared_entries(stream: BinaryIO) -> tuple[int, int] | None:
    size = stream.seek(0, io.SEEK_END)
    tail_size = min(size, _EOCD_SIZE + _MAX_COMMENT)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    position = tail.rfind(_EOCD_SIGNATURE)
    if position < 0 or len(tail) - position < _EOCD_SIZE:
        return None
    entries, directory_size = struct.unpack_from("<HI", tail, position + 10)
    if entries != 0xFFFF and directory_size != 0xFFFFFFFF:
        return entries, directory_size
    zip64 = _zip64_entries(stream, size - tail_size + position)
    return zip64 if zip64 is not None else (entries, directory_size)


def _zip64_entries(stream: BinaryIO, eocd_offset: int) -> tuple[int, int] | None:
    locator_offset = eocd_offset - _ZIP64_LOCATOR_SIZE
    if locator_offset < 0:
        return None
    stream.seek(locator_offset)
    locator = stream.read(_ZIP64_LOCATOR_SIZE)
    if not locator.startswith(_ZIP64_LOCATOR_SIGNATURE):
        return None
    (record_offset,) = struct.unpack_from("<Q", locator, 8)
    # The record normally sits right before the locator; trust that when the stated offset is off
    # (data prepended to the archive shifts every offset).
    for offset in (record_offset, locator_offset - _ZIP64_EOCD_SIZE):
        if 0 <= offset <= locator_offset - _ZIP64_EOCD_SIZE:
            stream.seek(offset)
            record = stream.read(_ZIP64_EOCD_SIZE)
            if record.startswith(_ZIP64_EOCD_SIGNATURE):
                entries, directory_size = struct.unpack_from("<QQ", record, 32)
                return entries, directory_size
    return None
