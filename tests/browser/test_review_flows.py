"""Reviewing in the browser: five decisions by keyboard only, bulk accept of a filtered set, a cited page."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import KOMINFO, DeskServer, SampleBatch, login


def _current(page) -> tuple[int, int]:
    form = page.locator("#decide-form")
    return (int(form.locator("input[name=document_id]").get_attribute("value")),
            int(form.locator("input[name=indicator_id]").get_attribute("value")))


def _reviewed(page) -> int:
    return int(page.inner_text("#queue-progress strong").split(" dari ")[0])


def _decided_by(page, reviewer: str) -> dict[tuple[int, int], dict]:
    """What the API says was decided (same cookie session, read-only GET)."""
    body = page.request.get("/api/v1/review-queue?review_state=reviewed&framework=spbe-2020&limit=200").json()
    return {(i["document_id"], i["indicator_id"]): i["latest_review"] for i in body["items"]
            if i["latest_review"]["reviewer"] == reviewer}


def test_review_five_suggestions_by_keyboard_only(sample_batch: SampleBatch, browser, desk_server: DeskServer,
                                                  screenshots: Path) -> None:
    page = login(browser, desk_server, "rina")
    page.goto("/pages/review-queue?framework=spbe-2020&opd=Dinas+Komunikasi+dan+Informatika")
    assert "T" in page.inner_text("body")
    page.keyboard.press("Enter")  # "Mulai tinjau satu per satu"
    page.wait_for_url("**/pages/review-queue/item?*pos=0*")
    shortcuts = page.inner_text("#shortcuts")
    assert "T Terima" in shortcuts and "X Tolak" in shortcuts and "G Ganti indikator" in shortcuts
    page.screenshot(path=screenshots / "06-review-item-keyboard.png", full_page=True)

    expected: dict[tuple[int, int], tuple[str, int | None]] = {}
    start = _reviewed(page)

    def decide(key: str, decision: str, target: int | None = None) -> None:
        item = _current(page)
        with page.expect_navigation():
            page.keyboard.press(key)
        expected[item] = (decision, target)
        assert page.locator("#saved-notice").count() == 1, page.inner_text("main")[:800]
        assert _current(page) != item, "the next item did not open after the decision"

    decide("t", "accept")
    decide("x", "reject")
    first = _current(page)
    with page.expect_navigation():
        page.keyboard.press("n")  # next without deciding
    assert _current(page) != first
    with page.expect_navigation():
        page.keyboard.press("ArrowLeft")  # and back
    assert _current(page) == first

    # Relabel with type-to-search: G focuses the search box, a name is typed, Enter saves.
    document_id, indicator = _current(page)
    target, typed = (12, "Peta Rencana SPBE") if indicator != 12 else (19, "Tim Koordinasi SPBE")
    page.keyboard.press("g")
    assert page.evaluate("document.activeElement.id") == "relabel-target"
    page.keyboard.type(typed)
    page.screenshot(path=screenshots / "07-review-relabel-search.png", full_page=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expected[(document_id, indicator)] = ("relabel", target)
    assert _current(page) != (document_id, indicator)

    decide("t", "accept")
    decide("x", "reject")
    assert _reviewed(page) == start + 5
    page.screenshot(path=screenshots / "08-review-after-five-decisions.png", full_page=True)

    decided = _decided_by(page, "rina")
    assert {k: (v["decision"], v["new_indicator_id"]) for k, v in decided.items() if k in expected} == expected
    page.context.close()


def test_bulk_accept_a_filtered_set(sample_batch: SampleBatch, browser, desk_server: DeskServer,
                                    screenshots: Path) -> None:
    page = login(browser, desk_server, "rina")
    page.goto("/pages/review-queue?framework=spbe-2020")
    page.select_option("#f-opd", KOMINFO)  # the OPD with the most suggestions above the threshold
    page.select_option("#f-band", "above")
    page.click("#apply-filters")
    rows = page.locator("#queue tbody input[name=item]")
    selected = rows.count()
    assert selected >= 2, page.inner_text("main")[:1000]
    before = _reviewed(page)
    page.check("#select-all")
    assert all(rows.nth(i).is_checked() for i in range(selected))
    page.screenshot(path=screenshots / "09-bulk-accept-selected.png", full_page=True)
    page.click("#bulk-accept")
    assert page.inner_text("#bulk-notice") == f"{selected} saran diterima."
    assert _reviewed(page) == before + selected
    assert page.locator("#queue tbody input[name=item]").count() == 0  # the filtered set is done
    page.screenshot(path=screenshots / "10-bulk-accept-done.png", full_page=True)
    accepted = [v for v in _decided_by(page, "rina").values() if v["decision"] == "accept"]
    assert len(accepted) >= selected
    page.context.close()


def test_open_a_cited_page(sample_batch: SampleBatch, browser, desk_server: DeskServer, screenshots: Path) -> None:
    page = login(browser, desk_server, "rina")
    page.goto("/pages/documents?framework=spbe-2020&opd=Dinas+Komunikasi+dan+Informatika")
    page.click("text=Perbup No 12 Th 2023 Arsitektur SPBE.pdf")
    assert "Judul dokumen: Peraturan Bupati" in page.inner_text("#suggestions")
    assert "model (p=" not in page.content() and "aturan:" not in page.content()
    cited = page.locator("a.cited-page").first
    with page.expect_response(lambda r: r.url.split("?")[0].endswith(".png")) as png:
        cited.click()
    response = png.value
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    assert int(response.headers["x-highlighted-boxes"]) >= 1  # the evidence sentence is marked on the page
    assert page.evaluate("document.getElementById('page-image').naturalWidth") > 500
    assert page.locator("#page-sentences li").count() >= 1
    page.screenshot(path=screenshots / "11-cited-page-highlighted.png", full_page=True)
    page.context.close()
