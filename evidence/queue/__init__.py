"""Delivery of work to workers: RQ on Redis when configured, an in-process thread otherwise.

The database is the record of every file's state; the queue only delivers. Anything lost from the queue
is found again by the reconciler (``evidence.pipeline.reconcile``). The job functions come from
whoever starts the process (``worker/``), as a ``JobTable``.
"""

from evidence.queue.dispatch import Dispatcher, JobTable, get_dispatcher

__all__ = ["Dispatcher", "JobTable", "get_dispatcher"]
