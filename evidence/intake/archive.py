"""Turn an uploaded archive, a folder or a single file into items, one per file, without writing anything.

The upload comes from outside (an OPD's ZIP, a RAR inside that ZIP, a 7z from a colleague), so every
member is checked before it is read: unsafe names, symlinks, encryption, declared and actual sizes,
compression ratio, the running total of the whole intake and the nesting depth. A problem becomes an
item with ``data=None`` and an error, so the report can show it; the rest of the archive carries on.
Members are read into memory with a hard cap and never extracted to disk.

Archives are recognised from their bytes (ZIP, 7z, RAR, tar, gzip/bzip2/xz), not from their names, and
an archive found inside another is expanded in place up to ``max_archive_depth``: its members keep the
container in their path (``Diskominfo/lampiran.rar/SK/sk.pdf``) so OPD inference still sees the folders.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from evidence.intake.limits import IntakeLimits
from evidence.intake.members import (
    NOT_REGULAR_ERROR,
    SYMLINK_ERROR,
    Budget,
    Member,
    metadata_error,
    no_open,
    read_capped,
    unreadable,
)
from evidence.intake.paths import SYSTEM_METADATA_ERROR, display_name, is_system_metadata, join
from evidence.intake.streamed import (
    StreamedMember,
    file_opener,
    iter_streamed,
    libarchive_format,
    memory_opener,
)
from evidence.intake.zipped import precheck, zip_members
from evidence.media.sniff import file_extension, sniff_media_type, zip_document_type
from evidence.media.types import (
    ARCHIVE_MEDIA_TYPES,
    BZIP2_MEDIA_TYPE,
    EMPTY_MEDIA_TYPE,
    GZIP_MEDIA_TYPE,
    OCTET_MEDIA_TYPE,
    TEXT_MEDIA_TYPE,
    XZ_MEDIA_TYPE,
    ZIP_MEDIA_TYPE,
)

CORRUPT_ARCHIVE_ERROR = "corrupt: not a readable ZIP archive"
EMPTY_ARCHIVE_ERROR = "empty: archive contains no files"
# Enough of a file to recognise every archive magic (tar's is at offset 257).
HEAD_BYTES = 4096

_COMPRESSED_STREAMS = frozenset({GZIP_MEDIA_TYPE, BZIP2_MEDIA_TYPE, XZ_MEDIA_TYPE})
_COMPRESSION_SUFFIXES = (".gz", ".tgz", ".bz2", ".xz")
# Names that promise an archive; bytes that are no archive and no document then mean a broken upload.
_ARCHIVE_EXTENSIONS = {
    ".zip": "ZIP",
    ".7z": "7z",
    ".rar": "RAR",
    ".tar": "tar",
    ".tgz": "tar",
    ".gz": "gzip",
    ".bz2": "bzip2",
    ".xz": "xz",
}
_NOT_A_DOCUMENT = frozenset({OCTET_MEDIA_TYPE, TEXT_MEDIA_TYPE, EMPTY_MEDIA_TYPE, ZIP_MEDIA_TYPE})

# Kept for callers and tests written against the first version of this module.
_Member = Member
_read_capped = read_capped

__all__ = ["CORRUPT_ARCHIVE_ERROR", "EMPTY_ARCHIVE_ERROR", "IntakeItem", "iter_intake"]


@dataclass(frozen=True)
class IntakeItem:
    path: str  # POSIX path inside the archive or folder, as the OPD named it
    data: bytes | None  # None when the file was not read; then ``error`` says why
    size: int  # bytes read, or the declared size when not read
    error: str | None


def iter_intake(source: Path, limits: IntakeLimits, *, name: str | None = None) -> Iterator[IntakeItem]:
    """One item per file. ZIPs and folders come sorted by path; 7z/RAR/tar in stored order.

    ``name`` is the name the user gave the upload, for sources stored under another name (the blob
    store names files by hash): it is how the upload is shown, and a name promising an archive turns
    unreadable bytes into a "corrupt archive" item rather than a document.
    """
    source = Path(source)
    intake = _Intake(limits)
    if source.is_dir():
        yield from intake.read_members(_directory_members(source), prefix="", depth=0)
        return
    shown = display_name(name or source.name)
    produced = False
    for item in intake.read_file(source, shown):
        produced = True
        yield item
    if not produced:  # an archive without files: the upload is still accounted for
        yield IntakeItem(shown, None, _file_size(source), EMPTY_ARCHIVE_ERROR)


class _Intake:
    """One intake: the limits and the budget every nested archive shares."""

    def __init__(self, limits: IntakeLimits) -> None:
        self.limits = limits
        self.budget = Budget(limits)

    # --- top level: a file on disk -------------------------------------------------------------

    def read_file(self, source: Path, name: str) -> Iterator[IntakeItem]:
        try:
            with source.open("rb") as stream:
                head = stream.read(HEAD_BYTES)
        except OSError as exc:
            yield IntakeItem(name, None, 0, unreadable(exc))
            return
        media_type = sniff_media_type(head, name)
        size = _file_size(source)
        extension = file_extension(name)
        if media_type == ZIP_MEDIA_TYPE or (extension == ".zip" and media_type in _NOT_A_DOCUMENT):
            # zipfile finds members from the end record even when the first bytes are damaged.
            yield from self._top_level_zip(source, name, size)
        elif media_type in ARCHIVE_MEDIA_TYPES:
            format_name = libarchive_format(media_type, head)
            yield from self._streamed(
                lambda raw: file_opener(str(source), "raw" if raw else format_name), media_type, name, "", size, depth=1
            )
        elif extension in _ARCHIVE_EXTENSIONS and media_type in _NOT_A_DOCUMENT:
            yield IntakeItem(name, None, size, _not_readable(name))
        else:
            yield from self.read_members([_file_member(name, source)], prefix="", depth=0)

    def _top_level_zip(self, source: Path, name: str, size: int) -> Iterator[IntakeItem]:
        try:
            stream = source.open("rb")
        except OSError as exc:
            yield IntakeItem(name, None, 0, unreadable(exc))
            return
        with stream:
            refusal = precheck(stream, self.limits)
            if refusal:
                yield IntakeItem(name, None, size, refusal)
                return
            try:
                archive = zipfile.ZipFile(stream)
            except Exception:  # BadZipFile, but also OSError, ValueError, EOFError ... on damaged bytes
                if file_extension(name) in _ARCHIVE_EXTENSIONS:
                    yield IntakeItem(name, None, size, CORRUPT_ARCHIVE_ERROR)
                else:  # a damaged DOCX/XLSX upload: extraction names the problem
                    yield from self.read_members([_file_member(name, source)], prefix="", depth=0)
                return
            with archive:
                if _is_document(archive):
                    yield from self.read_members([_file_member(name, source)], prefix="", depth=0)
                    return
                yield from self.read_members(zip_members(archive), prefix="", depth=1)

    # --- members of a ZIP or a folder ----------------------------------------------------------

    def read_members(self, members: Iterable[Member], *, prefix: str, depth: int) -> Iterator[IntakeItem]:
        """Apply the limits in a fixed order (sorted by path) and read what passes."""
        ordered = sorted(enumerate(members), key=lambda indexed: (indexed[1].path, indexed[0]))
        for _, member in ordered:
            path = join(prefix, member.path)
            if self.budget.listing_exhausted:
                yield IntakeItem(prefix or path, None, 0, _listing_limit(self.limits))
                return
            error = (
                self.budget.position_error()
                or member.rejection
                or metadata_error(member.declared_size, member.compressed_size, self.budget)
            )
            if error is not None:
                yield IntakeItem(path, None, member.declared_size, error)
                continue
            data, error = read_capped(member, self.budget.remaining, self.limits)
            if data is None:
                yield IntakeItem(path, None, member.declared_size, error)
                continue
            self.budget.expanded += len(data)
            yield from self._emit(path, data, depth)

    # --- nested archives -----------------------------------------------------------------------

    def _emit(self, path: str, data: bytes, depth: int) -> Iterator[IntakeItem]:
        """A read member: a document becomes an item, an archive is expanded in place."""
        media_type = sniff_media_type(data, path)
        if media_type not in ARCHIVE_MEDIA_TYPES:
            yield IntakeItem(path, data, len(data), None)
            return
        if depth >= self.limits.max_archive_depth:
            error = f"limit: archive nested deeper than {self.limits.max_archive_depth} levels"
            yield IntakeItem(path, None, len(data), error)
            return
        produced = False
        if media_type == ZIP_MEDIA_TYPE:
            items = self._nested_zip(path, data, depth + 1)
        else:
            format_name = libarchive_format(media_type, data[:16])
            items = self._streamed(
                lambda raw: memory_opener(data, "raw" if raw else format_name),
                media_type,
                path,
                path,
                len(data),
                depth=depth + 1,
            )
        for item in items:
            produced = True
            yield item
        if not produced:
            yield IntakeItem(path, None, len(data), EMPTY_ARCHIVE_ERROR)

    def _nested_zip(self, path: str, data: bytes, depth: int) -> Iterator[IntakeItem]:
        stream = io.BytesIO(data)
        refusal = precheck(stream, self.limits)
        if refusal:
            yield IntakeItem(path, None, len(data), refusal)
            return
        try:
            archive = zipfile.ZipFile(stream)
        except Exception:
            yield IntakeItem(path, None, len(data), CORRUPT_ARCHIVE_ERROR)
            return
        with archive:
            yield from self.read_members(zip_members(archive), prefix=path, depth=depth)

    def _streamed(
        self, opener_for, media_type: str, label: str, prefix: str, size: int, *, depth: int
    ) -> Iterator[IntakeItem]:
        """7z/RAR/tar via libarchive; a lone compressed file (``x.pdf.gz``) is read as one member."""
        events = iter_streamed(opener_for(False), archive_size=size, budget=self.budget)
        first = next(events, None)
        if media_type in _COMPRESSED_STREAMS and first is not None and first.path is None:
            raw_name = _decompressed_name(label)
            events = iter_streamed(opener_for(True), archive_size=size, budget=self.budget, raw_name=raw_name)
            first = next(events, None)
        if first is None:
            return
        yield from self._streamed_item(first, label, prefix, size, depth)
        for event in events:
            yield from self._streamed_item(event, label, prefix, size, depth)

    def _streamed_item(
        self, event: StreamedMember, label: str, prefix: str, size: int, depth: int
    ) -> Iterator[IntakeItem]:
        if event.path is None:  # the archive itself failed (or a limit stopped it)
            yield IntakeItem(label, None, size, event.error)
        elif event.data is None:
            yield IntakeItem(join(prefix, event.path), None, event.size, event.error)
        else:
            yield from self._emit(join(prefix, event.path), event.data, depth)


def _is_document(archive: zipfile.ZipFile) -> bool:
    """A DOCX/XLSX/PPTX/ODT upload is one document, not an archive to expand."""
    try:
        return zip_document_type(archive) is not None
    except Exception:  # a damaged mimetype member: treat the ZIP as an archive
        return False


def _not_readable(name: str) -> str:
    kind = _ARCHIVE_EXTENSIONS.get(file_extension(name), "ZIP")
    return CORRUPT_ARCHIVE_ERROR if kind == "ZIP" else f"corrupt: not a readable {kind} archive"


def _decompressed_name(label: str) -> str:
    """``Bappeda/renja.pdf.gz`` -> ``renja.pdf``: the member name of a lone compressed file."""
    name = PurePosixPath(label.replace("\\", "/")).name or "data"
    lowered = name.lower()
    if lowered.endswith(".tgz"):
        return name[:-4] + ".tar"
    for suffix in _COMPRESSION_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return "data"


def _listing_limit(limits: IntakeLimits) -> str:
    return f"limit: archive has more than {limits.listed_members} members; the rest were not listed"


def _directory_members(root: Path) -> list[Member]:
    """Walk without following symlinks; an unreadable folder becomes an item rather than a gap."""
    members: list[Member] = []
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            members.append(Member(prefix.rstrip("/") or ".", 0, no_open, unreadable(exc)))
            continue
        for entry in entries:
            path = prefix + display_name(entry.name)
            if entry.is_symlink():
                members.append(Member(path, 0, no_open, SYMLINK_ERROR))
            elif entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), path + "/"))
            elif entry.is_file(follow_symlinks=False):
                members.append(_file_member(path, Path(entry.path)))
            else:
                members.append(Member(path, 0, no_open, NOT_REGULAR_ERROR))
    return members


def _file_member(path: str, location: Path) -> Member:
    try:
        size = location.stat(follow_symlinks=False).st_size
    except OSError as exc:  # removed or made unreadable during the walk
        return Member(path, 0, no_open, unreadable(exc))
    rejection = SYSTEM_METADATA_ERROR if is_system_metadata(path) else None
    return Member(path, size, _opener(location), rejection)


def _opener(path: Path):
    """O_NOFOLLOW: a file swapped for a symlink after the walk is still not followed."""

    def open_file() -> BinaryIO:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        return os.fdopen(descriptor, "rb")

    return open_file


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
