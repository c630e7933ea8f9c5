"""Typed findings on constructed cases: each of the seven kinds appears when, and only when, it should."""

from __future__ import annotations

from evidence.catalog import Catalog
from evidence.opd import OpdDirectory
from evidence.reports import findings as codes
from evidence.states import DocumentState
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO, make_doc, report_for


def by_code(report, code: str) -> list:
    return [f for f in report.findings if f.code == code]


def test_adding_the_perbup_arsitektur_closes_the_critical_finding(catalog: Catalog, directory: OpdDirectory) -> None:
    before = report_for([make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9})], catalog, directory)
    critical = [f for f in by_code(before, codes.CRITICAL_MISSING) if 11 in f.indicators]
    assert critical and critical[0].severity == "kritis"
    assert any(link.kind == "indicator" and "/indicators/11" in link.href for link in critical[0].links)
    perbup = make_doc("Bappeda/Perbup Arsitektur SPBE.pdf", BAPPEDA, suggested={11: 0.8}, reviews={11: "accepted"})
    after = report_for([make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9}), perbup], catalog, directory)
    assert not [f for f in by_code(after, codes.CRITICAL_MISSING) if 11 in f.indicators]


def test_draft_only_document_yields_the_draft_finding(catalog: Catalog, directory: OpdDirectory) -> None:
    draft = make_doc("Bappeda/draf perbup arsitektur.docx", BAPPEDA, suggested={11: 0.8}, document_id=7,
                     metadata={"is_draft": True, "status": "draft"})
    report = report_for([draft], catalog, directory)
    found = by_code(report, codes.ONLY_DRAFT)
    assert [f.indicators for f in found] == [[11]]
    assert found[0].documents == ["Bappeda/draf perbup arsitektur.docx"]
    assert any(link.href == "/api/v1/documents/7" for link in found[0].links)
    enacted = make_doc("Bappeda/perbup.pdf", BAPPEDA, suggested={11: 0.9}, metadata={"status": "enacted"})
    assert not by_code(report_for([draft, enacted], catalog, directory), codes.ONLY_DRAFT)


def test_only_unconfirmed_evidence(catalog: Catalog, directory: OpdDirectory) -> None:
    report = report_for([make_doc("a.pdf", DISKOMINFO, suggested={17: 0.5})], catalog, directory)
    assert [f.indicators for f in by_code(report, codes.ONLY_UNCONFIRMED)] == [[17]]
    reviewed = report_for([make_doc("a.pdf", DISKOMINFO, suggested={17: 0.5}, reviews={17: "accepted"})],
                          catalog, directory)
    assert not by_code(reviewed, codes.ONLY_UNCONFIRMED)


def test_evidence_older_than_the_period(catalog: Catalog, directory: OpdDirectory) -> None:
    old = make_doc("a.pdf", DISKOMINFO, suggested={22: 0.7}, metadata={"year": 2019})
    report = report_for([old], catalog, directory, period_start_year=2025)
    assert [f.indicators for f in by_code(report, codes.OUTDATED)] == [[22]]
    recent = make_doc("b.pdf", DISKOMINFO, suggested={22: 0.7}, metadata={"year": 2025})
    assert not by_code(report_for([old, recent], catalog, directory, period_start_year=2025), codes.OUTDATED)


def test_unreadable_file(catalog: Catalog, directory: OpdDirectory) -> None:
    report = report_for([make_doc("Bappeda/rusak.pdf", BAPPEDA, status=DocumentState.FAILED),
                         make_doc("Bappeda/foto.heic", BAPPEDA, status=DocumentState.UNSUPPORTED)], catalog, directory)
    found = by_code(report, codes.UNREADABLE_FILE)
    assert sorted(f.documents[0] for f in found) == ["Bappeda/foto.heic", "Bappeda/rusak.pdf"]
    assert all(f.opd == BAPPEDA for f in found)


def test_same_file_sent_by_several_opd(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [make_doc("Diskominfo/perbup.pdf", DISKOMINFO, suggested={1: 0.9}, sha="same"),
            make_doc("Bappeda/perbup.pdf", BAPPEDA, sha="same", status=DocumentState.DUPLICATE),
            make_doc("Bappeda/lain.pdf", BAPPEDA, sha="x"), make_doc("Bappeda/lain (1).pdf", BAPPEDA, sha="x",
                                                                    status=DocumentState.DUPLICATE)]
    found = by_code(report_for(docs, catalog, directory), codes.SHARED_FILE)
    assert [f.documents for f in found] == [["Bappeda/perbup.pdf", "Diskominfo/perbup.pdf"]]  # same OPD: not this


def test_opd_that_sent_nothing(catalog: Catalog, directory: OpdDirectory) -> None:
    report = report_for([make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9})], catalog, directory)
    silent = {f.opd for f in by_code(report, codes.OPD_SENT_NOTHING)}
    assert DISKOMINFO not in silent and BAPPEDA in silent
    assert silent == {o.name for o in report.opd_without_files}


def test_findings_are_ordered_and_coded(catalog: Catalog, directory: OpdDirectory) -> None:
    report = report_for([make_doc("x.pdf", None, status=DocumentState.FAILED)], catalog, directory)
    order = [codes.SEVERITY_ORDER[f.severity] for f in report.findings]
    assert order == sorted(order)
    assert {f.code for f in report.findings} <= set(codes.CODES)
    assert all(f.message and f.message[0].isupper() for f in report.findings)
