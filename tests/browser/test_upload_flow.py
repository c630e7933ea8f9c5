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


def test_opd_user_uploads_several_files_for_its_own_opd(sample_batch: SampleBatch, browser, desk_server: DeskServer,
                                                        screenshots: Path, tmp_path: Path) -> None:
    from fpdf import FPDF

    names = []
    for title in ("Notulen Rapat Tim SPBE Bappeda", "Laporan Evaluasi Renstra 2024"):
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, f"{title}\nBadan Perencanaan Pembangunan Daerah Kabupaten Sukamaju.")
        path = tmp_path / f"{title}.pdf"
        path.write_bytes(bytes(pdf.output()))
        names.append(path)
    page = login(browser, desk_server, "bappeda")
    page.goto("/pages/upload")
    assert "Berkas dicatat untuk OPD Anda" in page.inner_text("main")
    page.set_input_files("#file", [str(p) for p in names])
    page.click("#upload-submit")
    page.wait_for_url("**/pages/batches")
    listing = page.inner_text("main")
    assert all(p.name in listing for p in names)
    assert "sukamaju.zip" not in listing  # the Pemda-wide batch is not this OPD's
    page.screenshot(path=screenshots / "18-opd-upload-several-files.png", full_page=True)
    page.context.close()
