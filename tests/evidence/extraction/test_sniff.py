import pytest

from evidence.extraction.sniff import (
    DOCX_MEDIA_TYPE,
    OCTET_MEDIA_TYPE,
    OLE_MEDIA_TYPE,
    PDF_MEDIA_TYPE,
    RTF_MEDIA_TYPE,
    ZIP_MEDIA_TYPE,
    extension_warning,
    file_extension,
    sniff_media_type,
)
from tests.fixtures.documents import make_docx, make_pdf, make_png, make_zip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (make_pdf(["Peta Rencana SPBE"]), PDF_MEDIA_TYPE),
        (make_docx(["Standar Operasional Prosedur"]), DOCX_MEDIA_TYPE),
        (make_zip({"a.txt": b"isi"}), ZIP_MEDIA_TYPE),
        (OLE_MAGIC + bytes(504), OLE_MEDIA_TYPE),
        (make_png(), "image/png"),
        (b"\xff\xd8\xff\xe0" + bytes(20), "image/jpeg"),
        (b"II*\x00" + bytes(20), "image/tiff"),
        (b"MM\x00*" + bytes(20), "image/tiff"),
        (b"GIF89a" + bytes(20), "image/gif"),
        (b"{\\rtf1\\ansi Surat Keputusan}", RTF_MEDIA_TYPE),
        (b"Rencana Induk SPBE Kabupaten", "text/plain"),
        ("Kata “Pengantar”".encode("cp1252"), "text/plain"),
        (b"\xef\xbb\xbfteks dengan BOM", "text/plain"),
        (b"teks\x00dengan NUL", OCTET_MEDIA_TYPE),
        (bytes(range(1, 32)) * 10, OCTET_MEDIA_TYPE),
        (b"", "application/x-empty"),
    ],
)
def test_media_type_comes_from_content(data: bytes, expected: str) -> None:
    # The misleading name proves the extension is not consulted.
    assert sniff_media_type(data, "berkas.xyz") == expected


def test_pdf_header_after_junk_is_still_pdf() -> None:
    assert sniff_media_type(b"\r\n%%junk from scanner\n" + make_pdf(["x"]), "a.bin") == PDF_MEDIA_TYPE


def test_zip_holding_a_stored_pdf_is_a_zip_not_a_pdf() -> None:
    import zipfile

    data = make_zip({"a.pdf": make_pdf(["isi"])}, compression=zipfile.ZIP_STORED)
    assert b"%PDF-" in data[:1024]

    assert sniff_media_type(data, "arsip.zip") == ZIP_MEDIA_TYPE


def test_text_sample_cut_inside_a_multibyte_character_is_still_text() -> None:
    from evidence.extraction.sniff import TEXT_SAMPLE_BYTES

    data = b"a" * (TEXT_SAMPLE_BYTES - 1) + "é".encode() + b"tail"

    assert sniff_media_type(data, "a.txt") == "text/plain"


def test_truncated_docx_keeps_docx_type_so_it_is_reported_corrupt() -> None:
    truncated = make_docx(["isi"])[:200]

    assert sniff_media_type(truncated, "laporan.docx") == DOCX_MEDIA_TYPE
    assert sniff_media_type(truncated, "arsip.zip") == ZIP_MEDIA_TYPE


def test_extension_mismatch_is_a_warning() -> None:
    assert (
        extension_warning("text/plain", "SK Tim SPBE.PDF")
        == "extension_mismatch: .pdf file contains text/plain"
    )
    assert extension_warning(PDF_MEDIA_TYPE, "sk.pdf") is None
    assert extension_warning(PDF_MEDIA_TYPE, "tanpa_ekstensi") is None
    assert extension_warning(PDF_MEDIA_TYPE, "aneh.qwe") is None


def test_ole_named_docx_hints_at_password_protection() -> None:
    warning = extension_warning(OLE_MEDIA_TYPE, "laporan.docx")

    assert warning is not None
    assert warning.startswith("extension_mismatch: .docx file contains application/x-ole-storage")
    assert "password-protected" in warning


def test_file_extension_handles_archive_paths() -> None:
    assert file_extension("Diskominfo/SK.PDF") == ".pdf"
    assert file_extension("Diskominfo\\SK.Docx") == ".docx"
    assert file_extension("README") == ""
