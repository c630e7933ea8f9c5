"""Ask Redis which documents and batches still have a job on its way, instead of waiting a fixed time.

Why: the reconciler used to treat a queued, never-claimed document as lost only after
``requeue_after_seconds`` (10 minutes), because the database cannot tell a job waiting in Redis from a job
that Redis lost. Job ids now carry what they work on (``spbe-doc-<id>-<nonce>``), so one pipelined read of
the queue lists and registries tells which documents still have a job in flight. The read touches only
ids (no job hashes), so reconciling every few seconds stays cheap even with thousands of waiting jobs.

A job counts as *live* when it waits in a queue (or RQ's intermediate list between pop and start), waits
for a retry (scheduled) or for a dependency (deferred), or was started less than ``claim_grace`` ago
(a worker that took it claims it in the database within milliseconds). A job started longer ago whose
document has no live lease belongs to a worker that died. Failed and finished jobs are not live.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from evidence.db.models import utcnow

JOB_PREFIX = "spbe"
DOCUMENT_KINDS = ("doc", "ocr")
BATCH_KINDS = ("ingest",)


def job_id(kind: str, target_id: int) -> str:
    """A fresh RQ job id naming its target; the nonce keeps a re-delivery distinct from the lost job."""
    return f"{JOB_PREFIX}-{kind}-{target_id}-{uuid.uuid4().hex[:12]}"


def parse_job_id(value: str) -> tuple[str, int] | None:
    """``("doc", 42)`` for ``spbe-doc-42-<nonce>``; None for any other id (finish jobs, foreign jobs)."""
    parts = value.split("-")
    if len(parts) != 4 or parts[0] != JOB_PREFIX or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2])


@dataclass
class LiveJobs:
    """Targets with a job still on its way (see the module docstring for what counts)."""

    documents: set[int] = field(default_factory=set)
    batches: set[int] = field(default_factory=set)
    waiting: int = 0  # jobs waiting in the queues (for health)
    oldest_waiting_seconds: float | None = None  # age of the oldest waiting job (for health)

    def add(self, raw_id: str) -> None:
        parsed = parse_job_id(raw_id)
        if parsed is None:
            return
        kind, target = parsed
        if kind in DOCUMENT_KINDS:
            self.documents.add(target)
        elif kind in BATCH_KINDS:
            self.batches.add(target)


class JobProbe(Protocol):
    """Which targets still have a job on its way (``RedisJobProbe``; tests pass stand-ins)."""

    def snapshot(self) -> LiveJobs: ...


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisJobProbe:
    """Reads RQ's lists and sorted sets directly (no cleanup side effects, no job hash per waiting job)."""

    def __init__(self, redis: Any, queue_names: tuple[str, ...], *, claim_grace_seconds: float) -> None:
        from rq import Queue
        from rq.registry import DeferredJobRegistry, ScheduledJobRegistry, StartedJobRegistry

        self.redis = redis
        self.claim_grace = timedelta(seconds=claim_grace_seconds)
        self._lists: list[str] = []
        self._sets: list[str] = []
        self._started: list[str] = []
        for name in queue_names:
            queue = Queue(name, connection=redis)
            self._lists += [queue.key, queue.intermediate_queue_key]
            self._sets += [ScheduledJobRegistry(queue=queue).key, DeferredJobRegistry(queue=queue).key]
            self._started.append(StartedJobRegistry(queue=queue).key)

    def snapshot(self, now: datetime | None = None) -> LiveJobs:
        """One round trip for the ids, one more only when jobs are running. Raises when Redis is down."""
        now = now or utcnow()
        live = LiveJobs()
        with self.redis.pipeline(transaction=False) as pipe:
            for key in self._lists:
                pipe.lrange(key, 0, -1)
            for key in self._sets + self._started:
                pipe.zrange(key, 0, -1)
            replies = pipe.execute()
        n_lists, n_sets = len(self._lists), len(self._sets)
        waiting_ids: list[str] = []
        for reply in replies[:n_lists]:
            waiting_ids += [_text(v) for v in reply]
        for raw in waiting_ids:
            live.add(raw)
        for reply in replies[n_lists:n_lists + n_sets]:
            for value in reply:
                live.add(_text(value))
        started = [_text(v).split(":", 1)[0] for reply in replies[n_lists + n_sets:] for v in reply]
        self._add_recently_started(live, started, now)
        live.waiting = len(waiting_ids)
        live.oldest_waiting_seconds = self._oldest_age(waiting_ids, now)
        return live

    def _add_recently_started(self, live: LiveJobs, job_ids: list[str], now: datetime) -> None:
        from rq.job import Job
        from rq.utils import utcparse

        ours = [j for j in job_ids if parse_job_id(j) is not None]
        if not ours:
            return
        with self.redis.pipeline(transaction=False) as pipe:
            for job in ours:
                pipe.hget(Job.key_for(job), "started_at")
            stamps = pipe.execute()
        for job, stamp in zip(ours, stamps, strict=True):
            if stamp and now - utcparse(_text(stamp)) <= self.claim_grace:
                live.add(job)

    def _oldest_age(self, waiting_ids: list[str], now: datetime) -> float | None:
        """Age of the oldest waiting job: the first entry of each list is the oldest enqueued."""
        from rq.job import Job
        from rq.utils import utcparse

        if not waiting_ids:
            return None
        firsts = [self.redis.lindex(key, 0) for key in self._lists]  # RQ pushes right, pops left
        ages: list[float] = []
        for first in firsts:
            if first is None:
                continue
            stamp = self.redis.hget(Job.key_for(_text(first)), "enqueued_at")
            if stamp:
                ages.append((now - utcparse(_text(stamp))).total_seconds())
        return max(ages) if ages else None
