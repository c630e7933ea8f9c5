"""Retraining as one decision shared by ``spbe train`` and the RQ retrain job.

Skip when nothing changed (same training data hash as the current version), train otherwise, and promote
the new version only when it is not worse on the held-out documents than the current one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from classifier.artifact import current_version, load_card, promote, save_model
from classifier.examples import build_training_examples
from classifier.promotion import promotion_decision
from classifier.train import Progress, companion_input, data_hash, train_model
from evidence.catalog import Catalog
from evidence.confirmed_labels import ConfirmedLabel

PromotePolicy = Literal["if-not-worse", "always", "never"]


@dataclass(frozen=True)
class RetrainResult:
    status: Literal["skipped", "promoted", "kept"]
    reason: str
    version: str | None = None
    current: str | None = None
    documents: int = 0
    reviewed: int = 0
    metrics: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"status": self.status, "reason": self.reason, "version": self.version, "current": self.current,
                "documents": self.documents, "reviewed": self.reviewed, "metrics": self.metrics}


def retrain(
    catalog: Catalog,
    models_dir: Path,
    *,
    confirmed: Sequence[ConfirmedLabel] = (),
    companion_confirmed: Sequence[ConfirmedLabel] = (),
    seed: int = 0,
    folds: int = 3,
    corpus_size: dict | None = None,
    force: bool = False,
    policy: PromotePolicy = "if-not-worse",
    progress: Progress = lambda _msg: None,
) -> RetrainResult:
    progress("menyusun korpus latih")
    examples = build_training_examples(catalog, seed=seed, corpus_size=corpus_size, confirmed=confirmed)
    reviewed = sum(e.source.startswith("review") for e in examples)
    current = current_version(models_dir, catalog.id)
    current_card = load_card(models_dir, catalog.id, current) if current else None
    # A framework that reads another's first stage is trained with that framework's current recipe.
    companion = companion_input(catalog, seed=seed, corpus_size=corpus_size, confirmed=companion_confirmed)
    digest = data_hash(examples, catalog, companion.link if companion else None)
    if not force and current_card is not None and current_card.get("data_sha256") == digest:
        return RetrainResult("skipped", "no confirmed label or training input changed since the current model",
                             current, current, len(examples), reviewed)
    model, _ = train_model(catalog, seed=seed, folds=folds, corpus_size=corpus_size, examples=examples,
                           companion=companion, progress=progress)
    save_model(model, models_dir)
    metrics = model.card["metrics"]
    decision = promotion_decision(model.card, current_card)
    if policy == "always" or (policy == "if-not-worse" and decision.promote):
        promote(models_dir, catalog.id, model.version)
        reason = decision.reason if policy == "if-not-worse" else f"promoted on request ({decision.reason})"
        return RetrainResult("promoted", reason, model.version, model.version, len(examples), reviewed, metrics)
    reason = decision.reason if policy == "if-not-worse" else "not promoted (--no-promote)"
    return RetrainResult("kept", reason, model.version, current, len(examples), reviewed, metrics)
