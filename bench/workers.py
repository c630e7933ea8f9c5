"""Wall time of one archive of N files through real RQ workers: 1 worker vs 2 workers, same process.

Run: ``python -m bench.workers [--files 200]`` (needs Redis on 127.0.0.1:6379; uses database 14 and a
temporary SQLite database). Prints seconds and the speed-up ratio of 2 workers over the 1-worker baseline.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _archive(path: Path, files: int) -> None:
    import io
    import zipfile

    from fpdf import FPDF

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(files):
            pdf = FPDF()
            pdf.set_font("Helvetica", size=10)
            for page in range(2):
                pdf.add_page()
                pdf.multi_cell(0, 5, f"LAPORAN KEGIATAN {i}-{page} Penerapan SPBE Kabupaten Sukamaju. " * 30)
            buf = io.BytesIO(bytes(pdf.output()))
            zf.writestr(f"OPD {i % 6}/Indikator {1 + i % 47}/dokumen_{i:04d}.pdf", buf.getvalue())


def run(files: int, workers: int, database_url: str | None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SPBE_DATA_DIR": f"{tmp}/var", "SPBE_REDIS_URL": "redis://127.0.0.1:6379/14",
               "PYTHONPATH": str(ROOT)}
        if database_url:  # a fresh schema per run, or the second run would find every file already done
            import uuid

            from sqlalchemy import create_engine, text

            schema = f"bench_{uuid.uuid4().hex[:8]}"
            with create_engine(database_url).begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            env["SPBE_DATABASE_URL"] = f"{database_url}?options=-csearch_path%3D{schema}"
        os.environ.update(env)
        from evidence.settings import get_settings

        get_settings.cache_clear()
        import redis

        redis.Redis.from_url(env["SPBE_REDIS_URL"]).flushdb()
        from evidence.catalog import load_catalog
        from evidence.pipeline import receive_upload
        from worker.runtime import runtime

        archive = Path(tmp) / "arsip.zip"
        _archive(archive, files)
        rt = runtime()
        with rt.db.session() as s:
            batch_id = receive_upload(s, rt.store, archive, filename=archive.name, catalog=load_catalog("spbe-2020")).id
        start = time.perf_counter()
        # Unpack and fan out here: a burst worker exits when it finds the queue empty, so starting N workers
        # on the single ingest job would leave N-1 of them gone before the file jobs exist.
        from worker.jobs import ingest_batch_job

        ingest_batch_job(batch_id)
        procs = [subprocess.Popen([sys.executable, "-m", "cli.main", "worker", "--burst"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
        for p in procs:
            p.wait()
        elapsed = time.perf_counter() - start
        rt.db.engine.dispose()
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--database-url", default=None, help="Default: SQLite in a temporary directory.")
    args = parser.parse_args()
    one = run(args.files, 1, args.database_url)
    two = run(args.files, 2, args.database_url)
    print(f"{args.files} files, 1 worker : {one:7.1f} s  ({args.files / one:5.1f} files/s)  baseline")
    print(f"{args.files} files, 2 workers: {two:7.1f} s  ({args.files / two:5.1f} files/s)  speed-up x{one / two:.2f}")


if __name__ == "__main__":
    main()
