"""How far reviewers agreed with each model version, each content judged against the first version decided on."""

from __future__ import annotations

import pytest

from evidence.reviews.agreement import Agreement, model_agreement
from tests.service import seed
from tests.service.seed import BAPPEDA, KOMINFO, S


def _candidate(indicator: int, version: str = "m1") -> S:
    return S(indicator, 0.2, 0.5, model_version=version, candidate=True)


def test_agreement_judges_each_reviewed_content_against_the_first_version_decided_on(database) -> None:
    with database.session() as s:
        b = seed.batch(s)
        sk = seed.document(s, b, "Setda/SK Tim.pdf", opd=KOMINFO, suggestions=[S(10, 0.9), S(19, 0.8), _candidate(20)])
        copy = seed.document(s, b, "Bappeda/SK Tim.pdf", opd=BAPPEDA, duplicate_of=sk)
        seed.review(s, sk, 10, "accept", model_version="m1")
        seed.review(s, copy, 19, "relabel", new_indicator_id=20, model_version="m1")  # the same content, once
        half = seed.document(s, b, "Setda/Perbup.pdf", opd=KOMINFO, suggestions=[S(1, 0.9), S(11, 0.8)])
        seed.review(s, half, 1, "accept", model_version="m1")  # 11 undecided: left out
        festival = seed.document(s, b, "Dinas/festival.pdf", opd=KOMINFO, suggestions=[S(35, 0.7)])
        seed.review(s, festival, 35, "reject", model_version="m1")  # unrelated, yet suggested
        rka = seed.document(s, b, "Kominfo/RKA.pdf", opd=KOMINFO, suggestions=[_candidate(13)])
        seed.review(s, rka, 13, "accept", model_version="m1")  # under the threshold, but "perlu dicek"
        rescanned = seed.document(s, b, "Setda/SE.pdf", opd=KOMINFO,
                                  suggestions=[S(5, 0.9), S(6, 0.9, model_version="m2")])
        seed.review(s, rescanned, 6, "accept", model_version="m2")  # judged against m2, which the reviewer saw
        later = seed.document(s, b, "Setda/Perwal.pdf", opd=KOMINFO,
                              suggestions=[S(3, 0.9), S(3, 0.9, model_version="m2"), S(23, 0.9, model_version="m2")])
        seed.review(s, later, 3, "accept", model_version="m1")
        seed.review(s, later, 23, "accept", model_version="m2")  # after a rescan by a version that may know it
        seed.review(s, later, 44, "accept")  # an indicator no version named: confirmed, and missed by m1
        old = seed.document(s, b, "Setda/lama.pdf", opd=KOMINFO, suggestions=[S(7, 0.9)])
        seed.review(s, old, 7, "accept")  # recorded before reviews named a version: left out
    with database.session() as s:
        found = model_agreement(s, "spbe-2020")
    assert set(found) == {"m1", "m2"}
    m1 = found["m1"]
    # The Perwal is judged against m1, the first version decided on: 3 suggested and accepted; 23 and 44 missed.
    assert m1 == Agreement("m1", documents=4, suggested=4, accepted=2, confirmed=6, confirmed_as_candidate=2,
                           nothing_confirmed=1, nothing_confirmed_suggested=1)
    assert m1.precision == pytest.approx(2 / 4) and m1.recall == pytest.approx(2 / 6)
    assert m1.found_or_to_check == pytest.approx(4 / 6) and m1.unrelated_with_suggestion == 1.0
    assert found["m2"] == Agreement("m2", documents=1, suggested=1, accepted=1, confirmed=1)


def test_no_reviews_no_figures(database) -> None:
    with database.session() as s:
        assert model_agreement(s, "pemdi-2026") == {}
    assert Agreement("m1").precision is None and Agreement("m1").found_or_to_check is None
