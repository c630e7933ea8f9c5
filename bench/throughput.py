"""A generated archive of ~10,000 born-digital pages in ~1,000 distinct files, end to end.

Run: ``python -m bench.throughput [--files 1000] [--pages 10] [--workers 1 2] [--skip-scan] [--skip-api]``.

1. ``spbe scan`` (embedded: SQLite, no Redis), as a user runs it, in a subprocess: wall time, pages/s,
   files/s, peak memory of its largest process.
2. The API (``POST /api/v1/archives``, PostgreSQL, Redis DB 13) with 1, then 2 ``spbe worker`` processes:
   wall time from the upload to the batch's end, pages/s, files/s, peak memory per worker.
Baseline of the same run: one process reading every page of the same archive with raw pypdfium2 (no
isolation, no classification, no database), and for the workers the 1-worker run. The machine's load
average is printed before and after each measurement: on a shared 2-core machine, the 2-worker speed-up
only means something when nothing else runs. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from bench.corpus import build_archive

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("SPBE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
POSTGRES_URL = os.environ.get("SPBE_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def raw_pdfium(archive: Path) -> tuple[float, int]:
    """The floor: every page of every member read by pypdfium2 in this process (bench.pdf_text's reader)."""
    from bench.pdf_text import raw_pdfium as read_pages

    started = time.perf_counter()
    with zipfile.ZipFile(archive) as zf:
        pages = sum(read_pages(zf.read(name)) for name in zf.namelist())
    return time.perf_counter() - started, pages


def run_scan(archive: Path, workers: int | None) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (the scan and every child), peak RSS MiB of its largest process, exit code."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SPBE_DATA_DIR": f"{tmp}/var", "PYTHONPATH": str(ROOT)}
        env.pop("SPBE_REDIS_URL", None)
        env.pop("SPBE_DATABASE_URL", None)
        if workers is not None:
            env["SPBE_WORKERS"] = str(workers)
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "cli.main", "scan", str(archive), "--out", f"{tmp}/out"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            print(proc.stderr.read().decode()[-2000:], file=sys.stderr)
        return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def run_api(archive: Path, workers: int) -> tuple[float, list[float], list[float], dict[str, int]]:
    """Upload through the API, ``workers`` RQ workers until the batch is done: wall s, peak MiB per worker."""
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, func, select, text

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    tmp = tempfile.mkdtemp(prefix="spbe-bench-")
    env = {**os.environ, "SPBE_DATA_DIR": f"{tmp}/var", "SPBE_REDIS_URL": REDIS_URL, "PYTHONPATH": str(ROOT),
           "SPBE_DATABASE_URL": f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"}
    os.environ.update(env)
    import redis

    from evidence.db.models import Batch, Document, User
    from evidence.settings import get_settings
    from service.app import create_app
    from service.security import hash_password, issue_token

    get_settings.cache_clear()
    redis.Redis.from_url(REDIS_URL).flushdb()
    app = create_app(get_settings())
    client = TestClient(app)
    with app.state.runtime.db.session() as s:
        user = User(username="bench", password_hash=hash_password("bench-rahasia-1"), role="admin", active=True)
        s.add(user)
        s.flush()
        auth = {"Authorization": f"Bearer {issue_token(s, user).access_token}"}
    procs = [subprocess.Popen([sys.executable, "-m", "cli.main", "worker"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
    peaks: list[float] = []
    cpus: list[float] = []
    try:
        time.sleep(8)  # the workers load both models before taking a job: not part of an archive's time
        started = time.perf_counter()
        started_at = datetime.now(UTC)
        response = client.post("/api/v1/archives", headers=auth,
                               files={"file": (archive.name, archive.read_bytes(), "application/zip")})
        assert response.status_code == 202, response.text
        batch_id = response.json()["batch_id"]
        while True:
            time.sleep(0.5)
            with app.state.runtime.db.session() as s:
                if s.get(Batch, batch_id).status in ("done", "failed"):
                    break
        elapsed = time.perf_counter() - started
        with app.state.runtime.db.session() as s:
            counts = dict(s.execute(select(Document.status, func.count()).where(Document.batch_id == batch_id)
                                    .group_by(Document.status)).all())
            fanned_out = s.execute(select(func.min(Document.enqueued_at)).where(Document.batch_id == batch_id)).scalar()
        # Upload and unpacking (one job) come before the files spread over the workers: the serial part.
        counts["serial_s"] = round((fanned_out - started_at).total_seconds(), 1) if fanned_out else -1
    finally:
        for proc in procs:
            proc.terminate()  # warm shutdown: the worker finishes its current job and exits
            _, _, usage = os.wait4(proc.pid, 0)
            peaks.append(usage.ru_maxrss / 1024)
            cpus.append(usage.ru_utime + usage.ru_stime)
    client.close()
    app.state.runtime.db.engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    return elapsed, peaks, cpus, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--skip-api", action="store_true")
    args = parser.parse_args()
    archive, pages = build_archive(args.files, args.pages)
    files = args.files
    print(f"archive {archive.name}: {files} distinct files, {pages} pages; {os.cpu_count()} CPUs; load {load()}")
    raw_seconds, raw_pages = raw_pdfium(archive)
    assert raw_pages == pages
    raw_rate = pages / raw_seconds
    print(f"baseline raw pypdfium2, 1 process: {raw_seconds:6.1f} s  {raw_rate:7.1f} pages/s  "
          f"{files / raw_seconds:6.1f} files/s")
    if not args.skip_scan:
        before = load()
        seconds, cpu, peak, code = run_scan(archive, None)
        print(f"spbe scan (embedded, SPBE_WORKERS default): {seconds:6.1f} s  {pages / seconds:7.1f} pages/s  "
              f"{files / seconds:6.1f} files/s  CPU {cpu:.0f} s ({cpu / files * 1000:.0f} ms/file)  "
              f"peak {peak:.0f} MiB (largest process)  exit {code}  "
              f"x{pages / seconds / raw_rate:.3f} of raw pypdfium2 pages/s  load {before} -> {load()}")
    if not args.skip_api:
        first: float | None = None
        for count in args.workers:
            before = load()
            seconds, peaks, cpus, counts = run_api(archive, count)
            first = first or seconds
            print(f"API + {count} RQ worker(s): {seconds:6.1f} s  {pages / seconds:7.1f} pages/s  "
                  f"{files / seconds:6.1f} files/s  worker CPU {sum(cpus):.0f} s ({sum(cpus) / files * 1000:.0f} ms/file)  "
                  f"peak per worker {', '.join(f'{p:.0f}' for p in peaks)} MiB  "
                  f"x{first / seconds:.2f} vs the {args.workers[0]}-worker run  statuses {counts}  "
                  f"load {before} -> {load()}")
    print(f"bench process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
