"""Bounded load on localhost: 50 concurrent reviewers and 10 concurrent uploaders against the real
service (``spbe serve``) on PostgreSQL, with 2 real RQ workers and the reconciler running.

Run: ``python -m bench.load [--review-requests 20] [--uploads 3]`` (per reviewer / per uploader). Needs
PostgreSQL (``SPBE_BENCH_POSTGRES_URL``, default the test database on 127.0.0.1:5432; a fresh schema is
created and dropped) and Redis (database 14, flushed). Prints p50/p95 per request kind, the error count
(zero expected) and the time until every uploaded file was processed; writes ``bench/results/load.json``.
A fixed number of requests, so the run is bounded (about a minute on two cores).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("SPBE_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS = "redis://127.0.0.1:6379/14"
REVIEWERS, UPLOADERS = 50, 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _archive(seed: int, files: int = 3) -> bytes:
    from fpdf import FPDF

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(files):
            pdf = FPDF()
            pdf.set_font("Helvetica", size=10)
            pdf.add_page()
            pdf.multi_cell(0, 5, f"LAPORAN {seed}-{i} Penerapan SPBE Kabupaten Sukamaju. " * 20)
            zf.writestr(f"Diskominfo/unggahan_{seed}_{i}.pdf", bytes(pdf.output()))
    return buf.getvalue()


def _seed(database_url: str) -> tuple[list[str], list[str], int]:
    """300 classified documents, 50 reviewer tokens, 10 OPD-uploader tokens (no Argon2 per token)."""
    from evidence.db import open_database
    from evidence.db.models import Batch, Document, Framework, SuggestionRecord, User
    from service.security import hash_password, issue_token

    db = open_database(database_url)
    password_hash = hash_password("bench-pass-1")
    with db.session() as s:
        s.add(Framework(id="spbe-2020", name="SPBE", catalog_version="2020.1"))
        s.flush()
        batch = Batch(framework_id="spbe-2020", source_name="bench.zip", status="done")
        s.add(batch)
        s.flush()
        for i in range(300):
            doc = Document(batch_id=batch.id, path=f"Diskominfo/doc{i}.pdf", filename=f"doc{i}.pdf",
                           opd="Dinas Komunikasi dan Informatika", status="ok", sha256=None)
            s.add(doc)
            s.flush()
            for rank, ind in enumerate((19, 10, 11)):
                s.add(SuggestionRecord(document_id=doc.id, framework_id="spbe-2020", indicator_id=ind,
                                       score=0.9 - rank * 0.2, threshold=0.5, above_threshold=rank == 0, rank=rank,
                                       reasons=["bench"], model_version="bench"))
        reviewers, uploaders = [], []
        for i in range(REVIEWERS):
            user = User(username=f"penilai{i}", password_hash=password_hash, role="reviewer", active=True)
            s.add(user)
            s.flush()
            reviewers.append(issue_token(s, user).access_token)
        for i in range(UPLOADERS):
            user = User(username=f"opd{i}", password_hash=password_hash, role="opd", active=True,
                        opd="Dinas Komunikasi dan Informatika")
            s.add(user)
            s.flush()
            uploaders.append(issue_token(s, user).access_token)
    db.engine.dispose()
    return reviewers, uploaders, 300


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--review-requests", type=int, default=20, help="requests per reviewer")
    parser.add_argument("--uploads", type=int, default=3, help="archives per uploader (3 PDFs each)")
    args = parser.parse_args()

    import httpx
    import redis
    from sqlalchemy import create_engine, func, select, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    database_url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    redis.Redis.from_url(REDIS).flushdb()
    procs: list[subprocess.Popen] = []
    tmp = tempfile.mkdtemp(prefix="spbe-load-")
    env = {**os.environ, "SPBE_DATA_DIR": f"{tmp}/var", "SPBE_DATABASE_URL": database_url, "SPBE_REDIS_URL": REDIS,
           "SPBE_FRAMEWORKS": '["spbe-2020"]', "SPBE_FRAMEWORK": "spbe-2020", "PYTHONPATH": str(ROOT),
           "SPBE_LOGIN_LIMIT_PER_ADDRESS": "1000/minute"}
    try:
        reviewers, uploaders, n_docs = _seed(database_url)
        port = _free_port()
        log = open(f"{tmp}/processes.log", "w")  # noqa: SIM115
        for command in (["serve", "--port", str(port)], ["worker"], ["worker"], ["reconcile"]):
            procs.append(subprocess.Popen([sys.executable, "-m", "cli.main", *command], cwd=ROOT, env=env,
                                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/v1/health/live", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        time.sleep(5)  # the workers load their models

        latencies: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        batch_ids: list[int] = []

        def request(client: httpx.Client, kind: str, method: str, url: str, **kw) -> httpx.Response | None:
            start = time.perf_counter()
            try:
                response = client.request(method, url, **kw)
            except httpx.HTTPError as exc:
                errors.append(f"{kind}: {type(exc).__name__}")
                return None
            latencies[kind].append((time.perf_counter() - start) * 1000)
            if response.status_code >= 400:
                errors.append(f"{kind}: {response.status_code} {response.text[:120]}")
            return response

        def reviewer(index: int) -> None:
            with httpx.Client(base_url=base, timeout=60,
                              headers={"Authorization": f"Bearer {reviewers[index]}"}) as client:
                for i in range(args.review_requests):
                    doc = 1 + (index * 37 + i * 11) % n_docs
                    step = i % 4
                    if step == 0:
                        request(client, "GET /review-queue", "GET", "/api/v1/review-queue?limit=50")
                    elif step == 1:
                        request(client, "GET /documents", "GET", "/api/v1/documents?limit=50")
                    elif step == 2:
                        request(client, "GET /documents/{id}", "GET", f"/api/v1/documents/{doc}")
                    else:
                        request(client, "POST /documents/{id}/reviews", "POST", f"/api/v1/documents/{doc}/reviews",
                                json={"indicator_id": 19, "decision": "accept" if i % 8 == 3 else "reject"})

        def uploader(index: int) -> None:
            with httpx.Client(base_url=base, timeout=120,
                              headers={"Authorization": f"Bearer {uploaders[index]}"}) as client:
                for i in range(args.uploads):
                    data = _archive(index * 100 + i)
                    response = request(client, "POST /archives", "POST", "/api/v1/archives",
                                       files={"file": (f"kiriman_{index}_{i}.zip", data, "application/zip")})
                    if response is not None and response.status_code == 202:
                        batch_ids.append(response.json()["batch_id"])

        started = time.monotonic()
        with ThreadPoolExecutor(REVIEWERS + UPLOADERS) as pool:
            futures = [pool.submit(reviewer, i) for i in range(REVIEWERS)]
            futures += [pool.submit(uploader, i) for i in range(UPLOADERS)]
            for future in futures:
                future.result()
        load_seconds = time.monotonic() - started

        from evidence.db.models import Batch

        engine = create_engine(database_url)
        deadline = time.monotonic() + 300
        with engine.connect() as conn:
            while time.monotonic() < deadline:
                done = conn.execute(select(func.count()).select_from(Batch)
                                    .where(Batch.id.in_(batch_ids), Batch.status == "done")).scalar_one()
                conn.commit()
                if done == len(batch_ids):
                    break
                time.sleep(0.5)
        processed_seconds = time.monotonic() - started
        engine.dispose()

        everything = [v for values in latencies.values() for v in values]
        result = {
            "setup": {"reviewers": REVIEWERS, "uploaders": UPLOADERS, "database": "postgresql", "workers": 2,
                      "requests": len(everything), "uploads": len(batch_ids)},
            "latency": {kind: _percentiles(values) for kind, values in sorted(latencies.items())},
            "all": _percentiles(everything),
            "errors": len(errors),
            "error_samples": errors[:10],
            "load_seconds": round(load_seconds, 1),
            "uploads_processed": done,
            "all_uploads_processed_seconds": round(processed_seconds, 1),
        }
        print(json.dumps(result, indent=2))
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / "load.json").write_text(json.dumps(result, indent=2) + "\n")
        return 0 if not errors and done == len(batch_ids) else 1
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
