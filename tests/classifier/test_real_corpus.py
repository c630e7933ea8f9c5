"""The real labelled documents: the manifest in the repository, the texts outside it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from classifier.corpus.real import (
    RealDocumentsUnavailable,
    document_path,
    labels_in,
    load_manifest,
    read_text,
)
from tests.fixtures.real_documents import REAL_DOCS, needs_real_documents

ROOT = Path(__file__).resolve().parents[2]


def test_the_repository_holds_no_real_document_text() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    names = {d.filename for d in load_manifest()}
    assert not [t for t in tracked if Path(t).name in names]


def test_every_document_has_a_source_a_group_and_labels_in_both_frameworks() -> None:
    docs = load_manifest()
    assert len(docs) >= 122 and len({d.id for d in docs}) == len(docs)
    assert all(d.source and d.group for d in docs)
    unrelated = [d for d in docs if not d.indicators and not d.pemdi]
    assert len(unrelated) >= 20, "hard negatives are part of the corpus"


def test_pemdi_labels_are_read_from_the_text_and_the_crosswalk_only_fills_in() -> None:
    by_id = {d.id: d for d in load_manifest()}
    # A regulation on one application (SPBE 2020: 41) is Aplikasi Pemdi (13), as labelled.
    assert labels_in(by_id["hd037"], "pemdi-2026") == {13}
    assert labels_in(by_id["hd037"], "spbe-2020") == {41}
    # A document labelled in SPBE 2020 alone gets its Pemdi labels through the crosswalk.
    only_spbe = next(d for d in by_id.values() if d.indicators and not d.pemdi)
    assert labels_in(only_spbe, "pemdi-2026")


def test_a_missing_reference_folder_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SPBE_REAL_DOCS_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(RealDocumentsUnavailable, match="SPBE_REAL_DOCS_DIR"):
        document_path(load_manifest()[0])


@needs_real_documents
def test_texts_are_read_from_the_reference_folder() -> None:
    doc = next(d for d in load_manifest() if d.filename.endswith(".pdf"))
    assert document_path(doc).parent == REAL_DOCS
    assert len(read_text(doc)) > 200
