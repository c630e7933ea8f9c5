"""Ingest + process on SQLite and PostgreSQL: outcomes per file, duplicates, leases, nothing lost."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from evidence.catalog import load_catalog
from evidence.db.models import Document, SuggestionRecord
from evidence.domain import Suggestion
from evidence.intake import IntakeLimits
from evidence.opd import load_opd_directory
from evidence.pipeline import batch_documents, finish_batch, ingest_source, run_document
from evidence.pipeline.claim import claim_document
from tests.fixtures.classifiers import PhraseClassification, PhraseClassifier
from tests.fixtures.documents import make_pdf, make_zip

SK_TEXT = "KEPUTUSAN BUPATI SUKAMAJU TENTANG TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"


def _archive(tmp_path: Path) -> Path:
    """Built once per test: the PDF writer stamps the time, so rebuilding would change the bytes."""
    path = tmp_path / "kiriman.zip"
    if path.exists():
        return path
    sk = make_pdf([SK_TEXT])
    data = make_zip({
        "Diskominfo/Indikator 19/SK Tim.pdf": sk,
        "Bappeda/salinan SK Tim.pdf": sk,  # same bytes: a duplicate
        "Diskominfo/rusak.pdf": b"%PDF-1.7\n garbage",
        "Diskominfo/video.mp4": b"\x00\x00\x00\x18ftypmp42" + bytes(100),
        "../../etc/evil.txt": b"owned",
        "Inspektorat/catatan.txt": b"Laporan arsitektur aplikasi pengawasan",
    })
    path.write_bytes(data)
    return path


def _ingest(database, store, source: Path):
    with database.session() as s:
        return ingest_source(s, store, source, catalog=load_catalog("spbe-2020"), opd_directory=load_opd_directory(),
                             limits=IntakeLimits(max_members=100))


def _run_all(database, store, ids, clf) -> list[str]:
    return [run_document(database, store, i, lambda _fw: clf) for i in ids]


def test_every_file_gets_exactly_one_outcome(database, store, tmp_path: Path) -> None:
    ingested = _ingest(database, store, _archive(tmp_path))
    clf = PhraseClassifier()
    _run_all(database, store, ingested.to_process, clf)
    with database.session() as s:
        assert finish_batch(s, ingested.batch_id)
        docs = {d.path: d for d in batch_documents(s, ingested.batch_id, "spbe-2020")}
    assert ingested.total == 6 and len(docs) == 6
    # Members are taken in path order, so the Bappeda copy comes first and the Diskominfo one links to it.
    assert docs["Bappeda/salinan SK Tim.pdf"].status == "ok"
    assert [x.indicator_id for x in docs["Bappeda/salinan SK Tim.pdf"].suggestions] == [19]
    assert docs["Diskominfo/Indikator 19/SK Tim.pdf"].status == "duplicate"
    assert docs["Diskominfo/Indikator 19/SK Tim.pdf"].duplicate_of == "Bappeda/salinan SK Tim.pdf"
    assert docs["Diskominfo/rusak.pdf"].status == "failed" and docs["Diskominfo/rusak.pdf"].error.startswith("corrupt")
    assert docs["Diskominfo/video.mp4"].status == "unsupported"
    evil = next(d for p, d in docs.items() if "evil" in p)
    assert evil.status == "failed" and evil.error.startswith("unsafe_path")
    assert docs["Inspektorat/catatan.txt"].opd == "Inspektorat Daerah"
    assert docs["Diskominfo/Indikator 19/SK Tim.pdf"].opd == "Dinas Komunikasi dan Informatika"
    assert clf.calls == 2, "only the two readable, non-duplicate files reach the classifier"


@dataclass
class CandidateClassifier(PhraseClassifier):
    """Also names a "perlu dicek" candidate below the threshold, as the trained model does."""

    def classify(self, text: str, path: str = "", pages: object = None) -> PhraseClassification:
        said = super().classify(text, path, pages)
        said.candidates = [*said.candidates, Suggestion(23, 0.3, (), False, candidate=True)]
        return said


def test_same_file_in_a_later_batch_is_not_processed_again(database, store, tmp_path: Path) -> None:
    clf = CandidateClassifier()
    first = _ingest(database, store, _archive(tmp_path))
    _run_all(database, store, first.to_process, clf)
    calls = clf.calls
    second = _ingest(database, store, _archive(tmp_path))
    assert second.to_process == []
    assert clf.calls == calls
    with database.session() as s:
        docs = {d.path: d for d in batch_documents(s, second.batch_id, "spbe-2020")}
    reused = docs["Bappeda/salinan SK Tim.pdf"]
    assert reused.status == "ok" and [x.indicator_id for x in reused.suggestions] == [19]
    # The copy carries everything the gap report and the review desk read: candidates ("perlu dicek"),
    # maturity hints and quoted evidence, not only the suggestions above the threshold.
    with database.session() as s:
        rows = {}
        for batch_id in (first.batch_id, second.batch_id):
            doc = s.scalars(select(Document).where(Document.batch_id == batch_id,
                                                   Document.path == "Bappeda/salinan SK Tim.pdf")).one()
            rows[batch_id] = [
                {c.key: getattr(r, c.key) for c in SuggestionRecord.__table__.columns
                 if c.key not in ("id", "document_id", "created_at")}
                for r in sorted(doc.suggestions, key=lambda r: (r.framework_id, r.indicator_id))]
    assert rows[second.batch_id] == rows[first.batch_id]
    assert any(r["candidate"] and not r["above_threshold"] for r in rows[first.batch_id])


def test_a_document_is_written_only_by_the_holder_of_its_lease(database, store, tmp_path: Path) -> None:
    ingested = _ingest(database, store, _archive(tmp_path))
    doc_id = ingested.to_process[0]
    with database.session() as s:
        stale = claim_document(s, doc_id, lease_seconds=-1, max_attempts=3)  # a crashed worker's expired lease
    assert stale is not None
    assert run_document(database, store, doc_id, lambda _fw: PhraseClassifier()) == "ok"
    with database.session() as s:
        doc = s.get(Document, doc_id)
        assert (doc.status, doc.attempts, doc.lease_token) == ("ok", 2, None)
        n_suggestions = len(s.scalars(select(SuggestionRecord).where(SuggestionRecord.document_id == doc_id)).all())
    # A second delivery of the same job changes nothing.
    assert run_document(database, store, doc_id, lambda _fw: PhraseClassifier()) == "ok"
    with database.session() as s:
        assert len(s.scalars(select(SuggestionRecord).where(SuggestionRecord.document_id == doc_id)).all()) == n_suggestions


def test_a_file_that_keeps_crashing_workers_ends_failed_with_a_reason(database, store, tmp_path: Path) -> None:
    ingested = _ingest(database, store, _archive(tmp_path))
    doc_id = ingested.to_process[0]
    for _ in range(3):  # three workers die mid-job: their leases expire
        with database.session() as s:
            assert claim_document(s, doc_id, lease_seconds=-1, max_attempts=3) is not None
    assert run_document(database, store, doc_id, lambda _fw: PhraseClassifier(), max_attempts=3) == "failed"
    with database.session() as s:
        doc = s.get(Document, doc_id)
        assert doc.status == "failed" and doc.error.startswith("gave_up")


def test_a_copy_uploaded_before_the_original_finished_waits_and_gets_its_results(database, store, tmp_path) -> None:
    first = _ingest(database, store, _archive(tmp_path))
    second = _ingest(database, store, _archive(tmp_path))  # original still queued
    assert second.to_process == []
    clf = PhraseClassifier()
    _run_all(database, store, first.to_process, clf)
    with database.session() as s:
        docs = {d.path: d for d in batch_documents(s, second.batch_id, "spbe-2020")}
        assert finish_batch(s, second.batch_id)
    assert docs["Bappeda/salinan SK Tim.pdf"].status == "ok"
    assert [x.indicator_id for x in docs["Bappeda/salinan SK Tim.pdf"].suggestions] == [19]
    assert clf.calls == 2


def test_concurrent_uploads_of_the_same_archive_process_each_content_once(database, store, tmp_path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    source = _archive(tmp_path)
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(lambda _i: _ingest(database, store, source), range(5)))
    claimed = [doc_id for r in results for doc_id in r.to_process]
    with database.session() as s:
        digests = [s.get(Document, i).sha256 for i in claimed]
    # SK (twice in the archive), the corrupt PDF, the video and the note: four distinct contents.
    assert len(digests) == len(set(digests)) == 4, "each distinct content is claimed by exactly one document"


def test_migration_0006_repairs_copies_made_without_candidates(database, store, tmp_path: Path) -> None:
    """Copies stored before copy_results took every column get them back from their original."""
    from alembic import command
    from sqlalchemy import update

    from evidence.db.session import alembic_config

    clf = CandidateClassifier()
    first = _ingest(database, store, _archive(tmp_path))
    _run_all(database, store, first.to_process, clf)
    second = _ingest(database, store, _archive(tmp_path))
    copies = select(Document.id).where(Document.batch_id == second.batch_id)
    candidates = select(SuggestionRecord).where(SuggestionRecord.document_id.in_(copies),
                                                SuggestionRecord.candidate.is_(True))
    with database.session() as s:
        before = [(r.document_id, r.indicator_id) for r in s.scalars(candidates)]
        s.execute(update(SuggestionRecord).where(SuggestionRecord.document_id.in_(copies))
                  .values(candidate=False, maturity_level=None, maturity_reason=None, evidence=None))
    cfg = alembic_config(database.engine.url.render_as_string(hide_password=False))
    with database.session() as s:
        assert not s.scalars(candidates).all()  # blanked, as copies were stored before
    with database.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0005")
        command.upgrade(cfg, "head")
    with database.session() as s:
        restored = [(r.document_id, r.indicator_id) for r in s.scalars(candidates)]
    assert before and {i for _, i in before} == {23} and sorted(restored) == sorted(before)
