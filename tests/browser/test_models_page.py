"""The models page in Chromium: the active version, its real-document figures and the reviewers' agreement,
the same as the API says; OPD users are not offered it."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import DeskServer, SampleBatch, login


def test_models_page_shows_what_the_api_says(sample_batch: SampleBatch, browser, desk_server: DeskServer,
                                            screenshots: Path) -> None:
    page = login(browser, desk_server, "rina")
    page.goto("/pages/review-queue?framework=spbe-2020")
    page.click("nav[aria-label='Navigasi utama'] a[href='/pages/models']")
    page.wait_for_url("**/pages/models")
    body = page.request.get("/api/v1/models?framework=spbe-2020").json()
    current = next(v for v in body["versions"] if v["current"])
    row = page.locator(f"tr[data-version='{current['version']}']")
    assert "(aktif)" in row.inner_text() and row.get_attribute("class") == "current"
    assert f"{current['real_documents']['micro_f1']:.2f}" in row.inner_text()
    agreement = current["review_agreement"]
    cell = row.locator("td").last.inner_text()
    if agreement is None:
        assert cell == "belum ada"
    else:
        assert cell.startswith(f"{agreement['documents']} dokumen: {agreement['accepted']} dari "
                               f"{agreement['suggested']} saran diterima")
    assert page.locator("tbody tr").count() == len(body["versions"])
    page.screenshot(path=screenshots / "20-models.png", full_page=True)
    page.context.close()

    opd = login(browser, desk_server, "kominfo")
    opd.goto("/pages/documents")
    links = opd.locator("nav[aria-label='Navigasi utama'] a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "/pages/upload" in links and "/pages/models" not in links and "/pages/review-queue" not in links
    opd.context.close()
