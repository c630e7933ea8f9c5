"""One runtime context per process: settings, database, blob store, catalogs, OPD directory, classifiers,
extraction policy and the dispatcher that delivers work.

Why one object: the CLI, the API and the worker must agree on where the database, the stored originals,
the catalogs and the models are; building them once per process from one ``Settings`` and handing the
result along keeps them from drifting apart, and lets every core function take what it needs as an
argument instead of reading global settings. Each resource is opened on first use, so a command that needs
no database (``spbe classify``) opens none.

The job functions (``worker/``) and the models (``classifier/``) sit above this package; whoever builds the
runtime hands them in (``jobs``, ``classifiers``), so the core never imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Protocol

from evidence.catalog import Catalogs
from evidence.db import Database, open_database
from evidence.extraction.policy import ExtractionPolicy
from evidence.intake import IntakeLimits
from evidence.opd import OpdDirectory, load_opd_directory
from evidence.pipeline.process import DocumentClassifier
from evidence.queue import Dispatcher, JobTable, get_dispatcher
from evidence.settings import Settings
from evidence.storage import BlobStore


class ClassifierSource(Protocol):
    """The models a process classifies with (``classifier.shelf.ModelShelf``)."""

    def get(self, framework: str) -> DocumentClassifier: ...

    def enabled(self) -> list[str]: ...


class Runtime:
    """The process's resources, built from ``settings``; see the module docstring."""

    def __init__(self, settings: Settings, *, jobs: JobTable,
                 classifiers: Callable[[Settings, Catalogs], ClassifierSource]) -> None:
        self.settings = settings
        self.jobs = jobs
        self._classifier_source = classifiers

    @cached_property
    def db(self) -> Database:
        return open_database(self.settings.resolved_database_url())

    @cached_property
    def store(self) -> BlobStore:
        return BlobStore(self.settings.resolved_storage_dir())

    @cached_property
    def catalogs(self) -> Catalogs:
        return Catalogs.from_settings(self.settings)

    @cached_property
    def opd_directory(self) -> OpdDirectory:
        return load_opd_directory(self.settings.opd_path)

    @cached_property
    def classifiers(self) -> ClassifierSource:
        return self._classifier_source(self.settings, self.catalogs)

    @cached_property
    def dispatcher(self) -> Dispatcher:
        return get_dispatcher(self.settings, self.jobs)

    @cached_property
    def extraction_policy(self) -> ExtractionPolicy:
        return ExtractionPolicy.from_settings(self.settings)

    @cached_property
    def intake_limits(self) -> IntakeLimits:
        return IntakeLimits.from_settings(self.settings)

    def classifier(self, framework: str) -> DocumentClassifier:
        return self.classifiers.get(framework)

    def enabled_frameworks(self) -> list[str]:
        return self.classifiers.enabled()

    def close(self) -> None:
        """Dispose of the database connections (a forking worker must not share them with its children)."""
        if "db" in self.__dict__:
            self.db.engine.dispose()
