"""Archives in every format an OPD sends, nested ones expanded in place with their full paths."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from evidence.intake import IntakeItem, IntakeLimits, iter_intake
from evidence.opd.directory import load_opd_directory
from evidence.opd.infer import infer_opd
from tests.fixtures.archives import compress, make_7z, make_libarchive_zip, make_rar, make_tar, nest_zip
from tests.fixtures.documents import make_docx, make_pdf, make_zip, patch_zip_member
from tests.fixtures.office import make_xlsx

FILES = {
    "Diskominfo/SK Tim SPBE.pdf": make_pdf(["Keputusan Bupati tentang Tim Koordinasi SPBE"]),
    "Bappeda/Renja 2024.docx": make_docx(["Rencana kerja Bappeda"]),
    "Bappeda/anggaran.txt": b"Belanja TIK",
}


def intake(tmp_path: Path, blob: bytes, name: str, limits: IntakeLimits | None = None) -> list[IntakeItem]:
    source = tmp_path / "unggahan.bin"  # the blob store names uploads by hash: the name comes separately
    source.write_bytes(blob)
    return list(iter_intake(source, limits or IntakeLimits(), name=name))


def contents(items: list[IntakeItem]) -> dict[str, bytes | None]:
    return {item.path: item.data for item in items}


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("bukti.zip", lambda files: make_zip(files)),
        ("bukti.zip", make_libarchive_zip),
        ("bukti.7z", make_7z),
        ("bukti.rar", make_rar),
        ("bukti.tar", make_tar),
        ("bukti.tar.gz", lambda files: make_tar(files, compression="gz")),
        ("bukti.tgz", lambda files: make_tar(files, compression="gz")),
        ("bukti.tar.bz2", lambda files: make_tar(files, compression="bz2")),
        ("bukti.tar.xz", lambda files: make_tar(files, compression="xz")),
    ],
)
def test_every_archive_format_yields_its_members_with_their_folders(tmp_path: Path, name: str, build) -> None:
    items = intake(tmp_path, build(FILES), name)

    assert contents(items) == FILES
    assert all(item.error is None and item.size == len(FILES[item.path]) for item in items)


def test_archive_type_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    assert contents(intake(tmp_path, make_7z(FILES), "bukti.zip")) == FILES
    assert contents(intake(tmp_path, make_rar(FILES), "bukti")) == FILES


def test_single_office_document_upload_is_not_expanded(tmp_path: Path) -> None:
    workbook = make_xlsx({"Anggaran": [["Belanja TIK", 1]]})

    assert contents(intake(tmp_path, workbook, "anggaran.xlsx")) == {"anggaran.xlsx": workbook}


def test_a_lone_compressed_file_is_one_member_named_without_the_suffix(tmp_path: Path) -> None:
    pdf = FILES["Diskominfo/SK Tim SPBE.pdf"]
    blob = make_zip({"Diskominfo/sk.pdf.gz": compress(pdf, "gz"), "Diskominfo/catatan.txt.xz": compress(b"isi", "xz")})

    assert contents(intake(tmp_path, blob, "bukti.zip")) == {
        "Diskominfo/catatan.txt.xz/catatan.txt": b"isi",
        "Diskominfo/sk.pdf.gz/sk.pdf": pdf,
    }


def test_rar_inside_zip_inside_7z_keeps_every_folder(tmp_path: Path) -> None:
    rar = make_rar({"SK/sk.pdf": b"%PDF-1.4 sk", "Daftar.txt": b"daftar"})
    zipped = make_zip({"Dinas Kesehatan/lampiran.rar": rar, "Dinas Kesehatan/renja.txt": b"renja"})
    outer = make_7z({"Kabupaten/kiriman-opd.zip": zipped})

    items = intake(tmp_path, outer, "bukti.7z")

    assert contents(items) == {
        "Kabupaten/kiriman-opd.zip/Dinas Kesehatan/lampiran.rar/Daftar.txt": b"daftar",
        "Kabupaten/kiriman-opd.zip/Dinas Kesehatan/lampiran.rar/SK/sk.pdf": b"%PDF-1.4 sk",
        "Kabupaten/kiriman-opd.zip/Dinas Kesehatan/renja.txt": b"renja",
    }


def test_opd_is_inferred_through_nested_archive_paths(tmp_path: Path) -> None:
    blob = make_zip({"Diskominfo/lampiran.zip": make_zip({"SK/sk.pdf": b"%PDF-1.4"})})
    (item,) = intake(tmp_path, blob, "bukti.zip")

    match = infer_opd(item.path, load_opd_directory())

    assert item.path == "Diskominfo/lampiran.zip/SK/sk.pdf"
    assert match is not None and match.name == "Dinas Komunikasi dan Informatika"


def test_nested_zip_order_is_sorted_within_each_archive(tmp_path: Path) -> None:
    inner = make_zip({"b.txt": b"b", "a.txt": b"a"})
    blob = make_zip({"z.txt": b"z", "m.zip": inner, "a.txt": b"a"})

    assert [item.path for item in intake(tmp_path, blob, "x.zip")] == ["a.txt", "m.zip/a.txt", "m.zip/b.txt", "z.txt"]


def test_nesting_deeper_than_the_limit_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    deep = nest_zip(make_zip({"isi.txt": b"isi"}), 3)  # 4 ZIPs, the upload makes 5 levels
    blob = make_zip({"Bappeda/dalam.zip": deep, "Bappeda/renja.txt": b"renja"})

    items = contents_and_errors(intake(tmp_path, blob, "bukti.zip", IntakeLimits(max_archive_depth=3)))

    assert items == {
        "Bappeda/dalam.zip/level2/lapis.zip/level1/lapis.zip": (None, "limit: archive nested deeper than 3 levels"),
        "Bappeda/renja.txt": (b"renja", None),
    }


def test_depth_limit_allows_exactly_max_levels(tmp_path: Path) -> None:
    blob = nest_zip(make_zip({"isi.txt": b"isi"}), 1)  # upload -> level0/lapis.zip -> isi.txt

    items = intake(tmp_path, blob, "bukti.zip", IntakeLimits(max_archive_depth=2))

    assert contents(items) == {"level0/lapis.zip/isi.txt": b"isi"}


def contents_and_errors(items: list[IntakeItem]) -> dict[str, tuple[bytes | None, str | None]]:
    return {item.path: (item.data, item.error) for item in items}


def test_windows_zip_names_in_cp437_and_cp1252_are_decoded(tmp_path: Path) -> None:
    blob = make_zip({"Dinas/Laporan_Kegiatan_X.txt": b"a", "Dinas/Bukti_Y.txt": b"b"})
    blob = patch_zip_member(blob, "Dinas/Laporan_Kegiatan_X.txt", raw_name="Dinas/Laporan_Kegiatan_é.txt".encode("cp437")[:28])
    blob = patch_zip_member(blob, "Dinas/Bukti_Y.txt", raw_name="Dinas/Bukti_ñ.txt".encode("cp1252")[:17])

    paths = sorted(item.path for item in intake(tmp_path, blob, "bukti.zip"))

    assert paths == ["Dinas/Bukti_ñ.txt", "Dinas/Laporan_Kegiatan_é.txt"]


def test_tar_names_written_in_cp1252_are_decoded(tmp_path: Path) -> None:
    blob = make_tar({"Rencana.txt": b"r"}, raw_names={"Rencana.txt": "Réncana.txt".encode("cp1252")})

    assert [item.path for item in intake(tmp_path, blob, "a.tar")] == ["Réncana.txt"]


def test_rar_unicode_names_survive(tmp_path: Path) -> None:
    assert [item.path for item in intake(tmp_path, make_rar({"Dinas/Kébab ñ.txt": b"k"}), "a.rar")] == [
        "Dinas/Kébab ñ.txt"
    ]


def test_zip_written_by_libarchive_with_stored_members_is_read(tmp_path: Path) -> None:
    blob = make_zip(FILES, compression=zipfile.ZIP_STORED)

    assert contents(intake(tmp_path, blob, "a.zip")) == FILES
