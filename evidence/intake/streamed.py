"""7z, RAR and tar (plain or gzip/bzip2/xz compressed) archives, read front to back with libarchive.

These formats are read as a stream: members come in stored order and each one's bytes are read while
the reader is positioned on it, with the same caps as ZIP members. There is no per-member compressed
size (solid 7z/RAR blocks, one gzip stream for a whole tar), so the compression-ratio check is made on
the archive as a whole: bytes produced so far against the archive's size. Because skipping a member of
a solid or compressed stream still means decompressing it, the total a single archive may make the
reader process is bounded too; past it the rest of the archive is reported, not read.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

import libarchive
import libarchive.ffi
from libarchive.entry import ArchiveEntry
from libarchive.exception import ArchiveError
from libarchive.read import ArchiveRead

from evidence.extraction.common import short_detail
from evidence.intake.members import (
    ENCRYPTED_ERROR,
    HARDLINK_ERROR,
    NOT_REGULAR_ERROR,
    SYMLINK_ERROR,
    Budget,
    check_read,
    expanded_limit,
    metadata_error,
)
from evidence.intake.paths import (
    SYSTEM_METADATA_ERROR,
    decode_name_bytes,
    is_system_metadata,
    safe_member_path,
)
from evidence.media.types import RAR_MEDIA_TYPE, SEVEN_ZIP_MEDIA_TYPE

READ_BLOCK_BYTES = 64 * 1024
NOT_DECOMPRESSIBLE_ERROR = "corrupt: not readable compressed data (truncated or damaged)"
# An archive may make the reader decompress at most this multiple of max_expanded_bytes (read or skipped).
PROCESSED_FACTOR = 2

_lib = libarchive.ffi.libarchive


def _entry_function(name: str, restype: type) -> Callable:
    """A libarchive entry function libarchive-c does not wrap, typed so ctypes passes the pointer right."""
    function = getattr(_lib, name)
    function.argtypes = [ctypes.c_void_p]
    function.restype = restype
    return function


_entry_is_encrypted = _entry_function("archive_entry_is_encrypted", ctypes.c_int)
_entry_size_is_set = _entry_function("archive_entry_size_is_set", ctypes.c_int)
_entry_pathname_utf8 = _entry_function("archive_entry_pathname_utf8", ctypes.c_char_p)
_entry_pathname = _entry_function("archive_entry_pathname", ctypes.c_char_p)

ReaderFactory = Callable[[], AbstractContextManager[ArchiveRead]]


@dataclass(frozen=True)
class StreamedMember:
    """A member as read (``path`` inside the archive), or, with ``path=None``, an archive-level problem."""

    path: str | None
    data: bytes | None
    size: int
    error: str | None


def libarchive_format(media_type: str, head: bytes) -> str:
    """The one libarchive format to use. Letting libarchive bid ("all") is unsafe: a RAR or tar that
    stores a DOCX ends with that DOCX's ZIP directory, and the ZIP reader would win the bid."""
    if media_type == SEVEN_ZIP_MEDIA_TYPE:
        return "7zip"
    if media_type == RAR_MEDIA_TYPE:
        return "rar5" if head.startswith(b"Rar!\x1a\x07\x01\x00") else "rar"
    return "tar"  # plain, or inside a gzip/bzip2/xz stream (the filter is detected)


def memory_opener(data: bytes, format_name: str) -> ReaderFactory:
    """``format_name="raw"``: a single compressed file (``laporan.pdf.gz``) rather than an archive."""
    return lambda: libarchive.memory_reader(data, format_name=format_name)


def file_opener(path: str, format_name: str) -> ReaderFactory:
    return lambda: libarchive.file_reader(path, format_name=format_name)


def iter_streamed(
    open_reader: ReaderFactory, *, archive_size: int, budget: Budget, raw_name: str | None = None
) -> Iterator[StreamedMember]:
    """Every member with its bytes or its reason; the archive's own failure comes last, path None.

    ``raw_name`` names the single member of a lone compressed file (libarchive calls it "data").
    """
    limits = budget.limits
    produced = 0  # bytes this archive's members yielded
    processed = 0  # declared bytes of every member: what the decompressor had to work through
    members = 0
    try:
        with open_reader() as archive:
            for entry in archive:
                if raw_name is not None and not archive.filter_names:
                    # No decompressor recognised the data: libarchive would hand the bytes back unchanged,
                    # and the "member" would look like the same compressed file again, nested forever.
                    yield StreamedMember(None, None, 0, NOT_DECOMPRESSIBLE_ERROR)
                    return
                if entry.isdir:
                    continue
                if budget.listing_exhausted:
                    yield StreamedMember(None, None, 0, _listing_limit(budget))
                    return
                members += 1
                declared = entry.size if _entry_size_is_set(entry._entry_p) else 0
                processed += declared
                path, error = _check_entry(entry, raw_name, budget, declared)
                if error is None:
                    error = _archive_ratio_error(produced + declared, archive_size, budget)
                if error is not None:
                    yield StreamedMember(path, None, declared, error)
                else:
                    data, error = _read_entry(entry, budget, produced, archive_size)
                    if data is None:
                        yield StreamedMember(path, None, declared, error)
                    else:
                        produced += len(data)
                        budget.expanded += len(data)
                        yield StreamedMember(path, data, len(data), None)
                if processed > PROCESSED_FACTOR * limits.max_expanded_bytes:
                    yield StreamedMember(None, None, 0, f"{expanded_limit(limits)}; the rest was not read")
                    return
    except ArchiveError as exc:
        yield StreamedMember(None, None, 0, archive_error(exc, members))


def archive_error(exc: ArchiveError, members_read: int) -> str:
    message = libarchive_message(exc)
    if _mentions_encryption(message):
        return ENCRYPTED_ERROR
    if members_read:
        return f"corrupt: archive damaged after {members_read} members ({message})"
    return f"corrupt: not a readable archive ({message})"


def member_error(exc: ArchiveError) -> str:
    message = libarchive_message(exc)
    return ENCRYPTED_ERROR if _mentions_encryption(message) else f"corrupt: {message}"


def libarchive_message(exc: ArchiveError) -> str:
    """libarchive's own sentence, without the C pointer libarchive-c appends to ``str(exc)``."""
    message = getattr(exc, "msg", None)
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    if not message or message == "None":
        return "unreadable or truncated data"
    return short_detail(Exception(message))


def _mentions_encryption(message: str) -> bool:
    lowered = message.lower()
    return any(word in lowered for word in ("encrypt", "passphrase", "password"))


def _check_entry(
    entry: ArchiveEntry, raw_name: str | None, budget: Budget, declared: int
) -> tuple[str, str | None]:
    name = raw_name or _entry_name(entry) or "data"
    path, error = safe_member_path(name)
    position_error = budget.position_error()
    if position_error is not None:
        return path, position_error
    if error is not None:
        return path, error
    if entry.issym:
        return path, SYMLINK_ERROR
    if entry.islnk:
        return path, HARDLINK_ERROR
    if not entry.isreg:
        return path, NOT_REGULAR_ERROR
    if is_system_metadata(path):
        return path, SYSTEM_METADATA_ERROR
    if _entry_is_encrypted(entry._entry_p) > 0:
        return path, ENCRYPTED_ERROR
    return path, metadata_error(declared, None, budget)


def _read_entry(
    entry: ArchiveEntry, budget: Budget, produced: int, archive_size: int
) -> tuple[bytes | None, str | None]:
    limits = budget.limits
    cap = min(limits.max_member_bytes, budget.remaining)
    chunks: list[bytes] = []
    total = 0
    try:
        for block in entry.get_blocks(READ_BLOCK_BYTES):
            chunks.append(block)
            total += len(block)
            if total > cap:
                break
            if _archive_ratio_error(produced + total, archive_size, budget):
                break
    except ArchiveError as exc:
        return None, member_error(exc)
    data, error = check_read(b"".join(chunks), None, budget.remaining, limits)
    if data is None:
        return None, error
    ratio = _archive_ratio_error(produced + len(data), archive_size, budget)
    return (None, ratio) if ratio else (data, None)


def _archive_ratio_error(produced: int, archive_size: int, budget: Budget) -> str | None:
    limits = budget.limits
    if produced <= limits.ratio_check_min_bytes:
        return None
    ratio = produced / max(archive_size, 1)
    if ratio > limits.max_compression_ratio:
        return f"zip_bomb: compression ratio {ratio:.0f} exceeds {limits.max_compression_ratio:g}"
    return None


def _entry_name(entry: ArchiveEntry) -> str | None:
    utf8 = _entry_pathname_utf8(entry._entry_p)
    if utf8:
        try:
            return utf8.decode("utf-8")
        except UnicodeDecodeError:
            pass
    raw = _entry_pathname(entry._entry_p)
    return decode_name_bytes(raw) if raw else None


def _listing_limit(budget: Budget) -> str:
    return f"limit: archive has more than {budget.limits.listed_members} members; the rest were not listed"
