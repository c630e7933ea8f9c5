"""Metrics for multi-label indicator suggestions, as pure functions of gold labels and predictions.

Held-out numbers (documents never used to fit or tune) and cross-validated numbers on the training
corpus are computed by the same functions but always reported under different keys.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
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


@dataclass(frozen=True)
class DocumentOutcome:
    """One document's share of the pooled figures: summed over documents, it gives micro-F1, top-3 recall
    and the false-positive rate on unrelated documents. Kept per document in a model card, so that two
    versions can be compared document by document (``classifier.promotion``)."""

    tp: int
    fp: int
    fn: int
    top3_found: int
    top3_possible: int
    unrelated: bool
    flagged: bool  # an unrelated document that got a suggestion

    @classmethod
    def of(cls, gold: set[int], prediction: Prediction) -> DocumentOutcome:
        suggested = set(prediction.suggested)
        top3 = {label for label, _ in prediction.ranked[:3]}
        return cls(len(suggested & gold), len(suggested - gold), len(gold - suggested), len(gold & top3),
                   min(3, len(gold)), not gold, not gold and bool(suggested))


def pooled_figures(outcomes: Sequence[DocumentOutcome]) -> dict[str, float]:
    """micro-precision, -recall and -F1, top-3 recall and the false-positive rate on unrelated documents."""
    tp, fp, fn = (sum(getattr(o, name) for o in outcomes) for name in ("tp", "fp", "fn"))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "micro_precision": precision,
        "micro_recall": recall,
        "micro_f1": _f1(precision, recall),
        "top3_recall": _ratio(sum(o.top3_found for o in outcomes), sum(o.top3_possible for o in outcomes)),
        "false_positive_rate_unrelated": _ratio(sum(o.flagged for o in outcomes), sum(o.unrelated for o in outcomes)),
    }


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


def _canonical_pairs(golds: Sequence[set[int]], predictions: Sequence[Prediction],
                     canonical: dict[int, int]) -> tuple[list[set[int]], list[Prediction]]:
    return ([{canonical.get(x, x) for x in g} for g in golds],
            [_canonical_prediction(p, canonical) for p in predictions])


def document_outcomes(golds: Sequence[set[int]], predictions: Sequence[Prediction],
                      canonical: dict[int, int] | None = None) -> list[DocumentOutcome]:
    """Each document's outcome, interchangeable indicators counted as one (as ``evaluate`` does)."""
    if canonical:
        golds, predictions = _canonical_pairs(golds, predictions, canonical)
    return [DocumentOutcome.of(g, p) for g, p in zip(golds, predictions, strict=True)]


def evaluate(
    golds: Sequence[set[int]],
    predictions: Sequence[Prediction],
    label_ids: Sequence[int],
    all_scores: Sequence[dict[int, float]] | None = None,
    canonical: dict[int, int] | None = None,
) -> EvaluationReport:
    """``canonical`` maps interchangeable indicators onto one (``Catalog.canonical_ids``): scored as one class."""
    if canonical:
        golds, predictions = _canonical_pairs(golds, predictions, canonical)
        label_ids = [x for x in label_ids if x not in canonical]
        if all_scores is not None:
            all_scores = [_canonical_scores(s, canonical) for s in all_scores]
    tp = Counter[int]()
    fp = Counter[int]()
    fn = Counter[int]()
    confusions = Counter[tuple[int, int]]()
    top1_hits = 0
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
        if gold and pred.ranked:
            top1_hits += int(pred.ranked[0][0] in gold)
    pooled = pooled_figures([DocumentOutcome.of(g, p) for g, p in zip(golds, predictions, strict=True)])
    with_labels = sum(bool(g) for g in golds)
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
        documents_without_labels=len(golds) - with_labels,
        micro_precision=round(pooled["micro_precision"], 4),
        micro_recall=round(pooled["micro_recall"], 4),
        micro_f1=round(pooled["micro_f1"], 4),
        macro_f1=round(sum(supported) / len(supported), 4) if supported else 0.0,
        top1_accuracy=round(_ratio(top1_hits, with_labels), 4),
        top3_recall=round(pooled["top3_recall"], 4),
        false_positive_rate_unrelated=round(pooled["false_positive_rate_unrelated"], 4),
        expected_calibration_error=round(ece, 4),
        per_indicator=per,
        confused_pairs=[(g, p, c) for (g, p), c in confusions.most_common(10)],
    )


INTERVAL_METRICS = ("micro_f1", "top1_accuracy", "top3_recall", "false_positive_rate_unrelated")
BOOTSTRAP_ROUNDS = 1000


def group_resamples(groups: Sequence[str], rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0) -> Iterator[list[int]]:
    """The documents of each resample of whole groups (regions or source sites) drawn with replacement: the
    same groups the folds keep apart, since pages or copies of one regulation are not independent."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    keys = sorted(members)
    rng = np.random.default_rng(seed)
    for _ in range(rounds):
        yield [i for k in rng.choice(len(keys), size=len(keys)) for i in members[keys[k]]]


def bootstrap_intervals(golds: Sequence[set[int]], predictions: Sequence[Prediction], label_ids: Sequence[int],
                        groups: Sequence[str], canonical: dict[int, int] | None = None, level: float = 0.95,
                        rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0) -> dict[str, list[float]]:
    """How far each headline figure could move with another sample of documents: a percentile interval over
    ``group_resamples``.

    Why: with about a hundred real documents and two dozen unrelated ones, one document flips a figure by
    1-5 points; a figure without its interval invites reading noise as progress (or as a regression).
    """
    samples: dict[str, list[float]] = {name: [] for name in INTERVAL_METRICS}
    for picked in group_resamples(groups, rounds, seed):
        report = evaluate([golds[i] for i in picked], [predictions[i] for i in picked], label_ids, None, canonical)
        for name in INTERVAL_METRICS:
            samples[name].append(getattr(report, name))
    tail = (1 - level) / 2
    return {name: [round(float(np.quantile(values, tail)), 4), round(float(np.quantile(values, 1 - tail)), 4)]
            for name, values in samples.items()}
