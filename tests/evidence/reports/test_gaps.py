"""build_gap_report on hand-built documents: evidence rules, critical items, per-OPD gaps, determinism."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import pytest

from evidence.catalog import Catalog
from evidence.domain import ScannedDocument, Suggestion
from evidence.opd import OpdDirectory
from evidence.reports import GapReport, build_gap_report, owed_indicators
from evidence.states import DocumentState
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO

WHEN = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)


def doc(
    path: str,
    opd: str | None,
    *indicators: int,
    status: DocumentState = DocumentState.OK,
    sha: str | None = None,
    score: float = 0.8,
    error: str | None = None,
    duplicate_of: str | None = None,
    above_threshold: bool = True,
    **extra: object,
) -> ScannedDocument:
    suggestions = [
        Suggestion(i, score - n * 0.01, ("kw",), above_threshold) for n, i in enumerate(indicators)
    ]
    return ScannedDocument(
        path=path,
        sha256=sha if sha is not None else f"sha-{path}",
        status=status,
        opd=opd,
        error=error,
        duplicate_of=duplicate_of,
        suggestions=suggestions,
        candidates=list(suggestions),
        **extra,  # type: ignore[arg-type]
    )


def build(docs: list[ScannedDocument], catalog: Catalog, directory: OpdDirectory, **kw: object) -> GapReport:
    kw.setdefault("model_version", "m-1")
    return build_gap_report(docs, catalog, directory, source="arsip.zip", generated_at=WHEN, **kw)  # type: ignore[arg-type]


def evidence_ids(report: GapReport) -> list[int]:
    return [ev.id for ev in report.indicators_with_evidence]


def critical_keys(report: GapReport) -> set[str]:
    return {c.key for c in report.critical_missing}


def opd_gap(report: GapReport, name: str | None):
    return next(g for g in report.opd if g.name == name)


def test_no_documents_everything_missing(catalog: Catalog, directory: OpdDirectory) -> None:
    report = build([], catalog, directory)
    assert report.framework.id == catalog.framework.id
    assert report.framework.name == catalog.framework.name
    assert report.framework.catalog_version == catalog.framework.catalog_version
    assert report.totals.files == 0
    assert report.totals.by_status == {s.value: 0 for s in DocumentState.finals()}
    assert report.indicators_with_evidence == []
    assert [g.id for g in report.indicators_without_evidence] == catalog.indicator_ids()
    assert critical_keys(report) == {c.key for c in catalog.critical_items}
    assert report.coverage.indicators_total == len(catalog.indicators)
    assert report.coverage.share == 0.0
    assert report.coverage.weighted_share == 0.0
    assert report.opd == []
    assert report.files == []


def test_critical_items(catalog: Catalog, directory: OpdDirectory) -> None:
    report = build([doc("Diskominfo/sk_tim.pdf", DISKOMINFO, 10, 19)], catalog, directory)
    keys = critical_keys(report)
    assert "peta_rencana_spbe" in keys  # nothing for 2 or 12
    assert "sk_tim_koordinasi" not in keys
    peta = next(c for c in report.critical_missing if c.key == "peta_rencana_spbe")
    item = next(c for c in catalog.critical_items if c.key == "peta_rencana_spbe")
    assert peta.indicators == item.any_of
    assert peta.message == item.missing_message
    assert peta.label == item.label


def test_one_indicator_of_any_of_is_enough(catalog: Catalog, directory: OpdDirectory) -> None:
    report = build([doc("Bappeda/roadmap.pdf", BAPPEDA, 12)], catalog, directory)
    assert "peta_rencana_spbe" not in critical_keys(report)


def test_failed_file_counted_but_no_evidence(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        doc("Diskominfo/rusak.pdf", DISKOMINFO, 2, status=DocumentState.FAILED, error="corrupt: bad xref"),
        doc("Diskominfo/ok.pdf", DISKOMINFO, 4),
    ]
    report = build(docs, catalog, directory)
    assert report.totals.files == 2
    assert report.totals.by_status[DocumentState.FAILED.value] == 1
    assert report.totals.by_status[DocumentState.OK.value] == 1
    assert evidence_ids(report) == [4]
    assert "peta_rencana_spbe" in critical_keys(report)
    gap = opd_gap(report, DISKOMINFO)
    assert [p.path for p in gap.problem_files] == ["Diskominfo/rusak.pdf"]
    assert gap.problem_files[0].error == "corrupt: bad xref"
    assert 2 in [g.id for g in gap.owed_missing]


@pytest.mark.parametrize("status", [DocumentState.NO_TEXT, DocumentState.UNSUPPORTED, DocumentState.DUPLICATE])
def test_only_ok_documents_prove_anything(
    catalog: Catalog, directory: OpdDirectory, status: DocumentState
) -> None:
    report = build(
        [doc("Diskominfo/x.pdf", DISKOMINFO, 8, status=status, error=f"{status.value}: x")],
        catalog,
        directory,
    )
    assert report.indicators_with_evidence == []
    assert [p.status for p in opd_gap(report, DISKOMINFO).problem_files] == [status]


def test_below_threshold_is_not_evidence(catalog: Catalog, directory: OpdDirectory) -> None:
    report = build([doc("Diskominfo/x.pdf", DISKOMINFO, 8, above_threshold=False)], catalog, directory)
    assert report.indicators_with_evidence == []
    assert report.files[0].indicators == []


def test_duplicates_not_double_counted(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        doc("Diskominfo/a.pdf", DISKOMINFO, 10, sha="same"),
        doc(
            "Diskominfo/salinan/a.pdf",
            DISKOMINFO,
            10,
            sha="same",
            status=DocumentState.DUPLICATE,
            error="duplicate: same content as Diskominfo/a.pdf",
            duplicate_of="Diskominfo/a.pdf",
        ),
        # Even two ok rows with identical content count once.
        doc("Diskominfo/b.pdf", DISKOMINFO, 10, sha="same"),
    ]
    report = build(docs, catalog, directory)
    assert report.totals.files == 3
    assert report.totals.by_status[DocumentState.DUPLICATE.value] == 1
    ten = report.indicators_with_evidence[0]
    assert ten.id == 10
    assert [f.path for f in ten.files] == ["Diskominfo/a.pdf"]
    gap = opd_gap(report, DISKOMINFO)
    assert [e.id for e in gap.owed_with_evidence] == [10]
    assert len(gap.owed_with_evidence[0].files) == 1
    dup = next(p for p in gap.problem_files if p.status == DocumentState.DUPLICATE)
    assert dup.duplicate_of == "Diskominfo/a.pdf"


def test_opd_missing_owed_indicator(catalog: Catalog, directory: OpdDirectory) -> None:
    bappeda = directory.by_name(BAPPEDA)
    assert bappeda is not None
    owed = owed_indicators(bappeda, catalog)
    report = build([doc("Bappeda/renja.pdf", BAPPEDA, 32, 4)], catalog, directory)
    gap = opd_gap(report, BAPPEDA)
    assert gap.in_directory
    assert gap.files == 1
    assert gap.owed == owed
    assert [e.id for e in gap.owed_with_evidence] == [32]
    assert [g.id for g in gap.owed_missing] == [i for i in owed if i != 32]
    assert 12 in [g.id for g in gap.owed_missing]
    # Evidence for an indicator Bappeda does not owe is still reported.
    assert [e.id for e in gap.other_evidence] == [4]
    assert gap.problem_files == []


def test_shared_indicator_covered_by_another_opd(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [doc("Diskominfo/arsitektur.pdf", DISKOMINFO, 11), doc("Bappeda/renja.pdf", BAPPEDA, 32)]
    report = build(docs, catalog, directory)
    missing = {g.id: g for g in opd_gap(report, BAPPEDA).owed_missing}
    assert missing[11].covered_elsewhere is True
    assert missing[12].covered_elsewhere is False
    assert all(not g.covered_elsewhere for g in report.indicators_without_evidence)


def test_evidence_files_and_best_score(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        doc("Bappeda/b.pdf", BAPPEDA, 12, score=0.6),
        doc("Diskominfo/a.pdf", DISKOMINFO, 12, score=0.9),
    ]
    report = build(docs, catalog, directory)
    twelve = report.indicators_with_evidence[0]
    assert twelve.best_score == pytest.approx(0.9)
    assert [(f.path, f.opd) for f in twelve.files] == [
        ("Diskominfo/a.pdf", DISKOMINFO),
        ("Bappeda/b.pdf", BAPPEDA),
    ]
    assert DISKOMINFO in twelve.owners and BAPPEDA in twelve.owners
    assert twelve.short_name == catalog.indicator(12).short_name


def test_unknown_and_unlisted_opd(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        doc("lain/x.pdf", None, 43, status=DocumentState.FAILED, error="encrypted: password required"),
        doc("Dinas Antah/y.pdf", "Dinas Antah Berantah", 43),
        doc("Diskominfo/z.pdf", "diskominfo", 20),  # an alias, in any case, lands on the canonical OPD
    ]
    report = build(docs, catalog, directory)
    assert [g.name for g in report.opd] == [DISKOMINFO, "Dinas Antah Berantah", None]
    unknown = report.opd[-1]
    assert not unknown.in_directory and unknown.owed == [] and unknown.owed_missing == []
    assert unknown.problem_files[0].error == "encrypted: password required"
    unlisted = report.opd[1]
    assert not unlisted.in_directory
    assert [e.id for e in unlisted.other_evidence] == [43]
    assert report.opd[0].in_directory
    assert {f.opd for f in report.files} == {DISKOMINFO, "Dinas Antah Berantah", None}
    assert DISKOMINFO not in {o.name for o in report.opd_without_files}
    assert BAPPEDA in {o.name for o in report.opd_without_files}


def test_opd_follow_directory_order(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [doc("b.pdf", BAPPEDA, 32), doc("a.pdf", DISKOMINFO, 4)]
    report = build(docs, catalog, directory)
    order = directory.names()
    assert [g.name for g in report.opd] == sorted([BAPPEDA, DISKOMINFO], key=order.index)


def test_coverage_uses_catalog_weights(catalog: Catalog, directory: OpdDirectory) -> None:
    report = build([doc("a.pdf", DISKOMINFO, 1, 32), doc("b.pdf", DISKOMINFO, 32)], catalog, directory)
    weights = {i.id: i.weight for i in catalog.indicators}
    total = sum(weights.values())
    assert report.coverage.indicators_with_evidence == 2
    assert report.coverage.share == pytest.approx(2 / len(weights), abs=1e-6)
    assert report.coverage.weight_with_evidence == pytest.approx(weights[1] + weights[32])
    assert report.coverage.weighted_share == pytest.approx((weights[1] + weights[32]) / total, abs=1e-6)


def test_flat_files_list(catalog: Catalog, directory: OpdDirectory) -> None:
    report = build([doc("b.pdf", DISKOMINFO, 5, 4, score=0.9, doc_type="sk")], catalog, directory)
    (entry,) = report.files
    assert entry.path == "b.pdf" and entry.status == DocumentState.OK and entry.doc_type == "sk"
    assert [(i.id, i.short_name) for i in entry.indicators] == [
        (5, catalog.indicator(5).short_name),
        (4, catalog.indicator(4).short_name),
    ]


def test_ignores_unknown_ids_and_other_frameworks(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        doc("a.pdf", DISKOMINFO, 9999),
        doc("b.pdf", DISKOMINFO, 4, framework="pemdi-2026"),
        doc("c.pdf", DISKOMINFO, 5, framework=catalog.id),
    ]
    assert evidence_ids(build(docs, catalog, directory)) == [5]


def test_model_version(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [doc("a.pdf", DISKOMINFO, 4, model_version="m-7")]
    assert build(docs, catalog, directory, model_version="m-8").model_version == "m-8"
    assert build(docs, catalog, directory, model_version=None).model_version == "m-7"


def test_deterministic_and_json_serialisable(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        doc("Diskominfo/a.pdf", DISKOMINFO, 10, 19),
        doc("Bappeda/b.pdf", BAPPEDA, 12, 32),
        doc("x.zip", None, status=DocumentState.UNSUPPORTED, error="unsupported: application/zip (.zip)"),
        doc("Bappeda/c.pdf", BAPPEDA, 12, score=0.8),
    ]
    first = build(docs, catalog, directory).to_dict()
    shuffled = list(docs)
    random.Random(7).shuffle(shuffled)
    assert build(shuffled, catalog, directory).to_dict() == first
    text = json.dumps(first, ensure_ascii=False)
    assert GapReport.from_dict(json.loads(text)).to_dict() == first
    assert first["generated_at"] == WHEN.isoformat().replace("+00:00", "Z")


def test_works_with_any_catalog(catalog: Catalog, directory: OpdDirectory) -> None:
    """A smaller framework: nothing in the report depends on the bundled catalog's size or ids."""
    base = catalog.indicators[0]
    small = catalog.model_copy(
        update={
            "framework": catalog.framework.model_copy(update={"id": "mini", "name": "Mini"}),
            "indicators": [
                base.model_copy(update={"id": 101, "weight": 60.0, "typical_owner": "Diskominfo"}),
                base.model_copy(update={"id": 102, "weight": 40.0, "typical_owner": "Bappeda"}),
            ],
            "critical_items": [],
        }
    )
    report = build([doc("a.pdf", BAPPEDA, 102, 1)], small, directory)
    assert report.framework.id == "mini"
    assert report.coverage.indicators_total == 2
    assert report.coverage.weighted_share == pytest.approx(0.4)
    assert evidence_ids(report) == [102]
    assert report.critical_missing == []
    assert opd_gap(report, BAPPEDA).owed == [102]
