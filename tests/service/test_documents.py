"""Documents: filters and pagination, detail with excerpt and suggestions, the original file, OPD scoping."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from evidence.storage import BlobStore
from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO, S

LONG_TEXT = "Peraturan Bupati tentang Arsitektur SPBE. " * 200  # ~8,600 characters


@pytest.fixture
def docs(service: Service) -> dict[str, int]:
    """Two OPD batches and one Pemda-wide batch; returns document ids by short name."""
    store: BlobStore = service.app.state.runtime.store
    with service.db.session() as session:
        pemda = seed.batch(session)
        kominfo = seed.batch(session, opd_scope=KOMINFO)
        bappeda = seed.batch(session, opd_scope=BAPPEDA)
        content = b"isi asli \"SK\" tim SPBE"
        store.put(content)
        store.put(b"renstra")
        ids = {
            "sk": seed.document(session, kominfo, 'Diskominfo/SK "Tim" SPBE;ü.pdf', opd=KOMINFO, text=LONG_TEXT,
                                content=content, suggestions=[S(19, 0.9), S(10, 0.4)]).id,
            "arsitektur": seed.document(session, pemda, "Diskominfo/arsitektur.docx", opd=KOMINFO,
                                        suggestions=[S(11, 0.7)]).id,
            "rencana": seed.document(session, bappeda, "Bappeda/renstra.pdf", opd=BAPPEDA, content=b"renstra",
                                     suggestions=[S(12, 0.55), S(2, 0.3)]).id,
            "scan": seed.document(session, bappeda, "Bappeda/scan.pdf", opd=BAPPEDA, status="no_text",
                                  error="no_text: 3 of 3 pages have no text layer").id,
            "evil": seed.document(session, pemda, "../evil.txt", opd=None, status="failed",
                                  error="unsafe_path: parent-directory component '..'").id,
        }
        ids.update(batch_pemda=pemda.id, batch_kominfo=kominfo.id, batch_bappeda=bappeda.id)
    return ids


def test_list_never_contains_full_text_and_paginates(service: Service, docs: dict[str, int]) -> None:
    page = service.get("/api/v1/documents?limit=2").json()
    assert page["total"] == 5 and page["limit"] == 2 and len(page["items"]) == 2
    assert [d["id"] for d in page["items"]] == [docs["evil"], docs["scan"]]  # newest first
    rest = service.get("/api/v1/documents?limit=2&offset=4").json()
    assert [d["id"] for d in rest["items"]] == [docs["sk"]]
    full = service.get("/api/v1/documents?limit=200").text
    assert "Arsitektur SPBE. Peraturan" not in full and "text_excerpt" not in full
    assert service.get("/api/v1/documents?limit=201").status_code == 422


def test_list_filters(service: Service, docs: dict[str, int]) -> None:
    def ids(query: str) -> set[int]:
        response = service.get(f"/api/v1/documents?{query}")
        assert response.status_code == 200, response.text
        return {d["id"] for d in response.json()["items"]}

    assert ids("opd=Bappeda") == {docs["rencana"], docs["scan"]}  # alias resolves to the canonical name
    assert ids(f"opd={quote(KOMINFO)}") == {docs["sk"], docs["arsitektur"]}
    assert ids("status=classified") == {docs["sk"], docs["arsitektur"], docs["rencana"]}
    assert ids("status=failed") == {docs["evil"]}
    assert ids("indicator=19") == {docs["sk"]}
    assert ids("indicator=10") == set()  # below threshold
    assert ids(f"batch_id={docs['batch_bappeda']}") == {docs["rencana"], docs["scan"]}
    assert ids("review_state=reviewed") == set()
    assert len(ids("review_state=pending")) == 5
    bad = service.get("/api/v1/documents?status=hilang")
    assert bad.status_code == 422 and "classified" in bad.json()["detail"]
    assert service.get("/api/v1/documents?indicator=99").status_code == 422
    assert service.get("/api/v1/documents?review_state=kadang").status_code == 422


def test_list_items_show_status_and_explanation(service: Service, docs: dict[str, int]) -> None:
    items = {d["id"]: d for d in service.get("/api/v1/documents").json()["items"]}
    assert items[docs["sk"]]["status"] == "classified"
    assert items[docs["sk"]]["indicators"] == [{"indicator_id": 19, "short_name": items[docs["sk"]]["indicators"][0]["short_name"],
                                                "score": 0.9, "source": "model"}]
    assert items[docs["scan"]]["explanation"].startswith("Berkas tidak memiliki lapisan teks")


def test_detail_has_excerpt_suggestions_and_names(service: Service, docs: dict[str, int]) -> None:
    body = service.get(f"/api/v1/documents/{docs['sk']}").json()
    assert body["text_excerpt"] == LONG_TEXT[:1500]
    assert [s["indicator_id"] for s in body["suggestions"]] == [19, 10]
    top = body["suggestions"][0]
    assert top["indicator_name"] and top["short_name"]
    assert top["score"] == 0.9 and top["threshold"] == 0.5 and top["above_threshold"] is True
    assert top["reasons"] == ["kata kunci"] and top["model_version"] == "m1" and top["latest_review"] is None
    assert body["reviews"] == [] and body["latest_reviews"] == []
    assert service.get("/api/v1/documents/99999").status_code == 404


def test_original_file_download(service: Service, docs: dict[str, int]) -> None:
    response = service.get(f"/api/v1/documents/{docs['sk']}/file")
    assert response.status_code == 200
    assert response.content == b"isi asli \"SK\" tim SPBE"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="SK _Tim_ SPBE__.pdf"')
    assert "filename*=UTF-8''SK%20%22Tim%22%20SPBE%3B%C3%BC.pdf" in disposition
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["x-content-type-options"] == "nosniff"
    missing = service.get(f"/api/v1/documents/{docs['evil']}/file")
    assert missing.status_code == 404 and "tidak tersimpan" in missing.json()["detail"]


def test_opd_user_sees_only_its_own_opd(service: Service, docs: dict[str, int]) -> None:
    listing = service.get("/api/v1/documents", user="kominfo").json()
    assert {d["id"] for d in listing["items"]} == {docs["sk"], docs["arsitektur"]} and listing["total"] == 2
    # Asking for another OPD yields nothing rather than its documents.
    assert service.get("/api/v1/documents?opd=Bappeda", user="kominfo").json()["total"] == 0
    assert service.get(f"/api/v1/documents/{docs['sk']}", user="kominfo").status_code == 200


@pytest.mark.parametrize(("url", "owner"), [
    ("/api/v1/documents/{rencana}", "bappeda"),
    ("/api/v1/documents/{rencana}/file", "bappeda"),
    ("/api/v1/documents/{evil}", "admin"),
    ("/api/v1/batches/{batch_bappeda}", "bappeda"),
    ("/api/v1/batches/{batch_pemda}", "admin"),
    ("/api/v1/reports/gaps?opd=Bappeda", "bappeda"),
    ("/api/v1/reports/gaps?opd=Bappeda&format=html", "bappeda"),
])
def test_opd_user_gets_404_for_other_opds(service: Service, docs: dict[str, int], url: str, owner: str) -> None:
    url = url.format(**docs)
    assert service.get(url, user=owner).status_code == 200  # it exists ...
    response = service.get(url, user="kominfo")  # ... but not for another OPD
    assert response.status_code == 404, response.text
    assert "tidak ditemukan" in response.json()["detail"]


def test_opd_user_sees_its_own_batch_with_its_files_only(service: Service, docs: dict[str, int]) -> None:
    batch = service.get(f"/api/v1/batches/{docs['batch_kominfo']}", user="kominfo").json()
    assert [f["document_id"] for f in batch["files"]] == [docs["sk"]]


def test_opds_lists_the_directory_with_visible_counts(service: Service, docs: dict[str, int]) -> None:
    admin = {o["name"]: o for o in service.get("/api/v1/opds").json()}
    assert admin[KOMINFO]["documents"] == 2 and admin[BAPPEDA]["documents"] == 2
    assert admin[None]["documents"] == 1 and admin[None]["in_directory"] is False
    assert "Diskominfo" in admin[KOMINFO]["aliases"]
    mine = {o["name"]: o["documents"] for o in service.get("/api/v1/opds", user="kominfo").json()}
    assert mine[KOMINFO] == 2 and mine[BAPPEDA] == 0 and None not in mine


def test_indicators_catalog(service: Service) -> None:
    body = service.get("/api/v1/indicators", user="kominfo").json()
    assert body["framework"] == "spbe-2020" and len(body["indicators"]) == 47
    assert service.get("/api/v1/indicators?framework=tidak-ada").status_code == 422
