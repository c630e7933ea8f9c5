"""Scoped reads: an OPD viewer's restriction is in the SQL, so counts, pages and 404s follow from it.

Runs on SQLite and on the real PostgreSQL (``database`` fixture).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from evidence.db.models import Document
from evidence.queries import (
    DocumentFilters,
    batch_progress,
    document_detail,
    document_status_counts,
    documents_per_opd,
    get_batch,
    get_document,
    list_documents,
    report_inputs,
    review_queue,
    scope_documents,
    text_excerpt,
)
from tests.service import seed
from tests.service.seed import BAPPEDA, KOMINFO, S


@dataclass(frozen=True)
class Viewer:
    role: str
    opd: str | None = None


ADMIN = Viewer("admin")
REVIEWER = Viewer("reviewer")
KOMINFO_USER = Viewer("opd", KOMINFO)
BAPPEDA_USER = Viewer("opd", BAPPEDA)
OPD_WITHOUT_OPD = Viewer("opd", None)
UNKNOWN_ROLE = Viewer("auditor", KOMINFO)


@pytest.fixture
def rows(database) -> dict[str, int]:
    with database.session() as session:
        pemda = seed.batch(session)
        kominfo = seed.batch(session, opd_scope=KOMINFO)
        ids = {
            "sk": seed.document(session, kominfo, "SK Tim.pdf", opd=KOMINFO, text="x" * 3000, content=b"sk",
                                suggestions=[S(19, 0.9), S(10, 0.45)]).id,
            "sk_copy": seed.document(session, pemda, "Diskominfo/SK Tim.pdf", opd=KOMINFO, content=b"sk",
                                     suggestions=[S(19, 0.9), S(10, 0.45)]).id,
            "renstra": seed.document(session, pemda, "Bappeda/renstra.pdf", opd=BAPPEDA,
                                     suggestions=[S(12, 0.52), S(2, 0.1)]).id,
            "scan": seed.document(session, pemda, "Bappeda/scan.pdf", opd=BAPPEDA, status="no_text").id,
            "queued": seed.document(session, pemda, "Bappeda/baru.pdf", opd=BAPPEDA, status="queued").id,
            "orphan": seed.document(session, pemda, "lain/x.pdf", opd=None, status="failed", error="corrupt: x").id,
        }
        ids.update(pemda=pemda.id, kominfo_batch=kominfo.id)
    return ids


def _ids(page) -> set[int]:
    return {d.id for d in page.items}


def test_scope_is_a_where_clause() -> None:
    sql = str(scope_documents(select(Document), KOMINFO_USER).compile())
    assert "documents.opd = " in sql
    assert str(scope_documents(select(Document), ADMIN).compile()).count("WHERE") == 0


def test_documents_are_scoped_by_opd(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        every = list_documents(session, ADMIN, DocumentFilters("spbe-2020"), limit=50, offset=0)
        mine = list_documents(session, KOMINFO_USER, DocumentFilters("spbe-2020"), limit=1, offset=0)
        nothing = list_documents(session, OPD_WITHOUT_OPD, DocumentFilters("spbe-2020"), limit=50, offset=0)
        odd = list_documents(session, UNKNOWN_ROLE, DocumentFilters("spbe-2020"), limit=50, offset=0)
        other = list_documents(session, KOMINFO_USER, DocumentFilters("spbe-2020", opd=BAPPEDA), limit=50, offset=0)
    assert every.total == 6
    assert mine.total == 2 and len(mine.items) == 1  # the total is counted in SQL, not from the page
    assert nothing.total == 0 and other.total == 0
    assert odd.total == 2  # unknown roles are scoped like OPD users (fail closed)


def test_single_rows_are_none_outside_the_scope(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        assert get_document(session, KOMINFO_USER, rows["sk"]) is not None
        assert get_document(session, KOMINFO_USER, rows["renstra"]) is None
        assert get_document(session, KOMINFO_USER, rows["orphan"]) is None
        assert get_document(session, REVIEWER, rows["renstra"]) is not None
        assert get_batch(session, KOMINFO_USER, rows["kominfo_batch"]) is not None
        assert get_batch(session, KOMINFO_USER, rows["pemda"]) is None  # Pemda-wide batch
        assert get_batch(session, BAPPEDA_USER, rows["kominfo_batch"]) is None
        assert document_detail(session, BAPPEDA_USER, rows["sk"], "spbe-2020") is None


def test_batch_progress_counts(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        progress = batch_progress(session, ADMIN, rows["pemda"])
        assert progress is not None
        assert progress.counts == {"queued": 1, "ok": 2, "no_text": 1, "duplicate": 0, "unsupported": 0, "failed": 1}
        assert [d.path for d in progress.documents][0] == "Bappeda/baru.pdf"
        assert batch_progress(session, KOMINFO_USER, rows["pemda"]) is None


def test_filters(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        def ids(**filters) -> set[int]:
            return _ids(list_documents(session, ADMIN, DocumentFilters("spbe-2020", **filters), limit=50, offset=0))

        assert ids(indicator=19) == {rows["sk"], rows["sk_copy"]}
        assert ids(indicator=10) == set()
        assert ids(status="no_text") == {rows["scan"]}
        assert ids(opd=BAPPEDA, status="ok") == {rows["renstra"]}
        assert ids(batch_id=rows["kominfo_batch"]) == {rows["sk"]}
        assert ids(review_state="reviewed") == set()
        seed.review(session, session.get(Document, rows["renstra"]), 12, "reject")
        assert ids(review_state="reviewed") == {rows["renstra"]}
        assert rows["renstra"] not in ids(review_state="pending")
        assert ids(indicator=12) == set()


def test_every_framework_lists_the_same_files(database, rows: dict[str, int]) -> None:
    """A file is classified in every framework, so it is listed in each; only its indicators differ."""
    with database.session() as session:
        spbe = list_documents(session, ADMIN, DocumentFilters("spbe-2020"), limit=50, offset=0)
        pemdi = list_documents(session, ADMIN, DocumentFilters("pemdi-2026"), limit=50, offset=0)
        assert pemdi.total == spbe.total > 0
        assert list_documents(session, ADMIN, DocumentFilters("pemdi-2026", indicator=19), limit=50, offset=0).total == 0


def test_excerpt_is_cut_in_sql(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        assert text_excerpt(session, rows["sk"]) == "x" * 1500
        assert text_excerpt(session, rows["renstra"]) is None
        detail = document_detail(session, ADMIN, rows["sk"], "spbe-2020")
    assert detail is not None and detail.excerpt == "x" * 1500
    assert [s.indicator_id for s in detail.suggestions] == [19, 10]
    assert set(detail.effective) == {19}


def test_review_queue_order_and_scope(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        page = review_queue(session, ADMIN, "spbe-2020", limit=50, offset=0)
        pairs = [(i.document.id, i.suggestion.indicator_id) for i in page.items]
        assert pairs[:3] == [(rows["renstra"], 12), (rows["sk"], 10), (rows["sk_copy"], 10)]
        assert page.total == 6
        scoped = review_queue(session, KOMINFO_USER, "spbe-2020", limit=50, offset=0)
        assert {i.document.opd for i in scoped.items} == {KOMINFO}
        above = review_queue(session, ADMIN, "spbe-2020", above_threshold=True, limit=50, offset=0)
        assert all(i.suggestion.above_threshold for i in above.items) and above.total == 3


def test_counts(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        assert documents_per_opd(session, ADMIN) == {KOMINFO: 2, BAPPEDA: 3, None: 1}
        assert documents_per_opd(session, KOMINFO_USER) == {KOMINFO: 2}
        assert document_status_counts(session)["ok"] == 3


def test_report_inputs_dedupe_and_scope(database, rows: dict[str, int]) -> None:
    with database.session() as session:
        admin = report_inputs(session, ADMIN, "spbe-2020")
        mine = report_inputs(session, KOMINFO_USER, "spbe-2020")
        bappeda = report_inputs(session, ADMIN, "spbe-2020", opd=BAPPEDA)
    assert sorted(d.path for d in admin.documents) == ["Bappeda/renstra.pdf", "Bappeda/scan.pdf", "SK Tim.pdf", "lain/x.pdf"]
    assert admin.in_progress == 1 and admin.batches == 2 and admin.model_versions == {"m1"}
    assert [d.path for d in mine.documents] == ["SK Tim.pdf"] and mine.in_progress == 0
    assert sorted(d.path for d in bappeda.documents) == ["Bappeda/renstra.pdf", "Bappeda/scan.pdf"]
    sk = next(d for d in admin.documents if d.path == "SK Tim.pdf")
    assert [s.indicator_id for s in sk.suggestions] == [19]
