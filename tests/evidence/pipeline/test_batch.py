"""The parallel path of ``spbe scan`` ends every document as the one-at-a-time path does, hostile files too."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from evidence.catalog import load_catalog
from evidence.db import open_database
from evidence.db.models import Document, SuggestionRecord
from evidence.extraction import extract, registry
from evidence.extraction.policy import ExtractionPolicy
from evidence.intake import IntakeLimits
from evidence.opd import load_opd_directory
from evidence.pipeline import ingest_source, run_document
from evidence.pipeline.batch import process_documents
from evidence.pipeline.classify import classify_batch
from evidence.storage import BlobStore
from tests.evidence.pipeline.misbehaving import SelectiveExtractor, marked
from tests.fixtures.classifiers import PhraseClassifier
from tests.fixtures.documents import make_pdf, make_zip

POLICY = ExtractionPolicy(timeout_seconds=3, memory_limit_bytes=768 * 1024 * 1024, ocr_enabled=False)


class ExplodingClassifier(PhraseClassifier):
    """Raises on one text: a classifier bug must fail that document only, not its batch."""

    def classify(self, text: str, path: str = "", pages: object = None):
        if "meledak" in text:
            raise RuntimeError("model bug")
        return super().classify(text, path, pages)


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", SelectiveExtractor())
    base = make_pdf(["Keputusan Bupati tentang Tim Koordinasi SPBE Kabupaten Sukamaju"])
    files = {f"Diskominfo/laporan {i}.pdf": make_pdf([f"Laporan arsitektur SPBE nomor {i} tahun 2024"]) for i in range(9)}
    files.update({
        "Setda/SK Tim.pdf": base,
        "Setda/macet.pdf": marked(base, b"%HANG"),
        "Setda/crash.pdf": marked(base, b"%SEGV"),
        "Setda/rusak.pdf": b"%PDF-1.7\n garbage",
        "Setda/meledak.pdf": make_pdf(["Dokumen yang meledak di pengklasifikasi, tim koordinasi"]),
        "Setda/catatan.txt": b"Catatan rapat tim koordinasi SPBE bersama seluruh OPD",
    })
    path = tmp_path / "kiriman.zip"
    path.write_bytes(make_zip(files))
    return path


def _ingest(database, store, source: Path):
    with database.session() as s:
        return ingest_source(s, store, source, catalog=load_catalog("spbe-2020"), opd_directory=load_opd_directory(),
                             limits=IntakeLimits(max_members=100))


def _state(database, batch_id: int) -> dict[str, tuple]:
    with database.session() as s:
        docs = s.scalars(select(Document).where(Document.batch_id == batch_id))
        return {d.path: (d.status, d.error, d.extractor, d.lease_token,
                         sorted(r.indicator_id for r in s.scalars(select(SuggestionRecord).where(
                             SuggestionRecord.document_id == d.id, SuggestionRecord.above_threshold.is_(True)))))
                for d in docs}


def test_parallel_batches_end_like_one_at_a_time(database, store, archive: Path, tmp_path: Path) -> None:
    clf = ExplodingClassifier()
    reference = open_database(f"sqlite:///{tmp_path / 'serial.sqlite3'}")  # the one-at-a-time path
    reference_store = BlobStore(tmp_path / "serial-blobs")
    serial = _ingest(reference, reference_store, archive)
    for doc_id in serial.to_process:
        run_document(reference, reference_store, doc_id, lambda _fw: clf, policy=POLICY)
    parallel = _ingest(database, store, archive)
    ids = parallel.to_process
    done: list[int] = []

    statuses = process_documents(database, store, ids, lambda _fw: clf, policy=POLICY, workers=2, batch_size=4,
                                 on_done=lambda doc_id, _status: done.append(doc_id))

    assert sorted(done) == sorted(ids) and set(statuses) == set(ids)
    one, many = _state(reference, serial.batch_id), _state(database, parallel.batch_id)
    reference.engine.dispose()
    assert many == one
    assert many["Setda/macet.pdf"][:2] == ("failed", "timeout: extraction exceeded 3 s")
    assert many["Setda/crash.pdf"][1].startswith("extractor_error: extraction process died (SIGSEGV)")
    assert many["Setda/meledak.pdf"][:2] == ("failed", "classifier_error: RuntimeError: model bug")
    assert many["Setda/SK Tim.pdf"][0] == "ok" and many["Setda/SK Tim.pdf"][4] == [19]
    assert all(state[3] is None for state in many.values())  # no lease left behind


def test_a_document_whose_lease_was_taken_is_not_written(database, store, archive: Path) -> None:
    ingested = _ingest(database, store, archive)
    target = ingested.to_process[0]
    clf = PhraseClassifier()

    def steal(doc_id: int, _status: str) -> None:
        pass

    with database.session() as s:  # another worker holds a live lease on the first document
        doc = s.get(Document, target)
        from datetime import timedelta

        from evidence.db.models import utcnow

        doc.lease_token, doc.lease_expires_at = "someone-else", utcnow() + timedelta(minutes=5)
    statuses = process_documents(database, store, ingested.to_process, lambda _fw: clf, policy=POLICY, workers=2,
                                 on_done=steal)

    assert statuses[target] == "skipped"
    with database.session() as s:
        assert s.get(Document, target).lease_token == "someone-else"


def test_batch_classification_equals_one_at_a_time() -> None:
    clf = PhraseClassifier()
    texts = ["Laporan tim koordinasi SPBE", "Dokumen arsitektur SPBE", "Perda retribusi parkir"]
    items = [(extract(make_pdf([t + " Kabupaten Sukamaju tahun 2024"]), "a.pdf"), f"OPD/{i}.pdf")
             for i, t in enumerate(texts)]

    batch = classify_batch(items, {"spbe-2020": clf}, ["spbe-2020"])

    single = [classify_batch([item], {"spbe-2020": clf}, ["spbe-2020"])[0] for item in items]
    assert batch == single
    assert [[s.indicator_id for s in said[0][1].suggestions] for said in batch] == [[19], [11], []]
