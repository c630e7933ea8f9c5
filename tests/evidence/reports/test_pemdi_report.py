"""The gap report on the Pemdi 2026 catalog: its own predicate bands and critical items, and indicators
assessed from other national evaluations shown as such rather than as missing evidence."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.console import Console

from evidence.catalog import Catalog, load_catalog
from evidence.domain import ScannedDocument, Suggestion
from evidence.opd import OpdDirectory
from evidence.reports import GapReport, build_gap_report, print_gap_report, render_html
from evidence.reports.model import REPORT_VERSION
from evidence.states import DocumentState

DISKOMINFO = "Dinas Komunikasi dan Informatika"
WHEN = datetime(2026, 7, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def pemdi() -> Catalog:
    return load_catalog("pemdi-2026")


def _doc(path: str, *ids: int, framework: str | None = "pemdi-2026") -> ScannedDocument:
    return ScannedDocument(
        path, f"sha-{path}", DocumentState.OK, opd=DISKOMINFO, framework=framework,
        suggestions=[Suggestion(i, 0.8) for i in ids],
    )


@pytest.fixture
def report(pemdi: Catalog, directory: OpdDirectory) -> GapReport:
    """Diskominfo sent the Pemdi architecture (1) and a Satu Data decree (5, externally assessed); nothing
    else. The SK Tim Koordinasi of an SPBE 2020 scan does not count here."""
    docs = [
        _doc("Diskominfo/Arsitektur Pemdi.pdf", 1),
        _doc("Diskominfo/SK Satu Data.pdf", 5),
        _doc("Diskominfo/SK Tim SPBE.pdf", 4, framework="spbe-2020"),
    ]
    return build_gap_report(docs, pemdi, directory, source="arsip-2026.zip", generated_at=WHEN, model_version="m")


def test_report_carries_the_frameworks_own_predicate_bands(report: GapReport, pemdi: Catalog) -> None:
    assert report.framework.id == "pemdi-2026"
    assert [(p.name, p.min) for p in report.framework.predicates] == [
        ("Memuaskan", 4.0), ("Sangat Baik", 3.5), ("Baik", 2.5), ("Cukup", 1.5), ("Kurang", 1.0),
    ]
    assert [(p.name, p.min) for p in report.framework.predicates] == [
        (p.name, p.min) for p in sorted(pemdi.predicates, key=lambda p: -p.min)
    ]
    html = render_html(report)
    assert "Memuaskan &ge; 4" in html and "Baik &ge; 2,5" in html
    assert "4,2" not in html  # the SPBE 2020 band for Memuaskan


def test_spbe_report_keeps_its_own_bands(sample_report: GapReport) -> None:
    assert [p.min for p in sample_report.framework.predicates] == [4.2, 3.5, 2.6, 1.8, 1.0]
    assert sample_report.indicators_assessed_externally == []
    assert sample_report.coverage.indicators_external == 0


def test_pemdi_critical_items_are_its_own(report: GapReport) -> None:
    keys = {c.key for c in report.critical_missing}
    assert "arsitektur_rencana_aksi_pemdi" not in keys  # indicator 1 has evidence
    assert {"forum_koordinasi_pemdi", "csirt", "survei_kepuasan_pengguna"} <= keys
    assert not keys & {"arsitektur_spbe", "sk_tim_koordinasi", "peta_rencana_spbe"}


def test_external_indicators_are_not_missing_evidence(report: GapReport, pemdi: Catalog) -> None:
    external = set(pemdi.external_indicator_ids())
    missing = {g.id for g in report.indicators_without_evidence}
    assert not missing & external
    assert missing == set(pemdi.indicator_ids()) - external - {1}
    listed = {e.id: e for e in report.indicators_assessed_externally}
    assert set(listed) == external
    assert listed[5].has_evidence and not listed[8].has_evidence
    assert "Satu Data" in listed[5].evaluation
    assert 5 in {ev.id for ev in report.indicators_with_evidence}  # evidence found anyway is still shown
    # coverage counts document-assessed indicators only
    assert report.coverage.indicators_total == len(pemdi.indicators) - len(external)
    assert report.coverage.indicators_with_evidence == 1
    assert report.coverage.indicators_external == len(external)
    assert report.coverage.weight_total + report.coverage.weight_external == pytest.approx(100)
    diskominfo = next(g for g in report.opd if g.name == DISKOMINFO)
    assert not {g.id for g in diskominfo.owed_missing} & external
    assert set(diskominfo.owed_external) == (external & set(diskominfo.owed)) - {5}


@pytest.mark.parametrize("lang, phrase", [("id", "dinilai dari evaluasi nasional lain"),
                                          ("en", "assessed from another national evaluation")])
def test_external_indicators_are_rendered_as_such(report: GapReport, lang: str, phrase: str) -> None:
    html = render_html(report, lang)
    assert phrase in html
    assert "Penilaian simpul jaringan informasi geospasial" in html
    console = Console(record=True, width=200)
    print_gap_report(report, console, lang)
    text = console.export_text()
    assert "6-8, 10" in text  # externally assessed, without evidence


def test_report_json_round_trips_and_old_reports_still_load(report: GapReport) -> None:
    again = GapReport.from_dict(report.to_dict())
    assert again == report
    old = report.to_dict()
    old["framework"].pop("predicates")
    for key in ("indicators_assessed_externally", "transition"):
        old.pop(key)
    for name in ("indicators_external", "weight_external"):
        old["coverage"].pop(name)
    for gap in old["opd"]:
        gap.pop("owed_external")
    assert GapReport.from_dict(old).report_version == REPORT_VERSION
