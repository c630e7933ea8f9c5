"""Review pages: cookie login, CSRF on every form, same scoping as the API, hostile names escaped."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from evidence.db.models import Review
from tests.service import seed
from tests.service.conftest import PASSWORD, Service
from tests.service.seed import BAPPEDA, KOMINFO, S

HOSTILE = "Diskominfo/<script>alert(1)</script>.pdf"


@pytest.fixture
def docs(service: Service) -> dict[str, int]:
    with service.db.session() as session:
        b = seed.batch(session)
        return {
            "sk": seed.document(session, b, HOSTILE, opd=KOMINFO, text="Keputusan Bupati <b>SPBE</b>",
                                suggestions=[S(19, 0.9), S(10, 0.4)]).id,
            "renstra": seed.document(session, b, "Bappeda/renstra.pdf", opd=BAPPEDA, suggestions=[S(12, 0.7)]).id,
        }


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "form without CSRF token"
    return match.group(1)


def login(service: Service, username: str, next_path: str = "/pages/documents") -> TestClient:
    browser = TestClient(service.app, follow_redirects=False)
    page = browser.get(f"/pages/login?next={next_path}")
    assert page.status_code == 200 and "Masuk" in page.text
    response = browser.post("/pages/login", data={"username": username, "password": PASSWORD, "next": next_path,
                                                  "csrf_token": csrf_of(page.text)})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == next_path
    session_cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("spbe_session="))
    assert "HttpOnly" in session_cookie and "samesite=lax" in session_cookie.lower()
    return browser


def test_anonymous_visitor_is_sent_to_login(service: Service) -> None:
    browser = TestClient(service.app, follow_redirects=False)
    response = browser.get("/pages/documents/1")
    assert response.status_code == 303
    assert response.headers["location"] == "/pages/login?next=%2Fpages%2Fdocuments%2F1"


def test_login_requires_csrf_and_right_password(service: Service) -> None:
    browser = TestClient(service.app, follow_redirects=False)
    page = browser.get("/pages/login")
    no_csrf = browser.post("/pages/login", data={"username": "rina", "password": PASSWORD})
    assert no_csrf.status_code == 403
    wrong = browser.post("/pages/login", data={"username": "rina", "password": "salah", "csrf_token": csrf_of(page.text)})
    assert wrong.status_code == 401 and "Nama pengguna atau kata sandi salah." in wrong.text


def test_login_never_redirects_off_site(service: Service) -> None:
    browser = TestClient(service.app, follow_redirects=False)
    page = browser.get("/pages/login?next=//evil.example/x")
    response = browser.post("/pages/login", data={"username": "rina", "password": PASSWORD,
                                                  "next": "https://evil.example/", "csrf_token": csrf_of(page.text)})
    assert response.headers["location"] == "/pages/"


def test_documents_page_lists_visible_documents_escaped(service: Service, docs: dict[str, int]) -> None:
    browser = login(service, "rina")
    page = browser.get("/pages/documents")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>" not in page.text
    assert "renstra.pdf" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.text)  # own static files only, nothing inline
    filtered = browser.get("/pages/documents?opd=Bappeda")
    assert "renstra.pdf" in filtered.text and "alert(1)" not in filtered.text
    opd_view = login(service, "bappeda").get("/pages/documents")
    assert "renstra.pdf" in opd_view.text and "alert(1)" not in opd_view.text


def test_review_through_the_form(service: Service, docs: dict[str, int]) -> None:
    browser = login(service, "rina")
    detail = browser.get(f"/pages/documents/{docs['sk']}")
    assert detail.status_code == 200
    assert "Keputusan Bupati &lt;b&gt;SPBE&lt;/b&gt;" in detail.text  # excerpt escaped
    token = csrf_of(detail.text)
    url = f"/pages/documents/{docs['sk']}/reviews"
    forged = browser.post(url, data={"indicator_id": "19", "decision": "accept", "csrf_token": "tebakan"})
    assert forged.status_code == 403
    saved = browser.post(url, data={"indicator_id": "19", "decision": "relabel", "new_indicator_id": "10",
                                    "reason": "isi tentang SK tim", "csrf_token": token})
    assert saved.status_code == 303 and saved.headers["location"].endswith("saved=1")
    invalid = browser.post(url, data={"indicator_id": "99", "decision": "accept", "csrf_token": token})
    assert invalid.status_code == 422 and "Indikator 99 tidak ada" in invalid.text
    with service.db.session() as session:
        reviews = list(session.scalars(select(Review)))
    assert [(r.indicator_id, r.decision, r.new_indicator_id, r.reviewer) for r in reviews] == [(19, "relabel", 10, "rina")]
    after = browser.get(f"/pages/documents/{docs['sk']}?saved=1")
    assert "Tinjauan tersimpan." in after.text and "isi tentang SK tim" in after.text


def test_opd_user_sees_no_review_forms_and_cannot_post(service: Service, docs: dict[str, int]) -> None:
    browser = login(service, "kominfo")
    detail = browser.get(f"/pages/documents/{docs['sk']}")
    assert detail.status_code == 200 and "Terima" not in detail.text
    refused = browser.post(f"/pages/documents/{docs['sk']}/reviews",
                           data={"indicator_id": "19", "decision": "accept", "csrf_token": csrf_of(detail.text)})
    assert refused.status_code == 403
    assert browser.get(f"/pages/documents/{docs['renstra']}").status_code == 404


def test_report_page_and_logout(service: Service, docs: dict[str, int]) -> None:
    browser = login(service, "bappeda")
    report = browser.get("/pages/reports/gaps")
    assert report.status_code == 200 and 'src="/pages/reports/gaps/view?framework=spbe-2020' in report.text
    framed = browser.get("/pages/reports/gaps/view")
    assert framed.status_code == 200 and "Laporan Kesenjangan" in framed.text
    assert BAPPEDA in framed.text and "alert(1)" not in framed.text
    assert "frame-ancestors 'self'" in framed.headers["content-security-policy"]
    assert browser.get("/pages/reports/gaps?opd=Diskominfo").status_code == 404
    assert browser.get("/pages/reports/gaps/view?opd=Diskominfo").status_code == 404
    page = browser.get("/pages/documents")
    out = browser.post("/pages/logout", data={"csrf_token": csrf_of(page.text)})
    assert out.status_code == 303 and out.headers["location"] == "/pages/login"
    assert browser.get("/pages/documents").status_code == 303


def test_document_page_shows_metadata_maturity_hint_and_evidence_sentences(service: Service, docs: dict[str, int]) -> None:
    from evidence.db.models import Document, SuggestionRecord

    with service.db.session() as session:
        doc = session.get(Document, docs["renstra"])
        doc.doc_metadata = {"number": "12", "year": 2023, "enacted_date": "2023-03-03", "authority": "Bupati",
                            "region": "Kabupaten Sukamaju", "status": "enacted", "title": "Arsitektur SPBE"}
        row = session.scalar(select(SuggestionRecord).where(SuggestionRecord.document_id == doc.id))
        row.maturity_level, row.maturity_reason = 2, "Perbup yang ditetapkan: bukti tingkat 2"
        row.evidence = [{"page": 3, "sentence": "Arsitektur SPBE terdiri atas domain layanan", "term": "arsitektur"}]
    page = login(service, "rina").get(f"/pages/documents/{docs['renstra']}").text
    assert "12 / 2023" in page and "2023-03-03 oleh Bupati, Kabupaten Sukamaju" in page and "ditetapkan" in page
    assert "Petunjuk tingkat 2" in page and "bukti tingkat 2" in page
    assert "Kalimat hlm. 3: “Arsitektur SPBE terdiri atas domain layanan”" in page
