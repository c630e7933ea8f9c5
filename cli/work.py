"""``spbe worker``, ``spbe reconcile``, ``spbe check``: running and checking the queue of work."""

from __future__ import annotations

import json
import time

import typer

from cli.common import console, context, fail


def worker(
    burst: bool = typer.Option(False, help="Exit when the queue is empty (tests, batch runs)."),
    name: str | None = typer.Option(None, help="Worker name (default: RQ's host.pid)."),
    max_jobs: int | None = typer.Option(None, "--max-jobs", help="Exit after this many jobs."),
    queues: list[str] = typer.Option(
        ["default", "ocr"], "--queue", "-q",
        help="Queues in priority order; e.g. `--queue ocr` for a worker that only does OCR.",
    ),
    fork_per_job: bool = typer.Option(
        False, "--fork-per-job",
        help="Run each job in a forked work horse (RQ's default; ~0.15 s more per file).",
    ),
) -> None:
    """Start an RQ worker on SPBE_REDIS_URL; run several, on several machines, to share the work.

    By default jobs run in the worker process itself (RQ's SimpleWorker): the untrusted part of a job, the
    parsing of the file, already runs in a child with time and memory limits (``evidence.extraction.
    isolated``), and forking a process that holds both models for every file, with a new database
    connection each time, cost more than the classification itself. A worker killed mid-job loses only its
    lease: the reconciler hands the file on, as it does for a killed work horse."""
    rt = context()
    settings = rt.settings
    if not settings.redis_url:
        fail("SPBE_REDIS_URL belum diatur: worker membutuhkan Redis (tanpa Redis, pekerjaan berjalan di dalam proses).")
    from rq import Queue, SimpleWorker, Worker

    from evidence.queue.dispatch import OCR_QUEUE_NAME, QUEUE_NAME, RqDispatcher

    unknown = set(queues) - {QUEUE_NAME, OCR_QUEUE_NAME}
    if unknown:
        fail(f"antrean tidak dikenal: {', '.join(sorted(unknown))} (pilih {QUEUE_NAME} atau {OCR_QUEUE_NAME})")

    rt = context()
    for framework in dict.fromkeys([settings.framework, *rt.enabled_frameworks()]):
        rt.classifier(framework)  # load every model once, before taking (or forking for) any job
    rt.close()  # no database connection may be shared with forked children
    dispatcher = rt.dispatcher
    if not isinstance(dispatcher, RqDispatcher):
        fail("SPBE_REDIS_URL belum diatur: worker membutuhkan Redis (tanpa Redis, pekerjaan berjalan di dalam proses).")
        return
    listened = [Queue(name, connection=dispatcher.redis) for name in queues]
    worker_class = Worker if fork_per_job else SimpleWorker
    worker_class(listened, connection=dispatcher.redis, name=name).work(
        burst=burst, with_scheduler=not burst, max_jobs=max_jobs
    )


def reconcile(
    every: float | None = typer.Option(
        None, help="Seconds between passes (default SPBE_RECONCILE_EVERY_SECONDS, 5); 0: one pass and exit."),
    stale_after: int | None = typer.Option(
        None, help="Without Redis: seconds before a queued, unclaimed file counts as lost."),
) -> None:
    """Re-deliver work that the queue lost; mark files failed after too many attempts.

    A failed pass (database restarting, Redis down) is logged and tried again at the next tick: the
    reconciler is what heals those outages, so it must outlive them."""
    import logging

    from evidence.pipeline.reconcile import reconcile_pass

    log = logging.getLogger("spbe.reconcile")
    interval = context().settings.reconcile_every_seconds if every is None else every
    while True:
        try:
            rt = context()
            summary = reconcile_pass(rt.db, rt.settings, rt.dispatcher, stale_after_seconds=stale_after)
            if any(summary.values()) or interval <= 0:
                console.print(json.dumps(summary))
        except Exception as exc:
            if interval <= 0:
                raise
            log.warning("reconcile pass failed, retrying in %ss: %s", interval, exc)
        if interval <= 0:
            return
        time.sleep(interval)


def check() -> None:
    """Re-hash stored originals against the database; list missing, corrupt and orphan files."""
    from evidence.integrity import check_store

    rt = context()
    report = check_store(rt.db, rt.store)
    console.print(json.dumps({"checked": report.checked, "missing": report.missing, "corrupt": report.corrupt,
                              "orphans": report.orphans}, indent=2))
    if not report.ok:
        raise typer.Exit(1)
