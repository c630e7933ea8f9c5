"""Builds the training set, fits the model, tunes per-indicator thresholds, measures held-out metrics.

Honesty rules enforced here: thresholds are tuned on out-of-fold predictions of the TRAINING set only;
held-out real documents are scored once, after the model and thresholds are fixed.
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

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from classifier.corpus.generator import generate_corpus
from classifier.corpus.real import MANIFEST_FRAMEWORK, labels_in, load_manifest, read_text
from classifier.evaluate import EvaluationReport, Prediction, evaluate
from classifier.features import build_features
from classifier.model import TrainedModel
from classifier.predict import IndicatorClassifier, combine, decide, rule_hits
from classifier.rules import KeywordRules
from classifier.text import compose
from evidence.catalog import Catalog
from evidence.confirmed_labels import ConfirmedLabel

REAL_WEIGHT = 3.0  # real documents are few but look like what users send
REVIEW_WEIGHT = 3.0  # documents a reviewer confirmed: real, and labelled by a person
# A new version must not be worse than the current one on the held-out documents by more than this.
PROMOTION_TOLERANCE = 0.005
PROMOTION_METRICS = (("micro_f1", 1), ("top3_recall", 1), ("false_positive_rate_unrelated", -1))
THRESHOLD_GRID = np.round(np.arange(0.25, 0.851, 0.05), 2)
DEFAULT_THRESHOLD = 0.5
MIN_POSITIVES_TO_TUNE = 4
# lbfgs: 3x faster than liblinear here at equal cross-validated F1; C chosen on training CV.
LOGISTIC_PARAMS = {"C": 8.0, "solver": "lbfgs", "max_iter": 300}

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
    """Generated corpus + real training documents + reviewer-confirmed documents (never a held-out one)."""
    generated = generate_corpus(catalog, seed=seed, **(corpus_size or {}))
    examples = [
        Example(d.text, _filename_for(d.title, i), frozenset(d.indicators), 1.0, f"generated:{d.doc_type}")
        for i, d in enumerate(generated)
    ]
    for doc in load_manifest(split="train"):
        examples.append(Example(read_text(doc), "", labels_in(doc, catalog.id), REAL_WEIGHT, f"real:{doc.id}"))
    heldout_texts = {_text_key(e.text) for e in heldout_examples(catalog.id)}
    for label in confirmed:
        if _text_key(label.text) not in heldout_texts:  # an uploaded held-out document stays held out
            examples.append(Example(label.text, label.path, label.indicators, REVIEW_WEIGHT, f"review:{label.sha256[:12]}"))
    return examples


def _text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


def heldout_examples(framework_id: str = MANIFEST_FRAMEWORK) -> list[Example]:
    return [Example(read_text(d), "", labels_in(d, framework_id), 1.0, f"real:{d.id}")
            for d in load_manifest(split="heldout")]


def _stable(value: object) -> object:
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
    config = json.dumps(_stable([build_features(), LOGISTIC_PARAMS]), sort_keys=True, default=repr)
    digest = hashlib.sha256(f"{catalog.id}:{catalog.framework.catalog_version}:{config}".encode())
    for ex in examples:
        digest.update(json.dumps([ex.text, ex.path, sorted(ex.indicators), ex.weight]).encode())
    return digest.hexdigest()


def _new_classifier() -> OneVsRestClassifier:
    base = LogisticRegression(**LOGISTIC_PARAMS).set_fit_request(sample_weight=True)
    return OneVsRestClassifier(base, n_jobs=2)


def _fit(examples: Sequence[Example], label_ids: list[int]):
    features = build_features()
    matrix = features.fit_transform([compose(e.text, e.path) for e in examples])
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


def _scores(model: TrainedModel, catalog: Catalog, examples: Sequence[Example]) -> np.ndarray:
    rules = KeywordRules(catalog)
    probs = model.probabilities(model.transform([compose(e.text, e.path) for e in examples]))
    return np.vstack(
        [combine(probs[i], model.label_ids, rule_hits(e.text, e.path, catalog, rules)) for i, e in enumerate(examples)]
    )


def tune_thresholds(oof: np.ndarray, golds: Sequence[frozenset[int]], label_ids: list[int]) -> dict[int, float]:
    thresholds: dict[int, float] = {}
    for j, label in enumerate(label_ids):
        truth = np.array([label in g for g in golds])
        if truth.sum() < MIN_POSITIVES_TO_TUNE:
            thresholds[label] = DEFAULT_THRESHOLD
            continue
        best, best_f1 = DEFAULT_THRESHOLD, -1.0
        for t in THRESHOLD_GRID:
            pred = oof[:, j] >= t
            tp = float((pred & truth).sum())
            f1 = 2 * tp / (pred.sum() + truth.sum()) if pred.sum() + truth.sum() else 0.0
            if f1 >= best_f1:  # ties go to the higher threshold: fewer confident wrong labels
                best, best_f1 = float(t), f1
        thresholds[label] = best
    return thresholds


def _report(scores: np.ndarray, golds: Sequence[frozenset[int]], label_ids: list[int], thresholds) -> EvaluationReport:
    predictions, all_scores = [], []
    for row in scores:
        order = np.argsort(-row)
        suggested = tuple(label_ids[i] for i in decide(row, label_ids, thresholds, DEFAULT_THRESHOLD))
        predictions.append(Prediction(suggested, tuple((label_ids[i], float(row[i])) for i in order[:5])))
        all_scores.append({label_ids[i]: float(row[i]) for i in range(len(label_ids))})
    return evaluate([set(g) for g in golds], predictions, label_ids, all_scores)


def cross_validate(examples: Sequence[Example], catalog: Catalog, folds: int, seed: int, progress: Progress):
    label_ids = catalog.indicator_ids()
    oof = np.zeros((len(examples), len(label_ids)))
    splitter = KFold(n_splits=folds, shuffle=True, random_state=seed)
    for k, (train_idx, test_idx) in enumerate(splitter.split(np.arange(len(examples))), start=1):
        progress(f"validasi silang: lipatan {k}/{folds}")
        features, clf = _fit([examples[i] for i in train_idx], label_ids)
        fold_model = TrainedModel(catalog.id, "cv", features, clf, label_ids, {})
        oof[test_idx] = _scores(fold_model, catalog, [examples[i] for i in test_idx])
    return oof


def library_versions() -> dict[str, str]:
    libs = ("scikit-learn", "numpy", "scipy", "skops", "pdfplumber", "python-docx")
    return {"python": platform.python_version(), **{lib: pkg_version(lib) for lib in libs}}


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
    ``examples`` skips rebuilding them when the caller already did (to compare data hashes first)."""
    progress("menyusun korpus latih")
    examples = list(examples) if examples is not None else build_training_examples(
        catalog, seed=seed, corpus_size=corpus_size, confirmed=confirmed)
    golds = [e.indicators for e in examples]
    label_ids = catalog.indicator_ids()
    oof = cross_validate(examples, catalog, folds, seed, progress)
    thresholds = tune_thresholds(oof, golds, label_ids)
    cv_report = _report(oof, golds, label_ids, thresholds)
    progress("melatih model akhir")
    features, clf = _fit(examples, label_ids)
    digest = data_hash(examples, catalog)
    version = f"{datetime.now(UTC):%Y%m%d}-{digest[:10]}"
    model = TrainedModel(catalog.id, version, features, clf, label_ids, thresholds)
    progress("mengukur pada dokumen nyata yang disisihkan (held-out)")
    heldout = heldout_examples(catalog.id)
    heldout_report = _report(_scores(model, catalog, heldout), [e.indicators for e in heldout], label_ids, thresholds)
    model.card = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "catalog_version": catalog.framework.catalog_version,
        "data_sha256": digest,
        "seed": seed,
        "corpus_size": corpus_size or "default",
        "training": {
            "documents": len(examples),
            "generated": sum(e.source.startswith("generated") for e in examples),
            "real": sorted(e.source for e in examples if e.source.startswith("real")),
            "reviewed": sum(e.source.startswith("review") for e in examples),
            "unrelated": sum(not e.indicators for e in examples),
        },
        "libraries": library_versions(),
        "metrics": {
            "heldout_real": {
                **heldout_report.to_dict(), "document_ids": sorted(e.source for e in heldout),
                "labels": "as labelled" if catalog.id == MANIFEST_FRAMEWORK
                else f"mapped from {MANIFEST_FRAMEWORK} labels through the bundled crosswalk",
            },
            "cross_validated_training_corpus": {"folds": folds, **cv_report.to_dict()},
        },
    }
    return model, examples


@dataclass(frozen=True)
class PromotionDecision:
    promote: bool
    reason: str


def promotion_decision(new_card: dict, current_card: dict | None) -> PromotionDecision:
    """A new version replaces the current one only if no held-out metric got worse (beyond a tolerance).

    Both are measured on the same held-out documents (their ids are in the cards); if the sets differ
    the comparison would be meaningless, so the new version is refused and the reason says why.
    """
    if current_card is None:
        return PromotionDecision(True, "no current model")
    new = new_card.get("metrics", {}).get("heldout_real", {})
    old = current_card.get("metrics", {}).get("heldout_real", {})
    if not old:
        return PromotionDecision(True, "current model has no held-out metrics")
    if new.get("document_ids") != old.get("document_ids"):
        return PromotionDecision(False, "held-out documents differ from the current model's; compare by hand")
    worse = []
    for name, direction in PROMOTION_METRICS:
        if name in new and name in old and (new[name] - old[name]) * direction < -PROMOTION_TOLERANCE:
            worse.append(f"{name} {old[name]:.3f} -> {new[name]:.3f}")
    if worse:
        return PromotionDecision(False, "worse on held-out documents: " + ", ".join(worse))
    gains = ", ".join(f"{name} {old.get(name, 0):.3f} -> {new.get(name, 0):.3f}" for name, _ in PROMOTION_METRICS)
    return PromotionDecision(True, f"not worse on held-out documents ({gains})")


def evaluate_classifier(classifier: IndicatorClassifier, docs: Sequence[tuple[str, str, frozenset[int]]]):
    """Scores documents with a fixed model (for ``spbe evaluate`` and held-out checks)."""
    model = classifier.model
    examples = [Example(t, p, g, 1.0, "eval") for t, p, g in docs]
    return _report(_scores(model, classifier.catalog, examples), [e.indicators for e in examples], model.label_ids, model.thresholds)
