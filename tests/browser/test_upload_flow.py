"""Upload the sample archive on the upload page and watch its batch finish without reloading the page."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import DeskServer, SampleBatch, login
from tests.fixtures.sample import sample_script


def test_upload_sample_archive_and_watch_the_batch_finish(sample_batch: SampleBatch, browser,
                                                          desk_server: DeskServer, screenshots: Path) -> None:
    assert sample_batch.states_seen[-1] == "done", sample_batch
    assert not sample_batch.reloaded, "the batch page reloaded instead of updating in place"
    assert sample_batch.progress_polls >= 1, "no live progress request was made"
    manifest = sample_script().SAMPLE_DOCS
    page = login(browser, desk_server, "admin")
    page.goto(f"/pages/batches/{sample_batch.batch_id}")
    assert f"{len(manifest)} dari {len(manifest)} berkas selesai diproses" in page.inner_text("#progress")
    problems = page.inner_text("#progress table")
    # the corrupt PDF, the video stub and the scan, each with an Indonesian reason and no English library text
    assert "Topologi Jaringan Intra 2024.pdf" in problems and "rusak" in problems
    assert "Format berkas tidak didukung" in problems and "lapisan teks" in problems
    assert "Is this really a PDF" not in page.content()
    page.goto("/pages/batches")
    assert page.locator(f"a[href='/pages/batches/{sample_batch.batch_id}']").count() == 1
    page.screenshot(path=screenshots / "05-batch-list.png", full_page=True)
    page.context.close()
