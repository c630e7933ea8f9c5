"""write_report: JSON round-trip, self-contained escaped HTML, both languages."""

from __future__ import annotations

import json
from pathlib import Path

from evidence.reports import GapReport, render_html, write_report
from tests.evidence.reports.conftest import BAPPEDA, DISKOMINFO, MALICIOUS


def test_writes_both_files(sample_report: GapReport, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "out"
    json_path, html_path = write_report(sample_report, out)
    assert (json_path, html_path) == (out / "report.json", out / "report.html")
    assert json_path.is_file() and html_path.is_file()
    names = sorted(p.name for p in out.iterdir())  # no temp files left
    assert names == ["report.csv", "report.html", "report.json", "report.pdf", "report.xlsx"]


def test_json_round_trips(sample_report: GapReport, tmp_path: Path) -> None:
    json_path, _ = write_report(sample_report, tmp_path)
    text = json_path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data == sample_report.to_dict()
    assert GapReport.from_dict(data) == sample_report
    assert "peta_rencana_spbe" in {c["key"] for c in data["critical_missing"]}
    assert "sk_tim_koordinasi" not in {c["key"] for c in data["critical_missing"]}
    assert text.startswith('{\n  "')  # indent 2
    assert data["framework"]["name"] == sample_report.framework.name
    assert "\\u" not in text  # ensure_ascii off


def test_html_contains_opd_and_escapes_file_names(sample_report: GapReport, tmp_path: Path) -> None:
    _, html_path = write_report(sample_report, tmp_path)
    html = html_path.read_text(encoding="utf-8")
    assert DISKOMINFO in html and BAPPEDA in html
    assert "OPD tidak dikenal" in html
    assert "<script" not in html
    assert MALICIOUS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in html
    assert "Peta Rencana SPBE" in html


def test_html_is_indonesian_by_default_and_self_contained(sample_report: GapReport) -> None:
    html = render_html(sample_report)
    assert '<html lang="id">' in html
    for heading in ("Ringkasan", "Rincian per OPD", "Berkas bermasalah", "Semua berkas", "belum ada bukti"):
        assert heading in html
    assert "Berkas terenkripsi: perlu kata sandi (password required)" in html
    assert "Belum ada Peta Rencana (roadmap) SPBE" in html  # the catalog's message, in red
    assert 'class="critical"' in html
    assert "<style>" in html and "@media print" in html
    assert "<link" not in html and "src=" not in html and "http://" not in html and "https://" not in html


def test_html_english(sample_report: GapReport, tmp_path: Path) -> None:
    _, html_path = write_report(sample_report, tmp_path, lang="en")
    html = html_path.read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    for heading in ("Summary", "Per OPD", "Problem files", "All files", "Critical evidence missing"):
        assert heading in html
    assert "Ringkasan" not in html and "Berkas bermasalah" not in html
    assert "The file is encrypted" in html
    assert "Unknown OPD" in html


def test_html_without_critical_gaps_or_files(sample_report: GapReport) -> None:
    calm = sample_report.model_copy(update={"critical_missing": [], "critical_to_check": [], "files": [], "opd": []})
    html = render_html(calm)
    assert "Semua bukti kritis sudah ada." in html
    assert "Tidak ada berkas bermasalah." in html


def test_html_does_not_call_critical_items_present_while_they_are_to_check(only_to_check: GapReport) -> None:
    html = render_html(only_to_check)
    assert "Semua bukti kritis sudah ada." not in html
    assert 'class="check-box"' in html and "1 masih perlu dicek" in html


def test_unreviewed_suggestions_are_not_shown_as_evidence(sample_report: GapReport) -> None:
    """Issue 11: an unreviewed suggestion reads "saran model (belum ditinjau)", never plain "ada bukti"."""
    html = render_html(sample_report, "id")
    section = html[html.index('<section id="indikator">'):html.index("</section>", html.index('<section id="indikator">'))]
    assert "Saran model (belum ditinjau)" in section and ">ada bukti<" not in section
