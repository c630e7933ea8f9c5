"""The extraction child killed under its memory limit (issue 13), in a real ``spbe worker``.

A 159 MB text file makes the extraction child (RLIMIT_AS, here 1024 MiB over a worker of about 575 MiB)
die; the worker survives, the file ends ``failed`` once with a readable reason (not retried until it
gives up, not left queued), and the other files of the same moment are processed normally.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from evidence.catalog import load_catalog
from evidence.db.models import Document
from evidence.pipeline import receive_upload
from tests.worker.conftest import make_worker_env
from tests.worker.faults import all_final, archive, assert_invariants, states, upload, wait_for
from worker.runtime import runtime

pytestmark = [pytest.mark.redis, pytest.mark.slow]


def test_a_file_that_exhausts_the_extraction_memory_limit_fails_once_with_a_reason(tmp_path, monkeypatch,
                                                                                    redis_url) -> None:
    monkeypatch.setenv("SPBE_EXTRACTION_MEMORY_LIMIT_MB", "1024")
    env = make_worker_env(tmp_path, monkeypatch, redis_url, f"sqlite:///{tmp_path / 'spbe.sqlite3'}",
                          production_defaults=True)
    big = tmp_path / "laporan_besar.txt"
    big.write_bytes(b"Laporan kegiatan SPBE Kabupaten Sukamaju tahun 2025. " * 3_000_000)
    try:
        normal_batch = upload(archive(tmp_path, n=4))
        rt = runtime()
        with rt.db.session() as session:
            big_batch = receive_upload(session, rt.store, big, filename=big.name, catalog=load_catalog("spbe-2020")).id
        rt.dispatcher.submit_batch(big_batch)
        env.start("reconcile")
        env.start_worker()
        started = time.monotonic()
        try:
            wait_for(lambda: all_final([normal_batch, big_batch], 5), timeout=180)
        except AssertionError:
            raise AssertionError(f"{states([normal_batch, big_batch])}\n{env.log_tails()}") from None
        elapsed = time.monotonic() - started
        with rt.db.session() as session:
            doc = session.scalar(select(Document).where(Document.batch_id == big_batch))
            status, error, attempts = doc.status, doc.error, doc.attempts
        print(f"\nextraction memory limit: '{error}' after {elapsed:.1f} s, attempts {attempts}; "
              f"states {states([normal_batch, big_batch])}")
        assert status == "failed"
        assert "memory limit 1024 MiB" in error or "memory limit (1024 MiB)" in error
        assert attempts == 1
        assert states([normal_batch]) == {"ok": 4}
        assert_invariants([normal_batch, big_batch], expected_files=5)
    finally:
        env.stop_all()
