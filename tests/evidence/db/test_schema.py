"""Runs on SQLite and on the real PostgreSQL (see the ``database`` fixture)."""

from sqlalchemy import inspect, select

from evidence.db.models import Batch, Document, Framework, Review, SuggestionRecord


def test_migrations_create_every_table(database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {
        "frameworks",
        "batches",
        "documents",
        "document_texts",
        "suggestions",
        "reviews",
        "alembic_version",
    } <= tables


def test_suggestions_and_reviews_are_separate_records_with_framework_keys(database) -> None:
    with database.session() as s:
        s.add(Framework(id="spbe-2020", name="SPBE", catalog_version="2020.1"))
        s.flush()
        batch = Batch(framework_id="spbe-2020", source_name="a.zip")
        s.add(batch)
        s.flush()
        doc = Document(batch_id=batch.id, path="Diskominfo/sk.pdf", filename="sk.pdf", status="ok")
        s.add(doc)
        s.flush()
        s.add(
            SuggestionRecord(
                document_id=doc.id,
                framework_id="spbe-2020",
                indicator_id=19,
                score=0.9,
                above_threshold=True,
                rank=0,
                reasons=["aturan"],
                model_version="v1",
            )
        )
        s.add(
            Review(
                document_id=doc.id,
                framework_id="spbe-2020",
                indicator_id=19,
                decision="accept",
                reviewer="rina",
                model_version="v1",
            )
        )
    with database.session() as s:
        suggestion = s.scalars(select(SuggestionRecord)).one()
        review = s.scalars(select(Review)).one()
        assert suggestion.reasons == ["aturan"]
        assert (review.decision, review.framework_id) == ("accept", "spbe-2020")


def test_foreign_keys_are_enforced(database) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), database.session() as s:
        s.add(Batch(framework_id="no-such-framework", source_name="x.zip"))
