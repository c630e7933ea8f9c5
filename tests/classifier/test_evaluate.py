"""The metrics on a tiny labelled set whose expected values are computed by hand."""

import pytest

from classifier.evaluate import (
    INTERVAL_METRICS,
    Prediction,
    bootstrap_intervals,
    document_outcomes,
    evaluate,
    expected_calibration_error,
    pooled_figures,
)


def test_metrics_match_hand_computation() -> None:
    golds = [{10, 19}, {11}, set(), set()]
    preds = [
        Prediction((10,), ((10, 0.9), (19, 0.4), (1, 0.1))),  # tp 10, fn 19
        Prediction((12,), ((12, 0.7), (11, 0.6), (1, 0.1))),  # fp 12, fn 11; top-3 finds 11
        Prediction((), ((3, 0.2), (4, 0.1), (5, 0.05))),  # unrelated, silent
        Prediction((5,), ((5, 0.8), (4, 0.1), (3, 0.05))),  # unrelated, flagged
    ]
    report = evaluate(golds, preds, label_ids=list(range(1, 48)))
    # tp=1, fp=2 (12, 5), fn=2 (19, 11): P=1/3, R=1/3, F1=1/3
    assert report.micro_precision == pytest.approx(1 / 3, abs=1e-4)
    assert report.micro_recall == pytest.approx(1 / 3, abs=1e-4)
    assert report.micro_f1 == pytest.approx(1 / 3, abs=1e-4)
    # per label F1: 10 -> 1.0, 19 -> 0, 11 -> 0 (labels with support); macro = 1/3
    assert report.macro_f1 == pytest.approx(1 / 3, abs=1e-4)
    assert report.top1_accuracy == pytest.approx(0.5)  # doc1 top=10 (hit), doc2 top=12 (miss)
    assert report.top3_recall == pytest.approx(3 / 3)  # {10,19} both in top3 (2/2), {11} in top3 (1/1)
    assert report.false_positive_rate_unrelated == pytest.approx(0.5)
    assert report.per_indicator[12].precision == 0.0 and report.per_indicator[12].support == 0
    assert (11, 12, 1) in report.confused_pairs


def test_expected_calibration_error_by_hand() -> None:
    # bin 0.9: scores 0.9, 0.9 with one correct -> |0.9 - 0.5| * 2/4; bin 0.1: 0.1, 0.1 none correct -> |0.1-0| * 2/4
    golds = [{1}, set()]
    scores = [{1: 0.9, 2: 0.1}, {1: 0.9, 2: 0.1}]
    assert expected_calibration_error(golds, scores) == pytest.approx(0.4 * 0.5 + 0.1 * 0.5)


def test_bootstrap_intervals_hold_the_figure_and_narrow_with_more_groups() -> None:
    def sample(groups: int) -> tuple[list[set[int]], list[Prediction], list[str]]:
        """One document per group, right in every other group."""
        golds = [{1} for _ in range(groups)]
        preds = [Prediction((1,) if g % 2 else (2,), ((1 if g % 2 else 2, 0.9),)) for g in range(groups)]
        return golds, preds, [f"g{g}" for g in range(groups)]

    small = bootstrap_intervals(*sample(10)[:2], [1, 2], sample(10)[2], rounds=300)
    large = bootstrap_intervals(*sample(200)[:2], [1, 2], sample(200)[2], rounds=300)
    assert set(small) == set(INTERVAL_METRICS)
    for intervals in (small, large):
        low, high = intervals["top1_accuracy"]
        assert low < 0.5 < high
    width = {name: iv["top1_accuracy"][1] - iv["top1_accuracy"][0] for name, iv in (("small", small), ("large", large))}
    assert width["large"] < width["small"] / 2


def test_bootstrap_intervals_resample_groups_not_documents() -> None:
    golds = [{1}] * 4 + [{1}] * 4
    preds = [Prediction((1,), ((1, 0.9),))] * 4 + [Prediction((2,), ((2, 0.9),))] * 4
    apart = bootstrap_intervals(golds, preds, [1, 2], [f"d{i}" for i in range(8)], rounds=400)
    together = bootstrap_intervals(golds, preds, [1, 2], ["a"] * 4 + ["b"] * 4, rounds=400)
    # Two groups of four move together: the interval is wider than for eight independent documents.
    assert together["top1_accuracy"][1] - together["top1_accuracy"][0] >= apart["top1_accuracy"][1] - apart["top1_accuracy"][0]
    assert together["top1_accuracy"][0] == 0.0 and together["top1_accuracy"][1] == 1.0


def test_document_outcomes_add_up_to_the_pooled_figures_of_evaluate() -> None:
    golds = [{1, 2}, {3}, set(), set()]
    preds = [Prediction((1, 4), ((1, 0.9), (4, 0.8), (2, 0.4))), Prediction((), ((2, 0.3), (1, 0.2), (4, 0.1))),
             Prediction((2,), ((2, 0.7),)), Prediction((), ((1, 0.1),))]
    report = evaluate(golds, preds, [1, 2, 3, 4])
    pooled = pooled_figures(document_outcomes(golds, preds))
    assert round(pooled["micro_f1"], 4) == report.micro_f1
    assert round(pooled["top3_recall"], 4) == report.top3_recall
    assert pooled["false_positive_rate_unrelated"] == report.false_positive_rate_unrelated == 0.5
