"""The real labelled public documents: their manifest here, their texts outside the repository.

``real/manifest.csv`` holds what the project may keep about each document: id, file name, labels in both
frameworks (``indicators`` = SPBE 2020, ``pemdi`` = Pemdi 2026), type, region, the cross-validation
``group``, public source and the labeller's note. The texts are other people's sentences and stay in the
reference folder (``../shared/spbe/dev`` beside the repository, or ``SPBE_REAL_DOCS_DIR``); only training
and evaluation read them, and both stop with a clear message when the folder is absent. The running
product never does.

``group`` is the region (or the source site when the region is unknown): grouped cross-validation keeps
every document of one region in one fold, so two pages of one regulation never sit on both sides.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evidence.extraction import extract

MANIFEST = Path(__file__).resolve().parent / "real" / "manifest.csv"
DOCS_DIR_VARIABLE = "SPBE_REAL_DOCS_DIR"
_DEFAULT_DOCS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "spbe" / "dev"
SPBE_2020 = "spbe-2020"
PEMDI_2026 = "pemdi-2026"


class RealDocumentsUnavailable(RuntimeError):
    """The folder with the real documents' texts is not on this machine."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"Dokumen nyata berlabel tidak ditemukan di {folder} (atur {DOCS_DIR_VARIABLE}). Pelatihan dan "
            "evaluasi membutuhkan teksnya; repositori hanya menyimpan id, sumber dan labelnya."
        )
        self.folder = folder


@dataclass(frozen=True)
class RealDocument:
    id: str
    filename: str
    indicators: frozenset[int]  # SPBE 2020 ids
    pemdi: frozenset[int]  # Pemdi 2026 ids, as labelled from the text
    doc_type: str
    region: str
    group: str
    source: str


def real_docs_dir() -> Path:
    return Path(os.environ.get(DOCS_DIR_VARIABLE) or _DEFAULT_DOCS_DIR)


def real_documents_available() -> bool:
    return real_docs_dir().is_dir()


def parse_indicator_list(raw: str) -> frozenset[int]:
    return frozenset(int(x) for x in raw.replace(",", ";").split(";") if x.strip())


@cache
def load_manifest() -> tuple[RealDocument, ...]:
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return tuple(
            RealDocument(
                id=r["id"],
                filename=r["filename"],
                indicators=parse_indicator_list(r["indicators"]),
                pemdi=parse_indicator_list(r["pemdi"]),
                doc_type=r["doc_type"],
                region=r["region"],
                group=r["group"],
                source=r["source"],
            )
            for r in csv.DictReader(fh)
        )


def document_path(doc: RealDocument) -> Path:
    folder = real_docs_dir()
    if not folder.is_dir():
        raise RealDocumentsUnavailable(folder)
    return folder / doc.filename


@cache
def read_text(doc: RealDocument) -> str:
    """Extracted once per process: the documents never change, and training reads them often."""
    path = document_path(doc)
    return extract(path.read_bytes(), doc.filename).text


def labels_in(doc: RealDocument, framework_id: str) -> frozenset[int]:
    """The document's labels in ``framework_id``.

    Pemdi labels were read from the text itself; the crosswalk only fills in for a document labelled in
    SPBE 2020 alone. Another framework gets the SPBE 2020 labels through its crosswalk.
    """
    if framework_id == SPBE_2020:
        return doc.indicators
    if framework_id == PEMDI_2026 and (doc.pemdi or not doc.indicators):
        return doc.pemdi
    from evidence.catalog.crosswalk import load_crosswalk

    crosswalk = load_crosswalk(SPBE_2020, framework_id)
    return frozenset(target for source in doc.indicators for target in crosswalk.successors(source))
