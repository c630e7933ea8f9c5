"""OCR pages/s and word recall against the raw ``tesseract`` command on the same page images, same dpi.

Run: ``python -m bench.ocr [--pages 6] [--dpi 300]``. A scanned decree of ``--pages`` pages (generated:
tilted, noised, the exact source text known) is put in a PDF. The baseline renders those pages with pdfium
at ``--dpi`` to PNG files and runs ``tesseract page.png stdout -l ind+eng --dpi N`` on each, one after another,
with Tesseract's own defaults (its OpenMP threads included). The project reads the same PDF with
``ocr_document`` (render, deskew, TSV with confidences; pages spread over ``SPBE_OCR_PAGE_WORKERS``) and
with one page at a time. Word recall is measured against the source text for both. Figures only.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from bench.throughput import load


def main() -> None:
    import pypdfium2 as pdfium

    from evidence.extraction.ocr import ocr_document
    from evidence.settings import get_settings
    from tests.fixtures.scans import SK_TIM_KOORDINASI, make_scanned_pdf, render_page, word_recall

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--languages", default="ind+eng")
    args = parser.parse_args()
    pdf = make_scanned_pdf([render_page(SK_TIM_KOORDINASI, skew_degrees=1.5, noise=8, seed=s) for s in range(args.pages)])
    workers = get_settings().resolved_ocr_page_workers()
    print(f"{args.pages} scanned A4 pages at {args.dpi} dpi, tesseract {args.languages}; load {load()}")

    with tempfile.TemporaryDirectory() as tmp:
        document = pdfium.PdfDocument(pdf)
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=args.dpi / 72, grayscale=True)
            path = Path(tmp) / f"hal{index + 1}.png"
            bitmap.to_pil().convert("L").save(path)
            images.append(path)
        document.close()
        started = time.perf_counter()
        raw_texts = [subprocess.run(["tesseract", str(path), "stdout", "-l", args.languages, "--dpi", str(args.dpi)],
                                    capture_output=True, check=True).stdout.decode() for path in images]
        raw_seconds = time.perf_counter() - started
    raw_recall = sum(word_recall(SK_TIM_KOORDINASI, text) for text in raw_texts) / len(raw_texts)
    raw_rate = args.pages / raw_seconds
    print(f"  raw tesseract CLI, page by page (baseline): {raw_rate:6.3f} pages/s  ({raw_seconds / args.pages:5.2f} s/page)  "
          f"word recall {raw_recall:.3f}")
    for label, page_workers in ((f"ocr_document, {workers} pages at a time", workers), ("ocr_document, 1 page at a time", 1)):
        started = time.perf_counter()
        result = ocr_document(pdf, "sk.pdf", dpi=args.dpi, languages=args.languages, workers=page_workers)
        seconds = time.perf_counter() - started
        recall = sum(word_recall(SK_TIM_KOORDINASI, page.text) for page in result.pages) / len(result.pages)
        print(f"  {label:38} {args.pages / seconds:6.3f} pages/s  ({seconds / args.pages:5.2f} s/page)  "
              f"word recall {recall:.3f}  x{args.pages / seconds / raw_rate:.2f} speed, {recall - raw_recall:+.3f} recall "
              f"vs baseline  status {result.status}")
    print(f"  load after {load()}")


if __name__ == "__main__":
    main()
