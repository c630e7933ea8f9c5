"""Audit trail over HTTP (admins only, before/after, append-only in the database) and health probes."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import KOMINFO, S


def test_reviews_and_relabels_are_audited_with_before_and_after(service: Service) -> None:
    with service.db.session() as session:
        doc_id = seed.document(session, seed.batch(session), "Diskominfo/sk.pdf", opd=KOMINFO,
                               suggestions=[S(19, 0.91, 0.5)]).id
    assert service.post(f"/api/v1/documents/{doc_id}/reviews", user="rina",
                        json={"indicator_id": 19, "decision": "accept"}).status_code == 201
    assert service.post(f"/api/v1/documents/{doc_id}/reviews", user="admin",
                        json={"indicator_id": 19, "decision": "relabel", "new_indicator_id": 20,
                              "reason": "lebih cocok"}).status_code == 201
    page = service.get("/api/v1/audit?action=review.")
    assert page.status_code == 200, page.text
    relabel, accept = page.json()["items"]
    assert (accept["actor"], accept["action"], accept["before"]) == ("rina", "review.accept", None)
    assert accept["target_id"] == f"{doc_id}/spbe-2020/19" and accept["after"]["decision"] == "accept"
    assert (relabel["actor"], relabel["action"]) == ("admin", "review.relabel")
    assert relabel["before"]["decision"] == "accept" and relabel["after"]["new_indicator_id"] == 20
    assert service.get("/api/v1/audit", user="rina").status_code == 403
    assert service.get("/api/v1/audit", user="kominfo").status_code == 403


def test_the_audit_table_refuses_updates_and_deletes(service: Service) -> None:
    with service.db.session() as session:
        seed.document(session, seed.batch(session), "Diskominfo/a.pdf", opd=KOMINFO, suggestions=[S(1, 0.9)])
    service.post("/api/v1/documents/1/reviews", user="rina", json={"indicator_id": 1, "decision": "reject"})
    for statement in ("UPDATE audit_events SET actor = 'orang lain'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), service.db.session() as session:
            session.execute(text(statement))


def test_liveness_and_readiness(make_service, tmp_path) -> None:
    service = make_service()
    assert service.client.get("/api/v1/health/live").json() == {"status": "ok"}
    ready = service.client.get("/api/v1/health/ready")
    assert ready.status_code == 200, ready.text
    body = ready.json()
    assert body["database"] == "ok" and body["queue"] == "inline" and all(body["models"].values())
    empty = make_service(SPBE_MODELS_DIR=str(tmp_path / "tanpa-model"), SPBE_DATA_DIR=str(tmp_path / "var2"))
    missing = empty.client.get("/api/v1/health/ready")
    assert missing.status_code == 503
    assert "belum punya model" in missing.json()["detail"]
    assert empty.client.get("/api/v1/health/live").status_code == 200
