"""The learning curve: the same grouped validation with a share of the real documents' groups training."""

from __future__ import annotations

import pytest

import classifier.train
from classifier.examples import build_training_examples
from classifier.learning_curve import kept_groups, learning_curve
from evidence.catalog import load_catalog
from tests.fixtures.real_documents import needs_real_documents


def test_kept_groups_keep_whole_groups_and_depend_on_the_draw() -> None:
    groups = [f"g{i % 10}" for i in range(40)]
    half = kept_groups(groups, 0.5, 1)
    kept = {g for g, k in zip(groups, half, strict=True) if k}
    assert len(kept) == 5 and sum(half) == 20
    assert all(k == (g in kept) for g, k in zip(groups, half, strict=True)), "a group is kept whole or not at all"
    assert kept_groups(groups, 0.5, 2) != half and kept_groups(groups, 0.5, 1) == half


@needs_real_documents
@pytest.mark.usefixtures("two_real_folds")
def test_fewer_real_documents_train_but_every_one_is_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = load_catalog("spbe-2020")
    examples = build_training_examples(catalog, seed=1, corpus_size={"docs_per_indicator": 3, "negatives": 20})
    real_total = sum(e.source.startswith("real:") for e in examples)
    trained_real: list[int] = []
    fit_and_score = classifier.train._fit_and_score

    def counting(catalog, train, test, inputs):
        trained_real.append(sum(e.source.startswith("real:") for e in train))
        return fit_and_score(catalog, train, test, inputs)

    monkeypatch.setattr(classifier.train, "_fit_and_score", counting)
    half, full = learning_curve(catalog, examples, shares=(0.5,), draws=1)
    assert half.share == 0.5 and full.share == 1.0 and full.training_documents == real_total
    assert 0 < half.training_documents < real_total
    fits = len(trained_real) // 2
    # Each fit of the first point learns from at most the kept documents; the last point's from more.
    assert max(trained_real[:fits]) <= half.training_documents < max(trained_real[fits:])
    for point in (half, full):
        assert set(point.figures) >= {"micro_f1", "top3_recall", "false_positive_rate_unrelated"}
        assert all(0.0 <= value <= 1.0 for value in point.figures.values())
