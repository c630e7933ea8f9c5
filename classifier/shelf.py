"""The promoted models of a process, loaded once per version: what the runtime hands the pipeline.

A worker handles thousands of jobs; loading a model per job would dominate the cost of small files. A
retrain or rollback moves a framework's CURRENT pointer, and the next request for it loads the new version.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from classifier.artifact import current_version, frameworks_with_models
from classifier.loading import load_classifier
from classifier.predict import IndicatorClassifier
from evidence.catalog import Catalogs

log = logging.getLogger(__name__)


class ModelShelf:
    """Classifiers by framework for the enabled ``frameworks``, from ``models_dir``."""

    def __init__(self, models_dir: Path, frameworks: Sequence[str], catalogs: Catalogs) -> None:
        self.models_dir = models_dir
        self.frameworks = list(frameworks)
        self.catalogs = catalogs
        self._loaded: dict[tuple[str, str | None], IndicatorClassifier] = {}
        self._warned: set[str] = set()
        self._lock = threading.RLock()  # a model may load its companion through get()

    def get(self, framework: str) -> IndicatorClassifier:
        """The framework's promoted model; raises ``classifier.artifact.ArtifactError`` when it has none."""
        key = (framework, current_version(self.models_dir, framework))
        with self._lock:
            if key not in self._loaded:
                loaded = load_classifier(self.catalogs.catalog(framework), self.models_dir, self.get)
                self._loaded = {k: v for k, v in self._loaded.items() if k[0] != framework}
                self._loaded[key] = loaded
            return self._loaded[key]

    def enabled(self) -> list[str]:
        """The enabled frameworks that have a promoted model; one without is logged once, not fatal."""
        ready = frameworks_with_models(self.models_dir, self.frameworks)
        for missing in set(self.frameworks) - set(ready) - self._warned:
            self._warned.add(missing)
            log.warning("framework %s is enabled but has no trained model; run 'spbe train --framework %s'",
                        missing, missing)
        return ready
