"""Helpers shared by the fault tests: uploads, waiting, the invariants every fault must keep.

Every fault test ends with the same check: every file in exactly one final state with a reason where it
failed, no content extracted twice, every batch done, and ``spbe check`` clean (nothing missing, corrupt
or orphaned). Recovery times are printed (``-s``) and returned for the closing notes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from evidence.catalog import load_catalog
from evidence.db.models import Batch, Document, User
from evidence.integrity import check_store
from evidence.pipeline import receive_upload
from evidence.settings import get_settings
from service.app import create_app
from service.security import hash_password, issue_token
from tests.fixtures.documents import make_pdf, make_zip
from worker.runtime import runtime

FINAL = {"ok", "no_text", "duplicate", "unsupported", "failed"}


def archive(tmp_path: Path, n: int, *, pages: int = 3, name: str = "kiriman.zip") -> Path:
    """``n`` distinct PDFs of ``pages`` pages (more pages: a longer job, so a kill lands mid-job)."""
    entries = {
        f"Diskominfo/Indikator {1 + i % 30}/dokumen_{i:03d}.pdf": make_pdf(
            [f"LAPORAN KEGIATAN NOMOR {i} HALAMAN {p}\nPelaksanaan SPBE Kabupaten Sukamaju bagian {i}. " * 20
             for p in range(pages)]
        )
        for i in range(n)
    }
    path = tmp_path / name
    path.write_bytes(make_zip(entries))
    return path


def admin_client() -> tuple[FastAPI, TestClient]:
    """The API on the environment's settings, and a client that carries an admin's token."""
    app = create_app(get_settings())
    with app.state.runtime.db.session() as session:
        admin = User(username="admin", password_hash=hash_password("rahasia-123"), role="admin", active=True)
        session.add(admin)
        session.flush()
        token = issue_token(session, admin).access_token
    return app, TestClient(app, headers={"Authorization": f"Bearer {token}"})


def upload(source: Path) -> int:
    rt = runtime()
    with rt.db.session() as session:
        batch = receive_upload(session, rt.store, source, filename=source.name, catalog=load_catalog("spbe-2020"))
        batch_id = batch.id
    rt.dispatcher.submit_batch(batch_id)  # only after the commit
    return batch_id


def states(batch_ids: list[int]) -> dict[str, int]:
    with runtime().db.session() as s:
        rows = s.execute(select(Document.status, func.count()).where(Document.batch_id.in_(batch_ids))
                         .group_by(Document.status)).all()
    return dict(rows)


def all_final(batch_ids: list[int], expected: int) -> bool:
    with runtime().db.session() as s:
        docs = s.execute(select(Document.status).where(Document.batch_id.in_(batch_ids))).scalars().all()
        batches_done = all(s.get(Batch, b).status in {"done", "failed"} for b in batch_ids)
    return len(docs) == expected and all(status in FINAL for status in docs) and batches_done


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.1) -> float:
    """Seconds until ``predicate()`` held; a predicate that raises (database down) counts as not yet."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if predicate():
                return time.monotonic() - start
        except Exception:
            pass
        time.sleep(step)
    raise AssertionError(f"condition not reached in {timeout} s")


def assert_invariants(batch_ids: list[int], expected_files: int) -> None:
    rt = runtime()
    with rt.db.session() as s:
        docs = s.scalars(select(Document).where(Document.batch_id.in_(batch_ids))).all()
        assert len(docs) == expected_files
        assert {d.status for d in docs} <= FINAL, {d.path: d.status for d in docs if d.status not in FINAL}
        assert all(d.error for d in docs if d.status in {"failed", "unsupported", "duplicate"})
        processed = [d for d in docs if d.extractor is not None and d.duplicate_of_id is None]
        digests = [d.sha256 for d in processed]
        assert len(digests) == len(set(digests)), "a content was extracted twice"
        assert all(s.get(Batch, b).status == "done" for b in batch_ids)
    report = check_store(rt.db, rt.store)
    assert report.ok, report
