"""Every format an OPD sends extracts its text: Office old and new, OpenDocument, RTF, HTML, images."""

from __future__ import annotations

import dataclasses

import pytest

from evidence.extraction import extract
from evidence.extraction import xlsx as xlsx_module
from evidence.extraction.doc import clean_word_text
from evidence.extraction.spreadsheet import CellBudget, cell_text
from tests.fixtures import office
from tests.fixtures.documents import make_png_declaring, patch_zip_member
from tests.fixtures.ole import make_doc, make_ppt
from tests.fixtures.scans import image_bytes, render_page

SK = "Keputusan Bupati Sukamaju tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik"


@dataclasses.dataclass(frozen=True)
class Case:
    filename: str
    data: bytes
    media_type: str
    extractor: str
    expected: tuple[str, ...]  # substrings, in reading order
    pages: int | None


CASES = [
    Case(
        "sk.doc",
        make_doc(SK + "\nMemutuskan: menetapkan tim koordinasi.", headers="PEMERINTAH KABUPATEN SUKAMAJU"),
        "application/msword",
        "msdoc",
        ("PEMERINTAH KABUPATEN SUKAMAJU", SK, "Memutuskan: menetapkan tim koordinasi."),
        None,
    ),
    Case(
        "anggaran.xlsx",
        office.make_xlsx({"Anggaran TIK": [["Kegiatan", "Pagu"], ["Pengembangan aplikasi SPBE", 150000000]],
                   "Inventaris Aplikasi": [["SIMPEG", "BKPSDM"]]}),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "openpyxl",
        ("Anggaran TIK", "Kegiatan\tPagu", "Pengembangan aplikasi SPBE\t150000000", "Inventaris Aplikasi",
         "SIMPEG\tBKPSDM"),
        2,
    ),
    Case(
        "anggaran.xls",
        office.make_xls({"Belanja TIK": [["Kegiatan", "Pagu"], ["Pusat data daerah", 2.5]], "Rekap": [["Total", 7]]}),
        "application/vnd.ms-excel",
        "xlrd",
        ("Belanja TIK", "Kegiatan\tPagu", "Pusat data daerah\t2.5", "Rekap", "Total\t7"),
        2,
    ),
    Case(
        "sosialisasi.pptx",
        office.make_pptx([("Sosialisasi Arsitektur SPBE", "Kabupaten Sukamaju 2024"), ("Agenda", "Peta Rencana SPBE")],
                  notes=["Catatan pembicara untuk slide pertama"], table=[["No", "Kegiatan"], ["1", "Forum SPBE"]]),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "python-pptx",
        ("Sosialisasi Arsitektur SPBE", "Kabupaten Sukamaju 2024", "Catatan pembicara", "Agenda",
         "Peta Rencana SPBE", "No\tKegiatan", "1\tForum SPBE"),
        2,
    ),
    Case(
        "sosialisasi.ppt",
        make_ppt([["Sosialisasi Arsitektur SPBE", "Kabupaten Sukamaju 2024"], ["Agenda", "Peta Rencana SPBE"]]),
        "application/vnd.ms-powerpoint",
        "msppt",
        ("Sosialisasi Arsitektur SPBE", "Kabupaten Sukamaju 2024", "Agenda", "Peta Rencana SPBE"),
        None,
    ),
    Case(
        "perbup.odt",
        office.make_odt("Peraturan Bupati Sukamaju", ["Tentang  Sistem\tPemerintahan Berbasis Elektronik"],
                 table=[["Pasal", "Isi"]], header="PEMERINTAH KABUPATEN SUKAMAJU"),
        "application/vnd.oasis.opendocument.text",
        "odf-xml",
        ("PEMERINTAH KABUPATEN SUKAMAJU", "Peraturan Bupati Sukamaju",
         "Tentang  Sistem\tPemerintahan Berbasis Elektronik", "Pasal\tIsi"),
        1,
    ),
    Case(
        "inventaris.ods",
        office.make_ods({"Aplikasi": [["Nama", "OPD"], ["SIMPEG", "BKPSDM"]], "Server": [["Pusat data", "Diskominfo"]]}),
        "application/vnd.oasis.opendocument.spreadsheet",
        "odf-xml",
        ("Aplikasi", "Nama\tOPD", "SIMPEG\tBKPSDM", "Server", "Pusat data\tDiskominfo"),
        2,
    ),
    Case(
        "forum.odp",
        office.make_odp([("Forum SPBE Kabupaten", "Peta rencana dan arsitektur"), ("Agenda rapat", "Evaluasi")]),
        "application/vnd.oasis.opendocument.presentation",
        "odf-xml",
        ("Forum SPBE Kabupaten", "Peta rencana dan arsitektur", "Agenda rapat", "Evaluasi"),
        2,
    ),
    Case(
        "sk.rtf",
        office.make_rtf(["Keputusan Bupati tentang Tim Koordinasi SPBE", "Biaya ½ juta — “dibebankan” pada APBD café"]),
        "application/rtf",
        "striprtf",
        ("Keputusan Bupati tentang Tim Koordinasi SPBE", "Biaya ½ juta — “dibebankan” pada APBD café"),
        None,
    ),
    Case(
        "berita.html",
        office.make_html("Berita Forum SPBE", ["Forum SPBE Kabupaten Sukamaju digelar di aula Bappeda."],
                  table=[["No", "Peserta"], ["1", "Dinas Kominfo"]]),
        "text/html",
        "lxml-html",
        ("Berita Forum SPBE", "Forum SPBE Kabupaten Sukamaju digelar di aula Bappeda.", "No\tPeserta",
         "1\tDinas Kominfo"),
        None,
    ),
    Case(
        "catatan.txt",
        "Catatan rapat koordinasi SPBE: penyusunan arsitektur dan peta rencana.".encode("cp1252"),
        "text/plain",
        "text",
        ("Catatan rapat koordinasi SPBE",),
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.filename for case in CASES])
def test_each_format_extracts_its_text_in_reading_order(case: Case) -> None:
    result = extract(case.data, case.filename)

    assert (result.status, result.error) == ("ok", None)
    assert result.media_type == case.media_type
    assert result.extractor == case.extractor
    assert result.extractor_version and result.extractor_version != "unknown"
    assert result.page_count == case.pages
    positions = [result.text.find(fragment) for fragment in case.expected]
    assert -1 not in positions, result.text
    assert positions == sorted(positions), result.text
    assert not any(w.startswith("extension_mismatch") for w in result.warnings)


@pytest.mark.parametrize("case", CASES, ids=[case.filename for case in CASES])
def test_type_comes_from_the_bytes_and_a_wrong_extension_is_reported(case: Case) -> None:
    result = extract(case.data, "Bukti Dukung/berkas.pdf")

    assert result.status == "ok"
    assert result.media_type == case.media_type
    assert result.warnings[0] == f"extension_mismatch: .pdf file contains {case.media_type}"


def test_html_saved_as_xls_and_rtf_saved_as_doc_are_read_by_content() -> None:
    html = extract(office.make_html("Laporan", ["Rekap anggaran belanja TIK tahun 2024 per OPD"]), "rekap.xls")
    rtf = extract(office.make_rtf(["Surat keputusan yang disimpan sebagai dokumen Word lama"]), "sk.doc")

    assert (html.status, html.media_type) == ("ok", "text/html")
    assert html.warnings == ("extension_mismatch: .xls file contains text/html",)
    assert (rtf.status, rtf.media_type) == ("ok", "application/rtf")
    assert rtf.warnings == ("extension_mismatch: .doc file contains application/rtf",)


def test_html_scripts_styles_and_markup_are_not_text() -> None:
    text = extract(office.make_html("Judul", ["Isi berita kegiatan SPBE di kabupaten"]), "a.html").text

    assert "rahasia" not in text and "color" not in text and "<" not in text


def test_html_in_a_legacy_charset_is_decoded_from_its_meta() -> None:
    result = extract(office.make_html("Café", ["Kegiatan sosialisasi di café Sukamaju bersama OPD"], charset="windows-1252"),
                     "a.htm")

    assert "Kegiatan sosialisasi di café Sukamaju" in result.text


def test_word_fields_keep_their_result_and_drop_their_instruction() -> None:
    raw = 'Lihat \x13 HYPERLINK "http://x" \x14situs SPBE\x15 dan halaman \x13PAGE\x142\x15.\rA\x07B\x07\x07C\x07D\x07\x07'

    assert clean_word_text(raw) == "Lihat situs SPBE dan halaman 2.\nA\tB\nC\tD\n"


def test_doc_stored_as_utf16_pieces() -> None:
    text = "Anggaran Rp 1.000.000 — “Peta Rencana” ½ tahun; OPD Dinas Kominfo"

    result = extract(make_doc(text, compressed=False), "peta.doc")

    assert (result.status, result.text) == ("ok", text)


def test_word_6_document_falls_back_to_its_single_text_run() -> None:
    result = extract(make_doc("Dokumen lama dari Word 95 tentang rencana induk TIK", n_fib=0x65), "lama.doc")

    assert (result.status, result.text) == ("ok", "Dokumen lama dari Word 95 tentang rencana induk TIK")


def test_ppt_master_slide_placeholders_are_skipped() -> None:
    text = extract(make_ppt([["Sosialisasi SPBE bagi seluruh OPD di Kabupaten Sukamaju"]]), "s.ppt").text

    assert "Master" not in text


def test_cells_read_as_a_person_sees_them() -> None:
    import datetime as dt

    assert [cell_text(v) for v in (None, True, 3.0, 2.5, dt.datetime(2024, 3, 12), dt.date(2024, 1, 2), " a  b ")] == [
        "", "TRUE", "3", "2.5", "2024-03-12", "2024-01-02", "a b"
    ]


def test_huge_workbook_is_read_up_to_the_cell_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_module, "CellBudget", lambda: CellBudget(10))
    rows = [[f"baris {i}", f"nilai {i}"] for i in range(50)]

    result = extract(office.make_xlsx({"Data": rows}), "besar.xlsx")

    assert result.status == "ok"
    assert result.warnings == ("truncated: read the first 10 cells",)
    assert "baris 4\tnilai 4" in result.text and "baris 5" not in result.text


def test_ods_repeated_columns_are_bounded() -> None:
    result = extract(office.make_ods({"Lembar": [["Aplikasi SIMPEG milik BKPSDM", "x"]]}), "a.ods")
    assert result.text.count("x") == 1


def test_empty_workbook_has_no_text() -> None:
    result = extract(office.make_xlsx({"Kosong": []}), "kosong.xlsx")

    assert result.status == "no_text"
    assert result.error == "no_text: workbook has no cell text"


def test_slides_that_are_only_pictures_need_ocr() -> None:
    result = extract(office.make_pptx([("", "")]), "foto-kegiatan.pptx")

    assert result.status == "no_text"
    assert result.pages[0].needs_ocr


@pytest.mark.parametrize(
    ("fmt", "filename", "media_type"),
    [("PNG", "a.png", "image/png"), ("JPEG", "a.jpg", "image/jpeg"), ("TIFF", "a.tif", "image/tiff"),
     ("BMP", "a.bmp", "image/bmp"), ("WEBP", "a.webp", "image/webp"), ("GIF", "a.gif", "image/gif")],
)
def test_images_are_checked_and_marked_for_ocr(fmt: str, filename: str, media_type: str) -> None:
    image = render_page("Foto dokumen", size_mm=(60, 20), skew_degrees=0, noise=0)

    result = extract(image_bytes(image, fmt), filename)

    assert (result.status, result.media_type, result.extractor) == ("no_text", media_type, "pillow")
    assert result.page_count == 1 and result.pages[0].needs_ocr
    assert result.error is not None and result.error.endswith("(needs OCR)")


def test_encrypted_office_files_say_so() -> None:
    assert extract(office.make_encrypted_ooxml(), "anggaran.xlsx").error == "encrypted: password required"
    assert extract(office.make_encrypted_xls(), "anggaran.xls").error == "encrypted: password required"
    assert extract(make_doc("rahasia negara", encrypted=True), "sk.doc").error == "encrypted: password required"


def test_heic_photo_is_unsupported_with_advice() -> None:
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)

    result = extract(heic, "IMG_0001.HEIC")

    assert result.status == "unsupported"
    assert result.error == "unsupported: image/heic (HEIC photo; send it as JPEG or PDF)"


def test_xlsx_whose_parts_claim_to_expand_past_the_limit_is_refused() -> None:
    data = office.make_xlsx({"A": [["x"]]})
    bomb = patch_zip_member(data, "xl/worksheets/sheet1.xml", declared_size=0xFFFFFFF0)
    bomb = patch_zip_member(bomb, "xl/styles.xml", declared_size=0xFFFFFFF0)

    result = extract(bomb, "bom.xlsx")

    assert result.status == "failed"
    assert result.error is not None and result.error.startswith("too_large: XLSX parts expand to ")


def test_png_header_alone_decides_an_enormous_image() -> None:
    result = extract(make_png_declaring(12000, 9000), "raksasa.png")

    assert result.status == "failed"
    assert result.error == "too_large: image of 12000x9000 pixels exceeds 80000000 pixels"
    assert extract(make_png_declaring(9000, 8000), "besar.png", max_image_pixels=70_000_000).error == (
        "too_large: image of 9000x8000 pixels exceeds 70000000 pixels"
    )
