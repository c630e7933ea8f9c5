"""Hostile archives: each case gets its documented status and reason, and the rest of the archive is
processed. Property tests feed random and mutated archives of every format, nested ones included."""

from __future__ import annotations

import functools
import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.i18n import ERROR_MESSAGES
from evidence.intake import IntakeItem, IntakeLimits, iter_intake
from evidence.storage import BlobStore
from tests.fixtures.archives import (
    compress,
    declare_entries,
    make_7z,
    make_rar,
    make_tar,
    nest_zip,
)
from tests.fixtures.documents import make_zip, make_zip_bomb, patch_zip_member

LIMITS = IntakeLimits(max_members=40, max_expanded_bytes=8 * 1024 * 1024, max_member_bytes=3 * 1024 * 1024,
                      max_compression_ratio=50, ratio_check_min_bytes=256 * 1024, max_archive_depth=3,
                      max_listed_members=200)
GOOD = {"Diskominfo/ok.txt": b"isi yang baik"}
KNOWN_CODES = {"unsafe_path", "symlink", "limit", "too_large", "zip_bomb", "encrypted", "corrupt", "unsupported",
               "empty"}


def run(blob: bytes, name: str = "bukti.zip", limits: IntakeLimits = LIMITS) -> list[IntakeItem]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "upload"
        source.write_bytes(blob)
        return list(iter_intake(source, limits, name=name))


def by_path(items: list[IntakeItem]) -> dict[str, IntakeItem]:
    return {item.path: item for item in items}


def zip_with_good(hostile: dict[str, bytes], **options) -> bytes:
    return make_zip({**hostile, **GOOD}, **options)


# (case, upload name, builder, hostile item path, exact error or prefix ending in "...")
CASES: list[tuple[str, str, Callable[[], bytes], str, str]] = [
    ("zip bomb (ratio)", "bukti.zip", lambda: zip_with_good({"bom.txt": bytes(2_500_000)}), "bom.txt",
     "zip_bomb: compression ratio ..."),
    ("zip member over the size limit", "bukti.zip", lambda: zip_with_good({"besar.bin": os.urandom(3_200_000)}),
     "besar.bin", "too_large: 3200000 bytes (limit 3145728)"),
    ("zip expanding past the total", "bukti.zip",
     lambda: zip_with_good({f"a{i}.bin": os.urandom(2_500_000) for i in range(4)}), "a3.bin",
     "limit: archive expands beyond 8388608 bytes"),
    ("zip with too many members", "bukti.zip", lambda: zip_with_good({f"z/{i:03}.txt": b"x" for i in range(45)}),
     "z/044.txt", "limit: archive has more than 40 members"),
    ("path traversal in zip", "bukti.zip", lambda: zip_with_good({"../../etc/cron.d/x": b"x"}),
     "../../etc/cron.d/x", "unsafe_path: parent-directory component '..'"),
    ("absolute path in zip", "bukti.zip", lambda: zip_with_good({"/etc/passwd": b"x"}), "/etc/passwd",
     "unsafe_path: absolute path"),
    ("symlink in zip", "bukti.zip", lambda: zip_with_good({"tautan": b"/etc/shadow"}, symlinks=["tautan"]),
     "tautan", "symlink: not followed"),
    ("encrypted zip member", "bukti.zip",
     lambda: patch_zip_member(zip_with_good({"rahasia.pdf": b"%PDF-1.4"}), "rahasia.pdf", set_flags=0x1),
     "rahasia.pdf", "encrypted: password required"),
    ("zero-byte member", "bukti.zip", lambda: zip_with_good({"kosong.pdf": b""}), "kosong.pdf", ""),
    ("corrupt nested zip", "bukti.zip", lambda: zip_with_good({"Dinkes/rusak.zip": b"PK\x03\x04 rusak"}),
     "Dinkes/rusak.zip", "corrupt: not a readable ZIP archive"),
    ("truncated nested 7z", "bukti.zip",
     lambda: zip_with_good({"Dinkes/potong.7z": make_7z({"a.txt": b"a" * 5000, "b.txt": b"b"})[:60]}),
     "Dinkes/potong.7z", "corrupt: ..."),
    ("empty nested archive", "bukti.zip", lambda: zip_with_good({"Dinkes/kosong.zip": make_zip({})}),
     "Dinkes/kosong.zip", "empty: archive contains no files"),
    ("nesting deeper than the limit", "bukti.zip",
     lambda: zip_with_good({"lapis.zip": nest_zip(make_zip({"x.txt": b"x"}), 3)}),
     "lapis.zip/level2/lapis.zip/level1/lapis.zip", "limit: archive nested deeper than 3 levels"),
    ("nested zip bombs (42.zip style)", "bukti.zip",
     lambda: zip_with_good({"bom.zip": make_zip({f"b{i}.zip": make_zip_bomb(2_500_000) for i in range(3)})}),
     "bom.zip/b0.zip/bom.txt", "zip_bomb: compression ratio ..."),
    ("7z bomb", "bukti.7z", lambda: make_7z({"bom.bin": bytes(2_500_000), **GOOD}), "bom.bin",
     "zip_bomb: compression ratio ..."),
    ("tar.gz bomb", "bukti.tar.gz",
     lambda: make_tar({"bom.bin": bytes(2_500_000), **GOOD}, compression="gz"), "bom.bin", "zip_bomb: compression ratio ..."),
    ("path traversal in tar", "bukti.tar", lambda: make_tar({"../../../tmp/x": b"x", **GOOD}), "../../../tmp/x",
     "unsafe_path: parent-directory component '..'"),
    ("absolute path in tar", "bukti.tar", lambda: make_tar({"/etc/passwd": b"x", **GOOD}), "/etc/passwd",
     "unsafe_path: absolute path"),
    ("symlink in tar", "bukti.tar", lambda: make_tar(GOOD, symlinks={"tautan": "/etc/shadow"}), "tautan",
     "symlink: not followed"),
    ("hard link in tar", "bukti.tar", lambda: make_tar(GOOD, hardlinks={"keras": "/etc/shadow"}), "keras",
     "symlink: hard link not followed"),
    ("device or fifo in tar", "bukti.tar", lambda: make_tar(GOOD, fifos=["pipa"]), "pipa",
     "unsupported: not a regular file"),
    ("path traversal in 7z", "bukti.7z", lambda: make_7z({"../evil.txt": b"x", **GOOD}), "../evil.txt",
     "unsafe_path: parent-directory component '..'"),
    ("path traversal in rar", "bukti.rar", lambda: make_rar({"..\\..\\evil.txt": b"x", **GOOD}),
     "../../evil.txt", "unsafe_path: parent-directory component '..'"),
    ("symlink in rar", "bukti.rar", lambda: make_rar(GOOD, symlinks={"tautan": "/etc/shadow"}), "tautan",
     "symlink: not followed"),
    ("encrypted rar member", "bukti.rar", lambda: make_rar({"rahasia.pdf": b"%PDF", **GOOD}, encrypted=["rahasia.pdf"]),
     "rahasia.pdf", "encrypted: password required"),
    ("corrupt rar inside zip", "bukti.zip", lambda: zip_with_good({"x.rar": make_rar({"a.txt": b"a" * 100})[:40]}),
     "x.rar", "..."),
]


@pytest.mark.parametrize(("case", "name", "build", "path", "error"), CASES, ids=[c[0] for c in CASES])
def test_hostile_member_gets_its_reason_and_the_rest_is_processed(
    case: str, name: str, build: Callable[[], bytes], path: str, error: str
) -> None:
    items = by_path(run(build(), name))

    assert items["Diskominfo/ok.txt"].data == GOOD["Diskominfo/ok.txt"], "the rest of the archive is processed"
    hostile = items[path]
    if error == "":
        assert (hostile.data, hostile.error) == (b"", None)
        return
    assert hostile.data is None
    if error.endswith("..."):
        assert hostile.error is not None and hostile.error.startswith(error[:-3]), hostile.error
    else:
        assert hostile.error == error
    assert hostile.error.split(":", 1)[0] in ERROR_MESSAGES


def test_zip_declaring_a_million_members_is_refused_before_its_directory_is_loaded() -> None:
    blob = declare_entries(make_zip(GOOD), 1_000_000)

    with mock.patch.object(zipfile, "ZipFile", side_effect=AssertionError("central directory loaded")):
        items = run(blob)

    assert items == [IntakeItem("bukti.zip", None, len(blob), "limit: archive declares 1000000 members (limit 200)")]


def test_zip_with_more_members_than_can_be_listed_is_refused_whole() -> None:
    blob = make_zip({f"{i}.txt": b"x" for i in range(250)})

    (item,) = run(blob)

    assert item.error == "limit: archive declares 250 members (limit 200)"


def test_streamed_archive_listing_stops_at_the_listing_limit() -> None:
    blob = make_7z({f"{i:03}.txt": b"x" for i in range(210)})

    items = run(blob, "bukti.7z")

    assert len(items) == 201
    assert sum(1 for item in items if item.data is not None) == 40
    assert items[-1] == IntakeItem(
        "bukti.7z", None, len(blob), "limit: archive has more than 200 members; the rest were not listed"
    )


def test_bomb_members_are_refused_from_declared_sizes_without_inflating_them() -> None:
    blob = make_zip({"bom.txt": bytes(2_500_000)})

    with mock.patch.object(zipfile.ZipFile, "open", side_effect=AssertionError("bomb member opened")):
        (item,) = run(blob)

    assert item.error is not None and item.error.startswith("zip_bomb: compression ratio")


def test_nested_bombs_share_one_budget() -> None:
    """Ten inner archives, each under every per-archive limit, together pass the intake's total."""
    inner = make_7z({"a.bin": os.urandom(1_000_000)})
    blob = make_zip({f"{i}.7z": inner for i in range(10)})

    items = run(blob)

    read = sum(item.size for item in items if item.data is not None)
    assert read <= LIMITS.max_expanded_bytes
    assert any(item.error == "limit: archive expands beyond 8388608 bytes" for item in items)


# --- property tests: random and mutated archives of every format ----------------------------------


@functools.cache
def seeds() -> tuple[tuple[str, bytes], ...]:
    files = {"Bappeda/renja.txt": b"renja 2024", "Dinkes/SK/sk.pdf": b"%PDF-1.4 isi", "a.txt": b"a" * 3000}
    return (
        ("bukti.zip", make_zip(files)),
        ("bukti.7z", make_7z(files)),
        ("bukti.rar", make_rar(files)),
        ("bukti.tar", make_tar(files)),
        ("bukti.tar.gz", make_tar(files, compression="gz")),
        ("bukti.zip", make_zip({"lampiran.rar": make_rar(files), "arsip.7z": make_7z(files), "c.tar.xz":
                                make_tar(files, compression="xz"), "d.txt.gz": compress(b"teks", "gz")})),
    )


def check(items: list[IntakeItem]) -> None:
    for item in items:
        assert (item.data is None) != (item.error is None)
        if item.error is not None:
            code, separator, detail = item.error.partition(": ")
            assert code in KNOWN_CODES and separator and detail, item.error
        else:
            parts = item.path.split("/")
            assert ".." not in parts and not item.path.startswith("/") and "" not in parts, item.path
            assert not any(ord(ch) < 32 for ch in item.path)
    assert sum(item.size for item in items if item.data is not None) <= LIMITS.max_expanded_bytes


def run_into_store(blob: bytes, name: str) -> list[IntakeItem]:
    """Intake then store, as ingest does: every file written must be inside the storage directory."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "upload"
        source.write_bytes(blob)
        storage = root / "storage"
        store = BlobStore(storage)
        before = set(root.rglob("*"))
        items = list(iter_intake(source, LIMITS, name=name))
        for item in items:
            if item.data is not None:
                assert store.get(store.put(item.data)) == item.data
        created = set(root.rglob("*")) - before
        assert all(path == storage or storage in path.parents for path in created), created - {storage}
    return items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0, max_value=5),
    mutations=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6),
    cut=st.integers(min_value=0, max_value=2000),
)
def test_mutated_archives_of_every_format_never_crash_or_escape(
    index: int, mutations: list[tuple[int, int]], cut: int
) -> None:
    name, original = seeds()[index]
    blob = bytearray(original)
    for position, value in mutations:
        blob[position % len(blob)] = value
    damaged = bytes(blob[: max(1, len(blob) - cut)]) if cut % 3 == 0 else bytes(blob)

    items = run_into_store(damaged, name)

    check(items)
    assert items, "every upload is accounted for by at least one item"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.text(alphabet=st.sampled_from(list("ab/\\.: é\x00")), min_size=1, max_size=10),
                   min_size=1, max_size=6, unique=True),
    kind=st.sampled_from(["7z", "rar", "tar"]),
)
def test_any_member_names_in_streamed_archives_are_accounted_for(names: list[str], kind: str) -> None:
    entries = {name: name.encode("utf-8", "replace") for name in names}
    try:
        blob = {"7z": make_7z, "rar": make_rar, "tar": make_tar}[kind](entries)
    except Exception:  # the writer itself refuses some names (NUL in tar): nothing to test
        return

    items = run_into_store(blob, f"bukti.{kind}")

    check(items)
    assert len(items) >= 1


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.zip", "a.7z", "a.rar", "a.tar.gz", "a.pdf", "a"]))
def test_random_bytes_with_any_archive_name_are_one_accounted_item(data: bytes, name: str) -> None:
    items = run_into_store(data, name)

    check(items)
    assert len(items) >= 1


def test_nested_archive_in_a_folder_upload_is_expanded(tmp_path: Path) -> None:
    root = tmp_path / "unggahan"
    (root / "Bappeda").mkdir(parents=True)
    (root / "Bappeda" / "arsip.rar").write_bytes(make_rar({"renja.txt": b"renja"}))

    items = list(iter_intake(root, LIMITS))

    assert items == [IntakeItem("Bappeda/arsip.rar/renja.txt", b"renja", 5, None)]


def test_damaged_zip_at_top_level_keeps_its_corrupt_reason() -> None:
    assert run(b"PK\x03\x04" + bytes(40)) == [IntakeItem("bukti.zip", None, 44, "corrupt: not a readable ZIP archive")]
    assert run(io.BytesIO(b"bukan arsip").read(), "bukti.7z") == [
        IntakeItem("bukti.7z", None, 11, "corrupt: not a readable 7z archive")
    ]
