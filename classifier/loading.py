"""Loads the promoted model of a framework and wraps it with its catalog, for every adapter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from classifier.artifact import load_current
from classifier.predict import IndicatorClassifier
from classifier.rerank import companion_framework
from evidence.catalog import Catalog, load_catalog


def load_classifier(catalog: Catalog, models_dir: Path,
                    companion: Callable[[str], IndicatorClassifier] | None = None) -> IndicatorClassifier:
    """``companion`` gives the classifier of another framework when this model's second stage reads it
    (a process that holds both shares one copy); without it, that model is loaded here too."""
    model = load_current(models_dir, catalog.id)
    needed = companion_framework(model.card)
    other = None
    if needed:
        other = companion(needed) if companion else load_classifier(load_catalog(needed), models_dir)
    return IndicatorClassifier(model, catalog, other)
