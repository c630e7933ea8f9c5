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

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.intake import IntakeItem, IntakeLimits, iter_intake
from evidence.intake.archive import _Member, _read_capped
from evidence.intake.paths import decode_zip_name, safe_member_path
from evidence.settings import Settings
from tests.fixtures.documents import make_pdf, make_zip, make_zip_bomb, patch_zip_member

SMALL = IntakeLimits(
    max_members=50,
    max_expanded_bytes=4 * 1024 * 1024,
    max_member_bytes=2 * 1024 * 1024,
    max_compression_ratio=50,
    ratio_check_min_bytes=64 * 1024,
)
KNOWN_CODES = {
    "unsafe_path",
    "symlink",
    "limit",
    "too_large",
    "zip_bomb",
    "encrypted",
    "corrupt",
    "unsupported",
    "empty",
}


def intake_zip(tmp_path: Path, blob: bytes, limits: IntakeLimits = SMALL) -> list[IntakeItem]:
    archive = tmp_path / "unggahan.zip"
    archive.write_bytes(blob)
    return list(iter_intake(archive, limits))


def by_path(items: list[IntakeItem]) -> dict[str, IntakeItem]:
    return {item.path: item for item in items}


def test_members_are_read_in_sorted_order_with_folder_names_kept(tmp_path: Path) -> None:
    blob = make_zip(
        {"Bukti Dukung/Diskominfo/sk.pdf": b"%PDF-1.4 a", "Bukti Dukung/Bappeda/renstra.txt": b"renstra"},
        directories=["Bukti Dukung", "Bukti Dukung/Bappeda"],
    )

    items = intake_zip(tmp_path, blob)

    assert items == [
        IntakeItem("Bukti Dukung/Bappeda/renstra.txt", b"renstra", 7, None),
        IntakeItem("Bukti Dukung/Diskominfo/sk.pdf", b"%PDF-1.4 a", 10, None),
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "unsafe_path: parent-directory component '..'"),
        ("Diskominfo/../../evil.txt", "unsafe_path: parent-directory component '..'"),
        ("..\\..\\evil.txt", "unsafe_path: parent-directory component '..'"),
        ("/etc/passwd", "unsafe_path: absolute path"),
        ("\\\\server\\share\\x.txt", "unsafe_path: absolute path"),
        ("C:/Windows/win.ini", "unsafe_path: Windows drive letter"),
        ("c:evil.txt", "unsafe_path: Windows drive letter"),
        ("bad\x01name.txt", "unsafe_path: control character in name"),
    ],
)
def test_unsafe_names_are_reported_and_not_read(tmp_path: Path, name: str, reason: str) -> None:
    blob = make_zip({name: b"payload", "Diskominfo/ok.txt": b"ok"})

    items = by_path(intake_zip(tmp_path, blob))

    assert items[name] == IntakeItem(name, None, 7, reason)
    assert items["Diskominfo/ok.txt"].data == b"ok"


def test_backslash_separators_become_posix_paths(tmp_path: Path) -> None:
    items = intake_zip(tmp_path, make_zip({"Bappeda\\Renja\\renja.txt": b"renja", "./Dinkes//a.txt": b"a"}))

    assert [(item.path, item.data) for item in items] == [
        ("Bappeda/Renja/renja.txt", b"renja"),
        ("Dinkes/a.txt", b"a"),
    ]


def test_zip_symlink_is_not_followed(tmp_path: Path) -> None:
    items = by_path(intake_zip(tmp_path, make_zip({"passwd": b"/etc/passwd"}, symlinks=["passwd"])))

    assert items["passwd"].data is None
    assert items["passwd"].error == "symlink: not followed"


def test_system_junk_is_reported_not_dropped(tmp_path: Path) -> None:
    names = [
        "__MACOSX/Dinkes/._a.pdf",
        "Dinkes/.DS_Store",
        "Dinkes/Thumbs.db",
        "Dinkes/desktop.ini",
        "Dinkes/._b.pdf",
    ]
    items = intake_zip(tmp_path, make_zip(dict.fromkeys(names, b"x")))

    assert sorted(item.path for item in items) == sorted(names)
    assert {item.error for item in items} == {"unsupported: system metadata file"}
    assert all(item.data is None for item in items)


def test_encrypted_member(tmp_path: Path) -> None:
    blob = patch_zip_member(
        make_zip({"rahasia.pdf": b"%PDF", "biasa.txt": b"b"}), "rahasia.pdf", set_flags=0x1
    )

    items = by_path(intake_zip(tmp_path, blob))

    assert items["rahasia.pdf"].error == "encrypted: password required"
    assert items["rahasia.pdf"].data is None
    assert items["biasa.txt"].data == b"b"


def test_member_count_limit_reports_every_extra_member(tmp_path: Path) -> None:
    limits = IntakeLimits(max_members=3)
    blob = make_zip({f"f{index}.txt": b"x" for index in range(5)})

    items = intake_zip(tmp_path, blob, limits)

    assert [item.data for item in items[:3]] == [b"x", b"x", b"x"]
    assert [(item.path, item.error) for item in items[3:]] == [
        ("f3.txt", "limit: archive has more than 3 members"),
        ("f4.txt", "limit: archive has more than 3 members"),
    ]


def test_declared_size_over_member_limit(tmp_path: Path) -> None:
    limits = IntakeLimits(max_member_bytes=1000)
    blob = make_zip({"besar.txt": os.urandom(1500), "kecil.txt": b"k"})

    items = by_path(intake_zip(tmp_path, blob, limits))

    assert items["besar.txt"] == IntakeItem("besar.txt", None, 1500, "too_large: 1500 bytes (limit 1000)")
    assert items["kecil.txt"].data == b"k"


def test_zip_bomb_is_refused_from_the_header_alone(tmp_path: Path) -> None:
    limits = IntakeLimits(max_member_bytes=100 * 1000 * 1000, max_compression_ratio=100)
    blob = make_zip_bomb(50 * 1000 * 1000)
    assert len(blob) < 100_000

    with mock.patch.object(zipfile.ZipFile, "open", side_effect=AssertionError("bomb member opened")):
        items = intake_zip(tmp_path, blob, limits)

    assert len(items) == 1
    assert items[0].data is None
    assert items[0].size == 50 * 1000 * 1000
    assert items[0].error is not None and items[0].error.startswith("zip_bomb: compression ratio ")
    assert items[0].error.endswith(" exceeds 100")


def test_small_members_are_exempt_from_the_ratio_check(tmp_path: Path) -> None:
    items = intake_zip(tmp_path, make_zip({"spasi.txt": b" " * 60_000}))

    assert items[0].error is None
    assert items[0].data == b" " * 60_000


def test_running_total_limit(tmp_path: Path) -> None:
    limits = IntakeLimits(max_expanded_bytes=2500, max_member_bytes=2000)
    blob = make_zip(
        {"a.bin": os.urandom(1000), "b.bin": os.urandom(1000), "c.bin": os.urandom(1000), "d.bin": b"d"}
    )

    items = intake_zip(tmp_path, blob, limits)

    assert [item.error for item in items] == [None, None, "limit: archive expands beyond 2500 bytes", None]
    assert items[3].data == b"d"


def test_header_lying_about_size_is_never_trusted(tmp_path: Path) -> None:
    limits = IntakeLimits(max_member_bytes=1000)
    blob = patch_zip_member(make_zip({"bohong.bin": os.urandom(5000)}), "bohong.bin", declared_size=10)

    items = intake_zip(tmp_path, blob, limits)

    assert items[0].data is None
    assert items[0].error is not None and items[0].error.split(":")[0] in {"corrupt", "too_large"}


def test_capped_read_never_reads_past_the_limit() -> None:
    """A reader that ignores its declared size still yields at most limit + 1 bytes."""

    class KeptOpen(io.BytesIO):
        def close(self) -> None:
            """Stay readable so the test can see how far the reader went."""

    stream = KeptOpen(b"x" * 10_000)
    member = _Member(path="a", declared_size=10, opener=lambda: stream)

    data, error = _read_capped(member, remaining=10**9, limits=IntakeLimits(max_member_bytes=100))

    assert data is None
    assert error == "too_large: more than 100 bytes (limit 100)"
    assert stream.tell() == 101


def test_crc_error_is_corrupt_and_the_rest_continues(tmp_path: Path) -> None:
    blob = bytearray(make_zip({"a.txt": b"AAAAAAAAAA", "b.txt": b"isi b"}, compression=zipfile.ZIP_STORED))
    position = blob.index(b"AAAAAAAAAA")
    blob[position] = ord("B")

    items = by_path(intake_zip(tmp_path, bytes(blob)))

    assert items["a.txt"].data is None
    assert items["a.txt"].error is not None and items["a.txt"].error.startswith("corrupt: ")
    assert "CRC" in items["a.txt"].error
    assert items["b.txt"].data == b"isi b"


def test_unreadable_archive_is_one_corrupt_item(tmp_path: Path) -> None:
    blob = b"PK\x03\x04 ini bukan zip"

    items = intake_zip(tmp_path, blob)

    assert items == [IntakeItem("unggahan.zip", None, len(blob), "corrupt: not a readable ZIP archive")]


def test_nested_archives_are_expanded_in_place(tmp_path: Path) -> None:
    inner = make_zip({"dalam.txt": b"x"})

    items = intake_zip(tmp_path, make_zip({"Dinkes/lampiran.zip": inner}))

    assert items == [IntakeItem("Dinkes/lampiran.zip/dalam.txt", b"x", 1, None)]


def test_cp437_decoded_names_are_repaired(tmp_path: Path) -> None:
    blob = make_zip({"caf_.txt": b"c", "kXXbab.txt": b"k"})
    blob = patch_zip_member(blob, "caf_.txt", raw_name="café.txt".encode("cp1252"))
    blob = patch_zip_member(blob, "kXXbab.txt", raw_name="kébab.txt".encode())

    paths = [item.path for item in intake_zip(tmp_path, blob)]

    assert paths == ["café.txt", "kébab.txt"]


def test_single_file_source(tmp_path: Path) -> None:
    source = tmp_path / "sk.pdf"
    source.write_bytes(make_pdf(["isi"]))

    items = list(iter_intake(source, SMALL))

    assert items == [IntakeItem("sk.pdf", source.read_bytes(), source.stat().st_size, None)]


def test_single_docx_is_not_expanded_although_it_is_a_zip(tmp_path: Path) -> None:
    source = tmp_path / "laporan.docx"
    source.write_bytes(make_zip({"word/document.xml": b"<w/>"}))

    items = list(iter_intake(source, SMALL))

    assert [item.path for item in items] == ["laporan.docx"]


def test_directory_walk(tmp_path: Path) -> None:
    root = tmp_path / "unggahan"
    (root / "Diskominfo" / "SK").mkdir(parents=True)
    (root / "Diskominfo" / "SK" / "sk.txt").write_bytes(b"sk")
    (root / "Bappeda").mkdir()
    (root / "Bappeda" / "renja.txt").write_bytes(b"renja")
    (root / "Bappeda" / "Thumbs.db").write_bytes(b"t")
    (root / "Bappeda" / "besar.bin").write_bytes(b"b" * 3000)
    outside = tmp_path / "rahasia.txt"
    outside.write_bytes(b"jangan dibaca")
    (root / "tautan.txt").symlink_to(outside)
    (root / "folder-tautan").symlink_to(tmp_path)
    os.mkfifo(root / "pipa")

    items = list(iter_intake(root, IntakeLimits(max_member_bytes=2000)))

    assert [(item.path, item.data, item.error) for item in items] == [
        ("Bappeda/Thumbs.db", None, "unsupported: system metadata file"),
        ("Bappeda/besar.bin", None, "too_large: 3000 bytes (limit 2000)"),
        ("Bappeda/renja.txt", b"renja", None),
        ("Diskominfo/SK/sk.txt", b"sk", None),
        ("folder-tautan", None, "symlink: not followed"),
        ("pipa", None, "unsupported: not a regular file"),
        ("tautan.txt", None, "symlink: not followed"),
    ]


def test_limits_from_settings() -> None:
    settings_ = Settings(
        max_archive_members=7, max_expanded_bytes=700, max_member_bytes=70, max_compression_ratio=7.5
    )

    limits = IntakeLimits.from_settings(settings_)

    assert (
        limits.max_members,
        limits.max_expanded_bytes,
        limits.max_member_bytes,
        limits.max_compression_ratio,
    ) == (
        7,
        700,
        70,
        7.5,
    )


# --- property tests -------------------------------------------------------------------------------

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
