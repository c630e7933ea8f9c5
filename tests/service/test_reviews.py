"""Reviews over HTTP: roles, validation messages, append-only with latest-wins, bulk per item, queue."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from evidence.db.models import Review
from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO, S


@pytest.fixture
def docs(service: Service) -> dict[str, int]:
    with service.db.session() as session:
        b = seed.batch(session)
        return {
            "sk": seed.document(session, b, "Diskominfo/sk.pdf", opd=KOMINFO,
                                suggestions=[S(19, 0.91, 0.5), S(10, 0.45, 0.5)]).id,
            "renstra": seed.document(session, b, "Bappeda/renstra.pdf", opd=BAPPEDA,
                                     suggestions=[S(12, 0.62, 0.6), S(2, 0.20, 0.6)]).id,
            "scan": seed.document(session, b, "Bappeda/scan.pdf", opd=BAPPEDA, status="no_text",
                                  suggestions=[S(5, 0.5, 0.5)]).id,
            "nothing": seed.document(session, b, "Bappeda/lain.pdf", opd=BAPPEDA, suggestions=[S(30, 0.1, None)]).id,
        }


def review_count(service: Service) -> int:
    with service.db.session() as session:
        return session.scalar(select(func.count()).select_from(Review))


def test_review_is_recorded_with_reviewer_and_model_version(service: Service, docs: dict[str, int]) -> None:
    response = service.post(f"/api/v1/documents/{docs['sk']}/reviews", user="rina",
                            json={"indicator_id": 19, "decision": "accept", "reason": "SK ditandatangani"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["reviewer"] == "rina" and body["model_version"] == "m1" and body["decision"] == "accept"
    assert body["created_at"] and body["framework_id"] == "spbe-2020"
    unsuggested = service.post(f"/api/v1/documents/{docs['sk']}/reviews", user="rina",
                               json={"indicator_id": 44, "decision": "accept"}).json()
    assert unsuggested["model_version"] is None


def test_opd_user_cannot_review(service: Service, docs: dict[str, int]) -> None:
    response = service.post(f"/api/v1/documents/{docs['sk']}/reviews", user="kominfo",
                            json={"indicator_id": 19, "decision": "accept"})
    assert response.status_code == 403
    assert "opd" in response.json()["detail"]
    bulk = service.post("/api/v1/reviews/bulk", user="kominfo",
                        json={"items": [{"document_id": docs["sk"], "indicator_id": 19, "decision": "accept"}]})
    assert bulk.status_code == 403
    assert review_count(service) == 0


@pytest.mark.parametrize(("body", "fragment"), [
    ({"indicator_id": 99, "decision": "accept"}, "Indikator 99 tidak ada dalam katalog spbe-2020"),
    ({"indicator_id": 19, "decision": "relabel"}, "memerlukan new_indicator_id"),
    ({"indicator_id": 19, "decision": "relabel", "new_indicator_id": 480}, "Indikator 480"),
    ({"indicator_id": 19, "decision": "relabel", "new_indicator_id": 19}, "harus berbeda"),
    ({"indicator_id": 19, "decision": "accept", "new_indicator_id": 10}, "hanya boleh diisi untuk keputusan relabel"),
    ({"indicator_id": 19, "decision": "maybe"}, "'decision' harus salah satu dari"),
    ({"decision": "accept"}, "'indicator_id' wajib diisi"),
    ({"indicator_id": 19, "decision": "accept", "framework": "pemdi-2099"}, "pemdi-2099"),
])
def test_invalid_reviews_are_422_with_a_message(service: Service, docs: dict[str, int], body: dict, fragment: str) -> None:
    response = service.post(f"/api/v1/documents/{docs['sk']}/reviews", user="rina", json=body)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
    assert review_count(service) == 0


def test_review_of_unknown_document_is_404(service: Service, docs: dict[str, int]) -> None:
    response = service.post("/api/v1/documents/999/reviews", user="rina", json={"indicator_id": 19, "decision": "accept"})
    assert response.status_code == 404


def test_reviews_are_append_only_and_the_latest_wins(service: Service, docs: dict[str, int]) -> None:
    url = f"/api/v1/documents/{docs['sk']}/reviews"
    first = service.post(url, user="rina", json={"indicator_id": 19, "decision": "reject", "reason": "draf"}).json()
    second = service.post(url, user="admin", json={"indicator_id": 19, "decision": "relabel", "new_indicator_id": 10}).json()
    third = service.post(url, user="rina", json={"indicator_id": 19, "decision": "accept"}).json()
    assert first["id"] < second["id"] < third["id"]
    detail = service.get(f"/api/v1/documents/{docs['sk']}").json()
    assert [r["id"] for r in detail["reviews"]] == [third["id"], second["id"], first["id"]]  # history kept
    assert [(r["indicator_id"], r["decision"]) for r in detail["latest_reviews"]] == [(19, "accept")]
    assert detail["suggestions"][0]["latest_review"]["id"] == third["id"]
    assert detail["review_state"] == "reviewed"
    # The superseded relabel no longer adds indicator 10.
    assert [(i["indicator_id"], i["source"]) for i in detail["indicators"]] == [(19, "accepted")]
    assert {d["id"] for d in service.get("/api/v1/documents?indicator=10").json()["items"]} == set()
    assert {d["id"] for d in service.get("/api/v1/documents?indicator=19").json()["items"]} == {docs["sk"]}


def test_reject_and_relabel_change_what_a_document_counts_for(service: Service, docs: dict[str, int]) -> None:
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina",
                 json={"indicator_id": 12, "decision": "relabel", "new_indicator_id": 2})
    service.post(f"/api/v1/documents/{docs['sk']}/reviews", user="rina", json={"indicator_id": 19, "decision": "reject"})

    def ids(indicator: int) -> set[int]:
        return {d["id"] for d in service.get(f"/api/v1/documents?indicator={indicator}").json()["items"]}

    assert ids(12) == set() and ids(2) == {docs["renstra"]} and ids(19) == set()
    reviewed = {d["id"] for d in service.get("/api/v1/documents?review_state=reviewed").json()["items"]}
    assert reviewed == {docs["sk"], docs["renstra"]}


def test_bulk_reviews_store_the_valid_items_and_report_each(service: Service, docs: dict[str, int]) -> None:
    good = {"document_id": docs["sk"], "indicator_id": 19, "decision": "accept"}
    items = [
        good,
        {"document_id": docs["renstra"], "indicator_id": 12, "decision": "relabel"},
        {"document_id": 4242, "indicator_id": 12, "decision": "reject"},
        {"document_id": docs["scan"], "indicator_id": 5, "decision": "accept"},
    ]
    partly = service.post("/api/v1/reviews/bulk", user="rina", json={"items": items})
    assert partly.status_code == 201, partly.text
    body = partly.json()
    assert body["created"] == 1 and body["refused"] == 3 and body["by_decision"] == {"accept": 1}
    assert [r["status"] for r in body["results"]] == ["created", "refused", "refused", "refused"]
    assert body["results"][0]["review_id"] == body["review_ids"][0]
    assert "Dokumen 4242 tidak ditemukan" in body["results"][2]["error"]
    assert "tidak dapat ditinjau" in body["results"][3]["error"] and "pindai" in body["results"][3]["error"]
    assert review_count(service) == 1

    none_valid = service.post("/api/v1/reviews/bulk", user="rina", json={"items": items[1:]})
    assert none_valid.status_code == 422
    assert "butir 0" in none_valid.json()["detail"] and none_valid.json()["created"] == 0
    assert review_count(service) == 1

    accepted = service.post("/api/v1/reviews/bulk", user="rina", json={"items": [
        {"document_id": docs["renstra"], "indicator_id": 12, "decision": "relabel", "new_indicator_id": 2},
        {"document_id": docs["renstra"], "indicator_id": 2, "decision": "reject", "reason": "bukan peta rencana"},
    ]})
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["by_decision"] == {"relabel": 1, "reject": 1} and review_count(service) == 3
    assert service.post("/api/v1/reviews/bulk", user="rina", json={"items": []}).status_code == 422


def test_decisions_on_unreadable_documents_are_refused(service: Service, docs: dict[str, int]) -> None:
    with service.db.session() as session:
        b = seed.batch(session)
        broken = seed.document(session, b, "Bappeda/rusak.pdf", opd=BAPPEDA, status="failed",
                               error="corrupt: No /Root object! - Is this really a PDF?").id
    for doc_id, words in ((broken, "gagal dibaca"), (docs["scan"], "pindai")):
        response = service.post(f"/api/v1/documents/{doc_id}/reviews", user="rina",
                                json={"indicator_id": 5, "decision": "accept"})
        assert response.status_code == 422 and words in response.json()["detail"]
    assert review_count(service) == 0
    listed = {d["id"]: d["review_state"] for d in service.get("/api/v1/documents", user="rina").json()["items"]}
    assert listed[broken] == "pending"


def test_review_queue_orders_by_uncertainty_and_hides_decided_suggestions(service: Service, docs: dict[str, int]) -> None:
    queue = service.get("/api/v1/review-queue", user="rina").json()
    pairs = [(i["document_id"], i["indicator_id"]) for i in queue["items"]]
    # |score - threshold|: 10 -> 0.05, 12 -> 0.02, 19 -> 0.41, 2 -> 0.40; no_text docs and threshold-less last.
    assert pairs == [(docs["renstra"], 12), (docs["sk"], 10), (docs["renstra"], 2), (docs["sk"], 19),
                     (docs["nothing"], 30)]
    uncertainties = [i["uncertainty"] for i in queue["items"][:-1]]
    assert uncertainties == sorted(uncertainties) and queue["items"][-1]["uncertainty"] is None
    assert queue["total"] == 5

    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina", json={"indicator_id": 12, "decision": "accept"})
    after = service.get("/api/v1/review-queue", user="rina").json()
    assert (docs["renstra"], 12) not in [(i["document_id"], i["indicator_id"]) for i in after["items"]]
    assert after["total"] == 4

    only = service.get("/api/v1/review-queue?opd=Bappeda&above_threshold=false", user="admin").json()
    assert [(i["document_id"], i["indicator_id"]) for i in only["items"]] == [(docs["renstra"], 2), (docs["nothing"], 30)]
    paged = service.get("/api/v1/review-queue?limit=1&offset=1&indicator=19", user="admin").json()
    assert paged["total"] == 1 and paged["items"] == []


def test_a_mapping_confirmed_in_spbe_is_offered_in_pemdi(service: Service, docs: dict[str, int]) -> None:
    url = f"/api/v1/documents/{docs['renstra']}"
    assert service.get(f"{url}?framework=pemdi-2026", user="rina").json()["crosswalk_offers"] == []
    assert service.post(f"{url}/reviews", user="rina", json={"indicator_id": 12, "decision": "accept"}).status_code == 201
    offers = service.get(f"{url}?framework=pemdi-2026", user="rina").json()["crosswalk_offers"]
    assert [(o["indicator_id"], o["from_framework"], o["from_indicators"]) for o in offers] == [(1, "spbe-2020", [12])]
    # Offered, not applied: nothing counts for Pemdi 1 until a reviewer accepts it there.
    pemdi = service.get(f"{url}?framework=pemdi-2026", user="rina").json()
    assert 1 not in {s["indicator_id"] for s in pemdi["suggestions"]}
    assert service.post(f"{url}/reviews", user="rina",
                        json={"indicator_id": 1, "decision": "accept", "framework": "pemdi-2026"}).status_code == 201
    assert service.get(f"{url}?framework=pemdi-2026", user="rina").json()["crosswalk_offers"] == []


def test_review_queue_filters_by_band_doc_type_and_review_state(service: Service, docs: dict[str, int]) -> None:
    def pairs(query: str) -> list[tuple[int, int]]:
        items = service.get(f"/api/v1/review-queue?{query}", user="rina").json()["items"]
        return [(i["document_id"], i["indicator_id"]) for i in items]

    assert pairs("band=above") == [(docs["renstra"], 12), (docs["sk"], 19)]
    assert pairs("band=mid") == [(docs["sk"], 10), (docs["renstra"], 2), (docs["nothing"], 30)]
    assert pairs("band=low") == []
    service.post(f"/api/v1/documents/{docs['sk']}/reviews", user="rina", json={"indicator_id": 19, "decision": "accept"})
    reviewed = service.get("/api/v1/review-queue?review_state=reviewed", user="rina").json()["items"]
    assert [(i["document_id"], i["latest_review"]["decision"]) for i in reviewed] == [(docs["sk"], "accept")]
    assert len(pairs("review_state=all")) == 5 and len(pairs("")) == 4
    with service.db.session() as session:
        from evidence.db.models import Document

        session.get(Document, docs["sk"]).doc_type = "sk"
    assert pairs("doc_type=sk") == [(docs["sk"], 10)]
