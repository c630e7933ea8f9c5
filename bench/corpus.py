"""A generated archive of born-digital PDFs: ~10,000 pages in ~1,000 content-distinct files.

Generated, never committed: ``build_archive`` writes a ZIP of OPD folders under ``var/bench/`` and reuses
it while the parameters are the same. The text comes from the training-corpus generator (realistic
Indonesian regulation, report and news vocabulary); each file has its own number and its own mix of
documents, so no two files share content (copies would be de-duplicated by design and not measured).

PDFs are written directly (Helvetica, one content stream per page): fpdf2 needs ~20 ms a page, which would
make building the benchmark slower than running it.
"""

from __future__ import annotations

import hashlib
import io
import random
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINES_PER_PAGE = 48
CHARS_PER_LINE = 95
OPD_FOLDERS = (
    "Dinas Komunikasi dan Informatika", "Sekretariat Daerah", "Badan Perencanaan Pembangunan Daerah",
    "Badan Kepegawaian Daerah", "Dinas Kependudukan dan Pencatatan Sipil", "Inspektorat Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah", "Dinas Penanaman Modal dan PTSP",
)


def _escape(line: str) -> str:
    latin = line.encode("latin-1", "replace").decode("latin-1")
    return latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: catalog, page tree, one Helvetica font, one text stream per page."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        body = "BT /F1 10 Tf 12 TL 56 790 Td " + " ".join(f"({_escape(line)}) '" for line in lines) + " ET"
        stream = body.encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _texts(seed: int) -> list[str]:
    from classifier.corpus.generator import generate_corpus
    from evidence.catalog import load_catalog

    return [doc.text for doc in generate_corpus(load_catalog("spbe-2020"), seed=seed, docs_per_indicator=6,
                                                negatives=80)]


def document_pages(number: int, pages: int, texts: list[str], rng: random.Random) -> list[list[str]]:
    """``pages`` pages: a unique header, then corpus documents one after another, wrapped to lines."""
    lines = [f"NOMOR {number:05d}/{rng.randint(100, 999)}/SPBE/{rng.randint(2019, 2026)}", ""]
    while len(lines) < pages * LINES_PER_PAGE:
        for paragraph in rng.choice(texts).split("\n"):
            lines.extend(textwrap.wrap(paragraph, CHARS_PER_LINE) or [""])
    return [lines[i * LINES_PER_PAGE:(i + 1) * LINES_PER_PAGE] for i in range(pages)]


def build_archive(files: int = 1000, pages_per_file: int = 10, *, seed: int = 12) -> tuple[Path, int]:
    """The archive's path (built once per parameters) and its total page count."""
    target = ROOT / "var" / "bench" / f"arsip-{files}x{pages_per_file}-s{seed}.zip"
    total = files * pages_per_file
    if target.is_file():
        return target, total
    target.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = _texts(seed)
    seen: set[str] = set()
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(files):
            data = write_pdf(document_pages(number, pages_per_file, texts, rng))
            digest = hashlib.sha256(data).hexdigest()
            assert digest not in seen, "files must be distinct in content"
            seen.add(digest)
            folder = OPD_FOLDERS[number % len(OPD_FOLDERS)]
            archive.writestr(f"{folder}/Indikator {1 + number % 47}/dokumen_{number:04d}.pdf", data)
    partial.rename(target)
    return target, total


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    path, pages = build_archive(*(int(a) for a in sys.argv[1:3]))
    print(f"{path} ({pages} pages, {path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
