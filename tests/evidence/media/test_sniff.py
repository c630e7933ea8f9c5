import pytest

from evidence.media.sniff import (
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
    from evidence.media.sniff import TEXT_SAMPLE_BYTES

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


# --- every format the product reads ---------------------------------------------------------------


def _sniff_cases() -> list[tuple[bytes, str]]:
    from tests.fixtures.archives import compress, make_7z, make_rar, make_tar
    from tests.fixtures.office import (
        make_encrypted_ooxml,
        make_html,
        make_odp,
        make_ods,
        make_odt,
        make_pptx,
        make_xls,
        make_xlsx,
    )
    from tests.fixtures.ole import make_doc, make_ppt

    return [
        (make_doc("isi"), "application/msword"),
        (make_xls({"a": [["b"]]}), "application/vnd.ms-excel"),
        (make_ppt([["isi"]]), "application/vnd.ms-powerpoint"),
        (make_encrypted_ooxml(), "application/x-ooxml-encrypted"),
        (make_xlsx({"a": [["b"]]}), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (make_pptx([("a", "b")]), "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        (make_odt("a", ["b"]), "application/vnd.oasis.opendocument.text"),
        (make_ods({"a": [["b"]]}), "application/vnd.oasis.opendocument.spreadsheet"),
        (make_odp([("a", "b")]), "application/vnd.oasis.opendocument.presentation"),
        (make_html("a", ["b"]), "text/html"),
        (b"\n  <HTML><body>isi</body></HTML>", "text/html"),
        (b"Catatan: tag <html> disebut di tengah teks", "text/plain"),
        (make_7z({"a.txt": b"a"}), "application/x-7z-compressed"),
        (make_rar({"a.txt": b"a"}), "application/vnd.rar"),
        (make_tar({"a.txt": b"a"}), "application/x-tar"),
        (compress(b"isi", "gz"), "application/gzip"),
        (compress(b"isi", "bz2"), "application/x-bzip2"),
        (compress(b"isi", "xz"), "application/x-xz"),
        (b"BM" + bytes(4) + bytes(4) + bytes(20), "image/bmp"),
        (b"BMW adalah merek mobil, bukan gambar", "text/plain"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", OCTET_MEDIA_TYPE),
    ]


@pytest.mark.parametrize("index", range(23))
def test_every_supported_format_is_recognised_from_its_bytes(index: int) -> None:
    data, expected = _sniff_cases()[index]

    assert sniff_media_type(data, "berkas.xyz") == expected


def test_zip_declaring_millions_of_entries_is_not_opened_by_the_sniffer() -> None:
    from unittest import mock

    from tests.fixtures.archives import declare_entries

    blob = declare_entries(make_zip({"a.txt": b"a"}), 3_000_000)

    with mock.patch("zipfile.ZipFile", side_effect=AssertionError("directory loaded")):
        assert sniff_media_type(blob, "a.zip") == ZIP_MEDIA_TYPE


def test_legacy_and_encrypted_office_named_as_ooxml_hint_at_the_reason() -> None:
    warning = extension_warning("application/x-ooxml-encrypted", "anggaran.xlsx")

    assert warning is not None and "password-protected" in warning
    assert extension_warning("application/msword", "sk.doc") is None
    assert extension_warning("text/html", "rekap.xls") == "extension_mismatch: .xls file contains text/html"
