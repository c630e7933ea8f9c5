"""Recovery with the SHIPPED settings (issue 13): a worker SIGKILLed mid-job, healed within 30 s.

Real processes only: two ``spbe worker`` processes and the ``spbe reconcile`` loop, none of them given a
shortened lease, timeout or interval. One worker is killed (with its work horse, like an OOM kill) while
it holds a document; the test measures how long until that document is final again.
"""

from __future__ import annotations

import time

import pytest
from redis import Redis
from rq import Worker

from evidence.db.models import Document
from evidence.queue.probe import parse_job_id
from evidence.settings import Settings
from tests.worker.conftest import make_worker_env
from tests.worker.faults import FINAL, all_final, archive, assert_invariants, states, upload, wait_for
from worker.runtime import runtime

pytestmark = [pytest.mark.redis, pytest.mark.slow]
RECOVERY_BOUND_SECONDS = 30  # the requirement, with default settings


def _current_document(redis_url: str, worker_name: str) -> int | None:
    """The document the named worker is processing right now, from RQ's own worker record."""
    for w in Worker.all(connection=Redis.from_url(redis_url)):
        if w.name == worker_name and (job := w.get_current_job_id()):
            parsed = parse_job_id(job)
            if parsed and parsed[0] == "doc":
                return parsed[1]
    return None


def test_sigkilled_worker_recovers_within_30_seconds_with_default_settings(tmp_path, monkeypatch, redis_url) -> None:
    defaults = Settings()
    assert defaults.lease_seconds <= 15 and defaults.reconcile_every_seconds <= 5  # the shipped values
    env = make_worker_env(tmp_path, monkeypatch, redis_url, f"sqlite:///{tmp_path / 'spbe.sqlite3'}",
                          production_defaults=True)
    try:
        batch_id = upload(archive(tmp_path, n=16, pages=40))
        env.start("reconcile")  # the default interval
        victim = env.start_worker("--name", "korban")
        env.start_worker("--name", "penyintas")
        held: dict[str, int] = {}

        def victim_mid_job() -> bool:
            doc_id = _current_document(redis_url, "korban")
            if doc_id is None or states([batch_id]).get("ok", 0) < 2:
                return False
            with runtime().db.session() as s:
                doc = s.get(Document, doc_id)
                if doc.status != "queued" or doc.lease_token is None:
                    return False  # not claimed yet, or already recorded
            held["doc"] = doc_id
            return True

        wait_for(victim_mid_job, timeout=180, step=0.02)
        env.kill(victim)
        killed_at = time.monotonic()
        with runtime().db.session() as s:
            doc = s.get(Document, held["doc"])
            assert doc.status == "queued" and doc.lease_token is not None, "the kill must land mid-job"

        def lost_file_taken_again() -> bool:  # re-delivered and claimed by the surviving worker (or done)
            with runtime().db.session() as s:
                doc = s.get(Document, held["doc"])
                return doc.attempts >= 2 or doc.status in FINAL

        def lost_file_final() -> bool:
            with runtime().db.session() as s:
                return s.get(Document, held["doc"]).status in FINAL

        redelivered = wait_for(lost_file_taken_again, timeout=120)
        recovered = redelivered + wait_for(lost_file_final, timeout=120)
        wait_for(lambda: all_final([batch_id], 16), timeout=180)
        batch_done = time.monotonic() - killed_at
        print(f"\nSIGKILL, default settings: lost file re-delivered and claimed after {redelivered:.1f} s, "
              f"final after {recovered:.1f} s; batch done {batch_done:.1f} s after the kill; states {states([batch_id])}")
        # The bound is on the recovery (the lost work running again); finishing a 40-page file on a shared
        # machine comes on top and is reported, not bounded.
        assert redelivered <= RECOVERY_BOUND_SECONDS
        assert_invariants([batch_id], expected_files=16)
        with runtime().db.session() as s:
            assert s.get(Document, held["doc"]).attempts == 2  # the killed attempt and the one that finished
    finally:
        env.stop_all()
