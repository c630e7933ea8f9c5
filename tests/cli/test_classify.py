"""``spbe classify`` runs the pipeline of ``spbe scan``: the same extraction, OCR and classification steps.

Before issue 12, ``classify`` called ``extract()`` directly: no child-process limits and no OCR, so a
scanned decree got a suggestion from ``scan`` and none from ``classify``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from cli.main import app
from evidence.db import open_database
from evidence.db.models import Document, SuggestionRecord
from evidence.extraction import tesseract as tesseract_module
from evidence.settings import get_settings
from tests.fixtures.documents import make_pdf
from tests.fixtures.scans import SK_TIM_KOORDINASI, make_scanned_pdf, render_page

runner = CliRunner()
pytestmark = pytest.mark.skipif(
    tesseract_module.tesseract_version() is None, reason="tesseract is installed by scripts/ensure_services.sh"
)
SCAN = "Setda/SK Tim Koordinasi scan.pdf"
TEXT = "Setda/laporan.pdf"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a scanned decree and a born-digital report; commands run from inside it, so
    ``classify`` and ``scan`` see the same relative path (the path is one of the classifier's inputs)."""
    root = tmp_path / "arsip"
    (root / "Setda").mkdir(parents=True)
    (root / SCAN).write_bytes(make_scanned_pdf([render_page(SK_TIM_KOORDINASI, skew_degrees=1.5, noise=8)]))
    (root / TEXT).write_bytes(make_pdf(["Laporan kegiatan sosialisasi arsitektur SPBE Kabupaten Sukamaju 2024"]))
    monkeypatch.chdir(root)
    monkeypatch.setenv("SPBE_OCR_DPI", "200")
    monkeypatch.setenv("SPBE_WORKERS", "2")
    get_settings.cache_clear()
    return root


def _scan_suggestions(archive: Path, tmp_path: Path) -> dict[str, list[tuple[int, float]]]:
    result = runner.invoke(app, ["scan", ".", "--framework", "spbe-2020", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    db = open_database(get_settings().resolved_database_url())
    try:
        with db.session() as session:
            found = {}
            for doc in session.scalars(select(Document)):
                rows = session.scalars(select(SuggestionRecord).where(
                    SuggestionRecord.document_id == doc.id, SuggestionRecord.framework_id == "spbe-2020",
                    SuggestionRecord.above_threshold.is_(True)))
                found[doc.path] = sorted((row.indicator_id, row.score) for row in rows)
                if doc.path == SCAN:
                    assert "tesseract" in doc.extractor and doc.status == "ok"
            return found
    finally:
        db.engine.dispose()


def test_classify_of_a_scanned_pdf_gives_the_suggestions_of_scan(archive: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["classify", "--json", "--framework", "spbe-2020", SCAN, TEXT])
    assert result.exit_code == 0, result.output
    records = {rec["file"]: rec for rec in map(json.loads, result.stdout.splitlines())}

    scanned = records[SCAN]
    assert scanned["status"] == "ok" and scanned["text_chars"] > 500  # read by OCR, not "no_text"
    from_classify = {path: sorted((i["id"], i["score"]) for i in rec["indicators"]) for path, rec in records.items()}
    assert {10, 19} & {i for i, _ in from_classify[SCAN]}, from_classify  # Tim Koordinasi SPBE evidence

    assert from_classify == _scan_suggestions(archive, tmp_path)


def test_classify_keeps_input_order_and_reports_unreadable_files(archive: Path) -> None:
    result = runner.invoke(app, ["classify", "--json", TEXT, "hilang.pdf", SCAN])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]

    assert [r["file"] for r in records] == [TEXT, "hilang.pdf", SCAN]
    assert records[1]["status"] == "failed" and records[1]["error"].startswith("unreadable: ")
