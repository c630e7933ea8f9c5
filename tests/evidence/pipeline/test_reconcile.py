"""The reconciler finds lost work using only the database (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from evidence.catalog import load_catalog
from evidence.db.models import Batch, Document
from evidence.integrity import check_store
from evidence.opd import load_opd_directory
from evidence.pipeline import create_batch, ingest_items, receive_upload
from evidence.pipeline.claim import claim_document
from evidence.pipeline.reconcile import reconcile
from evidence.settings import Settings
from tests.fixtures.documents import make_pdf, make_zip


def _settings(**kw) -> Settings:
    return Settings(max_attempts=2, **kw)


def _upload(database, store, tmp_path: Path) -> int:
    path = tmp_path / "up.zip"
    path.write_bytes(make_zip({"Diskominfo/a.pdf": make_pdf(["satu"]), "Diskominfo/b.pdf": make_pdf(["dua"])}))
    with database.session() as s:
        return receive_upload(s, store, path, filename="up.zip", catalog=load_catalog("spbe-2020")).id


def test_a_batch_whose_ingest_job_vanished_is_redelivered(database, store, tmp_path: Path) -> None:
    batch_id = _upload(database, store, tmp_path)
    assert reconcile(database, _settings(), stale_after_seconds=3600).batches_to_ingest == []  # still fresh
    assert reconcile(database, _settings(), stale_after_seconds=0).batches_to_ingest == [batch_id]


def test_documents_with_expired_leases_are_redelivered_then_given_up(database, store, tmp_path: Path) -> None:
    with database.session() as s:
        batch = create_batch(s, load_catalog("spbe-2020"), source_name="x")
        from evidence.intake import IntakeItem

        result = ingest_items(s, store, batch, [IntakeItem("Diskominfo/a.txt", b"isi", 3, None)],
                              opd_directory=load_opd_directory())
    doc_id = result.to_process[0]
    with database.session() as s:
        claim_document(s, doc_id, lease_seconds=-1, max_attempts=2)  # a worker died holding it
    report = reconcile(database, _settings(), stale_after_seconds=3600)
    assert report.documents_by_batch == {batch.id: [doc_id]}
    with database.session() as s:
        claim_document(s, doc_id, lease_seconds=-1, max_attempts=2)  # ... and the next one died too
    report = reconcile(database, _settings(), stale_after_seconds=3600)
    assert report.documents_failed == [doc_id]
    with database.session() as s:
        doc = s.get(Document, doc_id)
        assert doc.status == "failed" and doc.error.startswith("gave_up")
        assert s.get(Batch, batch.id).status == "done"


def test_check_reports_orphans_missing_and_corrupt_blobs(database, store, tmp_path: Path) -> None:
    _upload(database, store, tmp_path)
    assert check_store(database, store).ok
    orphan = store.put(b"nobody refers to me")
    report = check_store(database, store)
    assert report.orphans == [orphan] and not report.missing
    with database.session() as s:
        s.add(Batch(framework_id="spbe-2020", source_name="hilang.zip", archive_sha256="ab" * 32))
    assert check_store(database, store).missing == ["ab" * 32]
