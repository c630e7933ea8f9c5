"""The trained model as one object: feature pipeline, one-vs-rest classifier, labels and thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy import sparse
from scipy.special import expit
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion

DEFAULT_CANDIDATE_FLOOR = 0.05
# How many of a document's best indicators may make an indicator "perlu dicek", for cards that do not say:
# a card chooses its own (``classifier.validation.choose_candidate_ranks``).
DEFAULT_CANDIDATE_RANKS = 3


def canonical_ranks(ordered: Sequence[int], canonical: dict[int, int]) -> dict[int, int]:
    """Rank of each indicator, best first, counting interchangeable ones (the three sector slots) as one place."""
    places: dict[int, int] = {}
    ranks = {}
    for label in ordered:
        key = canonical.get(label, label)
        places.setdefault(key, len(places))
        ranks[label] = places[key]
    return ranks


@dataclass(frozen=True)
class CandidateRule:
    """When an indicator is a document's candidate ("perlu dicek" in a gap report): among its first ``ranks``
    indicators (interchangeable ones counted once) and scoring at least ``floor``."""

    ranks: int
    floor: float

    def candidates(self, scores: np.ndarray, label_ids: Sequence[int], canonical: dict[int, int]) -> set[int]:
        ranks = canonical_ranks([label_ids[j] for j in np.argsort(-scores, kind="stable")], canonical)
        return {label for j, label in enumerate(label_ids) if ranks[label] < self.ranks and scores[j] >= self.floor}


@dataclass
class TrainedModel:
    framework: str
    version: str
    features: FeatureUnion
    classifier: OneVsRestClassifier
    label_ids: list[int]
    thresholds: dict[int, float]
    card: dict = field(default_factory=dict)

    @property
    def candidate_rule(self) -> CandidateRule:
        """Which of a document's indicators are worth a reviewer's look ("perlu dicek") below the threshold.

        Chosen at training time on real out-of-fold scores and kept in the card; older cards lack the number
        of ranks (they keep the first three) or both.
        """
        return CandidateRule(int(self.card.get("candidate_ranks", DEFAULT_CANDIDATE_RANKS)),
                             float(self.card.get("candidate_floor", DEFAULT_CANDIDATE_FLOOR)))

    @property
    def document_gate(self) -> float:
        """The best score a document needs before anything is suggested (0 for cards without one)."""
        return float(self.card.get("document_gate", 0.0))

    def transform(self, composed: list[str]) -> sparse.csr_matrix:
        return self.features.transform(composed)

    def probabilities(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """Shape (n_docs, n_labels), columns in ``label_ids`` order: what ``classifier.predict_proba`` gives.

        One product with the stacked weights instead of one ``predict_proba`` per indicator: sklearn checks
        its input once per estimator, which cost more than the arithmetic (12 ms of a document's 60).
        """
        weights, intercepts, constants = self._linear
        probs = expit(np.asarray(matrix @ weights.T) + intercepts)
        for column, value in constants.items():
            probs[:, column] = value
        return probs

    @cached_property
    def _linear(self) -> tuple[np.ndarray, np.ndarray, dict[int, float]]:
        """Stacked (n_labels, n_features) weights and intercepts; a label seen with one class only during
        training has a constant estimator, whose probability is kept as it is."""
        n_features = len(self.feature_names)
        rows, intercepts, constants = [], [], {}
        for j, est in enumerate(self.classifier.estimators_):
            coef = getattr(est, "coef_", None)
            if coef is None:
                constants[j] = float(est.predict_proba(np.zeros((1, n_features)))[0, 1])
                rows.append(np.zeros(n_features, dtype=np.float32))
                intercepts.append(0.0)
            else:
                rows.append(np.asarray(coef).ravel())
                intercepts.append(float(np.asarray(est.intercept_).ravel()[0]))
        return np.vstack(rows), np.asarray(intercepts), constants

    @cached_property
    def feature_names(self) -> np.ndarray:
        return self.features.get_feature_names_out()

    @cached_property
    def _coefficients(self) -> np.ndarray:
        """Dense (n_labels, n_features) weights; constant estimators (label never seen) get zeros."""
        n_features = len(self.feature_names)
        rows = []
        for est in self.classifier.estimators_:
            coef = getattr(est, "coef_", None)
            rows.append(np.asarray(coef).ravel() if coef is not None else np.zeros(n_features))
        return np.vstack(rows)

    def top_terms(self, row: sparse.csr_matrix, label_index: int, k: int = 5) -> list[tuple[str, float]]:
        """The readable features that pushed this document towards the label the most."""
        row = row.tocsr()
        weights = self._coefficients[label_index, row.indices] * row.data
        order = np.argsort(-weights)
        out: list[tuple[str, float]] = []
        for i in order:
            if weights[i] <= 0 or len(out) >= k:
                break
            term = readable_term(str(self.feature_names[row.indices[i]]))
            if term is not None:
                out.append((term, float(weights[i])))
        return out


def readable_term(feature: str) -> str | None:
    """The words a feature stands for, or None for features a reviewer cannot find in the text (character
    n-grams, and the cue tokens for document kind, catalog phrases and digital vocabulary)."""
    block, name = feature.split("__", 1)
    if block == "head_chars":
        return None
    if block == "cues":
        return name.removeprefix("judul:") if name.startswith("judul:") else None
    return name
