"""Loads the promoted model of a framework and wraps it with its catalog, for every adapter."""

from __future__ import annotations

from pathlib import Path

from classifier.artifact import load_current
from classifier.predict import IndicatorClassifier
from evidence.catalog import Catalog


def load_classifier(catalog: Catalog, models_dir: Path) -> IndicatorClassifier:
    return IndicatorClassifier(load_current(models_dir, catalog.id), catalog)
