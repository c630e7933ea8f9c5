"""Thresholds, candidate floor and cross-fitted figures as pure functions of scores and labels."""

from __future__ import annotations

import numpy as np

from classifier.model import CandidateRule
from classifier.validation import (
    THRESHOLD_GRID,
    choose_candidate_floor,
    choose_candidate_ranks,
    choose_candidate_rule,
    choose_thresholds,
    cross_fitted_report,
    grouped_folds,
)
from evidence.domain import CANDIDATES_SHOWN

LABELS = [1, 2]


def test_a_threshold_with_few_examples_is_shrunk_toward_the_shared_one() -> None:
    # Indicator 1: many examples, separable at 0.6. Indicator 2: one example at 0.15.
    scores = np.array([[0.9, 0.0]] * 10 + [[0.3, 0.0]] * 10 + [[0.0, 0.15]])
    golds = [frozenset({1})] * 10 + [frozenset()] * 10 + [frozenset({2})]
    chosen = choose_thresholds(scores, golds, LABELS)
    assert 0.3 < chosen.per_indicator[1] <= 0.9
    # Alone, indicator 2's best threshold would be 0.15; with one example it stays near the shared one.
    assert abs(chosen.per_indicator[2] - chosen.shared) < abs(0.15 - chosen.shared)
    assert all(THRESHOLD_GRID[0] <= t <= THRESHOLD_GRID[-1] for t in chosen.per_indicator.values())


def test_the_candidate_floor_keeps_nearly_every_true_top_three_indicator() -> None:
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 0.02, size=(200, 2))
    golds = []
    for i in range(200):
        scores[i, 0] = 0.05 + i / 400  # the true indicator is always first, from 0.05 up
        golds.append(frozenset({1}))
    floor = choose_candidate_floor(scores, golds, LABELS, ranks=3)
    kept = (scores[:, 0] >= floor).mean()
    assert 0.97 <= kept < 1.0


def _ranked_truth(rank_of_truth: list[int], n_labels: int = 8) -> tuple[np.ndarray, list[frozenset[int]], list[int]]:
    """One document per entry, its one true indicator at the given rank (0 = best), scores falling by rank."""
    labels = list(range(1, n_labels + 1))
    scores = np.tile(np.linspace(0.9, 0.2, n_labels), (len(rank_of_truth), 1))
    golds = [frozenset({labels[rank]}) for rank in rank_of_truth]
    return scores, golds, labels


def test_candidate_ranks_are_the_fewest_that_hold_most_true_indicators() -> None:
    # 90 documents with the truth first, 6 with it fourth, 4 with it seventh: three ranks hold 90%,
    # four hold 96% (>= 95%).
    scores, golds, labels = _ranked_truth([0] * 90 + [3] * 6 + [6] * 4)
    assert choose_candidate_ranks(scores, golds, labels) == 4
    # When the truth is always first, one rank is enough.
    scores, golds, labels = _ranked_truth([0] * 50)
    assert choose_candidate_ranks(scores, golds, labels) == 1


def test_candidate_ranks_never_exceed_what_a_reviewer_is_shown() -> None:
    scores, golds, labels = _ranked_truth([7] * 20)
    assert choose_candidate_ranks(scores, golds, labels) == CANDIDATES_SHOWN


def test_umbrella_regulations_do_not_push_the_candidate_ranks_down() -> None:
    # Ten policy labels from a title cannot all rank near the top: they are left out of the count.
    scores, golds, labels = _ranked_truth([0] * 40, n_labels=12)
    umbrella = np.tile(np.linspace(0.9, 0.2, 12), (5, 1))
    rule = choose_candidate_rule(np.vstack([scores, umbrella]), [*golds, *[frozenset(range(1, 11))] * 5], labels)
    assert rule.ranks == 1


def test_interchangeable_indicators_take_one_candidate_rank() -> None:
    rule = CandidateRule(ranks=2, floor=0.1)
    labels = [45, 46, 47, 1]
    row = np.array([0.9, 0.8, 0.7, 0.6])
    assert rule.candidates(row, labels, {46: 45, 47: 45}) == {45, 46, 47, 1}
    assert rule.candidates(row, labels, {}) == {45, 46}
    assert CandidateRule(ranks=4, floor=0.65).candidates(row, labels, {}) == {45, 46, 47}


def test_each_fold_is_judged_with_thresholds_from_the_other_folds() -> None:
    """A fold whose positives score lower than everyone else's is not rescued by its own threshold."""
    groups = [f"g{i % 5}" for i in range(100)]
    folds = grouped_folds(groups)
    scores = np.zeros((100, 2))
    golds = []
    for i, g in enumerate(groups):
        positive = i % 2 == 0
        # Everywhere, unrelated documents score 0.5 and true ones 0.8; in g0 the true ones score 0.1.
        scores[i] = [(0.1 if g == "g0" else 0.8) if positive else 0.5, 0.0]
        golds.append(frozenset({1}) if positive else frozenset())
    result = cross_fitted_report(scores, golds, LABELS, folds)
    missed = [i for i, p in enumerate(result.predictions) if golds[i] and 1 not in p.suggested]
    assert {groups[i] for i in missed} == {"g0"}
    assert result.report.micro_recall == 0.8


def test_interchangeable_indicators_are_one_class_when_scored() -> None:
    from classifier.evaluate import Prediction, evaluate

    preds = [Prediction((46,), ((46, 0.9), (45, 0.9), (47, 0.9), (3, 0.1)))]
    plain = evaluate([{45}], preds, [3, 45, 46, 47])
    merged = evaluate([{45}], preds, [3, 45, 46, 47], canonical={46: 45, 47: 45})
    assert plain.micro_f1 == 0.0 and merged.micro_f1 == 1.0


def test_unrelated_documents_scoring_like_evidence_are_gated() -> None:
    """Below the gate a document gets no suggestion; its top indicators stay candidates for a reviewer."""
    from classifier.validation import _choose_gate, predictions_for

    scores = np.array([[0.9, 0.0]] * 10 + [[0.3 + i / 50, 0.0] for i in range(10)])
    golds = [frozenset({1})] * 10 + [frozenset()] * 10
    loose = {1: 0.05, 2: 0.05}
    gate = _choose_gate(scores, golds, LABELS, loose)
    assert 0.4 < gate < 0.9
    below = predictions_for(np.array([[gate - 0.01, 0.0]]), LABELS, loose, gate)
    above = predictions_for(np.array([[gate + 0.01, 0.0]]), LABELS, loose, gate)
    assert below[0].suggested == () and below[0].ranked[0][0] == 1
    assert above[0].suggested == (1,)
    # Where unrelated documents score low anyway, no gate is needed.
    assert _choose_gate(np.array([[0.9, 0.0]] * 10 + [[0.01, 0.0]] * 10), golds, LABELS, {1: 0.5, 2: 0.5}) == 0.0


def test_critical_flags_are_counted_out_of_fold_and_false_ones_named() -> None:
    from classifier.validation import out_of_fold_critical_flags

    groups = [f"g{i % 5}" for i in range(20)]
    folds = grouped_folds(groups)
    # Indicator 1 is held by every document and always ranked first; indicator 2 by none (score 0).
    scores = np.array([[0.9, 0.0]] * 20)
    golds = [frozenset({1})] * 20
    critical = [("satu", [1]), ("dua", [2])]
    result = out_of_fold_critical_flags(scores, golds, LABELS, folds, critical)
    assert result["one_archive"]["flags"] == 1 and result["one_archive"]["false_flags"] == 0
    assert result["fold_archives"]["flags"] == 5
    # A document that holds 2 but scores it nowhere: the flag for "dua" is now false, in its fold's archive too.
    golds[0] = frozenset({1, 2})
    result = out_of_fold_critical_flags(scores, golds, LABELS, folds, critical)
    assert result["one_archive"]["false_flags"] == 1 and result["fold_archives"]["false_flags"] == 1


def test_critical_flags_are_due_when_the_evidence_is_taken_out() -> None:
    from classifier.validation import out_of_fold_critical_flags

    labels = [1, 2, 3]
    groups = [f"g{i % 5}" for i in range(20)]
    folds = grouped_folds(groups)
    # Half the documents hold 1 (ranked first); the others hold 3 and rank 1 last, far below any floor.
    scores = np.array([[0.9, 0.05, 0.0], [0.0, 0.05, 0.9]] * 10)
    golds = [frozenset({1}), frozenset({3})] * 10
    result = out_of_fold_critical_flags(scores, golds, labels, folds, [("satu", [1])])
    # Every fold holds 1; without those documents nothing else ranks it: the flag is raised in all five.
    assert result["evidence_removed"] == {"archives": 5, "flagged": 5}
    # When the other documents rank 1 first (above their own 3), it stays "perlu dicek" instead.
    scores[1::2, 0] = 0.95
    result = out_of_fold_critical_flags(scores, golds, labels, folds, [("satu", [1])])
    assert result["evidence_removed"] == {"archives": 5, "flagged": 0}


def test_held_indicators_are_counted_by_the_state_a_holding_file_gives_them() -> None:
    from classifier.validation import out_of_fold_critical_flags

    labels = [1, 2, 3]
    groups = [f"g{i % 5}" for i in range(15)]  # every fold gets one document of each kind below
    kinds = [  # (gold, scores)
        (frozenset({1}), [0.9, 0.02, 0.0]),  # 1 is suggested
        (frozenset({2}), [0.0, 0.02, 0.0]),  # 2 ranks first but scores under every threshold: "perlu dicek"
        (frozenset({3}), [0.0, 0.02, 0.0]),  # 3 scores nothing: missed
    ]
    golds = [kinds[i % 3][0] for i in range(15)]
    scores = np.array([kinds[i % 3][1] for i in range(15)])
    result = out_of_fold_critical_flags(scores, golds, labels, grouped_folds(groups), [])
    assert result["held_indicators"] == {"held": 15, "suggested": 5, "to_check": 5, "missed": 5}
    # A file that does not hold 3 suggesting it does not make 3 found.
    scores[0::3, 2] = 0.9
    result = out_of_fold_critical_flags(scores, golds, labels, grouped_folds(groups), [])
    assert result["held_indicators"] == {"held": 15, "suggested": 5, "to_check": 5, "missed": 5}


def test_shared_only_gives_every_indicator_the_shared_threshold() -> None:
    from classifier.validation import SHARED_ONLY

    scores = np.array([[0.9, 0.0]] * 10 + [[0.3, 0.0]] * 10 + [[0.0, 0.15]])
    golds = [frozenset({1})] * 10 + [frozenset()] * 10 + [frozenset({2})]
    chosen = choose_thresholds(scores, golds, LABELS, SHARED_ONLY)
    assert set(chosen.per_indicator.values()) == {chosen.shared}


def test_nested_scores_never_come_from_a_model_that_saw_the_held_out_fold_or_the_scored_documents() -> None:
    from classifier.validation import nested_scores

    groups = [f"g{i % 5}" for i in range(40)]
    folds = grouped_folds(groups)
    seen: list[tuple[set[int], set[int]]] = []

    def fit_and_score(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        seen.append((set(train.tolist()), set(test.tolist())))
        return np.full((len(test), 2), 0.5)

    nested = nested_scores(40, folds, fit_and_score, 2)
    assert len(nested) == 5 and len(seen) == 20
    for k, (_, held_out) in enumerate(folds):
        assert not nested[k][held_out].any()  # the held-out fold is never scored for itself
        others = np.setdiff1d(np.arange(40), held_out)
        assert (nested[k][others] == 0.5).all()
    for train, test in seen:
        assert not train & test
        assert len(train) + len(test) < 40  # a fold more is always left out
