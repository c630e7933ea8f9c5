"""One member of an archive or folder before it is read, and the checks that decide whether to read it.

The checks run in a fixed order and share one budget for the whole intake (nested archives included):
metadata first (cheap, and it stops a bomb before a byte is inflated), then a capped read that never
trusts the declared size.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, BinaryIO

from evidence.extraction.common import short_detail
from evidence.intake.limits import IntakeLimits
from evidence.states import FailureCode, failure

SYMLINK_ERROR = "symlink: not followed"
HARDLINK_ERROR = "symlink: hard link not followed"
ENCRYPTED_ERROR = "encrypted: password required"
NOT_REGULAR_ERROR = failure(FailureCode.UNSUPPORTED, "not a regular file")


@dataclass(frozen=True)
class Member:
    """What is known about a file before reading it; ``rejection`` is decided from metadata alone."""

    path: str
    declared_size: int
    opener: Callable[[], IO[bytes]]
    rejection: str | None = None
    compressed_size: int | None = None  # ZIP members only: enables the per-member ratio check


@dataclass
class Budget:
    """Counters shared by every archive of one intake, so nesting cannot multiply the limits."""

    limits: IntakeLimits
    members: int = 0  # member positions handed out so far
    expanded: int = 0  # bytes read into memory so far

    def position_error(self) -> str | None:
        """Take the next member position; past ``max_members`` the member is listed but not read."""
        position = self.members
        self.members += 1
        if position >= self.limits.max_members:
            return member_limit_error(self.limits)
        return None

    @property
    def remaining(self) -> int:
        return self.limits.max_expanded_bytes - self.expanded

    @property
    def listing_exhausted(self) -> bool:
        return self.members >= self.limits.listed_members


def member_limit_error(limits: IntakeLimits) -> str:
    return f"limit: archive has more than {limits.max_members} members"


def metadata_error(declared_size: int, compressed_size: int | None, budget: Budget) -> str | None:
    """Checks on the declared sizes: cheap, and they stop a bomb before a byte is inflated."""
    limits = budget.limits
    if declared_size > limits.max_member_bytes:
        return too_large(declared_size, limits)
    ratio = ratio_error(declared_size, compressed_size, limits)
    if ratio:
        return ratio
    if budget.expanded + declared_size > limits.max_expanded_bytes:
        return expanded_limit(limits)
    return None


def read_capped(member: Member, remaining: int, limits: IntakeLimits) -> tuple[bytes | None, str | None]:
    """Read at most one byte past the tighter limit: the header may lie about the size."""
    cap = min(limits.max_member_bytes, remaining)
    try:
        with member.opener() as stream:
            data = stream.read(cap + 1)
    except zipfile.BadZipFile as exc:
        return None, f"corrupt: {short_detail(exc)}"
    except NotImplementedError as exc:
        return None, failure(FailureCode.UNSUPPORTED, short_detail(exc))
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required for extraction"
        if "encrypted" in str(exc):
            return None, ENCRYPTED_ERROR
        return None, f"corrupt: {type(exc).__name__}: {short_detail(exc)}"
    except OSError as exc:
        return None, unreadable(exc)
    except Exception as exc:  # zlib.error, EOFError ... from damaged compressed data
        return None, f"corrupt: {type(exc).__name__}: {short_detail(exc)}"
    return check_read(data, member.compressed_size, remaining, limits)


def check_read(
    data: bytes, compressed_size: int | None, remaining: int, limits: IntakeLimits
) -> tuple[bytes | None, str | None]:
    """The same limits again, on the bytes actually produced."""
    if len(data) > limits.max_member_bytes:
        return None, f"too_large: more than {limits.max_member_bytes} bytes (limit {limits.max_member_bytes})"
    if len(data) > remaining:
        return None, expanded_limit(limits)
    ratio = ratio_error(len(data), compressed_size, limits)
    if ratio:
        return None, ratio
    return data, None


def ratio_error(size: int, compressed_size: int | None, limits: IntakeLimits) -> str | None:
    if compressed_size is None or size <= limits.ratio_check_min_bytes:
        return None
    ratio = size / compressed_size if compressed_size else float("inf")
    if ratio > limits.max_compression_ratio:
        return f"zip_bomb: compression ratio {ratio:.0f} exceeds {limits.max_compression_ratio:g}"
    return None


def too_large(size: int, limits: IntakeLimits) -> str:
    return f"too_large: {size} bytes (limit {limits.max_member_bytes})"


def expanded_limit(limits: IntakeLimits) -> str:
    return f"limit: archive expands beyond {limits.max_expanded_bytes} bytes"


def unreadable(exc: OSError) -> str:
    """The report's "corrupt" wording already reads "corrupt or unreadable", so no separate code."""
    return f"corrupt: cannot read ({exc.strerror or short_detail(exc)})"


def no_open() -> BinaryIO:
    raise AssertionError("members rejected from metadata are never opened")
