"""OCR of generated scans: a tilted, noisy scan of a decree reads back >= 90% of its words and is
classified like its born-digital twin; images of every format, rotated pages, low-confidence pages."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFilter

from evidence.extraction import ExtractionResult, extract
from evidence.extraction import ocr as ocr_module
from evidence.extraction import tesseract as tesseract_module
from evidence.extraction.imageprep import estimate_skew, prepare_page
from evidence.extraction.ocr import needs_ocr, ocr_document
from evidence.extraction.tesseract import parse_tsv
from tests.fixtures.documents import make_docx, make_encrypted_pdf
from tests.fixtures.scans import (
    SK_TIM_KOORDINASI,
    image_bytes,
    make_mixed_pdf,
    make_scanned_pdf,
    make_text_pdf,
    render_page,
    word_recall,
)

pytestmark = pytest.mark.skipif(
    tesseract_module.tesseract_version() is None, reason="tesseract is installed by scripts/ensure_services.sh"
)
CAPTION = "Berita Acara Sosialisasi Arsitektur SPBE\nDinas Komunikasi dan Informatika Kabupaten Sukamaju"


@pytest.fixture(scope="module")
def scanned_decree() -> bytes:
    return make_scanned_pdf([render_page(SK_TIM_KOORDINASI, skew_degrees=2.5, noise=12)])


@pytest.fixture(scope="module")
def ocr_result(scanned_decree: bytes) -> ExtractionResult:
    return ocr_document(scanned_decree, "Setda/SK Tim Koordinasi SPBE.pdf")


def caption_image(**options: object) -> Image.Image:
    return render_page(CAPTION, size_mm=(170, 40), skew_degrees=1.5, noise=8, **options)


def test_scanned_decree_has_no_text_layer_and_is_routed_to_ocr(scanned_decree: bytes) -> None:
    base = extract(scanned_decree, "sk.pdf")

    assert base.status == "no_text"
    assert needs_ocr(base)


def test_scanned_decree_reads_back_at_least_90_percent_of_its_words(ocr_result: ExtractionResult) -> None:
    recall = word_recall(SK_TIM_KOORDINASI, ocr_result.text)

    assert recall >= 0.90, f"word recall {recall:.3f}"
    assert (ocr_result.status, ocr_result.error) == ("ok", None)
    assert ocr_result.extractor == "pdfium+tesseract"
    assert "tesseract-" in ocr_result.extractor_version


def test_ocr_records_confidence_per_page_and_is_not_routed_again(ocr_result: ExtractionResult) -> None:
    page = ocr_result.pages[0]

    assert page.ocr_confidence is not None and page.ocr_confidence >= 80
    assert not page.low_confidence and not page.needs_ocr
    assert ocr_result.ocr_pages == (1,) and ocr_result.low_confidence_pages == ()
    assert not needs_ocr(ocr_result)


def _classifier():
    """The promoted model when there is one; otherwise a small model trained here (slower)."""
    from classifier.artifact import ArtifactError
    from classifier.loading import load_classifier
    from classifier.predict import IndicatorClassifier
    from classifier.train import train_model
    from evidence.catalog import load_catalog
    from evidence.settings import Settings

    catalog = load_catalog("spbe-2020")
    try:
        return load_classifier(catalog, Settings().models_dir)
    except (ArtifactError, OSError, ValueError, KeyError):
        model, _ = train_model(catalog, seed=3, folds=2, corpus_size={"docs_per_indicator": 3, "negatives": 20})
        return IndicatorClassifier(model, catalog)


def test_scan_is_classified_like_its_text_layer_twin(ocr_result: ExtractionResult) -> None:
    twin = extract(make_text_pdf(SK_TIM_KOORDINASI), "SK Tim Koordinasi SPBE.pdf")
    assert twin.status == "ok"
    classifier = _classifier()
    path = "Setda/SK Tim Koordinasi SPBE.pdf"

    scanned = classifier.classify(ocr_result.text, path)
    born_digital = classifier.classify(twin.text, path)

    assert scanned.doc_type == born_digital.doc_type
    assert [s.indicator_id for s in scanned.suggestions] == [s.indicator_id for s in born_digital.suggestions]
    assert born_digital.suggestions, "the twin must be classified to something for the comparison to mean anything"
    assert scanned.candidates[0].indicator_id == born_digital.candidates[0].indicator_id


@pytest.mark.parametrize(("fmt", "filename"), [("PNG", "foto.png"), ("JPEG", "foto.jpg"), ("TIFF", "scan.tiff")])
def test_images_are_ocred(fmt: str, filename: str) -> None:
    result = ocr_document(image_bytes(caption_image(), fmt), filename)

    assert (result.status, result.extractor) == ("ok", "tesseract")
    assert word_recall(CAPTION, result.text) >= 0.9
    assert result.pages[0].ocr_confidence is not None and result.pages[0].ocr_confidence > 80


def test_every_frame_of_a_multipage_tiff_is_a_page() -> None:
    second = render_page("Halaman kedua laporan kegiatan forum SPBE", size_mm=(170, 30), skew_degrees=0)
    buffer = io.BytesIO()
    caption_image().save(buffer, format="TIFF", save_all=True, append_images=[second])

    result = ocr_document(buffer.getvalue(), "scan.tif")

    assert result.page_count == 2
    assert [page.number for page in result.pages] == [1, 2]
    assert "Halaman kedua laporan kegiatan forum SPBE" in result.pages[1].text


def test_page_scanned_sideways_is_turned_upright() -> None:
    sideways = caption_image().rotate(90, expand=True)

    result = ocr_document(image_bytes(sideways, "PNG"), "miring.png")

    assert word_recall(CAPTION, result.text) >= 0.9


def test_phone_photo_exif_orientation_is_applied() -> None:
    stored_sideways = caption_image().rotate(-90, expand=True)  # what the sensor wrote
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    data = image_bytes(stored_sideways, "JPEG", exif=exif.tobytes())

    result = ocr_document(data, "IMG_2024.jpg")

    assert word_recall(CAPTION, result.text) >= 0.9


def test_poor_scan_is_flagged_low_confidence() -> None:
    image = render_page(CAPTION, size_mm=(170, 40), skew_degrees=0, noise=0)
    poor = image.resize((image.width // 6, image.height // 6)).filter(ImageFilter.GaussianBlur(1.0))

    result = ocr_document(image_bytes(poor, "PNG"), "buram.png", min_confidence=60)

    page = result.pages[0]
    assert page.ocr_confidence is not None and page.ocr_confidence < 60
    assert page.low_confidence and result.low_confidence_pages == (1,)
    assert "low_confidence: OCR confidence under 60 on page(s) 1" in result.warnings


def test_only_pages_without_a_text_layer_are_ocred() -> None:
    data = make_mixed_pdf("Halaman pertama dengan lapisan teks tentang arsitektur SPBE kabupaten.", caption_image())
    base = extract(data, "campuran.pdf")
    assert base.status == "ok" and needs_ocr(base)

    result = ocr_document(data, "campuran.pdf")

    first, second = result.pages
    assert first.ocr_confidence is None and first.text == base.pages[0].text
    assert second.ocr_confidence is not None and word_recall(CAPTION, second.text) >= 0.9
    assert not any(w.startswith("partial_text") for w in result.warnings)


def test_oversized_page_is_rendered_at_a_lower_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "MAX_OCR_PIXELS", 4_000_000)
    page = render_page("Peta jaringan intra pemerintah", size_mm=(120, 40), dpi=100, skew_degrees=0, noise=0)
    data = make_scanned_pdf([page], size_mm=(600, 600))

    result = ocr_document(data, "peta.pdf")

    assert any(w.startswith("ocr_scaled: page 1: rendered at ") for w in result.warnings)


def test_documents_that_need_no_ocr_are_returned_as_extracted() -> None:
    docx = make_docx(["Laporan kegiatan forum SPBE tahun 2024 di Kabupaten Sukamaju"])

    assert ocr_document(docx, "a.docx") == extract(docx, "a.docx")
    assert ocr_document(make_encrypted_pdf(), "a.pdf").error == "encrypted: password required"


def test_missing_tesseract_is_a_clear_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "check_available", _raise_unavailable)

    result = ocr_document(image_bytes(caption_image(), "PNG"), "a.png")

    assert (result.status, result.error) == ("failed", "ocr_unavailable: tesseract is not installed")


def _raise_unavailable(languages: str) -> None:
    raise tesseract_module.TesseractError("ocr_unavailable: tesseract is not installed")


def test_missing_language_data_is_named() -> None:
    result = ocr_document(image_bytes(caption_image(), "PNG"), "a.png", languages="ind+xyz")

    assert result.error == "ocr_unavailable: tesseract language data missing: xyz"


def test_page_timeout_is_reported_per_page() -> None:
    result = ocr_document(image_bytes(caption_image(), "PNG"), "a.png", page_timeout_seconds=0.001)

    assert result.status == "no_text"
    assert result.pages[0].needs_ocr
    assert result.warnings[0] == "ocr_error: page 1: timeout: OCR of one page exceeded 0.001 s"


def test_skew_is_estimated_and_removed() -> None:
    page = render_page(SK_TIM_KOORDINASI[:900], size_mm=(150, 100), skew_degrees=0, noise=0)
    tilted = page.rotate(3.0, resample=Image.Resampling.BICUBIC, fillcolor=255)

    assert estimate_skew(tilted) == pytest.approx(-3.0, abs=0.3)
    assert estimate_skew(page) == pytest.approx(0.0, abs=0.2)
    assert prepare_page(Image.new("L", (500, 500), 255))[1] == 0.0


def test_tsv_becomes_lines_and_a_mean_confidence() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tKeputusan",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t70\tBupati",
        "4\t1\t1\t1\t2\t0\t0\t0\t1\t1\t-1\t",
        "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t50\tNomor",
        "5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t-1\t ",
    ]

    page = parse_tsv("\n".join([header, *rows]))

    assert (page.text, page.confidence, page.words) == ("Keputusan Bupati\nNomor", 70.0, 3)


def test_long_scans_are_ocred_up_to_the_page_limit_and_say_so() -> None:
    pages = [render_page(f"Halaman {n} laporan", size_mm=(80, 20), skew_degrees=0, noise=0) for n in (1, 2, 3)]
    data = make_scanned_pdf(pages, size_mm=(80, 20))

    result = ocr_document(data, "tebal.pdf", max_ocr_pages=2)

    assert [page.ocr_confidence is not None for page in result.pages] == [True, True, False]
    assert "truncated: OCR of the first 2 pages only (page limit)" in result.warnings
    assert "partial_text: no text on 1 of 3 pages after OCR" in result.warnings
    assert result.pages[2].needs_ocr and not needs_ocr(result)


def test_time_budget_stops_starting_new_pages() -> None:
    result = ocr_document(image_bytes(caption_image(), "PNG"), "a.png", time_budget_seconds=0)

    assert result.pages[0].ocr_confidence is None
    assert result.warnings[-1] == "truncated: OCR stopped after 0 pages (time budget)"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(["PNG", "JPEG", "PDF"]),
    cut=st.integers(min_value=0, max_value=3000),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=5),
)
def test_mutated_scans_never_raise(kind: str, cut: int, flips: list[tuple[int, int]]) -> None:
    small = render_page("Surat tugas", size_mm=(40, 15), skew_degrees=0, noise=0)
    data = bytearray(make_scanned_pdf([small], size_mm=(40, 15)) if kind == "PDF" else image_bytes(small, kind))
    data = data[: max(1, len(data) - cut)] if cut % 2 else data
    for position, value in flips:
        data[position % len(data)] = value

    result = ocr_document(bytes(data), "pindaian", page_timeout_seconds=20)

    assert result.status in {"ok", "no_text", "failed", "unsupported"}
    assert result.status == "ok" or (result.error or "").split(":")[0] in {
        "corrupt", "no_text", "too_large", "unsupported", "extractor_error", "encrypted", "too_many_pages"
    }


def test_a_small_tilt_is_left_to_tesseract_and_a_large_one_corrected() -> None:
    """Rotating costs Tesseract a word now and then; below 3.5 degrees its own line finder does better."""
    page = render_page(SK_TIM_KOORDINASI[:900], size_mm=(150, 100), skew_degrees=0, noise=0)

    assert prepare_page(page.rotate(2.0, resample=Image.Resampling.BICUBIC, fillcolor=255))[1] == 0.0
    assert prepare_page(page.rotate(5.0, resample=Image.Resampling.BICUBIC, fillcolor=255))[1] == pytest.approx(-5.0, abs=0.3)
