"""Review rules: validation, append-only with latest-wins, effective indicators in Python and in SQL.

Runs on SQLite and on the real PostgreSQL (``database`` fixture), because the SQL twin of the rules uses
correlated subqueries that both must evaluate the same way.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from evidence.catalog import load_catalog
from evidence.db.models import Document, Review, SuggestionRecord
from evidence.reviews import (
    BulkReviewError,
    ReviewError,
    ReviewRequest,
    current_suggestion_ids,
    effective_indicator_condition,
    effective_indicators,
    latest_per_indicator,
    pick_current,
    record_review,
    record_reviews,
    validate_request,
)
from tests.service import seed
from tests.service.seed import KOMINFO, S

CATALOG = load_catalog("spbe-2020")


def _doc(database, suggestions=(), path="Diskominfo/sk.pdf"):
    with database.session() as session:
        batch = seed.batch(session)
        return seed.document(session, batch, path, opd=KOMINFO, suggestions=suggestions).id


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("item", "code"), [
    (ReviewRequest(1, 19, "maybe"), "unknown_decision"),
    (ReviewRequest(1, 0, "accept"), "unknown_indicator"),
    (ReviewRequest(1, 19, "relabel"), "relabel_needs_target"),
    (ReviewRequest(1, 19, "relabel", 48), "unknown_indicator"),
    (ReviewRequest(1, 19, "relabel", 19), "relabel_same_indicator"),
    (ReviewRequest(1, 19, "reject", 10), "target_only_for_relabel"),
    (ReviewRequest(1, 19, "accept", reason="x" * 2001), "reason_too_long"),
])
def test_validation(item: ReviewRequest, code: str) -> None:
    with pytest.raises(ReviewError) as caught:
        validate_request(item, CATALOG)
    assert caught.value.code == code
    assert caught.value.message("id") != caught.value.message("en")


def test_valid_requests_pass() -> None:
    for item in (ReviewRequest(1, 19, "accept"), ReviewRequest(1, 19, "reject", reason="draf"),
                 ReviewRequest(1, 19, "relabel", 10)):
        validate_request(item, CATALOG)


# --- recording ----------------------------------------------------------------------------------------


def test_reviews_are_appended_with_provenance(database) -> None:
    doc_id = _doc(database, [S(19, 0.9, model_version="m1"), S(19, 0.7, model_version="m2"), S(10, 0.3, model_version="m2")])
    with database.session() as session:
        first = record_review(session, CATALOG, ReviewRequest(doc_id, 19, "reject", reason="  "), reviewer="rina")
        second = record_review(session, CATALOG, ReviewRequest(doc_id, 19, "accept"), reviewer="budi")
        third = record_review(session, CATALOG, ReviewRequest(doc_id, 44, "accept"), reviewer="budi")
    with database.session() as session:
        rows = list(session.scalars(select(Review).order_by(Review.id)))
    assert [r.id for r in rows] == [first.id, second.id, third.id]
    assert [(r.decision, r.reviewer) for r in rows] == [("reject", "rina"), ("accept", "budi"), ("accept", "budi")]
    # the model version of the *current* run (m2 is newest), None where the model said nothing
    assert [r.model_version for r in rows] == ["m2", "m2", None]
    assert rows[0].reason is None and rows[0].framework_id == "spbe-2020"
    assert latest_per_indicator(rows)[19].id == second.id


def test_bulk_is_all_or_nothing(database) -> None:
    doc_id = _doc(database, [S(19, 0.9)])
    items = [ReviewRequest(doc_id, 19, "accept"), ReviewRequest(doc_id, 19, "relabel"), ReviewRequest(777, 10, "reject")]
    with pytest.raises(BulkReviewError) as caught, database.session() as session:
        record_reviews(session, CATALOG, items, reviewer="rina")
    assert [(i, e.code) for i, e in caught.value.errors] == [(1, "relabel_needs_target"), (2, "unknown_document")]
    assert "butir 1" in caught.value.message("id") and "item 2" in caught.value.message("en")
    with database.session() as session:
        assert session.scalars(select(Review)).all() == []
        record_reviews(session, CATALOG, [items[0], ReviewRequest(doc_id, 10, "reject")], reviewer="rina")
    with database.session() as session:
        assert len(session.scalars(select(Review)).all()) == 2
    with pytest.raises(BulkReviewError), database.session() as session:
        record_reviews(session, CATALOG, [], reviewer="rina")


# --- current suggestions ------------------------------------------------------------------------------


def test_current_suggestions_are_the_latest_model_run(database) -> None:
    doc_id = _doc(database, [S(19, 0.9, model_version="m1"), S(10, 0.8, model_version="m1")])
    with database.session() as session:  # a second model run over the same document
        session.add(SuggestionRecord(document_id=doc_id, framework_id="spbe-2020", indicator_id=19, score=0.6,
                                     threshold=0.5, above_threshold=True, rank=0, reasons=[], model_version="m2"))
    with database.session() as session:
        current = session.scalars(
            select(SuggestionRecord).where(SuggestionRecord.id.in_(current_suggestion_ids("spbe-2020")))
        ).all()
        doc = session.get(Document, doc_id)
        python = pick_current(doc.suggestions, "spbe-2020")
    assert [(s.indicator_id, s.model_version) for s in current] == [(19, "m2")]
    assert [(s.indicator_id, s.model_version) for s in python] == [(19, "m2")]
    assert pick_current(doc.suggestions, "pemdi-2026") == []


# --- effective indicators -----------------------------------------------------------------------------


class R:
    """A review-like object for the pure function."""

    def __init__(self, id: int, indicator_id: int, decision: str, new_indicator_id: int | None = None) -> None:
        self.id, self.indicator_id, self.decision, self.new_indicator_id = id, indicator_id, decision, new_indicator_id


class Sg:
    def __init__(self, indicator_id: int, score: float, above: bool) -> None:
        self.id, self.framework_id, self.indicator_id = indicator_id, "spbe-2020", indicator_id
        self.score, self.above_threshold, self.model_version, self.reasons = score, above, "m1", ["r"]


@pytest.mark.parametrize(("reviews", "expected"), [
    ([], {19: "model"}),
    ([R(1, 19, "reject")], {}),
    ([R(1, 19, "reject"), R(2, 19, "accept")], {19: "accepted"}),
    ([R(1, 10, "accept")], {19: "model", 10: "accepted"}),  # accepting a below-threshold candidate
    ([R(1, 19, "relabel", 5)], {5: "relabelled"}),
    ([R(1, 19, "relabel", 5), R(2, 19, "accept")], {19: "accepted"}),  # superseded relabel adds nothing
    ([R(1, 5, "reject"), R(2, 19, "relabel", 5)], {5: "relabelled"}),  # later relabel beats earlier reject
    ([R(1, 19, "relabel", 5), R(2, 5, "reject")], {}),  # later reject beats earlier relabel
])
def test_effective_indicators(reviews: list[R], expected: dict[int, str]) -> None:
    result = effective_indicators([Sg(19, 0.8, True), Sg(10, 0.3, False)], reviews)
    assert {i: e.source for i, e in result.items()} == expected
    for effective in result.values():
        assert effective.score == (0.8 if effective.source == "model" else 1.0)


def test_sql_and_python_agree_on_effective_indicators(database) -> None:
    """Random suggestion/review histories on many documents: the list filter must match the report rule."""
    rng = random.Random(20240501)
    indicators = [1, 2, 10, 19]
    with database.session() as session:
        batch = seed.batch(session)
        docs = []
        for n in range(40):
            suggestions = [S(i, round(rng.random(), 2)) for i in rng.sample(indicators, rng.randint(0, 3))]
            doc = seed.document(session, batch, f"d{n}.pdf", opd=KOMINFO, suggestions=suggestions)
            for _ in range(rng.randint(0, 4)):
                decision = rng.choice(["accept", "reject", "relabel"])
                indicator = rng.choice(indicators)
                target = rng.choice([i for i in indicators if i != indicator]) if decision == "relabel" else None
                seed.review(session, doc, indicator, decision, new_indicator_id=target)
            docs.append(doc.id)
    with database.session() as session:
        expected: dict[int, set[int]] = {i: set() for i in indicators}
        for doc in session.scalars(select(Document).where(Document.id.in_(docs))):
            reviews = session.scalars(select(Review).where(Review.document_id == doc.id)).all()
            for i in effective_indicators(pick_current(doc.suggestions, "spbe-2020"), reviews):
                expected[i].add(doc.id)
        for indicator in indicators:
            found = set(session.scalars(
                select(Document.id).where(effective_indicator_condition("spbe-2020", indicator))
            ))
            assert found == expected[indicator], indicator
    assert any(expected.values())
