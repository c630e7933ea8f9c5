"""ZIP archives: an end-record pre-check, then the members with what their headers say.

Most uploads are ZIPs made by Windows Explorer or WinRAR. zipfile gives random access, so members are
checked from their central-directory entries (names, flags, declared and compressed sizes) and only
the ones that pass are inflated, in sorted order.
"""

from __future__ import annotations

import stat
import zipfile
from functools import partial
from typing import BinaryIO

from evidence.intake.limits import IntakeLimits
from evidence.intake.members import ENCRYPTED_ERROR, SYMLINK_ERROR, Member
from evidence.intake.paths import SYSTEM_METADATA_ERROR, decode_zip_name, is_system_metadata, safe_member_path
from evidence.media.zipdir import declared_entries

_ENCRYPTED_FLAG = 0x1


def precheck(stream: BinaryIO, limits: IntakeLimits) -> str | None:
    """A reason to refuse the whole archive from its end record, before zipfile lists it."""
    declared = declared_entries(stream)
    stream.seek(0)
    if declared is None:
        return None  # zipfile will say what is wrong
    entries, directory_bytes = declared
    if entries > limits.listed_members:
        return f"limit: archive declares {entries} members (limit {limits.listed_members})"
    if directory_bytes > limits.max_central_directory_bytes:
        return (
            f"limit: archive directory of {directory_bytes} bytes "
            f"(limit {limits.max_central_directory_bytes})"
        )
    return None


def zip_members(archive: zipfile.ZipFile) -> list[Member]:
    members = []
    for info in archive.infolist():
        if info.filename.endswith(("/", "\\")):
            continue  # directory entry: nothing to read
        name = decode_zip_name(info)
        path, rejection = safe_member_path(name)
        if rejection is None:
            rejection = _zip_rejection(info, path)
        members.append(
            Member(
                path=path,
                declared_size=info.file_size,
                opener=partial(archive.open, info),
                rejection=rejection,
                compressed_size=info.compress_size,
            )
        )
    return members


def _zip_rejection(info: zipfile.ZipInfo, path: str) -> str | None:
    if stat.S_ISLNK(info.external_attr >> 16):
        return SYMLINK_ERROR
    if is_system_metadata(path):
        return SYSTEM_METADATA_ERROR
    if info.flag_bits & _ENCRYPTED_FLAG:
        return ENCRYPTED_ERROR
    return None
