"""One counting rule for every report (issue 11, "Counts disagree"), on SQLite and PostgreSQL.

A file is one (OPD, file name, content); among files with one content the first processed one is the
original and every other is a duplicate of it, Pemda-wide and in each OPD's part alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from evidence.catalog import BUNDLED, load_catalog
from evidence.opd import load_opd_directory
from evidence.opd.directory import BUNDLED_OPD_PATH
from evidence.reports.inputs import report_inputs
from evidence.reports.stored import stored_gap_report
from evidence.settings import Settings
from evidence.states import DocumentState
from tests.service import seed
from tests.service.seed import BAPPEDA, KOMINFO, S


@dataclass(frozen=True)
class Viewer:
    role: str
    opd: str | None = None


ADMIN = Viewer("admin")
# What a runtime hands the report: the product's settings and the bundled catalogs.
STORED = {"settings": Settings(), "catalogs": BUNDLED}


@pytest.fixture
def rows(database) -> dict[str, int]:
    with database.session() as session:
        week1 = seed.batch(session)
        week2 = seed.batch(session)
        perbup = seed.document(session, week1, "Diskominfo/Perbup SPBE.pdf", opd=KOMINFO, content=b"perbup",
                               suggestions=[S(1, 0.9)])
        copy = seed.document(session, week1, "Bappeda/Perbup SPBE.pdf", opd=BAPPEDA, content=b"perbup",
                             status="duplicate", error="duplicate: same content as Diskominfo/Perbup SPBE.pdf")
        copy.duplicate_of_id = perbup.id
        seed.document(session, week1, "Bappeda/renstra.pdf", opd=BAPPEDA, content=b"renstra", suggestions=[S(12, 0.8)])
        # Next week the whole archive again: same OPD, same names, same contents (copies get the results).
        seed.document(session, week2, "Diskominfo/Perbup SPBE.pdf", opd=KOMINFO, content=b"perbup",
                      suggestions=[S(1, 0.9)])
        seed.document(session, week2, "Bappeda/renstra.pdf", opd=BAPPEDA, content=b"renstra", suggestions=[S(12, 0.8)])
        seed.document(session, week2, "Bappeda/baru.pdf", opd=BAPPEDA, content=b"baru", status="no_text")
        return {"perbup": perbup.id, "copy": copy.id, "week1": week1.id, "week2": week2.id}


def statuses(inputs) -> dict[str, str]:
    return {d.path: d.status.value for d in inputs.documents}


def test_resent_files_count_once_and_copies_stay_duplicates(database, rows) -> None:
    with database.session() as session:
        every = report_inputs(session, ADMIN, "spbe-2020")
    assert statuses(every) == {"Diskominfo/Perbup SPBE.pdf": "ok", "Bappeda/Perbup SPBE.pdf": "duplicate",
                               "Bappeda/renstra.pdf": "ok", "Bappeda/baru.pdf": "no_text"}
    copy = next(d for d in every.documents if d.path == "Bappeda/Perbup SPBE.pdf")
    assert copy.duplicate_of == "Diskominfo/Perbup SPBE.pdf" and copy.suggestions == []


def test_an_opds_part_is_its_share_of_the_pemda_report(database, rows) -> None:
    catalog = load_catalog("spbe-2020")
    directory = load_opd_directory(BUNDLED_OPD_PATH)
    with database.session() as session:
        pemda = stored_gap_report(session, ADMIN, catalog, directory, **STORED).report
        bappeda = stored_gap_report(session, ADMIN, catalog, directory, **STORED, opd=BAPPEDA).report
        week2 = stored_gap_report(session, ADMIN, catalog, directory, **STORED, batch_id=rows["week2"]).report
    part = next(g for g in pemda.opd if g.name == BAPPEDA)
    assert bappeda.totals.files == part.files == 3
    assert bappeda.totals.by_status == part.by_status
    assert pemda.totals.files == 4 and pemda.totals.by_status[DocumentState.DUPLICATE.value] == 1
    assert week2.totals.files == 3 and week2.totals.by_status[DocumentState.DUPLICATE.value] == 0


def test_an_opd_user_never_sees_another_opds_copy(database, rows) -> None:
    with database.session() as session:
        mine = report_inputs(session, Viewer("opd", BAPPEDA), "spbe-2020")
    assert statuses(mine)["Bappeda/Perbup SPBE.pdf"] == "ok"  # its own copy, with the content's results
    perbup = next(d for d in mine.documents if d.path == "Bappeda/Perbup SPBE.pdf")
    assert [s.indicator_id for s in perbup.suggestions] == [1]
    assert "Diskominfo" not in str(mine.documents)


def test_a_review_of_any_copy_counts(database, rows) -> None:
    with database.session() as session:
        from evidence.db.models import Document

        seed.review(session, session.get(Document, rows["copy"]), 1, "accept")
        every = report_inputs(session, ADMIN, "spbe-2020")
    original = next(d for d in every.documents if d.path == "Diskominfo/Perbup SPBE.pdf")
    assert original.review_states == {1: "accepted"}


def test_a_batch_is_reported_on_its_own(database, rows) -> None:
    """Next week's archive moved the Perbup to Bappeda: its scan report still counts it as evidence."""
    with database.session() as session:
        week3 = seed.batch(session)
        seed.document(session, week3, "Bappeda/Perbup SPBE (baru).pdf", opd=BAPPEDA, content=b"perbup",
                      suggestions=[S(1, 0.9)])
        alone = report_inputs(session, ADMIN, "spbe-2020", batch_id=week3.id)
        every = report_inputs(session, ADMIN, "spbe-2020")
    assert statuses(alone) == {"Bappeda/Perbup SPBE (baru).pdf": "ok"}
    assert statuses(every)["Bappeda/Perbup SPBE (baru).pdf"] == "duplicate"
