"""Hostile and broken documents: each gets its documented status and reason, nothing raises.

The table below is the contract the report relies on (see the module docstring of each extractor for
why); the property tests feed random and mutated documents of every format to ``extract``.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.extraction import ExtractionResult, extract
from evidence.i18n import ERROR_MESSAGES
from tests.fixtures import office
from tests.fixtures.documents import make_docx, make_encrypted_pdf, make_pdf, make_png_declaring
from tests.fixtures.ole import make_doc, make_ppt
from tests.fixtures.scans import image_bytes, render_page

# Every code a user can meet has a readable sentence in both languages.
KNOWN_CODES = set(ERROR_MESSAGES)
TEXT = "Peraturan Bupati Sukamaju tentang Sistem Pemerintahan Berbasis Elektronik"


def billion_laughs_odt() -> bytes:
    """An ODT whose content.xml defines nested entities: expanded, it would be gigabytes."""
    import io
    import zipfile

    entities = '<!ENTITY a0 "tertawa">' + "".join(
        f'<!ENTITY a{i} "{"&a" + str(i - 1) + ";" * 1}' + f'{"&a" + str(i - 1) + ";" * 1}' * 9 + '">'
        for i in range(1, 10)
    )
    content = (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:p>&a9;</text:p><text:p>Teks biasa yang cukup panjang untuk dibaca</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


# (case, filename, bytes builder, status, exact error or prefix ending in "...")
HOSTILE = [
    ("zero-byte file", "kosong.pdf", lambda: b"", "failed", "empty: zero-byte file"),
    ("truncated PDF", "sk.pdf", lambda: make_pdf([TEXT])[:300], "failed", "corrupt: ..."),
    ("truncated DOCX", "sk.docx", lambda: make_docx([TEXT])[:400], "failed", "corrupt: ..."),
    ("truncated XLSX", "a.xlsx", lambda: office.make_xlsx({"a": [[TEXT]]})[:500], "failed", "corrupt: ..."),
    ("truncated PPTX", "a.pptx", lambda: office.make_pptx([(TEXT, TEXT)])[:3000], "failed", "corrupt: ..."),
    ("truncated ODT", "a.odt", lambda: office.make_odt(TEXT, [TEXT])[:200], "failed", "corrupt: ..."),
    ("truncated DOC", "a.doc", lambda: make_doc(TEXT)[:1000], "failed", "corrupt: not a readable legacy Office (OLE) file"),
    ("DOC with a broken piece table", "a.doc", lambda: make_doc(TEXT).replace(b"\x02\x10\x00\x00\x00", b"\x07\x10\x00\x00\x00"),
     "failed", "corrupt: piece table not found in CLX"),
    ("truncated JPEG", "a.jpg", lambda: image_bytes(render_page("x", size_mm=(40, 20)), "JPEG")[:600], "failed", "corrupt: ..."),
    ("encrypted PDF", "rahasia.pdf", make_encrypted_pdf, "failed", "encrypted: password required"),
    ("encrypted DOCX/XLSX", "rahasia.docx", office.make_encrypted_ooxml, "failed", "encrypted: password required"),
    ("encrypted DOC", "rahasia.doc", lambda: make_doc(TEXT, encrypted=True), "failed", "encrypted: password required"),
    ("encrypted XLS", "rahasia.xls", office.make_encrypted_xls, "failed", "encrypted: password required"),
    ("PDF with too many pages", "tebal.pdf", lambda: make_pdf(["hal"] * 30), "failed", "too_many_pages: 30 pages (limit 10)"),
    ("image over the pixel limit", "besar.png", lambda: make_png_declaring(10000, 10000), "failed",
     "too_large: image of 10000x10000 pixels exceeds 80000000 pixels"),
    ("image with enormous dimensions", "raksasa.png", lambda: make_png_declaring(60000, 60000), "failed",
     "too_large: image exceeds 80000000 pixels (Image size (3600000000 pixels) exceeds limit ..."),
    ("TIFF with too many frames", "banyak.tif", lambda: _multi_frame_tiff(12), "failed",
     "too_many_pages: image has 12 frames (limit 10)"),
    ("XML entity bomb in ODT", "tawa.odt", billion_laughs_odt, "failed", "corrupt: XMLSyntaxError: ..."),
]


def _multi_frame_tiff(frames: int) -> bytes:
    import io

    from PIL import Image

    first, *rest = [Image.new("L", (8, 8), 255) for _ in range(frames)]
    buffer = io.BytesIO()
    first.save(buffer, format="TIFF", save_all=True, append_images=rest)
    return buffer.getvalue()


@pytest.mark.parametrize(("case", "filename", "build", "status", "error"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_document_gets_its_documented_status_and_reason(
    case: str, filename: str, build, status: str, error: str | None
) -> None:
    result = extract(build(), filename, max_pages=10)

    assert result.status == status, result.error
    if error is None:
        assert result.error is None
    elif error.endswith("..."):
        assert result.error is not None and result.error.startswith(error[:-3]), result.error
    else:
        assert result.error == error
    if result.error:
        code = result.error.split(":", 1)[0]
        assert code in ERROR_MESSAGES, f"{code} has no readable explanation"


def test_entity_bomb_is_refused_without_expanding_it() -> None:
    import time

    started = time.monotonic()
    result = extract(billion_laughs_odt(), "tawa.odt")

    assert result.text == ""
    assert "amplification" in (result.error or "")
    assert time.monotonic() - started < 5


# --- property tests -------------------------------------------------------------------------------


@functools.cache
def originals() -> tuple[tuple[str, bytes], ...]:
    return (
        ("a.pdf", make_pdf([TEXT, TEXT])),
        ("a.docx", make_docx([TEXT], [["a", "b"]], "kop")),
        ("a.doc", make_doc(TEXT, headers="kop surat")),
        ("a.xlsx", office.make_xlsx({"Lembar": [[TEXT, 1]]})),
        ("a.xls", office.make_xls({"Lembar": [[TEXT, 1]]})),
        ("a.pptx", office.make_pptx([(TEXT, TEXT)])),
        ("a.ppt", make_ppt([[TEXT, TEXT]])),
        ("a.odt", office.make_odt(TEXT, [TEXT])),
        ("a.ods", office.make_ods({"Lembar": [[TEXT]]})),
        ("a.odp", office.make_odp([(TEXT, TEXT)])),
        ("a.rtf", office.make_rtf([TEXT])),
        ("a.html", office.make_html(TEXT, [TEXT])),
        ("a.png", image_bytes(render_page("Foto", size_mm=(30, 10), skew_degrees=0, noise=0), "PNG")),
        ("a.jpg", image_bytes(render_page("Foto", size_mm=(30, 10), skew_degrees=0, noise=0), "JPEG")),
    )


def check(result: ExtractionResult) -> None:
    assert result.status in {"ok", "no_text", "failed", "unsupported"}
    assert result.extractor and result.extractor_version
    if result.status == "ok":
        assert result.error is None
    else:
        assert result.error is not None
        code, separator, detail = result.error.partition(": ")
        assert code in KNOWN_CODES and separator and detail, result.error


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0, max_value=13),
    cut=st.integers(min_value=0, max_value=5000),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=8),
    name=st.sampled_from(["a.pdf", "a.docx", "a.doc", "a.xlsx", "berkas", "a.zip", "a.png"]),
)
def test_mutated_documents_of_every_format_never_raise(
    index: int, cut: int, flips: list[tuple[int, int]], name: str
) -> None:
    _, original = originals()[index]
    data = bytearray(original[: max(1, len(original) - cut)] if cut % 2 else original)
    for position, value in flips:
        data[position % len(data)] = value

    check(extract(bytes(data), name, max_pages=50))


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PREFIXES = [b"{\\rtf1 ", b"<!DOCTYPE html><html>", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"BM",
            OLE_MAGIC, b"RIFF\x00\x00\x00\x00WEBP", b"PK\x03\x04", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07\x00"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000), name=st.text(max_size=20))
def test_random_bytes_behind_every_magic_never_raise(prefix: bytes, body: bytes, name: str) -> None:
    check(extract(prefix + body, name))
