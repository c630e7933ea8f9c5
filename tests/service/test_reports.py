"""Gap report over HTTP: all visible batches, identical content once, reviews override suggestions."""

from __future__ import annotations

import pytest

from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO, S


@pytest.fixture
def docs(service: Service) -> dict[str, int]:
    with service.db.session() as session:
        first = seed.batch(session)
        second = seed.batch(session, opd_scope=KOMINFO)
        return {
            # Indicator 10 (SK Tim Koordinasi) from Diskominfo, uploaded twice in two batches.
            "sk": seed.document(session, first, "Diskominfo/SK Tim.pdf", opd=KOMINFO, content=b"sk",
                                suggestions=[S(10, 0.9)]).id,
            "sk_again": seed.document(session, second, "SK Tim.pdf", opd=KOMINFO, content=b"sk",
                                      suggestions=[S(10, 0.9)]).id,
            "renstra": seed.document(session, first, "Bappeda/renstra.pdf", opd=BAPPEDA, content=b"renstra",
                                     suggestions=[S(1, 0.8), S(3, 0.4)]).id,
            "queued": seed.document(session, first, "Bappeda/baru.pdf", opd=BAPPEDA, status="queued", content=b"q").id,
        }


def evidence_ids(report: dict) -> set[int]:
    return {item["id"] for item in report["indicators_with_evidence"]}


def test_report_counts_identical_content_once_across_batches(service: Service, docs: dict[str, int]) -> None:
    report = service.get("/api/v1/reports/gaps").json()
    assert report["totals"]["files"] == 2  # sk + sk_again collapse; the queued file is not in yet
    assert report["documents_in_progress"] == 1
    assert evidence_ids(report) == {10, 1}
    assert report["framework"]["id"] == "spbe-2020" and report["model_version"] == "m1"
    assert "2 batch" in report["source"]


def test_reviews_override_suggestions_in_the_report(service: Service, docs: dict[str, int]) -> None:
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina", json={"indicator_id": 1, "decision": "reject"})
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina", json={"indicator_id": 3, "decision": "accept"})
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina",
                 json={"indicator_id": 3, "decision": "relabel", "new_indicator_id": 2})
    # A review of the second copy counts for the content (latest wins across copies).
    service.post(f"/api/v1/documents/{docs['sk_again']}/reviews", user="rina", json={"indicator_id": 10, "decision": "reject"})
    report = service.get("/api/v1/reports/gaps").json()
    assert evidence_ids(report) == {2}
    critical = {item["key"] for item in report["critical_missing"]}
    assert {"sk_tim_koordinasi", "arsitektur_spbe"} <= critical  # rejected: no longer evidence
    assert "peta_rencana_spbe" not in critical  # relabelled to indicator 2: now evidence


def test_report_for_one_opd(service: Service, docs: dict[str, int]) -> None:
    report = service.get("/api/v1/reports/gaps?opd=bappeda").json()
    assert [gap["name"] for gap in report["opd"]] == [BAPPEDA]
    assert evidence_ids(report) == {1}
    assert report["opd_without_files"] == []
    assert service.get("/api/v1/reports/gaps?opd=Dinas Antah Berantah").status_code == 404


def test_opd_user_gets_its_own_part_only(service: Service, docs: dict[str, int]) -> None:
    mine = service.get("/api/v1/reports/gaps", user="kominfo").json()
    assert [gap["name"] for gap in mine["opd"]] == [KOMINFO]
    assert evidence_ids(mine) == {10}
    assert "Bappeda/renstra.pdf" not in str(mine)
    assert service.get("/api/v1/reports/gaps?opd=Diskominfo", user="kominfo").status_code == 200
    assert service.get("/api/v1/reports/gaps?opd=Bappeda", user="kominfo").status_code == 404


def test_html_report(service: Service, docs: dict[str, int]) -> None:
    response = service.get("/api/v1/reports/gaps?format=html")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Laporan Kesenjangan Bukti Dukung SPBE" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]
    english = service.get("/api/v1/reports/gaps?format=html&lang=en")
    assert "SPBE Supporting Evidence Gap Report" in english.text
    assert service.get("/api/v1/reports/gaps?format=docx").status_code == 422


def test_pemdi_report_shows_spbe_evidence_in_its_transition_view(service) -> None:
    from tests.service import seed
    from tests.service.seed import KOMINFO, S

    with service.db.session() as session:
        b = seed.batch(session)  # processed in SPBE 2020 terms only
        seed.document(session, b, "Diskominfo/Perbup Arsitektur.pdf", opd=KOMINFO, suggestions=[S(11, 0.9, 0.5)])
    body = service.get("/api/v1/reports/gaps?framework=pemdi-2026", user="rina").json()
    pemda = next(v for v in body["transition"] if v["pemda_wide"])
    rows = {row["id"]: row for row in pemda["indicators"]}
    assert rows[1]["status"] == "from_previous" and 11 in rows[1]["suggested_from"]
    assert rows[8]["status"] == "to_collect" and rows[8]["no_counterpart"]  # data protection: new in Pemdi
    assert "transition" not in body or all(v["to_framework"] == "pemdi-2026" for v in body["transition"])
