"""The storage disk full (issue 13): the real ``spbe serve`` process under RLIMIT_FSIZE, no mocks.

A file-size limit makes every write past it fail with EFBIG, exactly where a full disk fails with ENOSPC,
without needing a mount (CI runs in a container). The upload is refused with a clear Indonesian message,
no temp file or half-written blob is left, the database is unchanged, and the next (small) upload works.
The blob store's own protocol is checked the same way in a child process.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from evidence.db import open_database
from evidence.db.models import Batch, User
from evidence.storage import BlobStore
from service.security import hash_password, issue_token
from tests.fixtures.documents import make_pdf, make_zip
from tests.worker.conftest import ROOT, _free_port

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
FILE_SIZE_LIMIT = 256 * 1024


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_upload_to_a_full_disk_is_refused_cleanly(tmp_path, postgres_url) -> None:
    db = open_database(postgres_url)
    with db.session() as session:
        admin = User(username="admin", password_hash=hash_password("rahasia-123"), role="admin", active=True)
        session.add(admin)
        session.flush()
        token = issue_token(session, admin).access_token
    port = _free_port()
    data_dir = tmp_path / "var"
    env = {**os.environ, "SPBE_DATA_DIR": str(data_dir), "SPBE_DATABASE_URL": postgres_url,
           "SPBE_FRAMEWORKS": '["spbe-2020"]', "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SPBE_REDIS_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              preexec_fn=_limit_file_size, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/v1/health/live", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        big = tmp_path / "kiriman.zip"  # random bytes do not compress: larger than the limit as sent
        big.write_bytes(make_zip({"Diskominfo/sk.pdf": make_pdf(["SK"]), "Diskominfo/foto.bin": os.urandom(600_000)}))
        assert big.stat().st_size > FILE_SIZE_LIMIT
        started = time.monotonic()
        refused = httpx.post(f"{base}/api/v1/archives", headers=headers, timeout=60,
                             files={"file": (big.name, big.read_bytes(), "application/zip")})
        answered = time.monotonic() - started
        assert refused.status_code == 507, refused.text
        assert refused.json()["detail"].startswith("Penyimpanan server penuh")
        assert _files(data_dir / "blobs") == [] and _files(data_dir / "tmp") == []
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(Batch)) == 0
        small = httpx.post(f"{base}/api/v1/documents", headers=headers, timeout=60,
                           files={"file": ("sk.pdf", make_pdf(["SK Tim Koordinasi SPBE"]), "application/pdf")})
        assert small.status_code == 202, small.text
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(Batch)) == 1
        print(f"\ndisk full: upload refused (507) in {answered:.1f} s; nothing stored; next upload accepted")
    finally:
        server.kill()
        out, _ = server.communicate(timeout=10)
        db.engine.dispose()
    assert "Traceback" not in out, out[-3000:]


def _put_under_limit(root: str, size: int, queue) -> None:
    _limit_file_size()
    try:
        BlobStore(Path(root)).put(os.urandom(size))
        queue.put("stored")
    except OSError as exc:
        queue.put(f"errno {exc.errno}")


def test_blob_store_leaves_nothing_half_written_when_the_disk_fills(tmp_path) -> None:
    queue = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(
        target=_put_under_limit, args=(str(tmp_path / "blobs"), 4 * FILE_SIZE_LIMIT, queue))
    child.start()
    child.join(30)
    import errno

    assert queue.get(timeout=5) == f"errno {errno.EFBIG}"
    assert _files(tmp_path / "blobs") == []  # no temp file, no blob under a hash name
