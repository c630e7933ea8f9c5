"""Per-process resources for jobs: database, blob store, catalogs and classifiers, built once.

A worker handles thousands of jobs; loading the model or opening an engine per job would dominate the
cost of small files.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from classifier.artifact import current_version, frameworks_with_models
from classifier.loading import load_classifier
from classifier.predict import IndicatorClassifier
from evidence.catalog import load_catalog
from evidence.db import Database, open_database
from evidence.extraction.policy import ExtractionPolicy
from evidence.queue import Dispatcher, JobTable, get_dispatcher
from evidence.settings import Settings, get_settings
from evidence.storage import BlobStore


@dataclass
class Runtime:
    settings: Settings
    db: Database
    store: BlobStore
    dispatcher: Dispatcher
    extraction_policy: ExtractionPolicy
    _classifiers: dict[tuple[str, str | None], IndicatorClassifier] = field(default_factory=dict)
    _warned: set[str] = field(default_factory=set)

    def classifier(self, framework: str) -> IndicatorClassifier:
        """Loaded once per promoted version: a retrain or rollback takes effect on the next job."""
        key = (framework, current_version(self.settings.models_dir, framework))
        if key not in self._classifiers:
            self._classifiers = {k: v for k, v in self._classifiers.items() if k[0] != framework}
            self._classifiers[key] = load_classifier(load_catalog(framework), self.settings.models_dir)
        return self._classifiers[key]

    def enabled_frameworks(self) -> list[str]:
        """The enabled frameworks that have a promoted model; one without is logged once, not fatal."""
        ready = frameworks_with_models(self.settings.models_dir, self.settings.frameworks)
        for missing in set(self.settings.frameworks) - set(ready) - self._warned:
            self._warned.add(missing)
            log.warning("framework %s is enabled but has no trained model; run 'spbe train --framework %s'",
                        missing, missing)
        return ready

log = logging.getLogger(__name__)
_current: Runtime | None = None
_lock = threading.Lock()


def runtime() -> Runtime:
    """The process's runtime, rebuilt when the settings object changes (tests switch data dirs)."""
    global _current
    settings = get_settings()
    with _lock:
        if _current is None or _current.settings is not settings:
            _current = _build(settings)
        return _current


def job_table() -> JobTable:
    """The job functions of ``worker.jobs``. They run on this runtime, so the table is read when a runtime
    is built rather than when this module loads: the import stays one-way while modules load."""
    from worker.jobs import JOBS

    return JOBS


def _build(settings: Settings) -> Runtime:
    return Runtime(
        settings,
        open_database(settings.resolved_database_url()),
        BlobStore(settings.resolved_storage_dir()),
        get_dispatcher(settings, job_table()),
        ExtractionPolicy.from_settings(settings),
    )
