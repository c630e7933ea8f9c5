"""The second stage: pair features, a model kept as plain numbers, and what it learns from scores and cues."""

from __future__ import annotations

import numpy as np
import pytest

from classifier.rerank import FEATURE_NAMES, CatalogText, Reranker, fit_reranker, pair_features
from classifier.text import compose
from evidence.catalog import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog("spbe-2020")


def _composed(text: str, cues: str) -> str:
    return compose(text, "", cues)


def test_pair_features_have_one_column_per_named_feature(catalog) -> None:
    labels = catalog.indicator_ids()
    scores = np.random.default_rng(0).uniform(0, 1, size=(3, len(labels)))
    composed = [_composed("Peraturan Bupati tentang Arsitektur SPBE", "jenis:perkada judul:arsitektur judul:spbe"),
                _composed("Rencana kerja dan anggaran makan minum", "jenis:anggaran digital-kepala:tidak"),
                ""]
    features = pair_features(scores, composed, catalog)
    assert features.shape == (3, len(labels), len(FEATURE_NAMES))
    assert np.isfinite(features).all()
    best = int(np.argmax(scores[0]))
    assert features[0, best, FEATURE_NAMES.index("rank=1")] == 1.0
    assert features[0, :, FEATURE_NAMES.index("rank=1")].sum() >= 1


def test_the_title_resembles_the_catalog_text_of_its_own_indicator(catalog) -> None:
    similarity = CatalogText(catalog).similarity(["arsitektur spbe pemerintah daerah"])[0]
    labels = catalog.indicator_ids()
    architecture = {i.id for i in catalog.indicators if "arsitektur" in i.name.lower()}
    assert {labels[j] for j in np.argsort(-similarity)[:len(architecture)]} == architecture


def test_the_reranker_learns_that_the_first_ranked_indicator_is_the_evidenced_one() -> None:
    rng = np.random.default_rng(1)
    n, labels, width = 60, 6, len(FEATURE_NAMES)
    features = rng.normal(size=(n, labels, width))
    truth = np.zeros((n, labels), dtype=bool)
    truth[np.arange(n), rng.integers(0, labels, n)] = True
    features[..., FEATURE_NAMES.index("rank=1")] = truth  # the true indicator is always ranked first
    reranker = fit_reranker(features, truth)
    relevance = reranker.relevance(features)
    assert relevance.shape == (n, labels)
    assert relevance[truth].min() > relevance[~truth].max()


def test_the_reranker_round_trips_through_the_card_and_refuses_other_features() -> None:
    reranker = Reranker(tuple([0.0] * len(FEATURE_NAMES)), tuple([1.0] * len(FEATURE_NAMES)),
                        tuple(float(i) / 100 for i in range(len(FEATURE_NAMES))), -1.0)
    card = reranker.to_card()
    assert Reranker.from_card(card) == reranker
    assert Reranker.from_card({**card, "features": ["something else"]}) is None
    assert Reranker.from_card(None) is None
