"""Dispatchers: how a batch's work reaches the workers that run it.

The job functions live in ``worker/``; whoever starts a process hands their table (``JobTable``) to the
dispatcher, so this package never names them. ``RqDispatcher`` enqueues them on Redis (RQ records each
function's import path, and the worker process imports it); the ``InlineDispatcher`` runs the very same
functions on one background thread of this process, so the service works on a laptop with SQLite and no
Redis.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from evidence.queue.probe import JobProbe, RedisJobProbe, job_id
from evidence.settings import Settings

log = logging.getLogger(__name__)

# Training the classifier: generating the corpus, cross-validation and the final fit take minutes.
RETRAIN_TIMEOUT_SECONDS = 3600
QUEUE_NAME = "default"
# Scans wait here, so that a batch's cheap files are not stuck behind minutes of OCR per page.
OCR_QUEUE_NAME = "ocr"


@dataclass(frozen=True)
class JobTable:
    """The job functions a dispatcher delivers, each importable at module level (RQ runs them by path)."""

    ingest: Callable[[int], Any]  # batch id: unpack a stored upload into documents
    process: Callable[[int], Any]  # document id: text layer + classification, scans handed to OCR
    finish: Callable[[int], Any]  # batch id: fan-in, the batch is done once nothing waits
    ocr: Callable[[int], Any]  # document id: OCR, then classification
    retrain: Callable[[str], Any]  # framework id


class Dispatcher(Protocol):
    mode: str

    def submit_batch(self, batch_id: int) -> None: ...

    def submit_documents(self, batch_id: int, document_ids: Sequence[int], *, at_front: bool = False) -> None: ...

    def submit_ocr(self, batch_id: int, document_id: int) -> None: ...

    def submit_retrain(self, framework: str) -> str | None: ...

    def ping(self) -> bool: ...

    def probe(self, claim_grace_seconds: float) -> JobProbe | None:
        """Which targets still have a job on its way; None when the queue cannot say (in-process)."""
        ...


class InlineDispatcher:
    """One daemon thread, FIFO. Jobs run in-process; their failures are logged, the state is in the DB."""

    mode = "inline"

    def __init__(self, jobs: JobTable) -> None:
        self.table = jobs
        self._jobs: queue.Queue[tuple[Callable[..., Any], tuple[Any, ...]]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="spbe-inline-worker", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            job, args = self._jobs.get()
            try:
                job(*args)
            except Exception:
                log.exception("inline job %s%s failed", getattr(job, "__name__", job), args)
            finally:
                self._jobs.task_done()

    def _put(self, job: Callable[..., Any], *args: Any) -> None:
        self._ensure_thread()
        self._jobs.put((job, args))

    def submit_batch(self, batch_id: int) -> None:
        self._put(self.table.ingest, batch_id)

    def submit_documents(self, batch_id: int, document_ids: Sequence[int], *, at_front: bool = False) -> None:
        for document_id in document_ids:
            self._put(self.table.process, document_id)
        self._put(self.table.finish, batch_id)

    def submit_ocr(self, batch_id: int, document_id: int) -> None:
        self._put(self.table.ocr, document_id)
        self._put(self.table.finish, batch_id)

    def submit_retrain(self, framework: str) -> str | None:
        self._put(self.table.retrain, framework)
        return None

    def ping(self) -> bool:
        return True

    def probe(self, claim_grace_seconds: float) -> JobProbe | None:
        return None  # the thread's queue dies with the process: nothing to ask

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """For tests and the CLI: block until every queued job has run (or the timeout passes)."""
        done = threading.Event()

        def waiter() -> None:
            self._jobs.join()
            done.set()

        threading.Thread(target=waiter, daemon=True).start()
        return done.wait(timeout)


class RqDispatcher:
    """Jobs on Redis through RQ; retries with backoff for transient errors, a hard timeout per job."""

    mode = "rq"

    def __init__(self, redis_url: str, jobs: JobTable, *, job_timeout: int, retries: int,
                 ocr_job_timeout: int | None = None) -> None:
        from redis import Redis
        from rq import Queue

        self.table = jobs
        self.redis = Redis.from_url(redis_url)
        self.queue = Queue(QUEUE_NAME, connection=self.redis)
        self.ocr_queue = Queue(OCR_QUEUE_NAME, connection=self.redis)
        self.job_timeout = job_timeout
        self.ocr_job_timeout = ocr_job_timeout or job_timeout
        self.retries = retries

    def _retry(self):
        from rq import Retry

        # Short: a job that raised met a transient fault (database restart); the reconciler covers the rest.
        return Retry(max=self.retries, interval=[2, 5, 15][: self.retries] or [2])

    def submit_batch(self, batch_id: int) -> None:
        self.queue.enqueue(self.table.ingest, batch_id, job_timeout=self.job_timeout, retry=self._retry(),
                           job_id=job_id("ingest", batch_id), description=f"ingest batch {batch_id}")

    def submit_documents(self, batch_id: int, document_ids: Sequence[int], *, at_front: bool = False) -> None:
        """``at_front``: re-deliveries go before new work, so a crash does not send a file to the back."""
        from rq import Queue

        jobs = [
            Queue.prepare_data(self.table.process, (document_id,), timeout=self.job_timeout, retry=self._retry(),
                               job_id=job_id("doc", document_id), at_front=at_front,
                               description=f"process document {document_id}")
            for document_id in document_ids
        ]
        if jobs:  # each file job finishes its batch when it ends the last file (the fan-in)
            self.queue.enqueue_many(jobs)
        else:  # nothing to process (every file a copy or refused): finish now
            self.queue.enqueue(self.table.finish, batch_id, job_timeout=self.job_timeout,
                               job_id=job_id("finish", batch_id), description=f"finish batch {batch_id}")

    def submit_ocr(self, batch_id: int, document_id: int) -> None:
        self.ocr_queue.enqueue(self.table.ocr, document_id, job_timeout=self.ocr_job_timeout, retry=self._retry(),
                               job_id=job_id("ocr", document_id), description=f"ocr document {document_id}")

    def submit_retrain(self, framework: str) -> str | None:
        job = self.queue.enqueue(self.table.retrain, framework, job_timeout=RETRAIN_TIMEOUT_SECONDS,
                                 description=f"retrain {framework}")
        return job.id

    def ping(self) -> bool:
        try:
            return bool(self.redis.ping())
        except Exception:
            return False

    def probe(self, claim_grace_seconds: float) -> JobProbe | None:
        """What the reconciler and readiness ask: which targets still have a job on its way."""
        return RedisJobProbe(self.redis, (QUEUE_NAME, OCR_QUEUE_NAME), claim_grace_seconds=claim_grace_seconds)


_inline: InlineDispatcher | None = None


def get_dispatcher(settings: Settings, jobs: JobTable) -> Dispatcher:
    """RQ when ``SPBE_REDIS_URL`` is set; otherwise the process's one inline thread (shared by every
    runtime of the process, so the API and its in-process worker see the same queue)."""
    global _inline
    if settings.redis_url:
        # The OCR job outlives its child process's hard limit, so a slow scan ends as a result, not a kill.
        return RqDispatcher(settings.redis_url, jobs, job_timeout=settings.job_timeout_seconds,
                            retries=settings.job_retries, ocr_job_timeout=settings.ocr_timeout_seconds + 120)
    if _inline is None or _inline.table != jobs:
        _inline = InlineDispatcher(jobs)
    return _inline
