"""The API on the production database: PostgreSQL for the app *and* the in-process worker.

A compact tour (upload with a traversal entry, scoping, review latest-wins, queue, report) rather than the
whole suite twice, to keep the run short; the query and review rules themselves run on both databases in
``tests/evidence/test_queries.py`` and ``tests/evidence/test_reviews.py``.
"""

from __future__ import annotations

import pytest

from tests.service import seed
from tests.service.seed import BAPPEDA, KOMINFO, S
from tests.service.test_uploads import TEXT, make_zip


@pytest.mark.postgres
def test_api_on_postgresql(make_service, postgres_url: str) -> None:
    service = make_service(SPBE_DATABASE_URL=postgres_url)
    assert service.db.engine.dialect.name == "postgresql"
    with service.db.session() as session:
        b = seed.batch(session)
        renstra = seed.document(session, b, "Bappeda/renstra.pdf", opd=BAPPEDA,
                                suggestions=[S(12, 0.62, 0.6), S(2, 0.2, 0.6)]).id

    upload = service.post("/api/v1/archives", user="kominfo",
                          files={"file": ("bukti.zip", make_zip({"../evil.txt": "x", "SK.txt": TEXT}), "application/zip")})
    assert upload.status_code == 202, upload.text
    service.wait()
    batch = service.get(upload.json()["links"]["batch"], user="kominfo").json()
    assert batch["status"] == "done"
    assert {f["path"]: f["status"] for f in batch["files"]} == {"../evil.txt": "failed", "SK.txt": "classified"}
    assert all(f["opd"] == KOMINFO for f in batch["files"])
    assert service.get(upload.json()["links"]["batch"], user="bappeda").status_code == 404
    assert service.get(f"/api/v1/documents/{renstra}", user="kominfo").status_code == 404
    assert service.get("/api/v1/reports/gaps?opd=Bappeda", user="kominfo").status_code == 404

    url = f"/api/v1/documents/{renstra}/reviews"
    service.post(url, user="rina", json={"indicator_id": 12, "decision": "reject"})
    service.post(url, user="rina", json={"indicator_id": 12, "decision": "relabel", "new_indicator_id": 2})
    detail = service.get(f"/api/v1/documents/{renstra}").json()
    assert [r["decision"] for r in detail["reviews"]] == ["relabel", "reject"]
    assert [(i["indicator_id"], i["source"]) for i in detail["indicators"]] == [(2, "relabelled")]
    assert {d["id"] for d in service.get("/api/v1/documents?indicator=2").json()["items"]} == {renstra}

    queue = service.get("/api/v1/review-queue?opd=Bappeda", user="rina").json()
    assert [(i["document_id"], i["indicator_id"]) for i in queue["items"]] == [(renstra, 2)]
    report = service.get("/api/v1/reports/gaps?opd=Bappeda").json()
    assert {i["id"] for i in report["indicators_with_evidence"]} == {2}
