"""Cited page previews: the quoted sentence is found on the rendered page even across a line break, and
odd page sizes stay within bounds."""

from __future__ import annotations

import io

import pytest
from fpdf import FPDF
from PIL import Image

from evidence.preview import MAX_HEIGHT_PX, MAX_WIDTH_PX, PreviewError, render_page_png

SENTENCE = ("Tim Koordinasi SPBE Kabupaten Sukamaju bertugas mengarahkan, memantau dan mengevaluasi "
            "penerapan Sistem Pemerintahan Berbasis Elektronik di seluruh perangkat daerah")


def _pdf(tmp_path, text: str, size: tuple[float, float] = (210, 297)):
    pdf = FPDF(format=size)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    path = tmp_path / "doc.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def test_the_sentence_is_highlighted_even_when_it_wraps(tmp_path) -> None:
    path = _pdf(tmp_path, f"KEPUTUSAN BUPATI\n{SENTENCE}.\nLain-lain.")
    png, boxes = render_page_png(path, 1, [SENTENCE])
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width <= MAX_WIDTH_PX
    assert boxes >= 3  # several runs of words, on more than one line
    _, none = render_page_png(path, 1, ["kalimat yang tidak ada di halaman ini sama sekali"])
    assert none == 0


def test_page_bounds_and_sizes(tmp_path) -> None:
    tall = _pdf(tmp_path, "x", size=(60, 5000))
    image = Image.open(io.BytesIO(render_page_png(tall, 1)[0]))
    assert image.height <= MAX_HEIGHT_PX + 1
    with pytest.raises(PreviewError):
        render_page_png(tall, 2)
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_bytes(b"bukan pdf")
    with pytest.raises(PreviewError):
        render_page_png(not_pdf, 1)
