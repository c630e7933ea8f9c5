"""Latency of the review endpoints, in process (TestClient, SQLite embedded defaults).

Run: ``python -m bench.api_latency [--requests 300]``. Prints p50/p95 per endpoint and the ratio to the
unauthenticated ``GET /health`` baseline measured in the same process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SPBE_DATA_DIR"] = tmp
        os.environ.pop("SPBE_REDIS_URL", None)
        from fastapi.testclient import TestClient

        from evidence.db.models import Batch, Document, Framework, SuggestionRecord, User
        from evidence.settings import get_settings
        from service.app import create_app
        from service.security import hash_password, issue_token

        get_settings.cache_clear()
        app = create_app(get_settings())
        client = TestClient(app)
        with app.state.runtime.db.session() as s:
            s.add(Framework(id="spbe-2020", name="SPBE", catalog_version="2020.1"))
            s.flush()
            batch = Batch(framework_id="spbe-2020", source_name="bench.zip", status="done")
            s.add(batch)
            s.flush()
            for i in range(500):
                doc = Document(batch_id=batch.id, path=f"Diskominfo/doc{i}.pdf", filename=f"doc{i}.pdf",
                               opd="Dinas Komunikasi dan Informatika", status="ok", sha256=f"{i:064x}")
                s.add(doc)
                s.flush()
                for rank, ind in enumerate((19, 10, 11)):
                    s.add(SuggestionRecord(document_id=doc.id, framework_id="spbe-2020", indicator_id=ind,
                                           score=0.9 - rank * 0.2 - (i % 7) / 100, threshold=0.5,
                                           above_threshold=rank == 0, rank=rank, reasons=["bench"],
                                           model_version="bench"))
            user = User(username="rina", password_hash=hash_password("bench-pass-1"), role="reviewer", active=True)
            s.add(user)
            s.flush()
            auth = {"Authorization": f"Bearer {issue_token(s, user).access_token}"}

        def timed(call) -> list[float]:
            out = []
            for i in range(args.requests):
                start = time.perf_counter()
                resp = call(i)
                out.append((time.perf_counter() - start) * 1000)
                assert resp.status_code < 300, resp.text
            return out

        baseline = timed(lambda i: client.get("/api/v1/health"))
        results = {
            "POST /documents/{id}/reviews": timed(lambda i: client.post(
                f"/api/v1/documents/{1 + i % 500}/reviews", headers=auth,
                json={"indicator_id": 19, "decision": "accept" if i % 2 else "reject"})),
            "POST /reviews/bulk (20 items)": timed(lambda i: client.post(
                "/api/v1/reviews/bulk", headers=auth,
                json={"items": [{"document_id": 1 + (i * 20 + k) % 500, "indicator_id": 10, "decision": "accept"}
                                for k in range(20)]})),
            "GET /review-queue": timed(lambda i: client.get("/api/v1/review-queue?limit=50", headers=auth)),
        }
        b50, b95 = _percentiles(baseline)
        print(f"GET /health (baseline)            p50 {b50:6.2f} ms  p95 {b95:6.2f} ms")
        for name, samples in results.items():
            p50, p95 = _percentiles(samples)
            print(f"{name:34s}p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  (x{p50 / b50:.1f} baseline p50)")
        client.close()


if __name__ == "__main__":
    main()
