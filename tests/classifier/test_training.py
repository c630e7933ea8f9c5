"""Training round trip on a small corpus: fit, grouped CV over the real documents, save with skops, load, predict."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from classifier.artifact import (
    CARD_MARKDOWN,
    ArtifactError,
    current_version,
    list_versions,
    load_current,
    load_model_dir,
    promote,
    save_model,
)
from classifier.corpus.real import load_manifest
from classifier.predict import IndicatorClassifier
from classifier.train import train_model
from classifier.validation import THRESHOLD_GRID
from evidence.catalog import load_catalog
from evidence.domain import CANDIDATES_SHOWN
from tests.fixtures.real_documents import needs_real_documents

pytestmark = needs_real_documents


@pytest.fixture(scope="module")
def small_model():
    catalog = load_catalog("spbe-2020")
    model, examples = train_model(catalog, seed=3, folds=2, corpus_size={"docs_per_indicator": 6, "negatives": 60})
    return catalog, model, examples


def test_every_real_document_is_judged_out_of_fold_and_trained_on(small_model) -> None:
    _, model, examples = small_model
    real = {d.id for d in load_manifest()}
    assert len(real) >= 100
    assert {e.source.removeprefix("real:") for e in examples if e.source.startswith("real:")} == real
    headline = model.card["metrics"]["real_grouped_cv"]
    assert set(headline["document_ids"]) == real and headline["documents"] == len(real)
    assert headline["folds"] == 5 and headline["groups"] > 50
    assert headline["without_umbrella"]["documents"] < headline["documents"]
    # The generated corpus is reported apart, on generated documents only.
    generated = model.card["metrics"]["generated_cv"]
    assert generated["documents"] == model.card["training"]["generated"]


def test_real_groups_never_straddle_folds() -> None:
    from classifier.validation import grouped_folds

    docs = load_manifest()
    for train, test in grouped_folds([d.group for d in docs]):
        assert not {docs[i].group for i in train} & {docs[i].group for i in test}


def test_one_shared_threshold_on_the_second_stage_scale(small_model) -> None:
    catalog, model, _ = small_model
    assert set(model.thresholds) == set(catalog.indicator_ids())
    assert all(min(THRESHOLD_GRID) <= t <= max(THRESHOLD_GRID) for t in model.thresholds.values())
    assert len(set(model.thresholds.values())) == 1, "the second stage puts every indicator on one scale"
    card = model.card
    assert IndicatorClassifier(model, catalog).reranker is not None
    first = card["metrics"]["real_grouped_cv"]["first_stage_only"]
    assert first["documents"] == card["metrics"]["real_grouped_cv"]["documents"]
    assert len(card["data_sha256"]) == 64 and "scikit-learn" in card["libraries"]
    assert card["metrics"]["generated_cv"]["folds"] == 2
    rule = model.candidate_rule
    assert 0 < rule.floor < 1 and 1 <= rule.ranks <= CANDIDATES_SHOWN
    assert card["candidate_ranks"] == rule.ranks
    flags = card["metrics"]["real_grouped_cv"]["critical_flags"]
    assert flags["candidates_per_document"] > 0
    assert 0 <= flags["evidence_removed"]["flagged"] <= flags["evidence_removed"]["archives"]
    held = flags["held_indicators"]
    assert held["held"] > 0 and held["suggested"] + held["to_check"] + held["missed"] == held["held"]
    real = card["metrics"]["real_grouped_cv"]
    for name, (low, high) in real["intervals_95"].items():
        assert 0 <= low <= real[name] <= high <= 1, name
    assert sorted(real["per_document"]) == real["document_ids"]


def test_the_card_says_how_far_down_a_document_candidates_go(small_model) -> None:
    catalog, model, _ = small_model
    text = "PERATURAN BUPATI TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK DAN PETA RENCANA SPBE"
    flagged = {}
    for ranks in (1, 4):
        card = {**model.card, "candidate_ranks": ranks, "candidate_floor": 0.0}
        shown = IndicatorClassifier(dataclasses.replace(model, card=card), catalog).classify(text).candidates
        flagged[ranks] = [c.indicator_id for c in shown if c.candidate]
        assert len(shown) >= CANDIDATES_SHOWN
    canonical = catalog.canonical_ids()  # interchangeable indicators take one place
    assert [len({canonical.get(i, i) for i in flagged[r]}) for r in (1, 4)] == [1, 4]
    assert flagged[4][0] == flagged[1][0]


def test_artifact_round_trip_without_pickle(small_model, tmp_path: Path) -> None:
    catalog, model, _ = small_model
    save_model(model, tmp_path)
    assert list_versions(tmp_path, catalog.id) == [model.version]
    with pytest.raises(ArtifactError):
        load_current(tmp_path, catalog.id)  # nothing promoted yet
    promote(tmp_path, catalog.id, model.version)
    assert current_version(tmp_path, catalog.id) == model.version
    loaded = load_current(tmp_path, catalog.id)
    text = "KEPUTUSAN BUPATI TENTANG TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
    original = IndicatorClassifier(model, catalog).classify(text)
    again = IndicatorClassifier(loaded, catalog).classify(text)
    assert [c.indicator_id for c in original.candidates] == [c.indicator_id for c in again.candidates]
    assert [c.score for c in original.candidates] == pytest.approx([c.score for c in again.candidates], abs=1e-4)
    assert loaded.candidate_rule == model.candidate_rule
    card_text = (tmp_path / catalog.id / model.version / CARD_MARKDOWN).read_text(encoding="utf-8")
    assert f"a document's first {model.candidate_rule.ranks} indicators" in card_text
    assert "Candidates per document:" in card_text
    assert "Indicators the five fold archives hold:" in card_text


def test_a_model_file_with_foreign_types_is_refused(small_model, tmp_path: Path) -> None:
    from collections import Counter

    import skops.io as sio

    catalog, model, _ = small_model
    target = save_model(model, tmp_path)
    sio.dump({"features": model.features, "classifier": model.classifier, "extra": Counter({"a": 1})},
             target / "model.skops")
    with pytest.raises(ArtifactError, match="allowlist"):
        load_model_dir(target)


def test_stacked_probabilities_equal_the_classifiers_own(small_model) -> None:
    import numpy as np

    from classifier.predict import composed

    catalog, model, examples = small_model
    classifier = IndicatorClassifier(model, catalog)
    matrix = model.transform([composed(e.text, e.path, classifier.phrases) for e in examples[:40]])
    np.testing.assert_allclose(model.probabilities(matrix), model.classifier.predict_proba(matrix), atol=1e-6)


@pytest.mark.usefixtures("two_real_folds")
def test_a_successor_framework_reads_its_predecessors_first_stage(small_model, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    """Pemdi 2026's second stage reads SPBE 2020's first stage through the crosswalk: the card fixes the
    link, the classifier refuses to run without that model, and loading brings it along (and says so when
    the current SPBE 2020 model is not the one the Pemdi model was validated beside)."""
    import copy

    from classifier.loading import load_classifier
    from classifier.rerank import COMPANION_FEATURE_NAMES
    from evidence.catalog import load_crosswalk

    spbe_catalog, spbe_model, _ = small_model
    pemdi = load_catalog("pemdi-2026")
    model, _ = train_model(pemdi, seed=3, folds=2, corpus_size={"docs_per_indicator": 6, "negatives": 60})
    stage_two = model.card["reranker"]
    assert stage_two["features"][-len(COMPANION_FEATURE_NAMES):] == list(COMPANION_FEATURE_NAMES)
    assert stage_two["companion"]["framework"] == "spbe-2020"
    assert stage_two["companion"]["predecessors"]["13"] == load_crosswalk().predecessors(13)
    # Same recipe (seed, corpus size), same training input as the SPBE 2020 model trained above.
    assert stage_two["companion"]["data_sha256"] == spbe_model.card["data_sha256"]
    with pytest.raises(ValueError, match="spbe-2020"):
        IndicatorClassifier(model, pemdi)

    for trained in (spbe_model, model):
        save_model(trained, tmp_path)
        promote(tmp_path, trained.framework, trained.version)
    with caplog.at_level("WARNING", logger="classifier.loading"):
        loaded = load_classifier(pemdi, tmp_path)
    assert loaded.companion is not None and loaded.companion.model.version == spbe_model.version
    assert not caplog.records
    text = "PERATURAN BUPATI TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KABUPATEN"
    direct = IndicatorClassifier(model, pemdi, IndicatorClassifier(spbe_model, spbe_catalog)).classify(text)
    again = loaded.classify(text)
    assert [s.indicator_id for s in again.candidates] == [s.indicator_id for s in direct.candidates]
    assert [s.score for s in again.candidates] == pytest.approx([s.score for s in direct.candidates], abs=1e-6)

    other = copy.copy(spbe_model)
    other.version, other.card = "20990101-other", {**spbe_model.card, "data_sha256": "0" * 64}
    save_model(other, tmp_path)
    promote(tmp_path, other.framework, other.version)
    with caplog.at_level("WARNING", logger="classifier.loading"):
        load_classifier(pemdi, tmp_path)
    assert "spbe train --framework pemdi-2026" in caplog.text
