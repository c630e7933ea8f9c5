"""Scans reach OCR: handed to the OCR queue when there is one, read in the same call when there is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from evidence.catalog import load_catalog
from evidence.db.models import Document
from evidence.extraction import tesseract as tesseract_module
from evidence.extraction.policy import ExtractionPolicy
from evidence.intake import IntakeLimits
from evidence.opd import load_opd_directory
from evidence.pipeline import ingest_source, run_document
from evidence.states import RunOutcome
from tests.fixtures.classifiers import PhraseClassifier
from tests.fixtures.documents import make_pdf, make_zip
from tests.fixtures.scans import make_scanned_pdf, render_page

pytestmark = pytest.mark.skipif(
    tesseract_module.tesseract_version() is None, reason="tesseract is installed by scripts/ensure_services.sh"
)
SCANNED_TEXT = ("KEPUTUSAN BUPATI SUKAMAJU\nTENTANG\nPEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS "
                "ELEKTRONIK\nMenetapkan susunan keanggotaan tim koordinasi SPBE Kabupaten Sukamaju.")
POLICY = ExtractionPolicy(isolate=False, ocr_options={"dpi": 200})


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ocr") / "kiriman.zip"
    path.write_bytes(make_zip({
        "Setda/SK Tim scan.pdf": make_scanned_pdf([render_page(SCANNED_TEXT, skew_degrees=1.5, noise=8)]),
        "Setda/catatan.pdf": make_pdf(["Laporan kegiatan sosialisasi arsitektur SPBE Kabupaten Sukamaju tahun 2024"]),
    }))
    return path


def _ingest(database, store, source: Path) -> dict[str, int]:
    with database.session() as s:
        ingested = ingest_source(s, store, source, catalog=load_catalog("spbe-2020"),
                                 opd_directory=load_opd_directory(), limits=IntakeLimits(max_members=10))
        return {d.path: d.id for d in s.scalars(select(Document).where(Document.batch_id == ingested.batch_id))}


def test_scan_is_handed_to_the_ocr_queue_then_read_there(database, store, archive: Path) -> None:
    ids = _ingest(database, store, archive)
    handed: list[tuple[int, int]] = []
    clf = PhraseClassifier()

    def run(doc_id: int, **kwargs) -> str:
        return run_document(database, store, doc_id, lambda _fw: clf, policy=POLICY,
                            hand_off_ocr=lambda b, d: handed.append((b, d)), **kwargs)

    assert run(ids["Setda/catatan.pdf"]) == "ok"  # a text layer: no detour
    scan_id = ids["Setda/SK Tim scan.pdf"]
    assert run(scan_id) == RunOutcome.OCR_QUEUED
    with database.session() as s:
        doc = s.get(Document, scan_id)
        assert [d for _, d in handed] == [scan_id]
        assert (doc.status, doc.attempts, doc.lease_token) == ("queued", 0, None)  # the cheap pass is free
    assert run(scan_id, ocr_phase=True) == "ok"
    with database.session() as s:
        doc = s.get(Document, scan_id)
        assert "tesseract" in doc.extractor and doc.pages_needing_ocr == 0
        assert doc.attempts == 1
    assert len(handed) == 1  # the OCR phase never hands off again


def test_without_an_ocr_queue_the_scan_is_read_in_the_same_call(database, store, archive: Path) -> None:
    ids = _ingest(database, store, archive)
    clf = PhraseClassifier()
    assert run_document(database, store, ids["Setda/SK Tim scan.pdf"], lambda _fw: clf, policy=POLICY) == "ok"
    with database.session() as s:
        doc = s.get(Document, ids["Setda/SK Tim scan.pdf"])
        assert "tesseract" in doc.extractor
    assert clf.calls == 1  # classified once, on the OCR text


def test_ocr_disabled_leaves_the_scan_as_no_text(database, store, archive: Path) -> None:
    ids = _ingest(database, store, archive)
    policy = ExtractionPolicy(isolate=False, ocr_enabled=False)
    status = run_document(database, store, ids["Setda/SK Tim scan.pdf"], lambda _fw: PhraseClassifier(), policy=policy)
    assert status == "no_text"
