"""Builds the training set, fits the model, chooses thresholds on real documents, measures it honestly.

Honesty rules enforced here (see ``classifier.validation``): the headline figures are grouped
cross-validation over the real documents only, each fold judged with thresholds chosen on the other folds;
the generated corpus is augmentation and its figures are reported apart, never mixed in.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version as pkg_version
from typing import Any

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from classifier.corpus.generator import generate_corpus
from classifier.corpus.real import labels_in, load_manifest, read_text
from classifier.cues import CatalogPhrases
from classifier.evaluate import EvaluationReport, evaluate
from classifier.features import build_features
from classifier.model import TrainedModel
from classifier.predict import IndicatorClassifier, combine, composed, rule_hits
from classifier.rerank import RERANK_C, RERANK_VERSION, CatalogText, Reranker, fit_reranker, pair_features
from classifier.rules import KeywordRules
from classifier.validation import (
    SHARED_ONLY,
    UMBRELLA,
    choose_candidate_floor,
    choose_thresholds,
    cross_fitted_report,
    grouped_folds,
    nested_scores,
    out_of_fold_critical_flags,
    out_of_fold_scores,
    predictions_for,
    score_dicts,
)
from evidence.catalog import Catalog
from evidence.confirmed_labels import ConfirmedLabel

REAL_WEIGHT = 10.0  # real documents are few but are what users send: each counts as ten generated ones
GENERATED_WEIGHT = 1.0
REVIEW_WEIGHT = 10.0  # documents a reviewer confirmed: real, and labelled by a person
# A new version must not be worse than the current one on the real documents by more than this.
PROMOTION_TOLERANCE = 0.005
PROMOTION_METRICS = (("micro_f1", 1), ("top3_recall", 1), ("false_positive_rate_unrelated", -1))
# lbfgs: 3x faster than liblinear here at equal F1. Balanced class weights: an indicator with few positives
# still gets scores on the same scale as the others, which the shared threshold and the ranking rely on.
LOGISTIC_PARAMS = {"C": 8.0, "solver": "lbfgs", "max_iter": 300, "class_weight": "balanced"}
REAL_METRICS = "real_grouped_cv"
GENERATED_METRICS = "generated_cv"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Example:
    text: str
    path: str
    indicators: frozenset[int]
    weight: float
    source: str


def _filename_for(title: str, index: int) -> str:
    """Generated documents get plausible file names, as OPD files have; some get meaningless ones."""
    if not title or index % 4 == 3:
        return f"scan_{index:04d}.pdf"
    slug = re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_")[:60]
    return f"{slug}.pdf"


def build_training_examples(
    catalog: Catalog, *, seed: int = 0, corpus_size: dict | None = None, confirmed: Sequence[ConfirmedLabel] = ()
) -> list[Example]:
    """Generated corpus + every real labelled document + reviewer-confirmed documents.

    A confirmed upload whose text is one of the real documents is left out: the real document is already
    there with its labeller's labels, and counting it twice would tilt its fold.
    """
    generated = generate_corpus(catalog, seed=seed, **(corpus_size or {}))
    examples = [
        Example(d.text, _filename_for(d.title, i), frozenset(d.indicators), GENERATED_WEIGHT, f"generated:{d.doc_type}")
        for i, d in enumerate(generated)
    ]
    real = real_examples(catalog.id)
    examples += real
    real_texts = {_text_key(e.text) for e in real}
    for label in confirmed:
        if _text_key(label.text) not in real_texts:
            examples.append(Example(label.text, label.path, label.indicators, REVIEW_WEIGHT, f"review:{label.sha256[:12]}"))
    return examples


def real_examples(framework_id: str) -> list[Example]:
    """The real documents (texts read from the reference folder), labelled in ``framework_id``."""
    return [Example(read_text(d), "", labels_in(d, framework_id), REAL_WEIGHT, f"real:{d.id}") for d in load_manifest()]


def _text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


def _stable(value: object) -> Any:
    """A process-independent description of a configuration: no memory addresses, no set order."""
    if hasattr(value, "get_params"):
        return [type(value).__name__, _stable(value.get_params(deep=False))]
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted(_stable(v) for v in value)
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    return value if isinstance(value, str | int | float | bool | None) else repr(value)


def data_hash(examples: Sequence[Example], catalog: Catalog) -> str:
    """Same training input, same hash, in any process: what ``spbe train`` compares to skip work."""
    # The feature and model configuration are part of what was trained: a change makes a new version.
    config = json.dumps(_stable([build_features(), LOGISTIC_PARAMS, RERANK_VERSION, RERANK_C]), sort_keys=True,
                        default=repr)
    digest = hashlib.sha256(f"{catalog.id}:{catalog.framework.catalog_version}:{config}".encode())
    for ex in examples:
        digest.update(json.dumps([ex.text, ex.path, sorted(ex.indicators), ex.weight]).encode())
    return digest.hexdigest()


def _new_classifier() -> OneVsRestClassifier:
    base = LogisticRegression(**LOGISTIC_PARAMS).set_fit_request(sample_weight=True)
    return OneVsRestClassifier(base, n_jobs=2)


class ModelInputs:
    """The composed model input of each example, built once per training run (cues read metadata and
    catalog phrases, and every fold would otherwise redo it)."""

    def __init__(self, catalog: Catalog) -> None:
        self._phrases = CatalogPhrases(catalog)
        self._done: dict[tuple[str, str], str] = {}

    def __call__(self, examples: Sequence[Example]) -> list[str]:
        out = []
        for e in examples:
            key = (e.text, e.path)
            if key not in self._done:
                self._done[key] = composed(e.text, e.path, self._phrases)
            out.append(self._done[key])
        return out


def _fit(examples: Sequence[Example], catalog: Catalog, inputs: ModelInputs | None = None):
    label_ids = catalog.indicator_ids()
    features = build_features()
    matrix = features.fit_transform((inputs or ModelInputs(catalog))(examples))
    for _name, vectorizer in features.transformer_list:
        vectorizer.__dict__.pop("stop_words_", None)  # every pruned n-gram: megabytes, unused at prediction
        # numpy integer values would be persisted one file each (40,000 files); plain ints are one table.
        vectorizer.vocabulary_ = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
    binarizer = MultiLabelBinarizer(classes=label_ids)
    y = binarizer.fit_transform([e.indicators for e in examples])
    weights = np.array([e.weight for e in examples])
    with sklearn.config_context(enable_metadata_routing=True):  # routes sample_weight to each estimator
        clf = _new_classifier()
        clf.fit(matrix, y, sample_weight=weights)
    _shrink(clf)
    return features, clf


def _shrink(clf: OneVsRestClassifier) -> None:
    """Prepare for persistence: float32 weights halve the artifact (probabilities differ by < 1e-6), and
    the metadata-routing request, needed only during fit, refers back to its owner (skops cannot save cycles)."""
    for est in [clf.estimator, *clf.estimators_]:
        est.__dict__.pop("_metadata_request", None)
        if hasattr(est, "coef_"):
            est.coef_ = est.coef_.astype(np.float32)


def _scores(model: TrainedModel, catalog: Catalog, examples: Sequence[Example],
            inputs: ModelInputs | None = None) -> np.ndarray:
    rules = KeywordRules(catalog)
    probs = model.probabilities(model.transform((inputs or ModelInputs(catalog))(examples)))
    return np.vstack(
        [combine(probs[i], model.label_ids, rule_hits(e.text, e.path, catalog, rules)) for i, e in enumerate(examples)]
    )


def _fit_and_score(catalog: Catalog, train: Sequence[Example], test: Sequence[Example],
                   inputs: ModelInputs) -> np.ndarray:
    features, clf = _fit(train, catalog, inputs)
    return _scores(TrainedModel(catalog.id, "cv", features, clf, catalog.indicator_ids(), {}), catalog, test, inputs)


def library_versions() -> dict[str, str]:
    libs = ("scikit-learn", "numpy", "scipy", "skops", "pdfplumber", "python-docx")
    return {"python": platform.python_version(), **{lib: pkg_version(lib) for lib in libs}}


@dataclass
class RealValidation:
    """Grouped cross-validation over the real documents, and what it chose for the model."""

    metrics: dict
    thresholds: dict[int, float]
    gate: float
    candidate_floor: float
    reranker: Reranker
    out_of_fold: np.ndarray  # real documents x indicators, final scores, for analysis; not persisted


def validate_on_real(catalog: Catalog, examples: Sequence[Example], inputs: ModelInputs,
                     progress: Progress = lambda _m: None) -> RealValidation:
    """Fit each fold on everything but that fold's real documents; choose thresholds on real scores only.

    Two stages (``classifier.rerank``): the first-stage scores of each fold come from a model that never saw
    it; the second stage that judges fold k is trained on the other folds' first-stage scores from models
    that saw neither fold k nor the document scored (``nested_scores``), so no figure leans on fold k.
    """
    real_idx = [i for i, e in enumerate(examples) if e.source.startswith("real:")]
    others = [e for i, e in enumerate(examples) if not e.source.startswith("real:")]
    real = [examples[i] for i in real_idx]
    by_id = {d.id: d for d in load_manifest()}
    docs = [by_id[e.source.removeprefix("real:")] for e in real]
    folds = grouped_folds([d.group for d in docs])
    label_ids = catalog.indicator_ids()
    golds = [e.indicators for e in real]
    truth = np.array([[label in g for label in label_ids] for g in golds], dtype=bool)
    composed_real = inputs(real)
    catalog_text = CatalogText(catalog)
    fits = 0

    def fit_score(train_idx: np.ndarray, test_idx: np.ndarray) -> np.ndarray:
        nonlocal fits
        fits += 1
        progress(f"validasi silang dokumen nyata: model {fits} dari {len(folds) ** 2}")
        return _fit_and_score(catalog, [*others, *(real[i] for i in train_idx)], [real[i] for i in test_idx], inputs)

    def features(scores: np.ndarray, idx: np.ndarray) -> np.ndarray:
        return pair_features(scores, [composed_real[i] for i in idx], catalog, catalog_text)

    first = out_of_fold_scores(len(real), folds, fit_score, len(label_ids))
    nested = nested_scores(len(real), folds, fit_score, len(label_ids))
    oof = np.zeros_like(first)
    for k, (train_idx, test_idx) in enumerate(folds):
        stage_two = fit_reranker(features(nested[k][train_idx], train_idx), truth[train_idx])
        oof[test_idx] = stage_two.relevance(features(first[test_idx], test_idx))
    everyone = np.arange(len(real))
    reranker = fit_reranker(features(first, everyone), truth)

    set_apart = [d.indicators >= UMBRELLA for d in docs]
    canonical = catalog.canonical_ids()
    result = cross_fitted_report(oof, golds, label_ids, folds, canonical, set_apart=set_apart, shrink=SHARED_ONLY)
    first_stage = cross_fitted_report(first, golds, label_ids, folds, canonical, set_apart=set_apart)
    chosen = choose_thresholds(oof, golds, label_ids, SHARED_ONLY)
    metrics = {
        **result.report.to_dict(),
        "folds": len(folds), "grouped_by": "region (or source site)", "groups": len({d.group for d in docs}),
        "document_ids": sorted(d.id for d in docs),
        "labels": "Pemdi labels read from the text; the crosswalk fills in only where a document has none"
        if catalog.id != "spbe-2020" else "as labelled",
        "thresholds": "each fold judged with thresholds chosen on the other folds' out-of-fold scores; the second "
                      "stage judging a fold was trained on first-stage scores from models that never saw it",
        "without_umbrella": result.set_apart.to_dict(),
        "first_stage_only": first_stage.report.to_dict(),
        "critical_flags": out_of_fold_critical_flags(
            oof, golds, label_ids, folds, [(c.key, c.any_of) for c in catalog.critical_items], canonical,
            shrink=SHARED_ONLY),
    }
    return RealValidation(metrics, chosen.per_indicator, chosen.gate, choose_candidate_floor(oof, golds, label_ids),
                          reranker, oof)


def validate_on_generated(catalog: Catalog, examples: Sequence[Example], inputs: ModelInputs,
                          real: RealValidation, folds: int, seed: int,
                          progress: Progress = lambda _m: None) -> EvaluationReport:
    """Cross-validation over the generated corpus alone: reported apart, it says only what the generator teaches.

    The second stage is the one learnt on the real documents (it never sees a generated one)."""
    generated = [e for e in examples if e.source.startswith("generated:")]
    label_ids = catalog.indicator_ids()
    oof = np.zeros((len(generated), len(label_ids)))
    for k, (tr, te) in enumerate(KFold(n_splits=folds, shuffle=True, random_state=seed).split(generated), start=1):
        progress(f"validasi silang korpus buatan: lipatan {k}/{folds}")
        oof[te] = _fit_and_score(catalog, [generated[i] for i in tr], [generated[i] for i in te], inputs)
    oof = real.reranker.relevance(pair_features(oof, inputs(generated), catalog))
    golds = [set(e.indicators) for e in generated]
    return evaluate(golds, predictions_for(oof, label_ids, real.thresholds, real.gate), label_ids,
                    score_dicts(oof, label_ids), catalog.canonical_ids())


def train_model(
    catalog: Catalog,
    *,
    seed: int = 0,
    folds: int = 3,
    corpus_size: dict | None = None,
    confirmed: Sequence[ConfirmedLabel] = (),
    examples: Sequence[Example] | None = None,
    progress: Progress = lambda _msg: None,
) -> tuple[TrainedModel, list[Example]]:
    """``corpus_size`` (``docs_per_indicator``, ``negatives``) shrinks the generated corpus for tests;
    ``examples`` skips rebuilding them when the caller already did (to compare data hashes first);
    ``folds`` is the number of folds over the generated corpus (the real documents always use five groups)."""
    progress("menyusun korpus latih")
    examples = list(examples) if examples is not None else build_training_examples(
        catalog, seed=seed, corpus_size=corpus_size, confirmed=confirmed)
    inputs = ModelInputs(catalog)
    real = validate_on_real(catalog, examples, inputs, progress)
    generated_report = validate_on_generated(catalog, examples, inputs, real, folds, seed, progress)
    progress("melatih model akhir")
    features, clf = _fit(examples, catalog, inputs)
    digest = data_hash(examples, catalog)
    version = f"{datetime.now(UTC):%Y%m%d}-{digest[:10]}"
    model = TrainedModel(catalog.id, version, features, clf, catalog.indicator_ids(), real.thresholds)
    model.card = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "catalog_version": catalog.framework.catalog_version,
        "data_sha256": digest,
        "seed": seed,
        "corpus_size": corpus_size or "default",
        "candidate_floor": real.candidate_floor,
        "document_gate": real.gate,
        "reranker": real.reranker.to_card(),
        "training": {
            "documents": len(examples),
            "generated": sum(e.source.startswith("generated") for e in examples),
            "real": sorted(e.source for e in examples if e.source.startswith("real")),
            "reviewed": sum(e.source.startswith("review") for e in examples),
            "unrelated": sum(not e.indicators for e in examples),
            "weights": {"real": REAL_WEIGHT, "generated": GENERATED_WEIGHT, "reviewed": REVIEW_WEIGHT},
        },
        "libraries": library_versions(),
        "metrics": {
            REAL_METRICS: real.metrics,
            GENERATED_METRICS: {"folds": folds, **generated_report.to_dict()},
        },
    }
    return model, examples


@dataclass(frozen=True)
class PromotionDecision:
    promote: bool
    reason: str


def promotion_decision(new_card: dict, current_card: dict | None) -> PromotionDecision:
    """A new version replaces the current one only if no real-document metric got worse (beyond a tolerance).

    Both are measured by grouped cross-validation over the same real documents (their ids are in the
    cards); if the sets differ the comparison would be meaningless, so the new version is refused and the
    reason says why.
    """
    if current_card is None:
        return PromotionDecision(True, "no current model")
    new = new_card.get("metrics", {}).get(REAL_METRICS, {})
    old = current_card.get("metrics", {}).get(REAL_METRICS, {})
    if not old:
        return PromotionDecision(True, "current model has no real-document metrics")
    if new.get("document_ids") != old.get("document_ids"):
        return PromotionDecision(False, "real documents differ from the current model's; compare by hand")
    worse = []
    for name, direction in PROMOTION_METRICS:
        if name in new and name in old and (new[name] - old[name]) * direction < -PROMOTION_TOLERANCE:
            worse.append(f"{name} {old[name]:.3f} -> {new[name]:.3f}")
    if worse:
        return PromotionDecision(False, "worse on real documents: " + ", ".join(worse))
    gains = ", ".join(f"{name} {old.get(name, 0):.3f} -> {new.get(name, 0):.3f}" for name, _ in PROMOTION_METRICS)
    return PromotionDecision(True, f"not worse on real documents ({gains})")


def evaluate_classifier(classifier: IndicatorClassifier, docs: Sequence[tuple[str, str, frozenset[int]]]):
    """Scores documents with a fixed model (for ``spbe evaluate`` of a labelled folder or archive)."""
    model = classifier.model
    examples = [Example(t, p, g, 1.0, "eval") for t, p, g in docs]
    inputs = ModelInputs(classifier.catalog)
    scores = classifier.final_scores(_scores(model, classifier.catalog, examples, inputs), inputs(examples))
    return evaluate([set(e.indicators) for e in examples],
                    predictions_for(scores, model.label_ids, model.thresholds, model.document_gate),
                    model.label_ids, score_dicts(scores, model.label_ids), classifier.catalog.canonical_ids())
