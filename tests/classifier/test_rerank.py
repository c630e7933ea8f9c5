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


def test_companion_features_read_the_predecessors_named_in_the_crosswalk() -> None:
    """Pemdi indicator p gets the best companion score among the SPBE indicators that feed it, and every
    indicator gets the companion's best score for the document."""
    from classifier.rerank import COMPANION_FEATURE_NAMES, Companion, CompanionScores
    from evidence.catalog import load_crosswalk

    pemdi, spbe = load_catalog("pemdi-2026"), load_catalog("spbe-2020")
    crosswalk = load_crosswalk()
    link = Companion("spbe-2020", {p: tuple(crosswalk.predecessors(p)) for p in pemdi.indicator_ids()}, "abc")
    spbe_labels = spbe.indicator_ids()
    companion_scores = np.full((1, len(spbe_labels)), 0.01)
    companion_scores[0, spbe_labels.index(22)] = 0.8  # an SPBE 2020 information-security management score
    plain = pair_features(np.full((1, len(pemdi.indicator_ids())), 0.1), [""], pemdi)
    features = pair_features(np.full((1, len(pemdi.indicator_ids())), 0.1), [""], pemdi,
                             companion=CompanionScores(link, companion_scores, spbe_labels))
    assert features.shape[2] == plain.shape[2] + len(COMPANION_FEATURE_NAMES)
    assert np.array_equal(features[:, :, :plain.shape[2]], plain)
    fed_by_22 = {p for p in pemdi.indicator_ids() if 22 in crosswalk.predecessors(p)}
    assert fed_by_22
    for j, p in enumerate(pemdi.indicator_ids()):
        best, predecessor = features[0, j, plain.shape[2]:plain.shape[2] + 2]
        assert best == pytest.approx(0.8)
        expected = 0.8 if p in fed_by_22 else (0.01 if crosswalk.predecessors(p) else 0.0)
        assert predecessor == pytest.approx(expected)


def test_a_reranker_with_a_companion_round_trips_through_the_card() -> None:
    from classifier.rerank import Companion

    rng = np.random.default_rng(1)
    link = Companion("spbe-2020", {1: (1, 2), 2: ()}, "f" * 64)
    width = len(Reranker.feature_names(link))
    model = fit_reranker(rng.normal(size=(30, 2, width)), rng.uniform(size=(30, 2)) > 0.7, link)
    again = Reranker.from_card(model.to_card())
    assert again == model and again is not None and again.companion == link
    card = model.to_card()
    card["features"] = list(FEATURE_NAMES)  # a card whose features this code would not compute the same way
    assert Reranker.from_card(card) is None
