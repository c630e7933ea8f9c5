"""The domain objects' own rules."""

from __future__ import annotations

from evidence.domain import CANDIDATES_SHOWN, Suggestion, listed_candidates


def test_listed_candidates_keep_every_perlu_dicek_indicator_after_the_first_five() -> None:
    ranked = [Suggestion(i, 1 - i / 10, (), False, candidate=i in {0, 6}) for i in range(9)]
    listed = [s.indicator_id for s in listed_candidates(ranked)]
    assert listed == [*range(CANDIDATES_SHOWN), 6]
