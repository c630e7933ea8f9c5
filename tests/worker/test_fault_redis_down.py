"""Redis down at the moment of upload (issue 13), with the shipped settings and real processes.

The upload is stored and recorded anyway (202): the batch row still ``received`` is the outbox entry. The
``spbe reconcile`` loop outlives the outage and, once Redis answers, finds the batch with no ingest job
and delivers it; a worker started after Redis is back processes every file exactly once.
"""

from __future__ import annotations

import time

import pytest

from evidence.db.models import Batch
from tests.worker.conftest import make_worker_env
from tests.worker.faults import admin_client, all_final, archive, assert_invariants, states, wait_for
from worker.runtime import runtime

pytestmark = [pytest.mark.redis, pytest.mark.slow]


def test_upload_while_redis_is_down_is_recorded_then_delivered_when_it_is_back(tmp_path, monkeypatch,
                                                                                redis_server) -> None:
    env = make_worker_env(tmp_path, monkeypatch, redis_server.url, f"sqlite:///{tmp_path / 'spbe.sqlite3'}",
                          production_defaults=True)
    app, client = admin_client()
    source = archive(tmp_path, n=8)
    try:
        redis_server.stop()
        health = client.get("/api/v1/health")
        assert health.status_code == 503 and "Redis" in health.json()["detail"]
        with source.open("rb") as fh:
            accepted = client.post("/api/v1/archives", files={"file": (source.name, fh, "application/zip")})
        assert accepted.status_code == 202, accepted.text
        batch_id = accepted.json()["batch_id"]
        with runtime().db.session() as s:
            batch = s.get(Batch, batch_id)
            assert batch.status == "received" and runtime().store.exists(batch.archive_sha256)
        env.start("reconcile")  # starts during the outage: its passes fail and are retried
        time.sleep(6)  # at least one failed pass
        redis_server.start()
        back = time.monotonic()
        env.start_worker()
        wait_for(lambda: all_final([batch_id], 8), timeout=120)
        recovery = time.monotonic() - back
        print(f"\nRedis down during upload, default settings: batch done {recovery:.1f} s after Redis came back; "
              f"states {states([batch_id])}")
        assert_invariants([batch_id], expected_files=8)
        assert states([batch_id]) == {"ok": 8}
        # Worker start-up (loading the models) and eight files are inside this figure, hence more than 30 s.
        assert recovery <= 60
    finally:
        env.stop_all()
        app.state.runtime.db.engine.dispose()
