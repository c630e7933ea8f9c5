"""Property tests of intake: any member names, damaged archives and random bytes are accounted for, never
crash, and nothing is written while an archive is read."""

import builtins
import io
import os
import tempfile
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.intake import IntakeItem, IntakeLimits, iter_intake
from evidence.intake.paths import decode_zip_name, safe_member_path
from tests.evidence.intake.test_archive import KNOWN_CODES, SMALL
from tests.fixtures.documents import make_zip

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


@contextmanager
def no_writes() -> Iterator[None]:
    """Fail on any attempt to open a file for writing while intake runs."""
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if any(flag in mode for flag in "wax+"):
            raise AssertionError(f"intake opened {file!r} for writing")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & WRITE_FLAGS:
            raise AssertionError(f"intake opened {path!r} for writing")
        return real_os_open(path, flags, *args, **kwargs)

    with (
        mock.patch("builtins.open", guarded_open),
        mock.patch("io.open", guarded_open),
        mock.patch("os.open", guarded_os_open),
    ):
        yield


def listed_paths(blob: bytes) -> list[str] | None:
    """The safe path (or raw name) of every member zipfile lists, or None if it cannot list the archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            infos = [info for info in archive.infolist() if not info.filename.endswith(("/", "\\"))]
            return [safe_member_path(decode_zip_name(info))[0] for info in infos]
    except Exception:
        return None


def run_intake(blob: bytes, limits: IntakeLimits) -> list[IntakeItem]:
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "unggahan.zip"
        archive.write_bytes(blob)
        before = sorted(Path(folder).rglob("*"))
        with no_writes():
            items = list(iter_intake(archive, limits))
        assert sorted(Path(folder).rglob("*")) == before
    return items


def check_item(item: IntakeItem) -> None:
    assert (item.data is None) != (item.error is None)
    if item.error is not None:
        code, _, detail = item.error.partition(": ")
        assert code in KNOWN_CODES and detail, item.error
    else:
        parts = item.path.split("/")
        assert ".." not in parts and not item.path.startswith("/") and "" not in parts
        assert item.size == len(item.data or b"")


def owner(path: str, members: list[str]) -> str | None:
    """The top-level member an item comes from: itself, or the archive it was nested in."""
    candidates = [m for m in members if path == m or path.startswith(m + "/")]
    return max(candidates, key=len) if candidates else None


def check_accounting(blob: bytes, items: list[IntakeItem]) -> None:
    """Every member listed by zipfile has an item (or its nested members do); nothing is invented."""
    for item in items:
        check_item(item)
    members = listed_paths(blob)
    if members is None:
        assert len(items) >= 1
        if len(items) == 1 and items[0].error is not None:
            assert items[0].path == "unggahan.zip"
            # A bare signature with no member (b"Rar!\x1a\x07\x01\x00") is read as an empty archive.
            assert items[0].error.startswith(("corrupt: ", "limit: archive d", "empty: ")), items[0].error
        return
    if not members:
        # Empty, or an end record that declares more members than allowed (refused before reading any).
        assert len(items) == 1 and items[0].path == "unggahan.zip" and items[0].data is None
        assert items[0].error == "empty: archive contains no files" or items[0].error.startswith(
            "limit: archive declares"), items[0].error
        return
    if len(items) == 1 and items[0].path == "unggahan.zip" and items[0].error:
        return  # refused whole (unreadable, or its end record declares too much): one item says why
    owners = [owner(item.path, members) for item in items]
    assert None not in owners, [item.path for item in items]
    assert set(owners) == set(members)
    assert owners == sorted(owners)


NAME_ALPHABET = st.sampled_from(list("abcXYZ019 ._-/\\:é漢\x01") + ["..", "__MACOSX", ".DS_Store", "C:"])
member_names = st.lists(NAME_ALPHABET, min_size=1, max_size=8).map("".join)
entries = st.dictionaries(member_names, st.binary(max_size=300), min_size=0, max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=entries, stored=st.booleans(), max_members=st.integers(min_value=0, max_value=15))
def test_any_member_names_are_accounted_for(
    entries: dict[str, bytes], stored: bool, max_members: int
) -> None:
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names after NUL truncation are fine here
        blob = make_zip(entries, compression=compression)
    limits = IntakeLimits(max_members=max_members, max_member_bytes=200, max_expanded_bytes=1000)

    items = run_intake(blob, limits)

    check_accounting(blob, items)
    limited = sum(1 for item in items if item.error and item.error.startswith("limit: archive has more"))
    members = listed_paths(blob) or []
    if all(item.path in members for item in items):  # nothing nested: positions are exactly the members
        assert limited == max(0, len(members) - max_members)
    else:  # nested members take positions from the same budget
        assert limited >= max(0, len(members) - max_members)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entries=entries,
    mutations=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6),
    cut=st.integers(min_value=0, max_value=400),
)
def test_damaged_archives_never_crash(
    entries: dict[str, bytes], mutations: list[tuple[int, int]], cut: int
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        blob = bytearray(make_zip(entries))
    for position, value in mutations:
        blob[position % len(blob)] = value
    damaged = bytes(blob[: max(0, len(blob) - cut)]) if cut % 3 == 0 else bytes(blob)

    items = run_intake(damaged, SMALL)

    check_accounting(damaged, items)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=600))
def test_random_bytes_named_zip_never_crash(data: bytes) -> None:
    items = run_intake(data, SMALL)

    check_accounting(data, items)
    assert Counter(item.error is None for item in items)[True] <= len(items)


def test_a_truncated_gzip_is_corrupt_not_an_endless_nest(tmp_path: Path) -> None:
    """libarchive hands undecodable bytes back unchanged; read as a member, they would nest until the limit."""
    from evidence.intake import IntakeLimits, iter_intake

    upload = tmp_path / "unggahan.zip"
    upload.write_bytes(b"\x1f\x8b")  # a gzip signature and nothing else
    items = list(iter_intake(upload, IntakeLimits()))
    assert [(i.path, i.error.split(":")[0]) for i in items] == [("unggahan.zip", "corrupt")]
