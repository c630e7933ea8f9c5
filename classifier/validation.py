"""Grouped cross-validation over the real documents: the figures the product is judged by, and its thresholds.

Why this shape:
- The real documents are what users send; the generated corpus is augmentation. Each fold is fitted on the
  generated corpus plus the real documents of the other folds and scores only its own real documents.
- Folds are groups (a region, or the source site): copies or pages of one regulation never sit on both sides.
- Thresholds are chosen on real out-of-fold scores. For the reported figures a fold is judged with the
  thresholds chosen on the *other* folds' scores (cross-fitting), so no figure is measured with a threshold
  tuned on the documents it is measured on. The model's own thresholds are then chosen on all of them.
- An indicator with few real examples has a noisy best threshold: it is shrunk toward one shared threshold,
  weighted by how many real positives it has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import GroupKFold

from classifier.evaluate import EvaluationReport, Prediction, evaluate
from classifier.model import CandidateRule, canonical_ranks
from classifier.predict import decide
from evidence.domain import CANDIDATES_SHOWN

THRESHOLD_GRID = np.round(np.arange(0.05, 0.901, 0.025), 3)
SHRINK_POSITIVES = 5.0  # a per-indicator threshold counts as much as the shared one after this many positives
# The second stage (classifier.rerank) puts every indicator on one relevance scale: one shared threshold.
SHARED_ONLY = float("inf")
# A gap report calls evidence missing only when no file has the indicator among its candidates: a
# document's best few indicators (interchangeable ones counted once) above a floor. How many is chosen per
# framework: the fewest that reach CANDIDATE_RANK_RECALL of the real documents' true indicators, at most the
# CANDIDATES_SHOWN a reviewer is shown. Umbrella regulations are left out of that count: ten labels from a
# title cannot all rank near the top, and any one of them found is enough for their policy indicators.
CANDIDATE_RANK_RECALL = 0.95
CANDIDATE_RECALL = 0.98  # the floor keeps this share of the true indicators found among the candidate ranks
CANDIDATE_RULE = {"rank_recall": CANDIDATE_RANK_RECALL, "floor_recall": CANDIDATE_RECALL}  # part of a model's recipe
MIN_CANDIDATE_FLOOR = 0.01
REAL_FOLDS = 5
# A document gets suggestions only when its best score beats a share of the unrelated real documents' best
# scores: the hard negatives (an RKA for office vehicles, a Perbup on procurement without any system) score
# like evidence on one indicator, and below the gate their indicators stay "perlu dicek" candidates for a
# reviewer instead of suggestions. The share is chosen per framework on the training folds, trading micro-F1
# against the rate of unrelated documents that get a suggestion (each counted at GATE_FP_COST).
GATE_QUANTILES = (0.0, 0.5, 0.8, 0.9, 0.95)
GATE_FP_COST = 0.5
UMBRELLA = frozenset(range(1, 11))  # an umbrella "Penyelenggaraan SPBE" regulation counts for every policy indicator

Folds = list[tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Thresholds:
    per_indicator: dict[int, float]
    shared: float
    gate: float = 0.0  # the best score a document needs before anything is suggested for it


def grouped_folds(groups: Sequence[str], n_splits: int = REAL_FOLDS) -> Folds:
    return [(tr, te) for tr, te in GroupKFold(n_splits=n_splits).split(np.zeros(len(groups)), groups=groups)]


def out_of_fold_scores(n_docs: int, folds: Folds, fit_and_score: Callable[[np.ndarray, np.ndarray], np.ndarray],
                       n_labels: int) -> np.ndarray:
    """``fit_and_score(train_idx, test_idx)`` fits on the training documents and scores the test ones."""
    oof = np.zeros((n_docs, n_labels))
    for train_idx, test_idx in folds:
        oof[test_idx] = fit_and_score(train_idx, test_idx)
    return oof


def nested_scores(n_docs: int, folds: Folds, fit_and_score: Callable[[np.ndarray, np.ndarray], np.ndarray],
                  n_labels: int) -> list[np.ndarray]:
    """For each outer fold k: the other folds' documents scored by models that saw neither fold k nor them.

    What a second stage is trained on when fold k is judged: its training inputs must come from first-stage
    models that never saw fold k, or fold k would leak into the figures through them. Rows of fold k stay 0.
    """
    out = []
    for k, (_, held_out) in enumerate(folds):
        inner = np.zeros((n_docs, n_labels))
        for j, (_, scored) in enumerate(folds):
            if j != k:
                train = np.setdiff1d(np.arange(n_docs), np.concatenate([held_out, scored]))
                inner[scored] = fit_and_score(train, scored)
        out.append(inner)
    return out


def _best_f1_threshold(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    best, best_f1 = float(THRESHOLD_GRID[-1]), -1.0
    positives = truth.sum()
    for t in THRESHOLD_GRID:
        predicted = scores >= t
        denominator = predicted.sum() + positives
        f1 = 2 * float((predicted & truth).sum()) / denominator if denominator else 0.0
        if f1 > best_f1:  # ties keep the lower threshold: a reviewer can reject, a missed file stays missed
            best, best_f1 = float(t), f1
    return best, best_f1


def choose_thresholds(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                      shrink: float = SHRINK_POSITIVES) -> Thresholds:
    truth = np.array([[label in g for label in label_ids] for g in golds], dtype=bool).reshape(len(golds), -1)
    shared, _ = _best_f1_threshold(scores.ravel(), truth.ravel())
    per: dict[int, float] = {}
    for j, label in enumerate(label_ids):
        n = float(truth[:, j].sum())
        if shrink == SHARED_ONLY or not n:
            per[label] = shared
            continue
        own = _best_f1_threshold(scores[:, j], truth[:, j])[0]
        per[label] = round((n * own + shrink * shared) / (n + shrink), 4)
    return Thresholds(per, shared, _choose_gate(scores, golds, label_ids, per))


def _choose_gate(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                 thresholds: dict[int, float]) -> float:
    unrelated = [float(row.max()) for row, g in zip(scores, golds, strict=True) if not g]
    if not unrelated:
        return 0.0
    best, best_value = 0.0, -np.inf
    for q in GATE_QUANTILES:
        gate = round(float(np.quantile(unrelated, q)), 4) if q else 0.0
        m = evaluate([set(g) for g in golds], predictions_for(scores, label_ids, thresholds, gate), label_ids)
        value = m.micro_f1 - GATE_FP_COST * m.false_positive_rate_unrelated
        if value > best_value + 1e-9:
            best, best_value = gate, value
    return best


def _true_ranks(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                canonical: dict[int, int]) -> list[tuple[int, float]]:
    """(canonical rank, score) of every true indicator of every document, umbrella regulations left out."""
    column = {label: j for j, label in enumerate(label_ids)}
    out: list[tuple[int, float]] = []
    for row, gold in zip(scores, golds, strict=True):
        if gold >= UMBRELLA:
            continue
        ranks = canonical_ranks([label_ids[j] for j in np.argsort(-row, kind="stable")], canonical)
        kept = {canonical.get(label, label): label for label in sorted(gold) if label in column}
        out.extend((ranks[label], float(row[column[label]])) for label in kept.values())
    return out


def choose_candidate_ranks(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                           canonical: dict[int, int] | None = None) -> int:
    """The fewest best indicators per document that hold CANDIDATE_RANK_RECALL of the true ones (at most
    CANDIDATES_SHOWN): a framework whose first three miss more evidence looks further down each document."""
    found = [rank for rank, _ in _true_ranks(scores, golds, label_ids, canonical or {})]
    for ranks in range(1, CANDIDATES_SHOWN + 1):
        if found and sum(rank < ranks for rank in found) >= CANDIDATE_RANK_RECALL * len(found):
            return ranks
    return CANDIDATES_SHOWN


def choose_candidate_floor(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                           ranks: int, canonical: dict[int, int] | None = None) -> float:
    """The lowest score a candidate-rank indicator may have and still be "perlu dicek" in a gap report.

    Chosen so that CANDIDATE_RECALL of the true indicators within the candidate ranks stay above it: the gap
    report must not call evidence missing that a reviewer would find there.
    """
    found = [score for rank, score in _true_ranks(scores, golds, label_ids, canonical or {}) if rank < ranks]
    if not found:
        return MIN_CANDIDATE_FLOOR
    return round(max(MIN_CANDIDATE_FLOOR, float(np.quantile(found, 1 - CANDIDATE_RECALL))), 4)


def choose_candidate_rule(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                          canonical: dict[int, int] | None = None) -> CandidateRule:
    ranks = choose_candidate_ranks(scores, golds, label_ids, canonical)
    return CandidateRule(ranks, choose_candidate_floor(scores, golds, label_ids, ranks, canonical))


def predictions_for(scores: np.ndarray, label_ids: Sequence[int], thresholds: dict[int, float],
                    gate: float = 0.0) -> list[Prediction]:
    out = []
    for row in scores:
        order = np.argsort(-row)
        suggested = tuple(label_ids[i] for i in decide(row, list(label_ids), thresholds, gate=gate))
        out.append(Prediction(suggested, tuple((label_ids[i], float(row[i])) for i in order[:8])))
    return out


def score_dicts(scores: np.ndarray, label_ids: Sequence[int]) -> list[dict[int, float]]:
    return [{label: float(row[j]) for j, label in enumerate(label_ids)} for row in scores]


@dataclass
class CrossFittedResult:
    report: EvaluationReport
    set_apart: EvaluationReport  # the same predictions without the documents set apart (umbrella regulations)
    predictions: list[Prediction]


def cross_fitted_report(oof: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int], folds: Folds,
                        canonical: dict[int, int] | None = None, set_apart: Sequence[bool] = (),
                        shrink: float = SHRINK_POSITIVES) -> CrossFittedResult:
    """Each fold judged with thresholds chosen on the other folds' out-of-fold scores.

    ``set_apart`` marks documents also scored apart: umbrella "Penyelenggaraan SPBE" regulations carry all
    ten policy labels from a title alone, and would otherwise dominate the micro averages.
    """
    predictions: list[Prediction | None] = [None] * len(golds)
    for train_idx, test_idx in folds:
        chosen = choose_thresholds(oof[train_idx], [golds[i] for i in train_idx], label_ids, shrink)
        fold_predictions = predictions_for(oof[test_idx], label_ids, chosen.per_indicator, chosen.gate)
        for i, prediction in zip(test_idx, fold_predictions, strict=True):
            predictions[i] = prediction
    done = [p for p in predictions if p is not None]
    scores = score_dicts(oof, label_ids)
    report = evaluate([set(g) for g in golds], done, label_ids, scores, canonical)
    apart = set(i for i, flag in enumerate(set_apart) if flag)
    keep = [i for i in range(len(golds)) if i not in apart]
    rest = evaluate([set(golds[i]) for i in keep], [done[i] for i in keep], label_ids, [scores[i] for i in keep],
                    canonical)
    return CrossFittedResult(report, rest, done)


def out_of_fold_critical_flags(oof: np.ndarray, golds: Sequence[frozenset[int]], label_ids: Sequence[int],
                               folds: Folds, critical: Sequence[tuple[str, Sequence[int]]],
                               canonical: dict[int, int] | None = None, shrink: float = SHRINK_POSITIVES) -> dict:
    """The gap report's critical "belum ada" flags on archives of real documents, each document scored by the
    fold model that never saw it, with the floor and thresholds chosen on the other folds.

    Two kinds of archive: each fold's documents (five archives of different regions), and all documents in
    one. ``critical`` is (key, any_of) per critical item. A flag is false when a document labelled with one
    of its indicators is in that archive: the issue 9 measure, whose target is zero. The flags the old
    threshold-only rule would raise are counted beside them, and so is what the candidate rule costs:
    - ``evidence_removed``: each fold archive that holds a critical item, scanned again without the documents
      that hold it, is an archive where the flag is due; how many of them raise it (the rest show the item
      as "perlu dicek" because some other file ranks it among its candidates);
    - the candidate ranks each fold chose, and candidates per document (a reviewer's load).

    ``held_indicators`` is the issue's first symptom ("found evidence for 14 of the 34 indicators the archive
    holds"), summed over the fold archives: of the indicators some document of an archive holds
    (interchangeable ones counted once), how many a document holding it gets as a suggestion, how many only
    as "perlu dicek", and how many neither (found, at best, through a file that does not hold it).
    """
    canonical = canonical or {}
    per_fold = []
    held = {"held": 0, "suggested": 0, "to_check": 0, "missed": 0}
    ranks_chosen = []
    listed = 0
    removed = {"archives": 0, "flagged": 0}
    suggested_all: set[int] = set()
    candidates_all: set[int] = set()
    for train_idx, test_idx in folds:
        chosen = choose_thresholds(oof[train_idx], [golds[i] for i in train_idx], label_ids, shrink)
        rule = choose_candidate_rule(oof[train_idx], [golds[i] for i in train_idx], label_ids, canonical)
        covered: dict[int, tuple[set[int], set[int]]] = {}  # document -> (suggested, candidates)
        for i in test_idx:
            row = oof[i]
            covered[i] = ({label_ids[j] for j in decide(row, list(label_ids), chosen.per_indicator, gate=chosen.gate)},
                          rule.candidates(row, label_ids, canonical))
            listed += len(covered[i][1])
        ranks_chosen.append(rule.ranks)
        for key, count in _held_states(covered, golds, canonical).items():
            held[key] += count
        suggested = set().union(*(c[0] for c in covered.values()))
        candidates = set().union(*(c[1] for c in covered.values()))
        per_fold.append(_flags(critical, suggested, candidates, set().union(*(golds[i] for i in test_idx))))
        suggested_all |= suggested
        candidates_all |= candidates
        for _, any_of in critical:  # the same archive without the documents that hold the item
            rest = [c for i, c in covered.items() if not golds[i] & set(any_of)]
            if len(rest) < len(covered):
                removed["archives"] += 1
                removed["flagged"] += not set(any_of) & set().union(*(s | c for s, c in rest))
    whole = _flags(critical, suggested_all, candidates_all, set().union(*golds) if golds else set())
    return {
        "one_archive": whole,
        "fold_archives": {key: sum(f[key] for f in per_fold) for key in ("flags", "false_flags", "threshold_only_flags",
                                                                       "threshold_only_false_flags")},
        "evidence_removed": removed,
        "held_indicators": held,
        "candidate_ranks_per_fold": ranks_chosen,
        "candidates_per_document": round(listed / len(golds), 3) if len(golds) else 0.0,
    }


def _held_states(covered: dict[int, tuple[set[int], set[int]]], golds: Sequence[frozenset[int]],
                 canonical: dict[int, int]) -> dict[str, int]:
    """How each indicator an archive holds fares in it: suggested by, or a candidate of, a file that holds it."""
    def one(labels: set[int] | frozenset[int]) -> set[int]:
        return {canonical.get(label, label) for label in labels}

    states: dict[int, str] = {}
    for i, (suggested, candidates) in covered.items():
        gold = one(golds[i])
        for label in gold:
            state = "suggested" if label in one(suggested) else "to_check" if label in one(candidates) else "missed"
            if states.get(label) != "suggested" and not (states.get(label) == "to_check" and state == "missed"):
                states[label] = state
    counts = {key: sum(state == key for state in states.values()) for key in ("suggested", "to_check", "missed")}
    return {"held": len(states), **counts}


def _flags(critical: Sequence[tuple[str, Sequence[int]]], suggested: set[int], candidates: set[int],
           held: set[int]) -> dict[str, int]:
    flags = [set(any_of) for _, any_of in critical if not set(any_of) & (suggested | candidates)]
    old = [set(any_of) for _, any_of in critical if not set(any_of) & suggested]
    return {"flags": len(flags), "false_flags": sum(bool(f & held) for f in flags),
            "threshold_only_flags": len(old), "threshold_only_false_flags": sum(bool(f & held) for f in old)}
