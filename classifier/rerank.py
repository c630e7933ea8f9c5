"""The second stage: one small model, shared by every indicator, that judges each (document, indicator) pair.

Why: the first stage learns one classifier per indicator, and most indicators have one to five real
examples, so its scores for them are noisy and need one threshold each. A reader judges a pair the same way
whatever the indicator: is it the document's best indicator and by how much, does the title use the
catalog's words for it, does the title page or the body resemble the catalog's description of it, is the
document about anything electronic at all. Those questions are the features here; being the same for every
indicator, they are learnt from every real positive at once (about 190 pairs, not 1-5), and the output is
one relevance scale on which one shared threshold works.

The features come from the first stage's scores and the composed model input (``classifier.text.compose``),
so training and prediction compute them the same way from the same strings. The model is a standardised
logistic regression stored as plain numbers in the model card: nothing is unpickled.

A framework that succeeds another (Pemdi 2026 after SPBE 2020) also asks the older framework's first stage
(its *companion*): how strongly does the document read as evidence for any SPBE 2020 indicator, and for the
ones the crosswalk says feed this indicator? The older catalog has 47 narrow indicators where the newer has
20 broad ones ("Aplikasi Pemdi" covers every application), so its scores tell evidence from look-alikes
better: on the real documents this cut the unrelated ones given a Pemdi suggestion from 0.27 to 0.09.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from classifier.metadata import KIND_TO_TYPE
from classifier.model import canonical_ranks
from classifier.text import FIELD_SEP, normalise
from evidence.catalog import Catalog

RERANK_VERSION = 1  # part of the training configuration hash: a change of features makes a new model version
RERANK_C = 1.0
_KINDS = tuple(KIND_TO_TYPE)  # the document kinds of classifier.metadata
FEATURE_NAMES = (
    "logit", "score", "score/best", "score-best", "1/(1+rank)", "rank=1", "rank<=3",
    "catalog words in title", "catalog words on title page", "catalog words in body",
    "title ~ catalog text", "title page ~ catalog text", "body ~ catalog text",
    "1/(1+title sim rank)", "1/(1+title page sim rank)", "1/(1+body sim rank)",
    "title sim/best", "title page sim/best", "best score of document",
    "electronic words in title", "electronic words on title page", "no electronic word on title page",
    *(f"kind={k}" for k in _KINDS),
)
COMPANION_FEATURE_NAMES = ("companion best score", "companion best predecessor score",
                           "companion best predecessor logit")


class CatalogText:
    """TF-IDF over each indicator's own words (name, description, evidence list, keywords): how much a
    document zone resembles what the catalog says the indicator's evidence is."""

    def __init__(self, catalog: Catalog) -> None:
        self.label_ids = catalog.indicator_ids()
        texts = []
        for label in self.label_ids:
            ind = catalog.indicator(label)
            keywords = " ".join(ind.keywords)
            texts.append(normalise(" ".join([ind.name, ind.short_name or "", ind.description or "",
                                             " ".join(ind.evidence), keywords, keywords])))
        self._vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True,
                                           token_pattern=r"(?u)\b[a-z][a-z]+\b")
        self._indicators = self._vectorizer.fit_transform(texts)

    def similarity(self, zones: Sequence[str]) -> np.ndarray:
        """(len(zones), indicators) cosine similarities; zones are normalised already."""
        return (self._vectorizer.transform(zones) @ self._indicators.T).toarray()


def _inverse_ranks(matrix: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.argsort(np.argsort(-matrix, axis=1, kind="stable"), axis=1))


def _ratio(matrix: np.ndarray) -> np.ndarray:
    best = matrix.max(axis=1, keepdims=True)
    return np.divide(matrix, best, out=np.zeros_like(matrix), where=best > 0)


def _logit(values: np.ndarray) -> np.ndarray:
    clipped = np.clip(values, 1e-6, 1 - 1e-6)
    return np.log(clipped / (1 - clipped))


@dataclass(frozen=True)
class Companion:
    """The older framework whose first stage the second stage reads, and which of its indicators feed each
    of ours (fixed from the crosswalk at training, so a Pemda's own crosswalk cannot change the features)."""

    framework: str
    predecessors: dict[int, tuple[int, ...]]
    # The training input of the companion models the second stage learnt from: a current companion model
    # with another one was not what this model was validated with (``classifier.loading`` warns).
    data_sha256: str = ""

    def features(self, scores: np.ndarray, companion_labels: Sequence[int], labels: Sequence[int]) -> np.ndarray:
        """(documents, indicators, 3) from the companion's first-stage ``scores`` of the same documents."""
        column = {label: j for j, label in enumerate(companion_labels)}
        out = np.zeros((scores.shape[0], len(labels), len(COMPANION_FEATURE_NAMES)))
        out[:, :, 0] = scores.max(axis=1, keepdims=True) if scores.size else 0.0
        for j, label in enumerate(labels):
            fed_by = [column[p] for p in self.predecessors.get(label, ()) if p in column]
            if fed_by:
                out[:, j, 1] = scores[:, fed_by].max(axis=1)
        out[:, :, 2] = _logit(out[:, :, 1])
        return out

    def to_card(self) -> dict:
        return {"framework": self.framework, "predecessors": {str(k): list(v) for k, v in self.predecessors.items()},
                "data_sha256": self.data_sha256}

    @classmethod
    def from_card(cls, data: dict | None) -> Companion | None:
        if not data:
            return None
        return cls(str(data["framework"]), {int(k): tuple(map(int, v)) for k, v in data["predecessors"].items()},
                   str(data.get("data_sha256", "")))


@dataclass(frozen=True)
class CompanionScores:
    """The companion's first-stage scores of the documents being judged, with its indicator order."""

    companion: Companion
    scores: np.ndarray
    label_ids: Sequence[int]


def pair_features(scores: np.ndarray, composed: Sequence[str], catalog: Catalog,
                  catalog_text: CatalogText | None = None, companion: CompanionScores | None = None) -> np.ndarray:
    """(documents, indicators, features) for first-stage ``scores`` and the composed inputs of the documents;
    with ``companion``, its three features come last."""
    catalog_text = catalog_text or CatalogText(catalog)
    labels = catalog.indicator_ids()
    canonical = catalog.canonical_ids()
    n, n_labels = scores.shape
    parts = [c.split(FIELD_SEP) for c in composed]
    cues = [Counter(p[3].split()) if len(p) > 3 else Counter() for p in parts]
    titles = [" ".join(t.removeprefix("judul:") for t in c if t.startswith("judul:")) for c in cues]
    sims = [catalog_text.similarity(zone) for zone in
            (titles, [normalise(p[1]) if len(p) > 1 else "" for p in parts],
             [normalise(p[2]) if len(p) > 2 else "" for p in parts])]
    best = scores.max(axis=1, keepdims=True)
    ranks = np.array([[r[label] for label in labels] for r in
                      (canonical_ranks([labels[j] for j in np.argsort(-row, kind="stable")], canonical)
                       for row in scores)], dtype=float).reshape(n, n_labels)
    per_pair = [
        _logit(scores), scores, _ratio(scores), scores - best, 1 / (1 + ranks),
        (ranks == 0).astype(float), (ranks < 3).astype(float),
        *(np.log1p(np.array([[c[f"katalog-{zone}:{label}"] for label in labels] for c in cues], dtype=float))
          .reshape(n, n_labels) for zone in ("judul", "kepala", "isi")),
        *sims, *(_inverse_ranks(s) for s in sims), _ratio(sims[0]), _ratio(sims[1]),
    ]
    per_document = [
        best.ravel(),
        np.log1p([c["digital-judul"] for c in cues]), np.log1p([c["digital-kepala"] for c in cues]),
        np.array([float(c["digital-kepala:tidak"] > 0) for c in cues]),
        *(np.array([float(c[f"jenis:{kind}"] > 0) for c in cues]) for kind in _KINDS),
    ]
    stacked = [*per_pair, *(np.repeat(np.asarray(v, dtype=float).reshape(n, 1), n_labels, axis=1)
                            for v in per_document)]
    features = np.stack(stacked, axis=2)
    if companion is None:
        return features
    extra = companion.companion.features(companion.scores, companion.label_ids, labels)
    return np.concatenate([features, extra], axis=2)


@dataclass(frozen=True)
class Reranker:
    """A standardised logistic regression over ``FEATURE_NAMES``, kept as plain numbers."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    companion: Companion | None = None

    @staticmethod
    def feature_names(companion: Companion | None) -> list[str]:
        return [*FEATURE_NAMES, *(COMPANION_FEATURE_NAMES if companion else ())]

    def relevance(self, features: np.ndarray) -> np.ndarray:
        """(documents, indicators) probabilities that the document is evidence for the indicator."""
        z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
        return 1.0 / (1.0 + np.exp(-(z @ np.asarray(self.coef) + self.intercept)))

    def to_card(self) -> dict:
        card = {"version": RERANK_VERSION, "features": self.feature_names(self.companion), "mean": list(self.mean),
                "scale": list(self.scale), "coef": list(self.coef), "intercept": self.intercept}
        if self.companion:
            card["companion"] = self.companion.to_card()
        return card

    @classmethod
    def from_card(cls, data: dict | None) -> Reranker | None:
        """None for cards without a second stage, or with features this code does not compute."""
        if not data:
            return None
        companion = Companion.from_card(data.get("companion"))
        if data.get("features") != cls.feature_names(companion):
            return None
        return cls(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]), float(data["intercept"]),
                   companion)


def fit_reranker(features: np.ndarray, truth: np.ndarray, companion: Companion | None = None) -> Reranker:
    """``truth``: (documents, indicators) booleans, the real labels of the documents ``features`` describe."""
    x = features.reshape(-1, features.shape[2])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=RERANK_C, max_iter=2000).fit((x - scaler.mean_) / scale, truth.ravel())
    return Reranker(tuple(map(float, scaler.mean_)), tuple(map(float, scale)), tuple(map(float, model.coef_[0])),
                    float(model.intercept_[0]), companion)
