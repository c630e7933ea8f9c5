"""The real labelled public documents bundled with the project, and their train/held-out split.

``real/manifest.csv`` lists every real document with its public source and its split; the split was
drawn once (seeded, stratified on labelled vs. unrelated) and is never changed to improve a score.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from evidence.extraction import extract

REAL_DIR = Path(__file__).resolve().parent / "real"
MANIFEST = REAL_DIR / "manifest.csv"


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


def read_text(doc: RealDocument) -> str:
    result = extract(doc.path.read_bytes(), doc.filename)
    return result.text
