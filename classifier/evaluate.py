"""Metrics for multi-label indicator suggestions, as pure functions of gold labels and predictions.

Held-out numbers (documents never used to fit or tune) and cross-validated numbers on the training
corpus are computed by the same functions but always reported under different keys.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np


@dataclass(frozen=True)
class Prediction:
    suggested: tuple[int, ...]  # above threshold
    ranked: tuple[tuple[int, float], ...]  # (indicator, score) best first, at least top 3


@dataclass
class IndicatorScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class EvaluationReport:
    documents: int
    documents_with_labels: int
    documents_without_labels: int
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_f1: float
    top1_accuracy: float
    top3_recall: float
    false_positive_rate_unrelated: float
    expected_calibration_error: float
    per_indicator: dict[int, IndicatorScore] = field(default_factory=dict)
    confused_pairs: list[tuple[int, int, int]] = field(default_factory=list)  # (gold, predicted, count)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["per_indicator"] = {str(k): asdict(v) for k, v in self.per_indicator.items()}
        data["confused_pairs"] = [{"gold": g, "predicted": p, "count": c} for g, p, c in self.confused_pairs]
        return data


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def expected_calibration_error(
    golds: Sequence[set[int]], scores: Sequence[dict[int, float]], bins: int = 10
) -> float:
    """ECE over every (document, indicator) score: |mean score - share correct| weighted per bin."""
    totals = [0] * bins
    conf = [0.0] * bins
    hits = [0] * bins
    n = 0
    for gold, doc_scores in zip(golds, scores, strict=True):
        for label, score in doc_scores.items():
            b = min(int(score * bins), bins - 1)
            totals[b] += 1
            conf[b] += score
            hits[b] += int(label in gold)
            n += 1
    if not n:
        return 0.0
    return sum(abs(conf[b] / totals[b] - hits[b] / totals[b]) * totals[b] / n for b in range(bins) if totals[b])


def _canonical_prediction(pred: Prediction, canonical: dict[int, int]) -> Prediction:
    ranked: dict[int, float] = {}
    for label, score in pred.ranked:
        ranked.setdefault(canonical.get(label, label), score)
    return Prediction(tuple(dict.fromkeys(canonical.get(x, x) for x in pred.suggested)), tuple(ranked.items()))


def _canonical_scores(scores: dict[int, float], canonical: dict[int, int]) -> dict[int, float]:
    merged: dict[int, float] = {}
    for label, score in scores.items():
        key = canonical.get(label, label)
        merged[key] = max(score, merged.get(key, 0.0))
    return merged


def evaluate(
    golds: Sequence[set[int]],
    predictions: Sequence[Prediction],
    label_ids: Sequence[int],
    all_scores: Sequence[dict[int, float]] | None = None,
    canonical: dict[int, int] | None = None,
) -> EvaluationReport:
    """``canonical`` maps interchangeable indicators onto one (``Catalog.canonical_ids``): scored as one class."""
    if canonical:
        golds = [{canonical.get(x, x) for x in g} for g in golds]
        predictions = [_canonical_prediction(p, canonical) for p in predictions]
        label_ids = [x for x in label_ids if x not in canonical]
        if all_scores is not None:
            all_scores = [_canonical_scores(s, canonical) for s in all_scores]
    tp = Counter[int]()
    fp = Counter[int]()
    fn = Counter[int]()
    confusions = Counter[tuple[int, int]]()
    top1_hits = top3_found = top3_possible = 0
    with_labels = unrelated = unrelated_flagged = 0
    for gold, pred in zip(golds, predictions, strict=True):
        suggested = set(pred.suggested)
        for label in suggested & gold:
            tp[label] += 1
        for label in suggested - gold:
            fp[label] += 1
            for missed in gold - suggested:
                confusions[(missed, label)] += 1
        for label in gold - suggested:
            fn[label] += 1
        ranked = [label for label, _ in pred.ranked]
        if gold:
            with_labels += 1
            top1_hits += int(bool(ranked) and ranked[0] in gold)
            top3_found += len(gold & set(ranked[:3]))
            top3_possible += min(3, len(gold))
        else:
            unrelated += 1
            unrelated_flagged += int(bool(suggested))
    micro_tp, micro_fp, micro_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = _ratio(micro_tp, micro_tp + micro_fp)
    micro_r = _ratio(micro_tp, micro_tp + micro_fn)
    per: dict[int, IndicatorScore] = {}
    for label in label_ids:
        support = tp[label] + fn[label]
        if support == 0 and fp[label] == 0:
            continue
        p = _ratio(tp[label], tp[label] + fp[label])
        r = _ratio(tp[label], support)
        per[label] = IndicatorScore(round(p, 4), round(r, 4), round(_f1(p, r), 4), support)
    supported = [s.f1 for s in per.values() if s.support]
    ece = expected_calibration_error(golds, all_scores) if all_scores is not None else 0.0
    return EvaluationReport(
        documents=len(golds),
        documents_with_labels=with_labels,
        documents_without_labels=unrelated,
        micro_precision=round(micro_p, 4),
        micro_recall=round(micro_r, 4),
        micro_f1=round(_f1(micro_p, micro_r), 4),
        macro_f1=round(sum(supported) / len(supported), 4) if supported else 0.0,
        top1_accuracy=round(_ratio(top1_hits, with_labels), 4),
        top3_recall=round(_ratio(top3_found, top3_possible), 4),
        false_positive_rate_unrelated=round(_ratio(unrelated_flagged, unrelated), 4),
        expected_calibration_error=round(ece, 4),
        per_indicator=per,
        confused_pairs=[(g, p, c) for (g, p), c in confusions.most_common(10)],
    )


INTERVAL_METRICS = ("micro_f1", "top1_accuracy", "top3_recall", "false_positive_rate_unrelated")
BOOTSTRAP_ROUNDS = 1000


def bootstrap_intervals(golds: Sequence[set[int]], predictions: Sequence[Prediction], label_ids: Sequence[int],
                        groups: Sequence[str], canonical: dict[int, int] | None = None, level: float = 0.95,
                        rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0) -> dict[str, list[float]]:
    """How far each headline figure could move with another sample of documents: a percentile interval from
    resampling whole groups (regions or source sites) with replacement, the same groups the folds keep apart.

    Why: with about a hundred real documents and two dozen unrelated ones, one document flips a figure by
    1-5 points; a figure without its interval invites reading noise as progress (or as a regression).
    """
    members: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    keys = sorted(members)
    rng = np.random.default_rng(seed)
    samples: dict[str, list[float]] = {name: [] for name in INTERVAL_METRICS}
    for _ in range(rounds):
        picked = [i for k in rng.choice(len(keys), size=len(keys)) for i in members[keys[k]]]
        report = evaluate([golds[i] for i in picked], [predictions[i] for i in picked], label_ids, None, canonical)
        for name in INTERVAL_METRICS:
            samples[name].append(getattr(report, name))
    tail = (1 - level) / 2
    return {name: [round(float(np.quantile(values, tail)), 4), round(float(np.quantile(values, 1 - tail)), 4)]
            for name, values in samples.items()}
