from importlib.metadata import version

import docx
import pytest

from evidence.extraction import docx as docx_module
from evidence.extraction.docx import DocxExtractor
from tests.fixtures.documents import make_docx, make_zip, save_docx


def test_body_tables_header_and_footer_in_reading_order() -> None:
    data = make_docx(
        ["Daftar Aplikasi Layanan Publik"],
        [["Nama Aplikasi", "Pemilik"], ["SIMPEG", "BKPSDM"]],
        header_text="Pemerintah Kabupaten Sukamaju",
        footer_text="Dokumen internal",
        paragraphs_after=["Ditetapkan di Sukamaju"],
    )

    result = DocxExtractor().extract(data)

    assert result.status == "ok"
    assert result.page_count is None
    assert len(result.pages) == 1
    assert result.text.split("\n") == [
        "Pemerintah Kabupaten Sukamaju",
        "Daftar Aplikasi Layanan Publik",
        "Nama Aplikasi\tPemilik",
        "SIMPEG\tBKPSDM",
        "Ditetapkan di Sukamaju",
        "Dokumen internal",
    ]


def test_merged_cells_are_read_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Inventaris Aplikasi Umum Berbagi Pakai"
    table.cell(1, 0).text = "A"
    table.cell(1, 1).text = "B"
    table.cell(1, 2).text = "C"

    result = DocxExtractor().extract(save_docx(document))

    assert result.text.count("Inventaris Aplikasi Umum Berbagi Pakai") == 1
    assert "A\tB\tC" in result.text


def test_nested_table_text_is_kept() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Luar"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Tabel dalam sel yang berisi daftar layanan"

    result = DocxExtractor().extract(save_docx(document))

    assert "Tabel dalam sel yang berisi daftar layanan" in result.text
    assert result.text.index("Luar") < result.text.index("Tabel dalam sel")


def test_linked_headers_of_later_sections_are_not_repeated() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Kop Surat Diskominfo"
    document.add_paragraph("Bagian pertama dokumen kebijakan")
    document.add_section()
    document.add_paragraph("Bagian kedua dokumen kebijakan")

    result = DocxExtractor().extract(save_docx(document))

    assert result.text.count("Kop Surat Diskominfo") == 1
    assert "Bagian kedua" in result.text


def test_tab_stop_definitions_are_not_text() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Nomor surat")
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Inches(2))
    paragraph.add_run("\t123/SPBE/2024")

    result = DocxExtractor().extract(save_docx(document), min_chars_per_page=1)

    assert result.text == "Nomor surat\t123/SPBE/2024"


def test_image_only_document_needs_ocr() -> None:
    result = DocxExtractor().extract(make_docx(["Lampiran"], image=True))

    assert result.status == "no_text"
    assert result.error == "no_text: only 8 characters of text; 1 embedded images (needs OCR)"
    assert result.pages[0].needs_ocr


def test_short_document_without_images_has_no_text_but_no_ocr_flag() -> None:
    result = DocxExtractor().extract(make_docx(["Judul"]))

    assert result.status == "no_text"
    assert result.error == "no_text: only 5 characters of text"
    assert not result.pages[0].needs_ocr


@pytest.mark.parametrize(
    "data",
    [
        make_docx(["Isi dokumen yang cukup panjang untuk diuji"])[:300],
        make_zip({"word/other.xml": b"<x/>"}),
        b"bukan docx sama sekali",
    ],
    ids=["truncated", "zip-without-document", "not-a-zip"],
)
def test_corrupt_docx(data: bytes) -> None:
    result = DocxExtractor().extract(data)

    assert result.status == "failed"
    assert result.error is not None and result.error.startswith("corrupt: ")


def test_parts_expanding_past_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_module, "MAX_DOCX_EXPANDED_BYTES", 1000)

    result = DocxExtractor().extract(make_docx(["Isi dokumen"]))

    assert result.status == "failed"
    assert result.error is not None and result.error.startswith("too_large: DOCX parts expand to ")


def test_result_records_library() -> None:
    result = DocxExtractor().extract(make_docx(["Isi dokumen yang cukup panjang untuk diuji"]))

    assert result.extractor == "python-docx"
    assert result.extractor_version == version("python-docx")
    assert result.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_content_controls_and_tracked_changes() -> None:
    """python-docx's Paragraph.text skips both; templates from the ministry use content controls."""
    from docx.oxml import parse_xml

    document = docx.Document()
    control = parse_xml(
        f"<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>Isi kontrol konten</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    revised = parse_xml(
        f"<w:p {W_NS}><w:r><w:t xml:space='preserve'>Versi </w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>baru</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>lama</w:delText></w:r></w:del></w:p>"
    )
    document.element.body.insert(0, control)
    document.element.body.insert(1, revised)

    result = DocxExtractor().extract(save_docx(document), min_chars_per_page=1)

    assert result.text.split("\n") == ["Isi kontrol konten", "Versi baru"]
