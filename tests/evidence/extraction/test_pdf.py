from importlib.metadata import version

import pytest
from pdfplumber.page import Page

from evidence.extraction.pdf import PdfExtractor
from tests.fixtures.documents import make_encrypted_pdf, make_image_only_pdf, make_pdf

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

    assert result.extractor == "pdfplumber"
    assert result.extractor_version == version("pdfplumber")
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


def test_every_page_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unclosed pdfplumber pages keep their layout cache: memory grows with every page."""
    closed: list[int] = []
    original = Page.close

    def tracking_close(page: Page) -> None:
        closed.append(page.page_number)
        original(page)

    monkeypatch.setattr(Page, "close", tracking_close)

    PdfExtractor().extract(make_pdf([LONG_1, LONG_2, LONG_1]))

    assert sorted(set(closed)) == [1, 2, 3]


def test_one_broken_page_keeps_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Page.extract_text

    def flaky(page: Page, **kwargs: object) -> str:
        if page.page_number == 2:
            raise KeyError("Font")
        return original(page, **kwargs)

    monkeypatch.setattr(Page, "extract_text", flaky)

    result = PdfExtractor().extract(make_pdf([LONG_1, LONG_2]))

    assert result.status == "ok"
    assert "Tim Koordinasi" in result.pages[0].text
    assert result.pages[1].text == ""
    assert result.warnings[0] == "page_error: page 2: KeyError: 'Font'"


def test_every_page_broken_is_corrupt_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(page: Page, **kwargs: object) -> str:
        raise ValueError("bad content stream")

    monkeypatch.setattr(Page, "extract_text", broken)

    result = PdfExtractor().extract(make_pdf([LONG_1]))

    assert result.status == "failed"
    assert result.error == (
        "corrupt: text extraction failed on every page (page_error: page 1: ValueError: bad content stream)"
    )
