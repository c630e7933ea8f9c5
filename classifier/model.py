"""The trained model as one object: feature pipeline, one-vs-rest classifier, labels and thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy import sparse
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion

DEFAULT_CANDIDATE_FLOOR = 0.05
CANDIDATE_RANKS = 3  # only a document's first three indicators can make an indicator "perlu dicek"


def canonical_ranks(ordered: Sequence[int], canonical: dict[int, int]) -> dict[int, int]:
    """Rank of each indicator, best first, counting interchangeable ones (the three sector slots) as one place."""
    places: dict[int, int] = {}
    ranks = {}
    for label in ordered:
        key = canonical.get(label, label)
        places.setdefault(key, len(places))
        ranks[label] = places[key]
    return ranks


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
    def candidate_floor(self) -> float:
        """Lowest score at which a top-ranked indicator is still worth a reviewer's look ("perlu dicek").

        Chosen at training time on real out-of-fold scores and kept in the card; older cards lack it.
        """
        return float(self.card.get("candidate_floor", DEFAULT_CANDIDATE_FLOOR))

    @property
    def document_gate(self) -> float:
        """The best score a document needs before anything is suggested (0 for cards without one)."""
        return float(self.card.get("document_gate", 0.0))

    def transform(self, composed: list[str]) -> sparse.csr_matrix:
        return self.features.transform(composed)

    def probabilities(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """Shape (n_docs, n_labels), columns in ``label_ids`` order."""
        return self.classifier.predict_proba(matrix)

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
