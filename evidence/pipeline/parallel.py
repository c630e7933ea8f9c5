"""Many files through extraction at once, each in its own limited child process.

The serial path forks one child per file and waits for it, so a two-core machine reads one PDF at a time
and the parent sits idle. Here up to ``workers`` children run side by side (one file each, the same time
and memory limits and process-group kill as ``extract_isolated``), and a file whose pages lack a text
layer goes straight on to OCR in a second child with the OCR limits. A hostile file still costs only its
own child: a timeout or crash becomes that file's ``failed`` result and the others carry on.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar, cast

from evidence.extraction import ExtractionResult
from evidence.extraction.isolated import IsolatedRun
from evidence.extraction.policy import ExtractionPolicy

K = TypeVar("K")
# Longest sleep while children run: deadlines are checked at least this often.
_POLL_SECONDS = 0.5


@dataclass
class Job(Generic[K]):
    key: K
    filename: str
    data: bytes
    ocr_now: bool = False  # OCR at once (the cheap pass already ran elsewhere)
    allow_ocr: bool = True  # False: return the cheap result even when OCR could add text (hand-off)


class ParallelExtractor:
    """``run(jobs)`` yields ``(key, result)`` as files finish, in completion order."""

    def __init__(self, policy: ExtractionPolicy, workers: int) -> None:
        self.policy = policy
        self.workers = max(1, workers)

    def run(self, jobs: Iterable[Job[K]], tick: Callable[[], None] | None = None) -> Iterator[tuple[K, ExtractionResult]]:
        """``tick`` is called at least every half second while children run (lease renewal)."""
        pending = iter(jobs)
        follow_ups: deque[Job[K]] = deque()  # OCR of files whose cheap pass found scanned pages
        running: dict[Connection, tuple[Job[K], IsolatedRun]] = {}
        exhausted = False
        try:
            while True:
                while len(running) < self.workers:
                    job = follow_ups.popleft() if follow_ups else None
                    if job is None and not exhausted:
                        job = next(pending, None)
                        exhausted = job is None
                    if job is None:
                        break
                    started = self.policy.start(job.data, job.filename, ocr=job.ocr_now)
                    if isinstance(started, ExtractionResult):  # not isolated: already done
                        yield from self._done(job, started, follow_ups)
                    else:
                        running[started.receiver] = (job, started)
                if not running:
                    if exhausted and not follow_ups:
                        return
                    continue
                now = time.monotonic()
                timeout = min(min(run.deadline for _, run in running.values()) - now, _POLL_SECONDS)
                for receiver in wait(list(running), timeout=max(timeout, 0.0)):
                    job, run = running.pop(cast(Connection, receiver))
                    yield from self._done(job, run.collect(), follow_ups)
                now = time.monotonic()
                for receiver in [r for r, (_, run) in running.items() if run.expired(now)]:
                    job, run = running.pop(receiver)
                    yield from self._done(job, run.kill(), follow_ups)
                if tick is not None:
                    tick()
        finally:
            for _, run in running.values():  # the caller stopped early: no child outlives the scan
                run.kill()

    def _done(self, job: Job[K], result: ExtractionResult, follow_ups: deque[Job[K]]) -> Iterator[tuple[K, ExtractionResult]]:
        if not job.ocr_now and job.allow_ocr and self.policy.wants_ocr(result):
            follow_ups.append(Job(job.key, job.filename, job.data, ocr_now=True))
            return
        yield job.key, result
