"""Builds the training set, fits the model, chooses thresholds on real documents, measures it honestly.

Honesty rules enforced here (see ``classifier.validation``): the headline figures are grouped
cross-validation over the real documents only, each fold judged with thresholds chosen on the other folds;
the generated corpus is augmentation and its figures are reported apart, never mixed in.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from datetime import UTC, datetime
from importlib.metadata import version as pkg_version
from typing import Any

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from classifier.corpus.real import load_manifest
from classifier.cues import CatalogPhrases
from classifier.evaluate import (
    BOOTSTRAP_ROUNDS,
    EvaluationReport,
    bootstrap_intervals,
    document_outcomes,
    evaluate,
)
from classifier.examples import (
    GENERATED_WEIGHT,
    REAL_WEIGHT,
    REVIEW_WEIGHT,
    Example,
    build_training_examples,
)
from classifier.features import build_features
from classifier.model import CandidateRule, TrainedModel
from classifier.predict import IndicatorClassifier, combine, composed, rule_hits
from classifier.promotion import REAL_METRICS
from classifier.rerank import (
    RERANK_C,
    RERANK_VERSION,
    CatalogText,
    Companion,
    CompanionScores,
    Reranker,
    fit_reranker,
    pair_features,
)
from classifier.rules import KeywordRules
from classifier.validation import (
    CANDIDATE_RULE,
    SHARED_ONLY,
    UMBRELLA,
    choose_candidate_rule,
    choose_thresholds,
    cross_fitted_report,
    grouped_folds,
    nested_scores,
    out_of_fold_critical_flags,
    out_of_fold_scores,
    predictions_for,
    score_dicts,
)
from evidence.catalog import Catalog, load_catalog, load_crosswalk
from evidence.confirmed_labels import ConfirmedLabel

# lbfgs: 3x faster than liblinear here at equal F1. Balanced class weights: an indicator with few positives
# still gets scores on the same scale as the others, which the shared threshold and the ranking rely on.
LOGISTIC_PARAMS = {"C": 8.0, "solver": "lbfgs", "max_iter": 300, "class_weight": "balanced"}
GENERATED_METRICS = "generated_cv"

Progress = Callable[[str], None]


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


def data_hash(examples: Sequence[Example], catalog: Catalog, companion: Companion | None = None) -> str:
    """Same training input, same hash, in any process: what ``spbe train`` compares to skip work.
    A companion's own training input is part of it (through ``companion.data_sha256``)."""
    # The feature and model configuration are part of what was trained: a change makes a new version.
    config = json.dumps(_stable([build_features(), LOGISTIC_PARAMS, RERANK_VERSION, RERANK_C, CANDIDATE_RULE,
                                 *([companion.to_card()] if companion else [])]), sort_keys=True, default=repr)
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


def companion_framework(catalog: Catalog) -> str | None:
    """The older framework whose first stage this framework's second stage reads: the crosswalk's source
    when this catalog is its target (Pemdi 2026 reads SPBE 2020)."""
    crosswalk = load_crosswalk()
    return crosswalk.from_framework if catalog.id == crosswalk.to_framework else None


@dataclass
class CompanionInput:
    """The companion's training input, built with the same recipe (seed, corpus size, its own confirmed
    labels) as its current model, so that the scores learnt from are the ones it gives at run time."""

    link: Companion
    catalog: Catalog
    examples: list[Example]


def companion_input(catalog: Catalog, *, seed: int = 0, corpus_size: dict | None = None,
                    confirmed: Sequence[ConfirmedLabel] = ()) -> CompanionInput | None:
    framework = companion_framework(catalog)
    if framework is None:
        return None
    crosswalk = load_crosswalk()
    other = load_catalog(framework)
    examples = build_training_examples(other, seed=seed, corpus_size=corpus_size, confirmed=confirmed)
    link = Companion(framework, {label: tuple(crosswalk.predecessors(label)) for label in catalog.indicator_ids()},
                     data_hash(examples, other))
    return CompanionInput(link, other, examples)


@dataclass
class RealCV:
    """First-stage scores of the real documents: out of fold, and nested (``classifier.validation``)."""

    docs: list
    folds: list
    first: np.ndarray
    nested: list[np.ndarray]


def real_cv(catalog: Catalog, examples: Sequence[Example], inputs: ModelInputs, progress: Progress,
            what: str = "", keep: Sequence[bool] | None = None) -> RealCV:
    """``keep`` (one flag per real document) leaves the others out of every training set, never out of the
    documents scored: how the figures would be with fewer real documents (``classifier.learning_curve``)."""
    real = [e for e in examples if e.source.startswith("real:")]
    others = [e for e in examples if not e.source.startswith("real:")]
    by_id = {d.id: d for d in load_manifest()}
    docs = [by_id[e.source.removeprefix("real:")] for e in real]
    folds = grouped_folds([d.group for d in docs])
    n_labels = len(catalog.indicator_ids())
    fits = 0

    def fit_score(train_idx: np.ndarray, test_idx: np.ndarray) -> np.ndarray:
        nonlocal fits
        fits += 1
        progress(f"validasi silang dokumen nyata{what}: model {fits} dari {len(folds) ** 2}")
        trained = [real[i] for i in train_idx if keep is None or keep[i]]
        return _fit_and_score(catalog, [*others, *trained], [real[i] for i in test_idx], inputs)

    first = out_of_fold_scores(len(real), folds, fit_score, n_labels)
    return RealCV(docs, folds, first, nested_scores(len(real), folds, fit_score, n_labels))


@dataclass
class CompanionCV:
    """The companion framework's first-stage scores of the real documents (same documents, same folds),
    and a scorer fitted on all its training data for other documents."""

    link: Companion
    label_ids: list[int]
    cv: RealCV
    score: Callable[[Sequence[Example]], np.ndarray]

    def scores(self, matrix: np.ndarray) -> CompanionScores:
        return CompanionScores(self.link, matrix, self.label_ids)


def prepare_companion(given: CompanionInput | None, progress: Progress = lambda _m: None,
                      keep: Sequence[bool] | None = None) -> CompanionCV | None:
    """The companion's grouped cross-validation over the same real documents (trained on the same ``keep``),
    and its scorer."""
    if given is None:
        return None
    other, examples = given.catalog, given.examples
    inputs = ModelInputs(other)
    cv = real_cv(other, examples, inputs, progress, f" ({other.id})", keep)

    def score(docs: Sequence[Example]) -> np.ndarray:
        features, clf = _fit(examples, other, inputs)
        return _scores(TrainedModel(other.id, "companion", features, clf, other.indicator_ids(), {}), other, docs)

    return CompanionCV(given.link, other.indicator_ids(), cv, score)


def library_versions() -> dict[str, str]:
    libs = ("scikit-learn", "numpy", "scipy", "skops", "pdfplumber", "python-docx")
    return {"python": platform.python_version(), **{lib: pkg_version(lib) for lib in libs}}


@dataclass
class RealValidation:
    """Grouped cross-validation over the real documents, and what it chose for the model."""

    metrics: dict
    thresholds: dict[int, float]
    gate: float
    candidates: CandidateRule
    reranker: Reranker
    out_of_fold: np.ndarray  # real documents x indicators, final scores, for analysis; not persisted


def validate_on_real(catalog: Catalog, examples: Sequence[Example], inputs: ModelInputs,
                     progress: Progress = lambda _m: None, companion: CompanionCV | None = None,
                     keep: Sequence[bool] | None = None) -> RealValidation:
    """Fit each fold on everything but that fold's real documents; choose thresholds on real scores only.

    Two stages (``classifier.rerank``): the first-stage scores of each fold come from a model that never saw
    it; the second stage that judges fold k is trained on the other folds' first-stage scores from models
    that saw neither fold k nor the document scored (``nested_scores``), so no figure leans on fold k. A
    ``companion``'s scores are read the same way, from its own models fitted on the same folds. With
    ``keep``, only those real documents train anything (first stage, second stage, thresholds); every real
    document is still judged.
    """
    real = [e for e in examples if e.source.startswith("real:")]
    cv = real_cv(catalog, examples, inputs, progress, keep=keep)
    docs, first = cv.docs, cv.first
    kept = np.ones(len(real), dtype=bool) if keep is None else np.asarray(keep, dtype=bool)
    folds = [(tr[kept[tr]], te) for tr, te in cv.folds]
    if companion is not None and [d.id for d in companion.cv.docs] != [d.id for d in docs]:
        raise ValueError("the companion framework was validated on other real documents")
    label_ids = catalog.indicator_ids()
    golds = [e.indicators for e in real]
    truth = np.array([[label in g for label in label_ids] for g in golds], dtype=bool)
    composed_real = inputs(real)
    catalog_text = CatalogText(catalog)

    def features(scores: np.ndarray, idx: np.ndarray, other: np.ndarray | None) -> np.ndarray:
        return pair_features(scores, [composed_real[i] for i in idx], catalog, catalog_text,
                             companion.scores(other[idx]) if companion is not None and other is not None else None)

    link = companion.link if companion is not None else None
    oof = np.zeros_like(first)
    for k, (train_idx, test_idx) in enumerate(folds):
        inner, outer = (companion.cv.nested[k], companion.cv.first) if companion is not None else (None, None)
        stage_two = fit_reranker(features(cv.nested[k][train_idx], train_idx, inner), truth[train_idx], link)
        oof[test_idx] = stage_two.relevance(features(first[test_idx], test_idx, outer))
    trained = np.flatnonzero(kept)  # what the model's own choices learn from
    reranker = fit_reranker(features(first[trained], trained, companion.cv.first if companion else None),
                            truth[trained], link)

    set_apart = [d.indicators >= UMBRELLA for d in docs]
    canonical = catalog.canonical_ids()
    result = cross_fitted_report(oof, golds, label_ids, folds, canonical, set_apart=set_apart, shrink=SHARED_ONLY)
    first_stage = cross_fitted_report(first, golds, label_ids, folds, canonical, set_apart=set_apart)
    kept_golds = [golds[i] for i in trained]
    chosen = choose_thresholds(oof[trained], kept_golds, label_ids, SHARED_ONLY)
    metrics = {
        **result.report.to_dict(),
        "folds": len(folds), "grouped_by": "region (or source site)", "groups": len({d.group for d in docs}),
        "document_ids": sorted(d.id for d in docs),
        "labels": "Pemdi labels read from the text; the crosswalk fills in only where a document has none"
        if catalog.id != "spbe-2020" else "as labelled",
        "thresholds": "each fold judged with thresholds chosen on the other folds' out-of-fold scores; the second "
                      "stage judging a fold was trained on first-stage scores from models that never saw it",
        "intervals_95": bootstrap_intervals([set(g) for g in golds], result.predictions, label_ids,
                                            [d.group for d in docs], canonical),
        "intervals": f"95% percentile intervals from {BOOTSTRAP_ROUNDS} resamples of the groups",
        # Each document's outcome with its group, so that the next version can be compared document by
        # document (``classifier.promotion``): ids and counts only, never text.
        "per_document": {d.id: [d.group, *astuple(o)] for d, o in
                         zip(docs, document_outcomes([set(g) for g in golds], result.predictions, canonical),
                             strict=True)},
        "without_umbrella": result.set_apart.to_dict(),
        "first_stage_only": first_stage.report.to_dict(),
        "critical_flags": out_of_fold_critical_flags(
            oof, golds, label_ids, folds, [(c.key, c.any_of) for c in catalog.critical_items], canonical,
            shrink=SHARED_ONLY),
    }
    return RealValidation(metrics, chosen.per_indicator, chosen.gate,
                          choose_candidate_rule(oof[trained], kept_golds, label_ids, canonical), reranker, oof)


def validate_on_generated(catalog: Catalog, examples: Sequence[Example], inputs: ModelInputs,
                          real: RealValidation, folds: int, seed: int,
                          progress: Progress = lambda _m: None,
                          companion: CompanionCV | None = None) -> EvaluationReport:
    """Cross-validation over the generated corpus alone: reported apart, it says only what the generator teaches.

    The second stage is the one learnt on the real documents (it never sees a generated one). A companion
    scores these documents with one model fitted on all its own training data, which may include generated
    documents like them: these figures are the generator's, never the headline."""
    generated = [e for e in examples if e.source.startswith("generated:")]
    label_ids = catalog.indicator_ids()
    oof = np.zeros((len(generated), len(label_ids)))
    for k, (tr, te) in enumerate(KFold(n_splits=folds, shuffle=True, random_state=seed).split(generated), start=1):
        progress(f"validasi silang korpus buatan: lipatan {k}/{folds}")
        oof[te] = _fit_and_score(catalog, [generated[i] for i in tr], [generated[i] for i in te], inputs)
    other = companion.scores(companion.score(generated)) if companion is not None else None
    oof = real.reranker.relevance(pair_features(oof, inputs(generated), catalog, companion=other))
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
    companion: CompanionInput | None = None,
    progress: Progress = lambda _msg: None,
) -> tuple[TrainedModel, list[Example]]:
    """``corpus_size`` (``docs_per_indicator``, ``negatives``) shrinks the generated corpus for tests;
    ``examples`` and ``companion`` skip rebuilding them when the caller already did (to compare data hashes
    first); ``folds`` is the number of folds over the generated corpus (the real documents always use five
    groups)."""
    progress("menyusun korpus latih")
    examples = list(examples) if examples is not None else build_training_examples(
        catalog, seed=seed, corpus_size=corpus_size, confirmed=confirmed)
    inputs = ModelInputs(catalog)
    given = companion or companion_input(catalog, seed=seed, corpus_size=corpus_size)
    companion_cv = prepare_companion(given, progress)
    real = validate_on_real(catalog, examples, inputs, progress, companion_cv)
    generated_report = validate_on_generated(catalog, examples, inputs, real, folds, seed, progress, companion_cv)
    progress("melatih model akhir")
    features, clf = _fit(examples, catalog, inputs)
    digest = data_hash(examples, catalog, given.link if given else None)
    version = f"{datetime.now(UTC):%Y%m%d}-{digest[:10]}"
    model = TrainedModel(catalog.id, version, features, clf, catalog.indicator_ids(), real.thresholds)
    model.card = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "catalog_version": catalog.framework.catalog_version,
        "data_sha256": digest,
        "seed": seed,
        "corpus_size": corpus_size or "default",
        "candidate_floor": real.candidates.floor,
        "candidate_ranks": real.candidates.ranks,
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


def evaluate_classifier(classifier: IndicatorClassifier, docs: Sequence[tuple[str, str, frozenset[int]]]):
    """Scores documents with a fixed model (for ``spbe evaluate`` of a labelled folder or archive)."""
    model = classifier.model
    examples = [Example(t, p, g, 1.0, "eval") for t, p, g in docs]
    inputs = ModelInputs(classifier.catalog)
    scores = classifier.final_scores(_scores(model, classifier.catalog, examples, inputs), inputs(examples),
                                     [(e.text, e.path) for e in examples])
    return evaluate([set(e.indicators) for e in examples],
                    predictions_for(scores, model.label_ids, model.thresholds, model.document_gate),
                    model.label_ids, score_dicts(scores, model.label_ids), classifier.catalog.canonical_ids())
