"""How far reviewers agreed with each model version, judged against the suggestions the reviewer saw."""

from __future__ import annotations

import pytest

from evidence.db.models import Batch, Document, Framework, Review, SuggestionRecord
from evidence.reviews.agreement import Agreement, model_agreement


def _doc(session, batch: Batch, path: str, sha: str, *, duplicate_of: int | None = None) -> Document:
    doc = Document(batch_id=batch.id, path=path, filename=path.rsplit("/", 1)[-1], sha256=sha,
                   status="duplicate" if duplicate_of else "ok", duplicate_of_id=duplicate_of)
    session.add(doc)
    session.flush()
    return doc


def _rows(session, doc: Document, version: str, suggested: tuple[int, ...], candidates: tuple[int, ...] = ()) -> None:
    for rank, indicator in enumerate((*suggested, *candidates)):
        above = indicator in suggested
        session.add(SuggestionRecord(document_id=doc.id, framework_id="spbe-2020", indicator_id=indicator,
                                     score=0.9 if above else 0.2, threshold=0.5, above_threshold=above,
                                     candidate=True, rank=rank, reasons=[], model_version=version))
    session.flush()


def _review(session, doc: Document, indicator: int, decision: str, new: int | None = None,
            version: str | None = "m1") -> None:
    session.add(Review(document_id=doc.id, framework_id="spbe-2020", indicator_id=indicator, decision=decision,
                       new_indicator_id=new, reviewer="rina", model_version=version))
    session.flush()


def test_agreement_counts_each_reviewed_content_against_the_version_its_reviewer_saw(database) -> None:
    with database.session() as s:
        if s.get(Framework, "spbe-2020") is None:
            s.add(Framework(id="spbe-2020", name="SPBE", catalog_version="1"))
            s.flush()
        batch = Batch(framework_id="spbe-2020", source_name="kiriman.zip", status="done")
        s.add(batch)
        s.flush()
        sk = _doc(s, batch, "Setda/SK Tim.pdf", "a" * 64)
        _rows(s, sk, "m1", suggested=(10, 19), candidates=(20,))
        copy = _doc(s, batch, "Bappeda/SK Tim.pdf", "a" * 64, duplicate_of=sk.id)
        _review(s, sk, 10, "accept")
        _review(s, copy, 19, "relabel", new=20)  # on the copy: the same content, counted once
        half = _doc(s, batch, "Setda/Perbup.pdf", "b" * 64)
        _rows(s, half, "m1", suggested=(1, 11))
        _review(s, half, 1, "accept")  # 11 undecided: left out
        festival = _doc(s, batch, "Dinas/festival.pdf", "c" * 64)
        _rows(s, festival, "m1", suggested=(35,))
        _review(s, festival, 35, "reject")  # unrelated, yet suggested
        rka = _doc(s, batch, "Kominfo/RKA.pdf", "d" * 64)
        _rows(s, rka, "m1", suggested=(), candidates=(13,))
        _review(s, rka, 13, "accept")  # below the threshold, but "perlu dicek": the gap report did not miss it
        rescanned = _doc(s, batch, "Setda/SE.pdf", "e" * 64)
        _rows(s, rescanned, "m1", suggested=(5,))
        _rows(s, rescanned, "m2", suggested=(6,))
        _review(s, rescanned, 6, "accept", version="m2")  # judged against m2, whose suggestion the reviewer saw
        old = _doc(s, batch, "Setda/lama.pdf", "f" * 64)
        _rows(s, old, "m1", suggested=(7,))
        _review(s, old, 7, "accept", version=None)  # recorded before versions were: left out
    with database.session() as s:
        found = model_agreement(s, "spbe-2020")
    assert set(found) == {"m1", "m2"}
    m1 = found["m1"]
    assert m1 == Agreement("m1", documents=3, suggested=3, accepted=1, confirmed=3, confirmed_as_candidate=2,
                           nothing_confirmed=1, nothing_confirmed_suggested=1)
    assert m1.precision == pytest.approx(1 / 3) and m1.recall == pytest.approx(1 / 3)
    assert m1.found_or_to_check == 1.0 and m1.unrelated_with_suggestion == 1.0
    assert found["m2"] == Agreement("m2", documents=1, suggested=1, accepted=1, confirmed=1)


def test_no_reviews_no_figures(database) -> None:
    with database.session() as s:
        assert model_agreement(s, "pemdi-2026") == {}
        assert Agreement("m1").precision is None and Agreement("m1").found_or_to_check is None
