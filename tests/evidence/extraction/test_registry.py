from dataclasses import dataclass
from importlib.metadata import version

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.extraction import ExtractionResult, extract, registry
from evidence.i18n import ERROR_MESSAGES
from evidence.media import sniff_media_type
from tests.fixtures.documents import (
    make_docx,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_pdf,
    make_zip,
)
from tests.fixtures.ole import make_ole

# Every code a user can meet has a readable sentence in both languages.
KNOWN_CODES = set(ERROR_MESSAGES)
TEXT = "Peraturan Bupati tentang Sistem Pemerintahan Berbasis Elektronik"


def error_code(result: ExtractionResult) -> str:
    assert result.error is not None
    code, separator, detail = result.error.partition(": ")
    assert separator and detail, result.error
    return code


def test_empty_file() -> None:
    result = extract(b"", "kosong.pdf")

    assert result.status == "failed"
    assert result.error == "empty: zero-byte file"
    assert result.extractor == "sniff"
    assert result.extractor_version


@pytest.mark.parametrize(
    ("data", "filename", "status", "extractor", "distribution"),
    [
        (make_pdf([TEXT]), "perbup.pdf", "ok", "pdfium", "pypdfium2"),
        (make_docx([TEXT]), "perbup.docx", "ok", "python-docx", "python-docx"),
        (TEXT.encode(), "perbup.txt", "ok", "text", None),
        (make_image_only_pdf(), "scan.pdf", "no_text", "pdfium", "pypdfium2"),
        (make_encrypted_pdf(), "rahasia.pdf", "failed", "pdfium", "pypdfium2"),
    ],
)
def test_dispatch_by_content(
    data: bytes, filename: str, status: str, extractor: str, distribution: str | None
) -> None:
    result = extract(data, filename)

    assert result.status == status
    assert result.extractor == extractor
    assert result.media_type == sniff_media_type(data, filename)
    if distribution:
        assert result.extractor_version == version(distribution)


@pytest.mark.parametrize(
    ("data", "filename", "error"),
    [
        (b"\x00\x00\x00\x18ftypmp42" + bytes(64), "video.mp4", "unsupported: application/octet-stream (.mp4)"),
        (make_ole({"VisioDocument": b"isi"}), "denah.vsd", "unsupported: application/x-ole-storage (.vsd)"),
        (make_zip({"dalam.pdf": b"%PDF-1.4"}), "arsip.zip", "unsupported: application/zip (.zip)"),
        (bytes(range(256)) * 4, "data", "unsupported: application/octet-stream (no extension)"),
    ],
)
def test_unsupported_types(data: bytes, filename: str, error: str) -> None:
    result = extract(data, filename)

    assert result.status == "unsupported"
    assert result.error == error
    assert result.extractor == "sniff"


def test_renamed_file_is_extracted_by_content_with_a_warning() -> None:
    result = extract(make_docx([TEXT]), "perbup.pdf")

    assert result.status == "ok"
    assert result.extractor == "python-docx"
    assert result.warnings[0].startswith("extension_mismatch: .pdf file contains application/vnd.openxml")


def test_mismatch_warning_comes_before_extractor_warnings() -> None:
    result = extract(make_pdf([TEXT, "2"]), "perbup.txt")

    assert result.warnings == (
        "extension_mismatch: .txt file contains application/pdf",
        "partial_text: no text layer on 1 of 2 pages",
    )


def test_limits_are_passed_through() -> None:
    assert extract(make_pdf(["a", "b"]), "a.pdf", max_pages=1).error == "too_many_pages: 2 pages (limit 1)"
    assert extract(make_pdf(["Hal 1"]), "a.pdf", min_chars_per_page=3).status == "ok"


@dataclass
class ExplodingExtractor:
    name: str = "exploding"
    media_types: tuple[str, ...] = ("application/pdf",)

    def version(self) -> str:
        return "9.9"

    def extract(
        self, data: bytes, *, min_chars_per_page: int = 25, max_pages: int = 2000, max_image_pixels: int = 1
    ) -> ExtractionResult:
        raise RecursionError("maximum recursion depth exceeded\nwhile parsing")


def test_extractor_exception_becomes_failed_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", ExplodingExtractor())

    result = extract(make_pdf([TEXT]), "perbup.pdf")

    assert result.status == "failed"
    assert result.error == "extractor_error: RecursionError: maximum recursion depth exceeded while parsing"
    assert result.extractor == "exploding"
    assert result.extractor_version == "9.9"
    assert result.media_type == "application/pdf"


PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2048), name=st.text(max_size=30))
def test_extract_never_raises_and_errors_are_coded(prefix: bytes, body: bytes, name: str) -> None:
    result = extract(prefix + body, name)

    assert result.status in {"ok", "no_text", "failed", "unsupported"}
    assert result.extractor and result.extractor_version
    if result.status == "ok":
        assert result.error is None
    else:
        assert error_code(result) in KNOWN_CODES


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=1, max_value=4000), flip=st.integers(min_value=0, max_value=4000))
def test_damaged_real_documents_never_raise(cut: int, flip: int) -> None:
    for original, name in ((make_pdf_cached(), "a.pdf"), (make_docx_cached(), "a.docx")):
        data = bytearray(original[: max(1, len(original) - cut)])
        data[flip % len(data)] ^= 0xFF
        result = extract(bytes(data), name)

        assert result.status in {"ok", "no_text", "failed", "unsupported"}
        if result.status != "ok":
            assert error_code(result) in KNOWN_CODES


_CACHE: dict[str, bytes] = {}


def make_pdf_cached() -> bytes:
    return _CACHE.setdefault("pdf", make_pdf([TEXT, TEXT]))


def make_docx_cached() -> bytes:
    return _CACHE.setdefault("docx", make_docx([TEXT], [["a", "b"]], "kop", "kaki"))
