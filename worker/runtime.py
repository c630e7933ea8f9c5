"""The process's runtime (``evidence.runtime.Runtime``), built once: what the CLI, the API and the jobs use.

The jobs of ``worker.jobs`` and the promoted models (``classifier.shelf``) are handed to the runtime here,
so the shared core delivers and classifies without naming either.
"""

from __future__ import annotations

import threading

from classifier.shelf import ModelShelf
from evidence.catalog import Catalogs
from evidence.queue import JobTable
from evidence.runtime import Runtime
from evidence.settings import Settings, get_settings

_current: Runtime | None = None
_lock = threading.Lock()


def job_table() -> JobTable:
    """The job functions of ``worker.jobs``. They run on this runtime, so the table is read when a runtime
    is built rather than when this module loads: the import stays one-way while modules load."""
    from worker.jobs import JOBS

    return JOBS


def model_shelf(settings: Settings, catalogs: Catalogs) -> ModelShelf:
    return ModelShelf(settings.models_dir, settings.frameworks, catalogs)


def build_runtime(settings: Settings) -> Runtime:
    """A runtime of its own for ``settings`` (the process's one is ``runtime()``)."""
    return Runtime(settings, jobs=job_table(), classifiers=model_shelf)


def runtime(settings: Settings | None = None) -> Runtime:
    """The process's runtime for ``settings`` (default: the environment's), built on first use and rebuilt
    when the settings object changes (tests switch data dirs)."""
    global _current
    settings = settings or get_settings()
    with _lock:
        if _current is None or _current.settings is not settings:
            _current = build_runtime(settings)
        return _current
