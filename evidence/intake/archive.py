"""Turn an uploaded ZIP, a folder or a single file into items, one per file, without writing anything.

The archive comes from outside (an OPD's upload), so every member is checked before it is read: unsafe
names, symlinks, encryption, declared and actual sizes, compression ratio and the archive's running
total. A problem becomes an item with ``data=None`` and an error, so the report can show it; the rest of
the archive carries on. Members are read into memory with a hard cap and never extracted to disk.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence.extraction.common import short_detail
from evidence.intake.limits import IntakeLimits

ZIP_SUFFIX = ".zip"
SYSTEM_METADATA_ERROR = "unsupported: system metadata file"
SYMLINK_ERROR = "symlink: not followed"
ENCRYPTED_ERROR = "encrypted: password required"
CORRUPT_ARCHIVE_ERROR = "corrupt: not a readable ZIP archive"

_JUNK_FOLDERS = frozenset({"__macosx"})
_JUNK_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_UTF8_NAME_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1


@dataclass(frozen=True)
class IntakeItem:
    path: str  # POSIX path inside the archive or folder, as the OPD named it
    data: bytes | None  # None when the file was not read; then ``error`` says why
    size: int  # bytes read, or the declared size when not read
    error: str | None


@dataclass(frozen=True)
class _Member:
    """What is known about a file before reading it; ``rejection`` is decided from metadata alone."""

    path: str
    declared_size: int
    opener: Callable[[], BinaryIO]
    rejection: str | None = None
    compressed_size: int | None = None  # ZIP members only: enables the ratio check


def iter_intake(source: Path, limits: IntakeLimits, *, name: str | None = None) -> Iterator[IntakeItem]:
    """Items sorted by path. A ``.zip`` file is expanded in memory; any other file is one item.

    ``name`` is the name the user gave the upload, for sources stored under another name (the blob
    store names files by hash): it decides whether the file is opened as an archive and how it is shown.
    """
    source = Path(source)
    name = name or source.name
    if source.is_dir():
        yield from _read_members(_directory_members(source), limits)
    elif Path(name).suffix.lower() == ZIP_SUFFIX:
        yield from _iter_zip(source, limits, name)
    else:
        yield from _read_members([_file_member(_display_name(name), source)], limits)


def _iter_zip(source: Path, limits: IntakeLimits, name: str) -> Iterator[IntakeItem]:
    try:
        stream = source.open("rb")
    except OSError as exc:
        yield IntakeItem(name, None, 0, _unreadable(exc))
        return
    with stream:
        try:
            archive = zipfile.ZipFile(stream)
        except Exception:  # BadZipFile, but also OSError, ValueError, EOFError ... on damaged bytes
            yield IntakeItem(name, None, _file_size(source), CORRUPT_ARCHIVE_ERROR)
            return
        with archive:
            yield from _read_members(_zip_members(archive), limits)


def _zip_members(archive: zipfile.ZipFile) -> list[_Member]:
    members = []
    for info in archive.infolist():
        if info.filename.endswith(("/", "\\")):
            continue  # directory entry: nothing to read
        name = _decode_zip_name(info)
        path, rejection = _safe_zip_path(name)
        if rejection is None:
            rejection = _zip_rejection(info, path)
        members.append(
            _Member(
                path=path,
                declared_size=info.file_size,
                opener=lambda info=info: archive.open(info),
                rejection=rejection,
                compressed_size=info.compress_size,
            )
        )
    return members


def _zip_rejection(info: zipfile.ZipInfo, path: str) -> str | None:
    if stat.S_ISLNK(info.external_attr >> 16):
        return SYMLINK_ERROR
    if _is_system_metadata(path):
        return SYSTEM_METADATA_ERROR
    if info.flag_bits & _ENCRYPTED_FLAG:
        return ENCRYPTED_ERROR
    return None


def _safe_zip_path(name: str) -> tuple[str, str | None]:
    """Normalised POSIX path, or the raw name and why it is unsafe.

    Some Windows tools write ``\\`` as separator, so backslashes are separators here; that also exposes
    ``..\\..\\evil`` as traversal.
    """
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return name, "unsafe_path: control character in name"
    slashed = name.replace("\\", "/")
    if slashed.startswith("/"):
        return name, "unsafe_path: absolute path"
    if _DRIVE_LETTER.match(slashed):
        return name, "unsafe_path: Windows drive letter"
    parts = [part for part in slashed.split("/") if part not in ("", ".")]
    if ".." in parts:
        return name, "unsafe_path: parent-directory component '..'"
    if not parts:
        return name, "unsafe_path: empty name"
    return "/".join(parts), None


def _decode_zip_name(info: zipfile.ZipInfo) -> str:
    """Undo zipfile's cp437 guess when the same bytes read better as UTF-8 or cp1252."""
    name = info.filename
    if info.flag_bits & _UTF8_NAME_FLAG or name.isascii():
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        windows = raw.decode("cp1252")
    except UnicodeDecodeError:
        return name
    return windows if _latin_letters(windows) > _latin_letters(name) else name


def _latin_letters(text: str) -> int:
    """Accented Latin letters (U+00C0-U+00FF): what a correctly decoded Indonesian/Dutch name contains."""
    return sum(1 for ch in text if "\u00c0" <= ch <= "\u00ff" and ch.isalpha())


def _directory_members(root: Path) -> list[_Member]:
    """Walk without following symlinks; an unreadable folder becomes an item rather than a gap."""
    members: list[_Member] = []
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            members.append(_Member(prefix.rstrip("/") or ".", 0, _no_open, _unreadable(exc)))
            continue
        for entry in entries:
            path = prefix + _display_name(entry.name)
            if entry.is_symlink():
                members.append(_Member(path, 0, _no_open, SYMLINK_ERROR))
            elif entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), path + "/"))
            elif entry.is_file(follow_symlinks=False):
                members.append(_file_member(path, Path(entry.path)))
            else:
                members.append(_Member(path, 0, _no_open, "unsupported: not a regular file"))
    return members


def _file_member(path: str, location: Path) -> _Member:
    try:
        size = location.stat(follow_symlinks=False).st_size
    except OSError as exc:  # removed or made unreadable during the walk
        return _Member(path, 0, _no_open, _unreadable(exc))
    rejection = SYSTEM_METADATA_ERROR if _is_system_metadata(path) else None
    return _Member(path, size, _opener(location), rejection)


def _read_members(members: Iterable[_Member], limits: IntakeLimits) -> Iterator[IntakeItem]:
    """Apply the limits in a fixed order and read what passes, counting the archive's expanded total."""
    expanded = 0
    ordered = sorted(enumerate(members), key=lambda indexed: (indexed[1].path, indexed[0]))
    for position, (_, member) in enumerate(ordered):
        if position >= limits.max_members:
            error: str | None = f"limit: archive has more than {limits.max_members} members"
        else:
            error = member.rejection or _metadata_error(member, expanded, limits)
        if error is not None:
            yield IntakeItem(member.path, None, member.declared_size, error)
            continue
        data, error = _read_capped(member, limits.max_expanded_bytes - expanded, limits)
        if data is None:
            yield IntakeItem(member.path, None, member.declared_size, error)
            continue
        expanded += len(data)
        yield IntakeItem(member.path, data, len(data), None)


def _metadata_error(member: _Member, expanded: int, limits: IntakeLimits) -> str | None:
    """Checks on the declared sizes: cheap, and they stop a bomb before a byte is inflated."""
    if member.declared_size > limits.max_member_bytes:
        return _too_large(member.declared_size, limits)
    ratio_error = _ratio_error(member.declared_size, member.compressed_size, limits)
    if ratio_error:
        return ratio_error
    if expanded + member.declared_size > limits.max_expanded_bytes:
        return _expanded_limit(limits)
    return None


def _read_capped(member: _Member, remaining: int, limits: IntakeLimits) -> tuple[bytes | None, str | None]:
    """Read at most one byte past the tighter limit: the header may lie about the size."""
    cap = min(limits.max_member_bytes, remaining)
    try:
        with member.opener() as stream:
            data = stream.read(cap + 1)
    except zipfile.BadZipFile as exc:
        return None, f"corrupt: {short_detail(exc)}"
    except NotImplementedError as exc:
        return None, f"unsupported: {short_detail(exc)}"
    except OSError as exc:
        return None, _unreadable(exc)
    except Exception as exc:  # zlib.error, EOFError ... from damaged compressed data
        return None, f"corrupt: {type(exc).__name__}: {short_detail(exc)}"
    if len(data) > limits.max_member_bytes:
        return None, f"too_large: more than {limits.max_member_bytes} bytes (limit {limits.max_member_bytes})"
    if len(data) > remaining:
        return None, _expanded_limit(limits)
    ratio_error = _ratio_error(len(data), member.compressed_size, limits)
    if ratio_error:
        return None, ratio_error
    return data, None


def _ratio_error(size: int, compressed_size: int | None, limits: IntakeLimits) -> str | None:
    if compressed_size is None or size <= limits.ratio_check_min_bytes:
        return None
    ratio = size / compressed_size if compressed_size else float("inf")
    if ratio > limits.max_compression_ratio:
        return f"zip_bomb: compression ratio {ratio:.0f} exceeds {limits.max_compression_ratio:g}"
    return None


def _too_large(size: int, limits: IntakeLimits) -> str:
    return f"too_large: {size} bytes (limit {limits.max_member_bytes})"


def _expanded_limit(limits: IntakeLimits) -> str:
    return f"limit: archive expands beyond {limits.max_expanded_bytes} bytes"


def _unreadable(exc: OSError) -> str:
    """The report's "corrupt" wording already reads "corrupt or unreadable", so no separate code."""
    return f"corrupt: cannot read ({exc.strerror or short_detail(exc)})"


def _is_system_metadata(path: str) -> bool:
    parts = path.lower().split("/")
    name = parts[-1]
    return any(part in _JUNK_FOLDERS for part in parts) or name in _JUNK_FILES or name.startswith("._")


def _display_name(name: str) -> str:
    """File names that are not valid UTF-8 (old Windows shares) must still print and store cleanly."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _opener(path: Path) -> Callable[[], BinaryIO]:
    """O_NOFOLLOW: a file swapped for a symlink after the walk is still not followed."""

    def open_file() -> BinaryIO:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        return os.fdopen(descriptor, "rb")

    return open_file


def _no_open() -> BinaryIO:
    raise AssertionError("members rejected from metadata are never opened")


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
