import io
import os
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from evidence.intake import IntakeItem, IntakeLimits, iter_intake
from evidence.intake.archive import _Member, _read_capped
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
