"""print_gap_report on a recording console."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console

from evidence.catalog import Catalog
from evidence.domain import ScannedDocument, Suggestion
from evidence.opd import OpdDirectory
from evidence.reports import GapReport, build_gap_report, print_gap_report
from evidence.states import DocumentState
from tests.evidence.reports.conftest import BAPPEDA, DISKOMINFO


def render(report: GapReport, lang: str = "id") -> str:
    console = Console(record=True, width=200)
    print_gap_report(report, console, lang=lang)
    return console.export_text()


def test_indonesian_table_and_critical_list(sample_report: GapReport, catalog: Catalog) -> None:
    text = render(sample_report)
    for header in ("OPD", "Berkas", "Indikator dengan bukti", "Indikator tanpa bukti"):
        assert header in text
    diskominfo_row = next(line for line in text.splitlines() if DISKOMINFO in line)
    assert "10, 19" in diskominfo_row
    assert "1-9, 11-13" in diskominfo_row  # owed and missing, compressed
    bappeda_row = next(line for line in text.splitlines() if BAPPEDA in line)
    assert "32" in bappeda_row
    assert "OPD tidak dikenal" in text
    assert "Bukti kritis yang belum ada:" in text
    assert "Peta Rencana SPBE" in text
    assert "SK Tim Koordinasi SPBE" not in text
    assert "Berkas: 4 (berhasil diproses 2, duplikat 1, gagal 1)" in text
    assert f"3 dari {len(catalog.indicators)} indikator ada bukti" in text


def test_english(sample_report: GapReport) -> None:
    text = render(sample_report, "en")
    assert "Indicators with evidence" in text and "Indicators without evidence" in text
    assert "Critical evidence missing:" in text
    assert "Unknown OPD" in text
    assert "Indikator dengan bukti" not in text


def test_nothing_critical_missing(sample_report: GapReport) -> None:
    text = render(sample_report.model_copy(update={"critical_missing": [], "critical_to_check": []}))
    assert "Semua bukti kritis sudah ada." in text


def test_critical_items_still_to_check_are_not_called_present(only_to_check: GapReport) -> None:
    text = render(only_to_check)
    assert "Semua bukti kritis sudah ada." not in text
    assert "1 masih perlu dicek" in text and "SOP Helpdesk.docx" in text


def test_names_are_not_rich_markup(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        ScannedDocument(
            "x.pdf", "a", DocumentState.OK, opd="[bold red]Dinas Palsu[/]", suggestions=[Suggestion(4, 0.9)]
        )
    ]
    report = build_gap_report(
        docs,
        catalog,
        directory,
        source="s",
        generated_at=datetime(2024, 1, 1),
        model_version=None,
    )
    assert "[bold red]Dinas Palsu[/]" in render(report)
