from importlib.metadata import version

import pytest
from pdfplumber.page import Page

from evidence.extraction import pdf as pdf_module
from evidence.extraction.pdf import PdfExtractor
from tests.fixtures.documents import make_budget_form_pdf, make_encrypted_pdf, make_image_only_pdf, make_pdf

LONG_1 = "Keputusan Bupati tentang Tim Koordinasi SPBE Kabupaten Sukamaju"
LONG_2 = "Lampiran: susunan keanggotaan tim dan tugas masing-masing anggota"


def test_text_per_page() -> None:
    result = PdfExtractor().extract(make_pdf([LONG_1, LONG_2]))

    assert result.status == "ok"
    assert result.page_count == 2
    assert [page.number for page in result.pages] == [1, 2]
    assert "Tim Koordinasi SPBE" in result.pages[0].text
    assert "susunan keanggotaan" in result.pages[1].text
    assert not any(page.needs_ocr for page in result.pages)
    assert result.error is None
    assert result.warnings == ()


def test_result_records_library_and_media_type() -> None:
    result = PdfExtractor().extract(make_pdf([LONG_1]))

    assert result.extractor == "pdfium"
    assert result.extractor_version == version("pypdfium2")
    assert {page.engine for page in result.pages} == {"pdfium"}
    assert result.media_type == "application/pdf"


def test_sparse_page_needs_ocr_and_is_reported() -> None:
    result = PdfExtractor().extract(make_pdf([LONG_1, "Hal. 2"]))

    assert result.status == "ok"
    assert [page.needs_ocr for page in result.pages] == [False, True]
    assert result.warnings == ("partial_text: no text layer on 1 of 2 pages",)


def test_threshold_is_configurable() -> None:
    result = PdfExtractor().extract(make_pdf(["Hal. 2 dari 9"]), min_chars_per_page=5)

    assert result.status == "ok"
    assert not result.pages[0].needs_ocr


def test_scanned_pdf_has_no_text() -> None:
    result = PdfExtractor().extract(make_image_only_pdf(pages=2))

    assert result.status == "no_text"
    assert result.error == "no_text: no text layer on 2 of 2 pages (scanned; needs OCR)"
    assert result.page_count == 2
    assert all(page.needs_ocr for page in result.pages)


def test_password_protected_pdf_is_encrypted() -> None:
    result = PdfExtractor().extract(make_encrypted_pdf())

    assert result.status == "failed"
    assert result.error == "encrypted: password required"


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_pdf_is_corrupt(keep: float) -> None:
    data = make_pdf([LONG_1, LONG_2])

    result = PdfExtractor().extract(data[: int(len(data) * keep)])

    assert result.status == "failed"
    assert result.error is not None and result.error.startswith("corrupt: ")


def test_too_many_pages() -> None:
    result = PdfExtractor().extract(make_pdf(["a", "b", "c"]), max_pages=2)

    assert result.status == "failed"
    assert result.error == "too_many_pages: 3 pages (limit 2)"
    assert result.page_count == 3
    assert result.pages == ()


ROWS = [["Kode", "Uraian", "Volume", "Jumlah (Rp)"]] + [
    [f"5.2.{i}", f"Belanja jasa konsultansi penyusunan arsitektur SPBE tahap {i}", f"{i} paket", f"{i * 1_000_000:,}"]
    for i in range(1, 9)
]
PROSE = "Laporan kegiatan sosialisasi arsitektur SPBE Kabupaten Sukamaju tahun 2024 untuk seluruh OPD."


def test_ruled_table_page_is_read_row_by_row_with_pdfplumber_and_the_result_says_so() -> None:
    result = PdfExtractor().extract(make_budget_form_pdf(ROWS, prose_page=PROSE))

    assert result.status == "ok"
    assert result.extractor == "pdfium+pdfplumber"
    assert f"pdfplumber-{version('pdfplumber')}" in result.extractor_version
    assert [page.engine for page in result.pages] == ["pdfplumber-tables", "pdfium"]
    # One budget line = one line of text: the activity stays next to its amount.
    assert "5.2.3 | Belanja jasa konsultansi penyusunan arsitektur SPBE tahap 3 | 3 paket | 3,000,000" in (
        result.pages[0].text.splitlines()
    )
    assert result.pages[1].text == PROSE


def test_without_table_pages_the_same_words_come_in_cell_order() -> None:
    data = make_budget_form_pdf(ROWS)
    fast = PdfExtractor().extract(data, max_table_pages=0)
    tables = PdfExtractor().extract(data)

    assert fast.extractor == "pdfium" and fast.pages[0].engine == "pdfium"
    assert sorted(fast.pages[0].text.replace("|", " ").split()) == sorted(tables.pages[0].text.replace("|", " ").split())


def test_table_pages_past_the_limit_keep_pdfium_text_with_a_warning() -> None:
    data = make_budget_form_pdf(ROWS * 12)  # the table runs over several pages

    result = PdfExtractor().extract(data, max_table_pages=1)

    assert result.page_count and result.page_count > 1
    assert [page.engine for page in result.pages][:2] == ["pdfplumber-tables", "pdfium"]
    assert any(w.startswith("tables_partial: rows of tables read on the first 1 of ") for w in result.warnings)


def test_letterhead_rule_is_not_a_table() -> None:
    """A kop surat has one or two horizontal rules: the page stays on the fast path."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(0, 8, "PEMERINTAH KABUPATEN SUKAMAJU", new_x="LMARGIN", new_y="NEXT")
    pdf.line(10, 20, 200, 20)
    pdf.line(10, 21, 200, 21)
    pdf.multi_cell(0, 6, PROSE * 3)

    result = PdfExtractor().extract(bytes(pdf.output()))

    assert result.extractor == "pdfium"


def test_every_pdfplumber_page_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unclosed pdfplumber pages keep their layout cache: memory grows with every page."""
    closed: list[int] = []
    original = Page.close

    def tracking_close(page: Page) -> None:
        closed.append(page.page_number)
        original(page)

    monkeypatch.setattr(Page, "close", tracking_close)

    PdfExtractor().extract(make_budget_form_pdf(ROWS * 12))

    assert closed and sorted(set(closed)) == list(range(1, max(closed) + 1))


def test_table_reader_failure_keeps_pdfium_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(page: Page) -> list:
        raise ValueError("bad ruling")

    monkeypatch.setattr(Page, "find_tables", broken)

    result = PdfExtractor().extract(make_budget_form_pdf(ROWS))

    assert result.status == "ok" and result.extractor == "pdfium"
    assert "tahap 3" in result.pages[0].text
    assert result.warnings == ("table_error: page 1: ValueError: bad ruling",)


def test_one_broken_page_keeps_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    original = pdf_module.page_text
    calls: list[int] = []

    def flaky(page) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise KeyError("Font")
        return original(page)

    monkeypatch.setattr(pdf_module, "page_text", flaky)

    result = PdfExtractor().extract(make_pdf([LONG_1, LONG_2]))

    assert result.status == "ok"
    assert "Tim Koordinasi" in result.pages[0].text
    assert result.pages[1].text == ""
    assert result.warnings[0] == "page_error: page 2: KeyError: 'Font'"


def test_every_page_broken_is_corrupt_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(page) -> str:
        raise ValueError("bad content stream")

    monkeypatch.setattr(pdf_module, "page_text", broken)

    result = PdfExtractor().extract(make_pdf([LONG_1]))

    assert result.status == "failed"
    assert result.error == (
        "corrupt: text extraction failed on every page (page_error: page 1: ValueError: bad content stream)"
    )
