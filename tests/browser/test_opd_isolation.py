"""An OPD user sees only its own OPD: no other OPD's documents, paths or reviews, by list, URL or
duplicate note (the Bappeda folder holds a copy of Diskominfo's SK Tim Koordinasi)."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import BAPPEDA, DeskServer, SampleBatch, login

OTHER_FOLDER = "DISKOMINFO"


def test_opd_user_cannot_see_another_opds_documents_paths_or_reviews(
        sample_batch: SampleBatch, browser, desk_server: DeskServer, screenshots: Path) -> None:
    admin = login(browser, desk_server, "admin")
    everything = admin.request.get("/api/v1/documents?limit=200&framework=spbe-2020").json()["items"]
    theirs = [d for d in everything if d["opd"] != BAPPEDA]
    kominfo_tikor = next(d for d in everything if d["path"].endswith("Indikator 19/SK Bupati Tim Koordinasi SPBE 2024.pdf"))
    # A decision on another OPD's file, which Bappeda must never see.
    secret = admin.request.post(f"/api/v1/documents/{kominfo_tikor['id']}/reviews",
                       data={"indicator_id": 19, "decision": "accept", "framework": "spbe-2020",
                             "reason": "catatan-rahasia-diskominfo"},
                       headers={"X-CSRF-Token": next(c["value"] for c in admin.context.cookies() if c["name"] == "spbe_csrf")})
    assert secret.status == 201, secret.text()
    assert "catatan-rahasia-diskominfo" in admin.request.get(f"/api/v1/documents/{kominfo_tikor['id']}?framework=spbe-2020").text()
    admin.context.close()

    page = login(browser, desk_server, "bappeda")
    assert page.url.endswith("/pages/documents")  # an OPD user's home
    page.goto("/pages/documents?framework=spbe-2020")
    listed = page.locator("#documents tbody tr")
    assert listed.count() >= 2
    assert set(page.locator("#documents tbody td:nth-child(3)").all_inner_texts()) == {BAPPEDA}
    assert OTHER_FOLDER not in page.content()
    copy_row = page.locator("#documents tbody tr", has_text="SK Tim Koordinasi SPBE.pdf")
    assert "sama dengan berkas lain" in copy_row.inner_text()  # it is a copy; where the original is stays hidden
    page.screenshot(path=screenshots / "15-opd-documents-only-own.png", full_page=True)

    copy_row.locator("a").first.click()
    assert OTHER_FOLDER not in page.content() and "duplikat" in page.inner_text("main")
    copy_id = int(page.url.rsplit("/", 1)[-1].split("?")[0])
    api = page.request.get(f"/api/v1/documents/{copy_id}").json()
    assert OTHER_FOLDER not in str(api) and api["duplicate_of_id"] is None

    for doc in theirs[:5]:  # by URL: another OPD's document, its API, its file, its cited page
        for url in (f"/pages/documents/{doc['id']}", f"/pages/documents/{doc['id']}/pages/1",
                    f"/pages/documents/{doc['id']}/pages/1.png"):
            response = page.goto(url)
            assert response.status == 404, url
        assert page.request.get(f"/api/v1/documents/{doc['id']}").status == 404
        assert page.request.get(f"/api/v1/documents/{doc['id']}/file").status == 404
    page.goto(f"/pages/documents/{kominfo_tikor['id']}")
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    assert "catatan-rahasia-diskominfo" not in page.content()
    page.screenshot(path=screenshots / "16-opd-other-document-404.png", full_page=True)

    response = page.goto("/pages/review-queue")
    assert response.status == 403 and page.locator("h1").inner_text() == "Akses ditolak"
    page.screenshot(path=screenshots / "17-opd-review-queue-403.png", full_page=True)
    assert page.goto(f"/pages/batches/{sample_batch.batch_id}").status == 404  # the Pemda-wide batch
    page.goto("/pages/batches")
    assert f"/pages/batches/{sample_batch.batch_id}" not in page.content()

    page.goto("/pages/reports/gaps?framework=spbe-2020")
    report = page.frame_locator("#report-frame").locator("body").inner_text()
    assert BAPPEDA in report and OTHER_FOLDER not in report and "catatan-rahasia-diskominfo" not in report
    assert page.goto("/pages/reports/gaps/view?opd=Diskominfo").status == 404
    gaps = page.request.get("/api/v1/reports/gaps?framework=spbe-2020").json()
    assert OTHER_FOLDER not in str(gaps)
    page.context.close()
