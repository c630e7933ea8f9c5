"""Shared fixtures for the report tests: the bundled catalog and OPD list, and one realistic report."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from evidence.catalog import Catalog, load_catalog
from evidence.domain import ScannedDocument, Suggestion
from evidence.opd import OpdDirectory, load_opd_directory
from evidence.opd.directory import BUNDLED_OPD_PATH
from evidence.reports import GapReport, build_gap_report
from evidence.reports.model import CriticalCheck, EvidenceRef
from evidence.states import DocumentState
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO

MALICIOUS = "Bappeda/<script>alert(1)</script>.pdf"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog("spbe-2020")


@pytest.fixture(scope="session")
def directory() -> OpdDirectory:
    return load_opd_directory(BUNDLED_OPD_PATH)


@pytest.fixture
def sample_report(catalog: Catalog, directory: OpdDirectory) -> GapReport:
    """Diskominfo sent the SK Tim (10, 19) and a duplicate of it; Bappeda sent a planning document with a
    hostile name; one encrypted file has no known OPD. Peta Rencana (2, 12) is missing."""
    docs = [
        ScannedDocument(
            "Diskominfo/SK Tim SPBE.pdf",
            "s1",
            DocumentState.OK,
            opd=DISKOMINFO,
            doc_type="sk",
            suggestions=[Suggestion(10, 0.91), Suggestion(19, 0.74)],
        ),
        ScannedDocument(
            "Diskominfo/salinan/SK Tim SPBE.pdf",
            "s1",
            DocumentState.DUPLICATE,
            opd=DISKOMINFO,
            error="duplicate: same content as Diskominfo/SK Tim SPBE.pdf",
            duplicate_of="Diskominfo/SK Tim SPBE.pdf",
        ),
        ScannedDocument(MALICIOUS, "s2", DocumentState.OK, opd=BAPPEDA, suggestions=[Suggestion(32, 0.66)]),
        ScannedDocument("lain/rahasia.pdf", "s3", DocumentState.FAILED, error="encrypted: password required"),
    ]
    return build_gap_report(
        docs,
        catalog,
        directory,
        source="arsip-2024.zip",
        generated_at=datetime(2024, 5, 1, tzinfo=UTC),
        model_version="spbe-2020-m1",
    )


@pytest.fixture
def only_to_check(sample_report: GapReport) -> GapReport:
    """Nothing critical is missing, but CSIRT (12) is only a candidate of an SOP: "perlu dicek"."""
    check = CriticalCheck(key="csirt", label="CSIRT", indicators=[12], files=[
        EvidenceRef(path="Diskominfo/SOP Helpdesk.docx", opd=DISKOMINFO, score=0.2, review_state="candidate")])
    return sample_report.model_copy(update={"critical_missing": [], "critical_to_check": [check]})
