"""Loads the promoted model of a framework and wraps it with its catalog, for every adapter."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from classifier.artifact import load_current
from classifier.predict import IndicatorClassifier
from classifier.rerank import Reranker
from evidence.catalog import Catalog, load_catalog

log = logging.getLogger(__name__)


def load_classifier(catalog: Catalog, models_dir: Path,
                    companion: Callable[[str], IndicatorClassifier] | None = None) -> IndicatorClassifier:
    """``companion`` gives the classifier of another framework when this model's second stage reads it
    (a process that holds both shares one copy); without it, that model is loaded here too."""
    model = load_current(models_dir, catalog.id)
    reranker = Reranker.from_card(model.card.get("reranker"))
    link = reranker.companion if reranker else None
    if link is None:
        return IndicatorClassifier(model, catalog)
    other = companion(link.framework) if companion else load_classifier(load_catalog(link.framework), models_dir)
    if link.data_sha256 and other.model.card.get("data_sha256") != link.data_sha256:
        log.warning("%s model %s was validated beside another %s model than the current %s; its figures may not "
                    "hold until it is retrained: spbe train --framework %s", catalog.id, model.version,
                    link.framework, other.model.version, catalog.id)
    return IndicatorClassifier(model, catalog, other)
