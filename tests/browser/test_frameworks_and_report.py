"""Both frameworks everywhere: the choice is a click, remembered on the next pages; the gap report follows it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser.conftest import DeskServer, SampleBatch, login


def _indicator_labels(page) -> list[str]:
    return re.findall(r"(SPBE 2020|Pemdi 2026) · \d+", page.inner_text("#documents tbody"))


def test_switch_framework(sample_batch: SampleBatch, browser, desk_server: DeskServer, screenshots: Path) -> None:
    page = login(browser, desk_server, "admin")
    page.goto("/pages/documents")
    assert page.inner_text("nav.frameworks [aria-current=true]") == "Pemdi 2026"  # the product's default
    pemdi = _indicator_labels(page)
    assert pemdi and set(pemdi) == {"Pemdi 2026"}
    page.click("nav.frameworks a[data-framework='SPBE 2020']")
    assert page.inner_text("nav.frameworks [aria-current=true]") == "SPBE 2020"
    spbe = _indicator_labels(page)
    assert spbe and set(spbe) == {"SPBE 2020"}
    page.screenshot(path=screenshots / "12-documents-spbe-2020.png", full_page=True)
    # Remembered: the next pages, opened without ?framework=, stay in SPBE 2020.
    page.goto("/pages/review-queue")
    assert page.inner_text("nav.frameworks [aria-current=true]") == "SPBE 2020"
    assert "SPBE 2020" in page.inner_text("#queue-progress")
    page.locator("#queue tbody a").first.click()  # a row of the queue: its indicator carries the framework
    assert page.inner_text("#item-title").startswith("SPBE 2020 · ")
    page.goto("/pages/documents")
    assert set(_indicator_labels(page)) == {"SPBE 2020"}
    page.context.close()


def test_open_the_gap_report(sample_batch: SampleBatch, browser, desk_server: DeskServer, screenshots: Path) -> None:
    page = login(browser, desk_server, "admin")
    page.goto("/pages/reports/gaps?framework=pemdi-2026")
    frame = page.frame_locator("#report-frame")
    assert "Laporan Kesenjangan" in frame.locator("h1").inner_text()
    assert "Pemerintah Digital" in frame.locator("body").inner_text()
    page.screenshot(path=screenshots / "13-gap-report-pemdi-2026.png", full_page=True)
    page.click("nav.frameworks a[data-framework='SPBE 2020']")
    assert "framework=spbe-2020" in page.get_attribute("#report-frame", "src")
    body = page.frame_locator("#report-frame").locator("body").inner_text()
    assert "59 Tahun 2020" in body and "Laporan Kesenjangan" in body
    page.select_option("select[name=opd]", "Badan Perencanaan Pembangunan Daerah")
    page.wait_for_url("**opd=Badan*")
    assert "Badan Perencanaan Pembangunan Daerah" in page.frame_locator("#report-frame").locator("body").inner_text()
    page.screenshot(path=screenshots / "14-gap-report-spbe-2020-bappeda.png", full_page=True)
    page.context.close()
