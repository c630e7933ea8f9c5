"""Extraction in a child process: the same answer as in-process, and a bounded worst case."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass

import pytest

from evidence.extraction import ExtractionResult, extract, registry
from evidence.extraction.isolated import extract_isolated
from evidence.extraction.tesseract import tesseract_version
from tests.fixtures.documents import make_pdf
from tests.fixtures.office import make_xlsx
from tests.fixtures.scans import image_bytes, render_page

PDF_TEXT = "Peraturan Bupati tentang Sistem Pemerintahan Berbasis Elektronik"


@dataclass
class MisbehavingExtractor:
    """Registered for PDFs before the fork, so the child runs it: a stand-in for a parser bug."""

    behaviour: str
    name: str = "misbehaving"
    media_types: tuple[str, ...] = ("application/pdf",)

    def version(self) -> str:
        return "1"

    def extract(self, data: bytes, **_: object) -> ExtractionResult:
        if self.behaviour == "hang":
            while True:
                time.sleep(0.05)
        if self.behaviour == "hog":
            hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
            raise AssertionError(f"allocated {len(hoard)} blocks past the limit")
        if self.behaviour == "segfault":
            os.kill(os.getpid(), signal.SIGSEGV)
        if self.behaviour == "exit":
            os._exit(3)
        raise AssertionError(self.behaviour)


def test_isolated_result_equals_in_process_result() -> None:
    for data, name in ((make_pdf([PDF_TEXT]), "a.pdf"), (make_xlsx({"Anggaran": [["Belanja TIK", 5]]}), "b.xlsx")):
        assert extract_isolated(data, name, timeout_seconds=30) == extract(data, name)


def test_keyword_arguments_reach_the_extractor() -> None:
    result = extract_isolated(make_pdf(["a", "b"]), "a.pdf", timeout_seconds=30, max_pages=1)

    assert result.error == "too_many_pages: 2 pages (limit 1)"


def test_a_parser_that_hangs_is_killed_at_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", MisbehavingExtractor("hang"))
    started = time.monotonic()

    result = extract_isolated(make_pdf([PDF_TEXT]), "macet.pdf", timeout_seconds=1)

    assert time.monotonic() - started < 4
    assert (result.status, result.error) == ("failed", "timeout: extraction exceeded 1 s")
    assert (result.extractor, result.media_type) == ("isolated", "application/pdf")


def test_a_parser_that_allocates_without_bound_hits_the_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", MisbehavingExtractor("hog"))

    result = extract_isolated(
        make_pdf([PDF_TEXT]), "rakus.pdf", timeout_seconds=30, memory_limit_bytes=1024 * 1024 * 1024
    )

    assert (result.status, result.error) == ("failed", "too_large: extraction exceeded the memory limit (1024 MiB)")


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [
        ("segfault", "extractor_error: extraction process died (SIGSEGV); memory limit 3072 MiB"),
        ("exit", "extractor_error: extraction process exited with code 3 without a result"),
    ],
)
def test_a_crashing_parser_becomes_a_failed_result(
    monkeypatch: pytest.MonkeyPatch, behaviour: str, error: str
) -> None:
    monkeypatch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", MisbehavingExtractor(behaviour))

    result = extract_isolated(make_pdf([PDF_TEXT]), "rusak.pdf", timeout_seconds=30)

    assert (result.status, result.error) == ("failed", error)


def test_the_parent_survives_and_keeps_working_after_a_kill(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setitem(registry._BY_MEDIA_TYPE, "application/pdf", MisbehavingExtractor("hang"))
        extract_isolated(make_pdf([PDF_TEXT]), "a.pdf", timeout_seconds=0.5)

    assert extract_isolated(make_pdf([PDF_TEXT]), "a.pdf", timeout_seconds=30).status == "ok"


@pytest.mark.skipif(tesseract_version() is None, reason="needs tesseract")
def test_ocr_runs_isolated_and_its_tesseract_dies_with_it() -> None:
    image = render_page("Sosialisasi arsitektur SPBE kabupaten", size_mm=(150, 30), skew_degrees=0, noise=0)
    data = image_bytes(image, "PNG")

    ok = extract_isolated(data, "foto.png", timeout_seconds=60, ocr=True)
    assert ok.status == "ok" and "arsitektur SPBE" in ok.text

    big = image_bytes(render_page("Halaman penuh " * 400, skew_degrees=0, noise=30), "PNG")
    killed = extract_isolated(big, "besar.png", timeout_seconds=0.3, ocr=True)
    assert killed.error == "timeout: extraction exceeded 0.3 s"
    time.sleep(0.2)
    assert not _tesseract_children_of(os.getpid())


def _tesseract_children_of(ancestor: int) -> list[int]:
    """Tesseract processes whose parent chain leads to this test process (reparented ones excluded)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/comm") as comm:
                if comm.read().strip() != "tesseract":
                    continue
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        process_group = int(fields[2])
        if process_group != os.getpgrp():
            found.append(int(entry))
    return found
