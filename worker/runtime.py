"""Per-process resources for jobs: database, blob store, catalogs and classifiers, built once.

A worker handles thousands of jobs; loading the model or opening an engine per job would dominate the
cost of small files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from classifier.loading import load_classifier
from classifier.predict import IndicatorClassifier
from evidence.catalog import load_catalog
from evidence.db import Database, open_database
from evidence.settings import Settings, get_settings
from evidence.storage import BlobStore


@dataclass
class Runtime:
    settings: Settings
    db: Database
    store: BlobStore
    _classifiers: dict[str, IndicatorClassifier] = field(default_factory=dict)

    def classifier(self, framework: str) -> IndicatorClassifier:
        if framework not in self._classifiers:
            self._classifiers[framework] = load_classifier(load_catalog(framework), self.settings.models_dir)
        return self._classifiers[framework]


@lru_cache(maxsize=1)
def runtime() -> Runtime:
    settings = get_settings()
    return Runtime(settings, open_database(settings.resolved_database_url()), BlobStore(settings.resolved_storage_dir()))
