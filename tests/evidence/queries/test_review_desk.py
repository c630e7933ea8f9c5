"""The review desk's reads and writes on SQLite and PostgreSQL: queue filters and progress, batch lists,
duplicate notes across OPDs, per-item bulk review, refusals for unreadable files."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from evidence.catalog import load_catalog
from evidence.db.models import Document, Review, SuggestionRecord
from evidence.queries import (
    QueueFilters,
    document_types,
    hidden_duplicate_origins,
    list_batches,
    queue_progress,
    report_inputs,
    review_queue,
    visible_error,
)
from evidence.reviews import ReviewRequest, record_each
from tests.service import seed
from tests.service.seed import BAPPEDA, KOMINFO, S

CATALOG = load_catalog("spbe-2020")


@dataclass(frozen=True)
class Viewer:
    role: str
    opd: str | None = None


ADMIN, BAPPEDA_USER = Viewer("admin"), Viewer("opd", BAPPEDA)
ORIGINAL = "01. DISKOMINFO/Indikator 19/SK Tim.pdf"


@pytest.fixture
def rows(database) -> dict[str, int]:
    with database.session() as session:
        pemda = seed.batch(session)
        own = seed.batch(session, opd_scope=BAPPEDA)
        sk = seed.document(session, pemda, ORIGINAL, opd=KOMINFO, content=b"sk",
                           suggestions=[S(19, 0.9), S(10, 0.45), S(44, 0.01)])
        sk.doc_type = "keputusan"
        copy = seed.document(session, pemda, "Bappeda/SK Tim.pdf", opd=BAPPEDA, status="duplicate",
                             error=f"duplicate: same content as {ORIGINAL}")
        copy.duplicate_of_id = sk.id
        inner = seed.document(session, own, "Bappeda/renstra.pdf", opd=BAPPEDA, content=b"r", suggestions=[S(12, 0.52)])
        own_copy = seed.document(session, own, "Bappeda/renstra (2).pdf", opd=BAPPEDA, status="duplicate",
                                 error="duplicate: same content as Bappeda/renstra.pdf")
        own_copy.duplicate_of_id = inner.id
        broken = seed.document(session, pemda, "Bappeda/rusak.pdf", opd=BAPPEDA, status="failed", error="corrupt: x")
        candidate = session.scalar(select(SuggestionRecord).where(SuggestionRecord.document_id == sk.id,
                                                                  SuggestionRecord.indicator_id == 10))
        candidate.candidate = True
        return {"sk": sk.id, "copy": copy.id, "inner": inner.id, "own_copy": own_copy.id, "broken": broken.id,
                "pemda": pemda.id, "own": own.id}


def _pairs(session, viewer, **filters) -> list[tuple[int, int]]:
    page = review_queue(session, viewer, "spbe-2020", filters=QueueFilters(**filters), limit=50, offset=0)
    return [(i.document.id, i.suggestion.indicator_id) for i in page.items]


def test_queue_filters_and_progress(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        # |score - threshold|: renstra 12 -> 0.02 before the decree's 19 -> 0.40
        assert _pairs(session, ADMIN, band="above") == [(rows["inner"], 12), (rows["sk"], 19)]
        assert _pairs(session, ADMIN, band="candidate") == [(rows["sk"], 10)]
        assert _pairs(session, ADMIN, band="low") == [(rows["sk"], 44)]
        assert _pairs(session, ADMIN, doc_type="keputusan", band="mid") == [(rows["sk"], 10)]
        assert document_types(session, ADMIN) == ["keputusan"] and document_types(session, BAPPEDA_USER) == []
        assert queue_progress(session, ADMIN, "spbe-2020", QueueFilters()) == (0, 4)
        outcomes = record_each(session, [(CATALOG, ReviewRequest(rows["sk"], 19, "accept")),
                                         (CATALOG, ReviewRequest(rows["broken"], 19, "accept")),
                                         (CATALOG, ReviewRequest(rows["copy"], 19, "reject")),
                                         (CATALOG, ReviewRequest(rows["sk"], 99, "accept"))], reviewer="rina")
        assert [(o.review is not None, o.error.code if o.error else None) for o in outcomes] == [
            (True, None), (False, "unreadable_document"), (True, None), (False, "unknown_indicator")]
    with database.session() as session:
        assert len(session.scalars(select(Review)).all()) == 2
        assert queue_progress(session, ADMIN, "spbe-2020", QueueFilters()) == (1, 4)
        reviewed = review_queue(session, ADMIN, "spbe-2020", filters=QueueFilters(review_state="reviewed"),
                                limit=10, offset=0).items
        assert [(i.suggestion.indicator_id, i.review.decision) for i in reviewed] == [(19, "accept")]
        assert len(_pairs(session, ADMIN, review_state="all")) == 4 and len(_pairs(session, ADMIN)) == 3


def test_batches_are_listed_with_counts_and_scoped(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        everything = list_batches(session, ADMIN, limit=10, offset=0)
        assert [b.batch.id for b in everything.items] == [rows["own"], rows["pemda"]]
        assert everything.items[1].counts["duplicate"] == 1 and everything.items[1].total == 3
        mine = list_batches(session, BAPPEDA_USER, limit=10, offset=0)
        assert [b.batch.id for b in mine.items] == [rows["own"]] and mine.total == 1


def test_duplicate_notes_hide_another_opds_original(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        docs = [session.get(Document, rows[k]) for k in ("copy", "own_copy")]
        hidden = hidden_duplicate_origins(session, BAPPEDA_USER, docs)
        assert hidden == {rows["copy"]}  # its own original stays named
        assert visible_error(docs[0], hidden) == "duplicate"
        assert visible_error(docs[1], hidden) == "duplicate: same content as Bappeda/renstra.pdf"
        assert hidden_duplicate_origins(session, ADMIN, docs) == set()
        report = report_inputs(session, BAPPEDA_USER, "spbe-2020")
        assert ORIGINAL not in str([(d.error, d.duplicate_of) for d in report.documents])
        # In an OPD's own view a copy of another OPD's file stands for itself (evidence.reports.inputs).
        copy = next(d for d in report.documents if d.path == "Bappeda/SK Tim.pdf")
        assert copy.duplicate_of is None


def test_perlu_dicek_candidates_lead_the_queue(database, rows: dict[str, int]) -> None:
    """Issue 9: a file that may hold an indicator nothing else covers is reviewed first."""
    with database.session() as session:
        page = review_queue(session, ADMIN, CATALOG.id, limit=10, offset=0)
        order = [(i.document.id, i.suggestion.indicator_id) for i in page.items]
    # By uncertainty alone 12 (|0.52 - 0.5|) would come before 10 (|0.45 - 0.5|).
    assert order[0] == (rows["sk"], 10)
    assert order.index((rows["inner"], 12)) < order.index((rows["sk"], 19))
