"""Where the model decides: model probabilities + catalog rules -> suggestions with reasons.

A pure function of (text, path): no database, no files. "No suggestion" is a valid answer: indicators
are suggested only above their own threshold, and candidates are reported separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from scipy import sparse

from classifier.cues import CatalogPhrases, document_cues
from classifier.maturity import MaturityHint, maturity_hint
from classifier.metadata import DocumentMetadata, extract_metadata
from classifier.model import TrainedModel, canonical_ranks
from classifier.rerank import CatalogText, CompanionScores, Reranker, pair_features
from classifier.rules import KeywordRules, RuleHit, path_rule
from classifier.spans import PageLike, index_sentences, spans_in
from classifier.text import compose, head_of
from evidence.catalog import Catalog
from evidence.domain import CANDIDATES_SHOWN, Suggestion


def decide(scores: np.ndarray, label_ids: list[int], thresholds: dict[int, float], default: float = 0.5,
           gate: float = 0.0) -> list[int]:
    """Indices of the suggested indicators, best first: each must reach its own threshold, and the
    document's best score must reach the gate (``classifier.validation.GATE_QUANTILE`` says why).

    A "dominant best indicator" rule (suggest the top one when it clearly beats the rest) was tried and
    rejected: on cross-validated training scores it raised false positives on unrelated documents from
    0.3% to 3-23% depending on its floor, for no gain in micro-F1.
    """
    if not len(scores) or float(scores.max()) < gate:
        return []
    return [int(i) for i in np.argsort(-scores) if scores[i] >= thresholds.get(label_ids[i], default)]


@dataclass
class Classification:
    doc_type: str | None
    suggestions: list[Suggestion] = field(default_factory=list)  # above threshold, best first
    candidates: list[Suggestion] = field(default_factory=list)  # top 5 whatever the threshold
    model_version: str = ""
    framework: str = ""
    # Added by issue 3 (all optional, so older callers and stand-ins keep working):
    metadata: DocumentMetadata | None = None  # type, number, year, enacted date, issuer, region, draft
    maturity: dict[int, MaturityHint] = field(default_factory=dict)  # per suggested/candidate indicator
    evidence: dict[int, list[dict]] = field(default_factory=dict)  # per suggestion: [{page, sentence, term}]


def combine(probabilities: np.ndarray, label_ids: list[int], hits: list[RuleHit]) -> np.ndarray:
    """Treat each rule as independent evidence: 1 - (1 - p) * prod(1 - strength)."""
    index = {label: i for i, label in enumerate(label_ids)}
    miss = 1.0 - probabilities.astype(float)
    for hit in hits:
        i = index.get(hit.indicator_id)
        if i is not None:
            miss[i] *= 1.0 - hit.strength
    return 1.0 - miss


def rule_hits(text: str, path: str, catalog: Catalog, keyword_rules: KeywordRules) -> list[RuleHit]:
    return [*path_rule(path, catalog), *keyword_rules.hits(head_of(text))]


def composed(text: str, path: str, phrases: CatalogPhrases) -> str:
    """The model's input for one document: the same at training and prediction time."""
    return compose(text, path, document_cues(text, phrases))


class FirstStage(NamedTuple):
    inputs: list[str]  # composed model inputs
    matrix: sparse.csr_matrix  # their features
    probabilities: np.ndarray
    hits: list[list[RuleHit]]
    scores: np.ndarray  # probabilities combined with the rule hits


class IndicatorClassifier:
    """A model with its catalog; ``companion`` is the older framework's classifier when the model's second
    stage reads its first-stage scores (``classifier.rerank.Companion``)."""

    def __init__(self, model: TrainedModel, catalog: Catalog, companion: IndicatorClassifier | None = None) -> None:
        if model.framework != catalog.id:
            raise ValueError(f"model is for {model.framework}, catalog is {catalog.id}")
        self.model = model
        self.catalog = catalog
        self.keyword_rules = KeywordRules(catalog)
        self.phrases = CatalogPhrases(catalog)
        self.reranker = Reranker.from_card(model.card.get("reranker"))
        self.catalog_text = CatalogText(catalog) if self.reranker else None
        link = self.reranker.companion if self.reranker else None
        if link is not None and (companion is None or companion.catalog.id != link.framework):
            raise ValueError(f"model {model.version} of {model.framework} needs the model of {link.framework} beside it")
        self.companion = companion if link is not None else None
        self._last_batch: tuple[tuple[tuple[str, str], ...], FirstStage] | None = None

    def threshold(self, indicator_id: int) -> float:
        return self.model.thresholds.get(indicator_id, 0.5)

    def classify(self, text: str, path: str = "", pages: Sequence[PageLike] | None = None) -> Classification:
        """``pages`` (``ExtractionResult.pages``) is optional: with it, quoted sentences carry page numbers."""
        return self.classify_many([(text, path)], [pages])[0]

    def classify_many(self, docs: list[tuple[str, str]],
                      pages: Sequence[Sequence[PageLike] | None] | None = None) -> list[Classification]:
        if not docs:
            return []
        inputs, matrix, probs, hits, first = self._first_stage(docs)
        scores = self.final_scores(first, inputs, docs)
        page_lists = list(pages) if pages is not None else [None] * len(docs)
        return [self._explain(text, path, probs[i], scores[i], hits[i], matrix[i], page_lists[i])
                for i, (text, path) in enumerate(docs)]

    def _first_stage(self, docs: Sequence[tuple[str, str]]) -> FirstStage:
        """The first stage of a batch. The last batch's is kept: a framework that reads this one as its
        companion asks for the same batch right after (or before) this framework classified it, and cues,
        TF-IDF and probabilities are most of a document's classification time."""
        key = tuple(docs)
        last = self._last_batch
        if last is not None and last[0] == key:
            return last[1]
        inputs = [composed(text, path, self.phrases) for text, path in docs]
        matrix = self.model.transform(inputs)
        probs = self.model.probabilities(matrix)
        hits = [rule_hits(text, path, self.catalog, self.keyword_rules) for text, path in docs]
        first = np.vstack([combine(p, self.model.label_ids, h) for p, h in zip(probs, hits, strict=True)])
        result = FirstStage(inputs, matrix, probs, hits, first)
        self._last_batch = (key, result)  # one assignment: a thread reading it sees the old or the new pair
        return result

    def first_stage_scores(self, docs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(documents, indicators): the model's probabilities combined with the catalog rules."""
        return self._first_stage(docs).scores

    def final_scores(self, first_stage: np.ndarray, inputs: Sequence[str], docs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The second stage's relevance when the model has one (``classifier.rerank``), else the first stage's.
        ``docs`` (text, path) are read again only by a companion."""
        if self.reranker is None:
            return first_stage
        companion = None
        if self.companion is not None and self.reranker.companion is not None:
            companion = CompanionScores(self.reranker.companion, self.companion.first_stage_scores(docs),
                                        self.companion.model.label_ids)
        return self.reranker.relevance(pair_features(first_stage, inputs, self.catalog, self.catalog_text, companion))

    def _explain(self, text: str, path: str, probs: np.ndarray, scores: np.ndarray, hits: list[RuleHit], row,
                 pages: Sequence[PageLike] | None = None) -> Classification:
        labels = self.model.label_ids
        index = index_sentences(pages if pages else text)
        metadata = extract_metadata(text, path)
        evidence: dict[int, list[dict]] = {}
        order = np.argsort(-scores, kind="stable")
        canonical = self.catalog.canonical_ids()
        ranks = canonical_ranks([labels[i] for i in order], canonical)
        is_candidate = self.model.candidate_rule.candidates(scores, labels, canonical)
        candidates = [
            Suggestion(labels[i], round(float(scores[i]), 4), (), False, candidate=labels[i] in is_candidate)
            for i in order if ranks[labels[i]] < CANDIDATES_SHOWN
        ]
        suggestions: list[Suggestion] = []
        for i in decide(scores, labels, self.model.thresholds, gate=self.model.document_gate):
            label = labels[i]
            reasons = [h.reason for h in hits if h.indicator_id == label]
            terms = self.model.top_terms(row, i)
            if terms:
                listed = ", ".join(f"'{t}'" for t, _ in terms)
                reason = f"model (p={probs[i]:.2f}): istilah berbobot {listed}"
                spans = spans_in(index, [t for t, _ in terms], max_spans=3)
                evidence[label] = spans
                if spans:
                    page = f" (hlm. {spans[0]['page']})" if spans[0]["page"] is not None else ""
                    reason += f"; kalimat{page}: \"{spans[0]['sentence']}\""
                reasons.append(reason)
            suggestions.append(Suggestion(label, round(float(scores[i]), 4), tuple(reasons), True,
                                          candidate=label in is_candidate))
        maturity = {
            s.indicator_id: maturity_hint(self.catalog.indicator(s.indicator_id), metadata, text,
                                          scale_levels=self._scale_levels(s.indicator_id))
            for s in [*suggestions, *candidates]
        }
        return Classification(
            doc_type=metadata.doc_kind,
            suggestions=suggestions,
            candidates=candidates,
            model_version=self.model.version,
            framework=self.model.framework,
            metadata=metadata,
            maturity=maturity,
            evidence=evidence,
        )

    def _scale_levels(self, indicator_id: int) -> dict[int, str]:
        scale = self.catalog.maturity_scales.get(self.catalog.indicator(indicator_id).maturity_scale)
        return dict(scale.levels) if scale else {}
