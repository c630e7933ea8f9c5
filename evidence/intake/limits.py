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

    @classmethod
    def from_settings(cls, settings: Settings) -> IntakeLimits:
        return cls(
            max_members=settings.max_archive_members,
            max_expanded_bytes=settings.max_expanded_bytes,
            max_member_bytes=settings.max_member_bytes,
            max_compression_ratio=settings.max_compression_ratio,
        )
