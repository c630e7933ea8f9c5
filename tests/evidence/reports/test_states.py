"""Issue 9: four indicator states, and a critical "belum ada" flag only when no file is even a candidate."""

from __future__ import annotations

from evidence.catalog import Catalog
from evidence.opd import OpdDirectory
from evidence.reports.states import needs_check_candidates
from evidence.states import DocumentState
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO, make_doc, report_for, states


def test_four_states(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [
        make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9}, reviews={10: "accepted"}),
        make_doc("Diskominfo/renstra.pdf", DISKOMINFO, suggested={19: 0.6}),
        make_doc("Bappeda/laporan.pdf", BAPPEDA, candidates={12: 0.2}),
    ]
    report = report_for(docs, catalog, directory)
    by_id = states(report)
    assert (by_id[10], by_id[19], by_id[12]) == ("confirmed", "suggested", "perlu_dicek")
    assert by_id[2] == "missing"
    row = next(s for s in report.indicator_states if s.id == 12)
    assert [(f.path, f.review_state) for f in row.files] == [("Bappeda/laporan.pdf", "candidate")]
    confirmed = next(s for s in report.indicator_states if s.id == 10)
    assert confirmed.files[0].review_state == "confirmed" and confirmed.files[0].model_version == "m-test"


def test_critical_flag_only_when_nothing_is_a_candidate(catalog: Catalog, directory: OpdDirectory) -> None:
    none = report_for([], catalog, directory)
    assert "peta_rencana_spbe" in {c.key for c in none.critical_missing}
    maybe = report_for([make_doc("Bappeda/roadmap-draf.pdf", BAPPEDA, candidates={12: 0.3})], catalog, directory)
    assert "peta_rencana_spbe" not in {c.key for c in maybe.critical_missing}
    check = next(c for c in maybe.critical_to_check if c.key == "peta_rencana_spbe")
    assert [f.path for f in check.files] == ["Bappeda/roadmap-draf.pdf"]
    found = report_for([make_doc("Bappeda/roadmap.pdf", BAPPEDA, suggested={12: 0.8})], catalog, directory)
    assert "peta_rencana_spbe" not in {c.key for c in found.critical_missing}
    assert "peta_rencana_spbe" not in {c.key for c in found.critical_to_check}


def test_candidates_of_unread_or_duplicate_files_count_for_nothing(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [make_doc("Bappeda/scan.pdf", BAPPEDA, candidates={12: 0.3}, status=DocumentState.NO_TEXT),
            make_doc("Bappeda/copy.pdf", BAPPEDA, candidates={2: 0.3}, status=DocumentState.DUPLICATE)]
    report = report_for(docs, catalog, directory)
    assert states(report)[12] == "missing" and states(report)[2] == "missing"
    assert "peta_rencana_spbe" in {c.key for c in report.critical_missing}


def test_per_opd_matrix_uses_each_opds_own_files(catalog: Catalog, directory: OpdDirectory) -> None:
    docs = [make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9}),
            make_doc("Bappeda/x.pdf", BAPPEDA, candidates={10: 0.2})]
    report = report_for(docs, catalog, directory)
    cells = {(r.opd, r.id): r for r in report.matrix}
    assert cells[(DISKOMINFO, 10)].state == "suggested"
    assert cells[(BAPPEDA, 10)].state == "perlu_dicek"
    assert len(report.matrix) == len({r.opd for r in report.matrix}) * len(catalog.indicators)
    assert cells[(DISKOMINFO, 10)].owned == (DISKOMINFO in cells[(DISKOMINFO, 10)].owners)


def test_next_level_comes_from_the_catalog(catalog: Catalog, directory: OpdDirectory) -> None:
    report = report_for([make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9}, levels={10: 2})],
                        catalog, directory)
    row = next(s for s in report.indicator_states if s.id == 10)
    assert row.level == 2 and "Diskominfo/sk.pdf" in row.level_reason
    assert row.next_level == catalog.indicator(10).level_criteria[3]
    missing = next(s for s in report.indicator_states if s.id == 2)
    assert missing.level == 0 and missing.next_level == catalog.indicator(2).level_criteria[1]


def test_draft_alone_supports_level_one_at_most(catalog: Catalog, directory: OpdDirectory) -> None:
    report = report_for([make_doc("Bappeda/draf.pdf", BAPPEDA, suggested={11: 0.9}, levels={11: 4},
                                  metadata={"is_draft": True, "status": "draft"})], catalog, directory)
    row = next(s for s in report.indicator_states if s.id == 11)
    assert row.level == 1 and "draf" in row.level_reason.lower()


def test_review_queue_priority_pairs() -> None:
    docs = [make_doc("a.pdf", BAPPEDA, suggested={10: 0.9}, candidates={12: 0.2}, document_id=1),
            make_doc("b.pdf", BAPPEDA, candidates={10: 0.2, 2: 0.1}, document_id=2)]
    # 10 is already suggested by a.pdf: only the candidates of uncovered indicators go first.
    assert needs_check_candidates(docs) == {(1, 12), (2, 2)}
