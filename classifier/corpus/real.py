"""The real labelled public documents bundled with the project, and their train/held-out split.

``real/manifest.csv`` lists every real document with its public source and its split; the split was
drawn once (seeded, stratified on labelled vs. unrelated) and is never changed to improve a score.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evidence.extraction import extract

REAL_DIR = Path(__file__).resolve().parent / "real"
MANIFEST = REAL_DIR / "manifest.csv"
# The framework the manifest's ``indicators`` are written in; other frameworks get them through a crosswalk.
MANIFEST_FRAMEWORK = "spbe-2020"


@dataclass(frozen=True)
class RealDocument:
    id: str
    filename: str
    indicators: frozenset[int]
    doc_type: str
    split: str  # "train" | "heldout"
    source: str

    @property
    def path(self) -> Path:
        return REAL_DIR / "docs" / self.filename


def parse_indicator_list(raw: str) -> frozenset[int]:
    return frozenset(int(x) for x in raw.replace(",", ";").split(";") if x.strip())


def load_manifest(split: str | None = None) -> list[RealDocument]:
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        rows = [
            RealDocument(
                id=r["id"],
                filename=r["filename"],
                indicators=parse_indicator_list(r["indicators"]),
                doc_type=r["doc_type"],
                split=r["split"],
                source=r["source"],
            )
            for r in csv.DictReader(fh)
        ]
    return [r for r in rows if split is None or r.split == split]


@cache
def read_text(doc: RealDocument) -> str:
    """Extracted once per process: the bundled documents never change, and training reads them often."""
    result = extract(doc.path.read_bytes(), doc.filename)
    return result.text


def labels_in(doc: RealDocument, framework_id: str) -> frozenset[int]:
    """The document's labels in ``framework_id``: as written, or mapped through the bundled crosswalk.

    Mapped labels are derived, not judged by a person: metrics measured with them say how well the model
    agrees with the crosswalk, which is what a Pemda reusing SPBE 2020 evidence relies on.
    """
    if framework_id == MANIFEST_FRAMEWORK:
        return doc.indicators
    from evidence.catalog.crosswalk import load_crosswalk

    crosswalk = load_crosswalk(MANIFEST_FRAMEWORK, framework_id)
    return frozenset(target for source in doc.indicators for target in crosswalk.successors(source))
