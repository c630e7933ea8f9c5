"""Classification of extracted documents in batches, in this process or in a pool of processes.

One model call per framework for a batch of documents instead of one per document, and on a multi-core
machine several batches at once: classification costs more CPU than reading a born-digital PDF, so a scan
that only parallelised extraction would still run at one core's pace. Every entry point (``spbe scan``,
``spbe classify``, the workers) classifies through ``classify_batch``: the same text gives the same
suggestions whichever path it took.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from evidence.extraction import ExtractionResult
from evidence.states import FailureCode, failure

# What a batch returns per document: [(framework, classification), ...] or the error that stopped it.
Classified = list[tuple[str, Any]] | str


def classify_batch(
    items: Sequence[tuple[ExtractionResult, str]], classifiers: Mapping[str, Any], frameworks: Sequence[str]
) -> list[Classified]:
    """Classify every ``ok`` result in each framework; other results get an empty list.

    A batch that fails is retried document by document, so one bad text fails only itself.
    """
    readable = [i for i, (result, _) in enumerate(items) if result.status == "ok"]
    said: list[Classified] = [[] for _ in items]
    try:
        per_framework = {fw: _classify_many(classifiers[fw], [items[i] for i in readable]) for fw in frameworks}
    except Exception:
        for i in readable:
            said[i] = _single(items[i], classifiers, frameworks)
        return said
    for position, i in enumerate(readable):
        said[i] = [(fw, per_framework[fw][position]) for fw in frameworks]
    return said


def _single(item: tuple[ExtractionResult, str], classifiers: Mapping[str, Any], frameworks: Sequence[str]) -> Classified:
    try:
        return [(fw, _classify_many(classifiers[fw], [item])[0]) for fw in frameworks]
    except Exception as exc:  # one bad file must not stop the batch
        return failure(FailureCode.CLASSIFIER_ERROR, f"{type(exc).__name__}: {exc}")


def _classify_many(classifier: Any, items: Sequence[tuple[ExtractionResult, str]]) -> list[Any]:
    if not items:
        return []
    many = getattr(classifier, "classify_many", None)
    if many is None:  # a stand-in with only ``classify`` (tests)
        return [classifier.classify(result.text, path, pages=result.pages) for result, path in items]
    return many([(result.text, path) for result, path in items], [result.pages for result, _ in items])


_pool_classifiers: Mapping[str, Any] = {}


def _init_worker(classifiers: Mapping[str, Any]) -> None:
    global _pool_classifiers
    _pool_classifiers = classifiers


def _pool_batch(items: Sequence[tuple[ExtractionResult, str]], frameworks: Sequence[str]) -> list[Classified]:
    return classify_batch(items, _pool_classifiers, frameworks)


class Classifiers:
    """Batches classified in ``workers`` forked processes (the models are shared copy-on-write), or in
    this process when ``workers`` is 1. ``submit`` returns a future either way."""

    def __init__(self, classifiers: Mapping[str, Any], workers: int) -> None:
        self.classifiers = dict(classifiers)
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_init_worker, initargs=(self.classifiers,))
            self.pool.submit(int).result()  # fork the processes now, before extraction children and threads

    def submit(self, items: Sequence[tuple[ExtractionResult, str]], frameworks: Sequence[str]) -> Future[list[Classified]]:
        if self.pool is None:
            future: Future[list[Classified]] = Future()
            future.set_result(classify_batch(items, self.classifiers, frameworks))
            return future
        return self.pool.submit(_pool_batch, list(items), list(frameworks))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Classifiers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
