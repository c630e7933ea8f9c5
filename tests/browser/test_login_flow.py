"""Logging in: a wrong password is refused in Indonesian, the right one lands on the page asked for."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import PASSWORD, DeskServer


def test_log_in(browser, desk_server: DeskServer, screenshots: Path) -> None:
    context = browser.new_context(base_url=desk_server.url, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto("/pages/review-queue?framework=spbe-2020")
    assert "/pages/login" in page.url  # anonymous: sent to the login form, with the way back
    page.fill("input[name=username]", "rina")
    page.fill("input[name=password]", "salah-sandi")
    page.click("form[action='/pages/login'] button[type=submit]")
    assert "Nama pengguna atau kata sandi salah." in page.inner_text("[role=alert]")
    page.screenshot(path=screenshots / "01-login-wrong-password.png", full_page=True)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/pages/login'] button[type=submit]")
    page.wait_for_url("**/pages/review-queue?framework=spbe-2020")
    assert page.inner_text("header.top .who").startswith("rina (penilai)")
    nav = page.locator("header.top nav a").all_inner_texts()
    assert nav == ["Unggah", "Batch", "Antrean tinjauan", "Dokumen", "Laporan kesenjangan", "Model"]
    page.goto("/pages/tidak-ada")
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    assert page.locator("header.top nav a").count() == 6  # the error page keeps the navigation
    context.close()
