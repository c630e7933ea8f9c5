"""Extraction throughput per format, intake throughput per archive format, and OCR pages per second.

Run: ``python -m bench.extraction [--seconds 1.5] [--ocr-pages 3]`` from the repository root. Every file
is generated in memory (the builders of tests/fixtures), extracted repeatedly for about ``--seconds``,
and reported as files/s and MB/s with a ratio against plain-text extraction measured in the same
process (the cheapest possible extraction). OCR is measured on generated A4 scans of an Indonesian
decree at 300 dpi, with the word recall against the source text. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from evidence.extraction import extract
from evidence.extraction.isolated import extract_isolated
from evidence.extraction.ocr import ocr_document
from evidence.intake import IntakeLimits, iter_intake

PARAGRAPH = (
    "Keputusan Bupati Sukamaju tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik. "
    "Menimbang bahwa arsitektur SPBE dan peta rencana SPBE perlu disusun untuk seluruh OPD. "
)


def documents() -> dict[str, tuple[str, bytes]]:
    """One realistic file per format: a few pages of decree text, a budget sheet of 300 rows, 10 slides."""
    from tests.fixtures.documents import make_docx, make_pdf
    from tests.fixtures.office import (
        make_html,
        make_odp,
        make_ods,
        make_odt,
        make_pptx,
        make_rtf,
        make_xls,
        make_xlsx,
    )
    from tests.fixtures.ole import make_doc, make_ppt
    from tests.fixtures.scans import image_bytes, render_page

    paragraphs = [PARAGRAPH * 4 for _ in range(12)]
    rows = [["Kegiatan", "OPD", "Pagu"]] + [[f"Belanja TIK {i}", f"Dinas {i % 20}", 1_000_000 * i] for i in range(300)]
    slides = [(f"Sosialisasi SPBE bagian {i}", PARAGRAPH) for i in range(10)]
    scan = render_page(PARAGRAPH * 6, skew_degrees=1.0)
    return {
        "txt": ("catatan.txt", "\n".join(paragraphs).encode()),
        "pdf": ("sk.pdf", make_pdf(["\n".join(paragraphs[i : i + 3]) for i in range(0, 12, 3)])),
        "docx": ("sk.docx", make_docx(paragraphs, [["No", "Aplikasi", "OPD"]] * 20, "PEMERINTAH KABUPATEN")),
        "doc": ("sk.doc", make_doc("\n".join(paragraphs), headers="PEMERINTAH KABUPATEN")),
        "rtf": ("sk.rtf", make_rtf(paragraphs)),
        "odt": ("sk.odt", make_odt("Keputusan Bupati", paragraphs, table=[["No", "Aplikasi"]] * 20)),
        "html": ("berita.html", make_html("Berita", paragraphs, table=[["No", "Peserta"]] * 20)),
        "xlsx": ("anggaran.xlsx", make_xlsx({"Anggaran TIK": rows})),
        "xls": ("anggaran.xls", make_xls({"Anggaran TIK": rows})),
        "ods": ("anggaran.ods", make_ods({"Anggaran TIK": rows})),
        "pptx": ("sosialisasi.pptx", make_pptx(slides)),
        "ppt": ("sosialisasi.ppt", make_ppt([[title, body] for title, body in slides])),
        "odp": ("sosialisasi.odp", make_odp(slides)),
        "jpeg (check only)": ("foto.jpg", image_bytes(scan, "JPEG", quality=85)),
        "png (check only)": ("scan.png", image_bytes(scan, "PNG")),
    }


def archives() -> dict[str, bytes]:
    """50 small documents in each archive format, one ZIP with the same files inside a RAR inside it."""
    from tests.fixtures.archives import make_7z, make_rar, make_tar
    from tests.fixtures.documents import make_pdf, make_zip

    files = {f"OPD {i % 6}/Indikator {i % 47}/dokumen_{i:03}.pdf": make_pdf([PARAGRAPH * 3]) for i in range(50)}
    return {
        "zip": make_zip(files),
        "7z": make_7z(files),
        "rar (stored)": make_rar(files),
        "tar.gz": make_tar(files, compression="gz"),
        "zip > rar (nested)": make_zip({"Kabupaten/kiriman.rar": make_rar(files)}),
    }


def rate(action: Callable[[], object], seconds: float) -> tuple[float, int]:
    """Calls per second over at least ``seconds`` (and at least 3 calls)."""
    calls = 0
    started = time.perf_counter()
    while True:
        action()
        calls += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds and calls >= 3:
            return calls / elapsed, calls


def bench_formats(seconds: float) -> None:
    print("== extraction per format (in process) ==")
    print(f"{'format':20} {'size KB':>8} {'status':8} {'files/s':>9} {'MB/s':>8} {'vs txt':>8}")
    baseline: float | None = None
    for label, (name, data) in documents().items():
        result = extract(data, name)
        per_second, _ = rate(lambda data=data, name=name: extract(data, name), seconds)
        baseline = baseline or per_second
        megabytes = per_second * len(data) / 1e6
        print(f"{label:20} {len(data) / 1024:8.1f} {result.status:8} {per_second:9.1f} {megabytes:8.2f} "
              f"{per_second / baseline:8.3f}")


def bench_isolation(seconds: float) -> None:
    from tests.fixtures.documents import make_pdf

    data = make_pdf([PARAGRAPH * 6] * 4)
    in_process, _ = rate(lambda: extract(data, "sk.pdf"), seconds)
    isolated, _ = rate(lambda: extract_isolated(data, "sk.pdf", timeout_seconds=60), seconds)
    print("\n== subprocess isolation (4-page PDF) ==")
    print(f"in process {in_process:.1f} files/s, isolated (fork + limits) {isolated:.1f} files/s, "
          f"ratio {isolated / in_process:.2f}")


def bench_intake(seconds: float) -> None:
    print("\n== intake per archive format (50 PDFs each) ==")
    print(f"{'archive':20} {'size KB':>8} {'members':>8} {'archives/s':>11} {'members/s':>10} {'MB/s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for label, blob in archives().items():
            source = Path(folder) / "upload"
            source.write_bytes(blob)
            items = list(iter_intake(source, IntakeLimits(), name="bukti"))
            assert all(item.error is None for item in items), label
            per_second, _ = rate(lambda source=source: list(iter_intake(source, IntakeLimits(), name="bukti")), seconds)
            expanded = sum(item.size for item in items)
            print(f"{label:20} {len(blob) / 1024:8.1f} {len(items):8} {per_second:11.2f} "
                  f"{per_second * len(items):10.1f} {per_second * expanded / 1e6:8.2f}")


def bench_ocr(pages: int) -> None:
    from tests.fixtures.scans import SK_TIM_KOORDINASI, make_scanned_pdf, render_page, word_recall

    scans = [render_page(SK_TIM_KOORDINASI, skew_degrees=2.5, noise=12, seed=seed) for seed in range(pages)]
    pdf = make_scanned_pdf(scans)
    started = time.perf_counter()
    result = ocr_document(pdf, "sk.pdf")
    elapsed = time.perf_counter() - started
    recalls = [word_recall(SK_TIM_KOORDINASI, page.text) for page in result.pages]
    confidences = [page.ocr_confidence or 0.0 for page in result.pages]
    cpu = os.cpu_count() or 1
    print(f"\n== OCR (tesseract ind+eng, 300 dpi A4 scans tilted 2.5 deg, {cpu} CPUs, 1 page at a time) ==")
    print(f"pages {len(result.pages)}, {elapsed:.2f} s, {len(result.pages) / elapsed:.3f} pages/s "
          f"({elapsed / len(result.pages):.2f} s/page)")
    print(f"word recall min {min(recalls):.3f} mean {sum(recalls) / len(recalls):.3f}; "
          f"mean confidence {sum(confidences) / len(confidences):.1f}")
    workers = max(1, cpu)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm, range(workers)))
        started = time.perf_counter()
        parallel_pages = sum(pool.map(_ocr_pages, [pdf] * workers))
        parallel = time.perf_counter() - started
    print(f"{workers} OCR processes side by side (one per core, as {workers} ocr-queue workers would run): "
          f"{parallel_pages / parallel:.3f} pages/s, {parallel_pages / parallel / (len(result.pages) / elapsed):.2f}x "
          "one process")
    text_per_second, _ = rate(lambda: extract(pdf, "sk.pdf"), 1.0)
    print(f"cheap pass over the same scan (no OCR): {text_per_second:.1f} files/s, "
          f"OCR is {text_per_second * elapsed:.0f}x slower: hence its own queue")


def _warm(_: int) -> None:
    """Load Tesseract's models once per worker process before timing."""
    from tests.fixtures.scans import image_bytes, render_page

    ocr_document(image_bytes(render_page("Pemanasan", size_mm=(60, 20)), "PNG"), "a.png")


def _ocr_pages(pdf: bytes) -> int:
    return len(ocr_document(pdf, "sk.pdf").pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.5, help="minimum measuring time per format")
    parser.add_argument("--ocr-pages", type=int, default=3, help="scanned pages to OCR (0 to skip)")
    args = parser.parse_args()
    bench_formats(args.seconds)
    bench_isolation(args.seconds)
    bench_intake(args.seconds)
    if args.ocr_pages:
        bench_ocr(args.ocr_pages)


if __name__ == "__main__":
    main()
