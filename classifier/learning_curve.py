"""How the real-document figures move with the number of real training documents.

Why: the accuracy targets are out of reach with the 122 real documents, and the question the team must answer
is how many more to label. The same grouped cross-validation as the headline is run again with each fold's
training real documents cut to a share of the groups, drawn at random; every real document is still judged,
so the points differ only in what was learnt. Slow (a full validation per point): a tool for the team, run
by ``spbe evaluate --real --learning-curve``, never part of training.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from classifier.corpus.real import load_manifest
from classifier.examples import Example
from classifier.train import CompanionInput, ModelInputs, Progress, prepare_companion, validate_on_real
from evidence.catalog import Catalog

CURVE_SHARES = (0.5, 0.75)
CURVE_METRICS = ("micro_f1", "micro_precision", "micro_recall", "top3_recall", "false_positive_rate_unrelated")


@dataclass(frozen=True)
class CurvePoint:
    share: float  # of the real documents' groups that may train
    draw: int
    training_documents: int  # real documents that may train (each fold's model learns from those outside it)
    figures: dict[str, float]


def kept_groups(groups: Sequence[str], share: float, draw: int) -> list[bool]:
    """One flag per document: its group is among ``share`` of the groups, drawn with seed ``draw``."""
    names = sorted(set(groups))
    chosen = set(np.random.default_rng(draw).permutation(names)[: round(share * len(names))])
    return [g in chosen for g in groups]


def learning_curve(catalog: Catalog, examples: Sequence[Example], companion: CompanionInput | None = None, *,
                   shares: Sequence[float] = CURVE_SHARES, draws: int = 2,
                   progress: Progress = lambda _m: None) -> list[CurvePoint]:
    """Points for each share (and draws of it), then one with every real document (the headline)."""
    by_id = {d.id: d for d in load_manifest()}
    groups = [by_id[e.source.removeprefix("real:")].group for e in examples if e.source.startswith("real:")]
    inputs = ModelInputs(catalog)
    plan = [(share, draw) for share in shares for draw in range(1, draws + 1)] + [(1.0, 0)]
    points = []
    for n, (share, draw) in enumerate(plan, start=1):
        keep = kept_groups(groups, share, draw) if share < 1 else [True] * len(groups)

        def step(message: str, n: int = n) -> None:
            progress(f"titik {n} dari {len(plan)}: {message}")

        metrics = validate_on_real(catalog, examples, inputs, step, prepare_companion(companion, step, keep),
                                   keep).metrics
        points.append(CurvePoint(share, draw, sum(keep), {name: metrics[name] for name in CURVE_METRICS}))
    return points
