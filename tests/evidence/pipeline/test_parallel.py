"""Extraction of many files side by side: each file in its own limited child, every file answered."""

from __future__ import annotations

import multiprocessing

import pytest

from evidence.extraction import extract, registry
from evidence.extraction import tesseract as tesseract_module
from evidence.extraction.policy import ExtractionPolicy
from evidence.pipeline.parallel import Job, ParallelExtractor
from tests.evidence.pipeline.misbehaving import SelectiveExtractor, marked
from tests.fixtures.documents import make_pdf
from tests.fixtures.scans import make_scanned_pdf, render_page

TEXT = "Keputusan Bupati tentang Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik nomor {}"
MIB = 1024 * 1024


def extraction_children() -> list[multiprocessing.Process]:
    """Our children only: other tests may leave library pools (joblib's loky workers) running."""
    return [child for child in multiprocessing.active_children() if child.name.startswith("extract:")]


@pytest.fixture
def selective(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", SelectiveExtractor())


def test_hostile_files_fail_alone_and_every_other_file_is_read(selective: None) -> None:
    good = {f"baik-{i}.pdf": make_pdf([TEXT.format(i)]) for i in range(6)}
    base = make_pdf([TEXT.format("x")])
    hostile = {"macet.pdf": marked(base, b"%HANG"), "rakus.pdf": marked(base, b"%HOG"),
               "crash.pdf": marked(base, b"%SEGV")}
    files = {**hostile, **good}
    policy = ExtractionPolicy(timeout_seconds=3, memory_limit_bytes=768 * MIB, ocr_enabled=False)

    results = dict(ParallelExtractor(policy, workers=3).run(Job(name, name, data) for name, data in files.items()))

    assert sorted(results) == sorted(files)
    for name, data in good.items():
        assert results[name] == extract(data, name)  # the same answer as in process
    assert results["macet.pdf"].error == "timeout: extraction exceeded 3 s"
    assert results["rakus.pdf"].error.startswith(("too_large: extraction exceeded the memory limit (768 MiB)",
                                                  "extractor_error: extraction process died"))
    assert results["crash.pdf"].error.startswith("extractor_error: extraction process died (SIGSEGV)")
    assert all(results[name].status == "failed" for name in hostile)
    assert not extraction_children()  # every child reaped


def test_stopping_early_leaves_no_child_running(selective: None) -> None:
    base = make_pdf([TEXT.format(0)])
    jobs = [Job("cepat", "a.pdf", base)] + [Job(f"macet{i}", "b.pdf", marked(base, b"%HANG")) for i in range(2)]
    policy = ExtractionPolicy(timeout_seconds=60, ocr_enabled=False)
    run = ParallelExtractor(policy, workers=3).run(jobs)

    assert next(run)[0] == "cepat"
    run.close()

    assert not extraction_children()


@pytest.mark.skipif(tesseract_module.tesseract_version() is None, reason="needs tesseract")
def test_a_scan_goes_on_to_ocr_unless_the_caller_hands_it_off() -> None:
    scan = make_scanned_pdf([render_page(TEXT.format(7) + ". Menetapkan susunan keanggotaan tim.", noise=4)])
    text = make_pdf([TEXT.format(8)])
    policy = ExtractionPolicy(ocr_options={"dpi": 200, "workers": 2})

    results = dict(ParallelExtractor(policy, workers=2).run([
        Job("scan", "scan.pdf", scan), Job("teks", "teks.pdf", text), Job("scan-cheap", "scan.pdf", scan, allow_ocr=False),
    ]))

    assert results["scan"].status == "ok" and results["scan"].extractor == "pdfium+tesseract"
    assert "koordinasi" in results["scan"].text.lower()
    assert results["teks"].extractor == "pdfium"
    assert results["scan-cheap"].status == "no_text"  # the RQ path hands scans to the OCR queue instead
