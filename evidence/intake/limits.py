"""Limits on what one intake may expand to: an uploaded archive is untrusted input."""

from __future__ import annotations

from dataclasses import dataclass

from evidence.settings import Settings

MIB = 1024 * 1024


@dataclass(frozen=True)
class IntakeLimits:
    max_members: int = 5000
    max_expanded_bytes: int = 2 * 1024 * MIB
    max_member_bytes: int = 256 * MIB
    max_compression_ratio: float = 200.0
    # Small members compress absurdly well (a page of spaces) without being dangerous, so the ratio
    # check only applies above this expanded size.
    ratio_check_min_bytes: int = MIB
    # An archive inside the upload is depth 2; deeper nesting is reported, not opened (42.zip).
    max_archive_depth: int = 3
    # Members beyond ``max_members`` are still listed one by one (each with a reason) up to this count;
    # a ZIP declaring more in its end record is refused whole before its directory is loaded.
    max_listed_members: int = 50_000
    # A ZIP central directory larger than this is refused from the end record (each entry is >= 46 bytes).
    max_central_directory_bytes: int = 64 * MIB

    @property
    def listed_members(self) -> int:
        return max(self.max_listed_members, self.max_members)

    @classmethod
    def from_settings(cls, settings: Settings) -> IntakeLimits:
        return cls(
            max_members=settings.max_archive_members,
            max_expanded_bytes=settings.max_expanded_bytes,
            max_member_bytes=settings.max_member_bytes,
            max_compression_ratio=settings.max_compression_ratio,
            max_archive_depth=settings.max_archive_depth,
            max_listed_members=settings.max_listed_members,
        )
