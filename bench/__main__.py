"""``python -m bench`` (``make bench``): every benchmark in turn, each printing figures and ratios against a
baseline measured in the same process. One at a time with its own options: ``python -m bench.<name> --help``."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = (
    ("pdf_text", []),  # PDF pages/s: extract() vs raw pypdfium2 and raw pdfplumber on the same files
    ("ocr", []),  # OCR pages/s and word recall vs raw tesseract on the same page images at the same dpi
    ("classification", []),  # documents/s per framework, batch vs one at a time
    ("throughput", []),  # ~10,000 pages: spbe scan, and the API with 1 and 2 RQ workers (Redis DB 13, PostgreSQL)
    ("extraction", ["--ocr-pages", "0"]),  # per-format extraction and intake throughput
    ("api_latency", []),  # review endpoints, p50/p95
    ("load", []),  # 50 reviewers + 10 uploaders on PostgreSQL with 2 workers: p50/p95, errors (needs both)
)


def main() -> int:
    failed = []
    for name, args in BENCHMARKS:
        print(f"\n== bench.{name} {' '.join(args)}", flush=True)
        if subprocess.call([sys.executable, "-m", f"bench.{name}", *args]) != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
