"""The reconciler asks Redis (a private server, real RQ) whether a document's job still exists."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from evidence.catalog import load_catalog
from evidence.intake import IntakeItem
from evidence.opd import load_opd_directory
from evidence.pipeline import create_batch, ingest_items
from evidence.pipeline.reconcile import reconcile
from evidence.queue.dispatch import RqDispatcher
from evidence.queue.probe import job_id, parse_job_id
from evidence.settings import Settings
from tests.worker.conftest import PrivateRedis
from worker.jobs import JOBS

pytestmark = pytest.mark.redis


@pytest.fixture
def dispatcher() -> Iterator[RqDispatcher]:
    server = PrivateRedis()
    server.start()
    yield RqDispatcher(server.url, JOBS, job_timeout=60, retries=1)
    server.stop()


def _queued_document(database, store) -> tuple[int, int]:
    with database.session() as s:
        batch = create_batch(s, load_catalog("spbe-2020"), source_name="x")
        result = ingest_items(s, store, batch, [IntakeItem("Diskominfo/a.txt", b"isi", 3, None)],
                              opd_directory=load_opd_directory())
        batch.status = "processing"
    return batch.id, result.to_process[0]


def test_job_ids_name_their_target() -> None:
    assert parse_job_id(job_id("doc", 42)) == ("doc", 42)
    assert parse_job_id("b0fba994-605f-48e5-8eda-33badd65cdef") is None  # a foreign (uuid) job id


def test_a_waiting_job_keeps_its_document_and_a_lost_one_is_redelivered_at_once(database, store, dispatcher) -> None:
    settings = Settings(enqueue_grace_seconds=0)
    batch_id, doc_id = _queued_document(database, store)
    dispatcher.submit_documents(batch_id, [doc_id])
    probe = dispatcher.probe(claim_grace_seconds=10)
    live = probe.snapshot()
    assert doc_id in live.documents and live.waiting == 1  # the file job (it finishes its batch itself)
    assert live.oldest_waiting_seconds is not None and live.oldest_waiting_seconds >= 0
    assert reconcile(database, settings, probe=probe).documents_by_batch == {}
    dispatcher.redis.flushdb()  # Redis lost the job (a restart without persistence)
    assert reconcile(database, settings, probe=probe).documents_by_batch == {batch_id: [doc_id]}


def test_a_document_just_handed_to_the_queue_waits_for_the_grace(database, store, dispatcher) -> None:
    _, doc_id = _queued_document(database, store)
    with database.session() as s:
        from evidence.db.models import Document, utcnow

        s.get(Document, doc_id).enqueued_at = utcnow()
    report = reconcile(database, Settings(enqueue_grace_seconds=60), probe=dispatcher.probe(10))
    assert report.documents_by_batch == {}  # the API may be enqueueing it right now
