"""Progress since the last report: the snapshot diff (pure) and stored snapshots (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from evidence.catalog import Catalog
from evidence.opd import OpdDirectory
from evidence.reports.changes import change_lines, diff, summarise
from evidence.reports.snapshots import changes_since, latest_snapshot, save_snapshot
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO, make_doc, report_for


def test_diff_new_evidence_closed_gaps_findings_and_estimate(catalog: Catalog, directory: OpdDirectory) -> None:
    week1 = report_for([make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9})], catalog, directory)
    week2_docs = [make_doc("Diskominfo/sk.pdf", DISKOMINFO, suggested={10: 0.9}, reviews={10: "accepted"}),
                  make_doc("Bappeda/perbup arsitektur.pdf", BAPPEDA, suggested={11: 0.8}, levels={11: 2})]
    week2 = report_for(week2_docs, catalog, directory)
    changes = diff(week2, summarise(week1), snapshot_id=1, since=week1.generated_at)
    assert changes.new_evidence == [f"11|{BAPPEDA}|Bappeda/perbup arsitektur.pdf"]
    assert changes.closed_gaps == [11] and changes.new_gaps == []
    closed = {f.key for f in week1.findings} - {f.key for f in week2.findings}
    assert set(changes.resolved_findings) == closed and any(k.startswith("KRITIS_BELUM_ADA") for k in closed)
    assert changes.index_before == week1.index_estimate.confirmed_only.value
    assert changes.index_with_suggestions_after == week2.index_estimate.with_suggestions.value
    assert changes.index_with_suggestions_after > changes.index_with_suggestions_before
    assert any("Celah tertutup: 1" in line for line in change_lines(changes))


def test_an_opds_diff_sees_only_that_opd(catalog: Catalog, directory: OpdDirectory) -> None:
    week1 = report_for([], catalog, directory)
    week2 = report_for([make_doc("Bappeda/a.pdf", BAPPEDA, suggested={11: 0.8}),
                        make_doc("Diskominfo/b.pdf", DISKOMINFO, suggested={10: 0.8})], catalog, directory)
    mine = diff(week2, summarise(week1), snapshot_id=1, since=week1.generated_at, opd=DISKOMINFO)
    assert mine.new_evidence == [f"10|{DISKOMINFO}|Diskominfo/b.pdf"]
    assert mine.closed_gaps == [10] and mine.index_after is None
    assert BAPPEDA not in str(mine.model_dump())


def test_stored_snapshots(database, catalog: Catalog, directory: OpdDirectory) -> None:
    first = report_for([], catalog, directory)
    second = report_for([make_doc("Bappeda/a.pdf", BAPPEDA, suggested={12: 0.8})], catalog, directory)
    second = second.model_copy(update={"generated_at": first.generated_at + timedelta(days=7)})
    with database.session() as session:
        assert changes_since(session, first) is None
        row = save_snapshot(session, catalog, first, created_by="uji")
        changes = changes_since(session, second)
        assert changes is not None and changes.snapshot_id == row.id and changes.closed_gaps == [12]
        save_snapshot(session, catalog, second, created_by="uji")
    with database.session() as session:
        assert latest_snapshot(session, catalog.id).summary["states"]["12"] == "suggested"
        older = latest_snapshot(session, catalog.id, before=first.generated_at + timedelta(days=1))
        assert older is not None and older.id == row.id
        assert latest_snapshot(session, catalog.id, before=datetime(2000, 1, 1, tzinfo=UTC)) is None
