"""The fast PDF path against pdfplumber on real Pemda PDFs: the same words, and no worse classification.

The real documents are other people's text and never enter the repository: they are read from
``../shared/spbe/dev/`` (beside the checkout) and the tests are skipped, saying so, when it is absent.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from evidence.extraction.pdf import PdfExtractor
from tests.fixtures.real_documents import REAL_DOCS

DEV_DIR = REAL_DOCS
REAL_PDFS = sorted(DEV_DIR.glob("*.pdf")) if DEV_DIR.is_dir() else []
pytestmark = pytest.mark.skipif(
    not REAL_PDFS, reason=f"real Pemda PDFs not found in {DEV_DIR} (kept outside the repository)"
)
WORD = re.compile(r"\w+")
MIN_WORD_OVERLAP = 0.98


def words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in WORD.findall(text))


@cache
def plumber_pages(path: Path) -> tuple[str, ...]:
    """The reference: pdfplumber's ``extract_text`` of every page, as the project read PDFs before."""
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
        return tuple(texts)


@cache
def fast_pages(path: Path) -> tuple[str, ...]:
    result = PdfExtractor().extract(path.read_bytes())
    assert result.status == "ok", (path.name, result.error)
    return tuple(page.text for page in result.pages)


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_fast_path_words_agree_with_pdfplumber(path: Path) -> None:
    reference = words("\n".join(plumber_pages(path)))
    fast = words("\n".join(fast_pages(path)))

    shared = sum((reference & fast).values())
    assert shared / sum(reference.values()) >= MIN_WORD_OVERLAP, f"recall of pdfplumber's words {shared / sum(reference.values()):.3f}"
    assert shared / sum(fast.values()) >= MIN_WORD_OVERLAP, f"precision against pdfplumber {shared / sum(fast.values()):.3f}"


def _labels() -> dict[str, dict[str, set[int]]]:
    with (DEV_DIR / "labels.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    def ids(value: str) -> set[int]:
        return {int(part) for part in value.split(";") if part.strip()}

    return {row["filename"]: {"spbe-2020": ids(row["indicators"]), "pemdi-2026": ids(row["pemdi"])} for row in rows}


@pytest.mark.parametrize("framework", ["spbe-2020", "pemdi-2026"])
def test_classification_on_fast_text_is_not_worse_than_on_pdfplumber_text(framework: str) -> None:
    from classifier.loading import load_classifier
    from evidence.catalog import load_catalog
    from evidence.settings import get_settings

    if not (DEV_DIR / "labels.csv").is_file():
        pytest.skip(f"labels.csv missing in {DEV_DIR}")
    labels = _labels()
    classifier = load_classifier(load_catalog(framework), get_settings().models_dir)
    paths = [p for p in REAL_PDFS if p.name in labels]
    scores = {}
    for name, reader in (("pdfplumber", plumber_pages), ("fast", fast_pages)):
        docs = [("\n\n".join(reader(p)), f"OPD/{p.name}") for p in paths]
        said = classifier.classify_many(docs)
        true_pos = false_pos = top1 = 0
        for path, classification in zip(paths, said, strict=True):
            truth = labels[path.name][framework]
            suggested = {s.indicator_id for s in classification.suggestions}
            true_pos += len(suggested & truth)
            false_pos += len(suggested - truth)
            top1 += bool(truth) and classification.candidates[0].indicator_id in truth
        scores[name] = (true_pos, false_pos, top1)

    (tp_ref, fp_ref, top_ref), (tp, fp, top) = scores["pdfplumber"], scores["fast"]
    assert tp >= tp_ref and fp <= fp_ref and top >= top_ref, scores
