"""Delivery of work to workers: RQ on Redis when configured, an in-process thread otherwise.

The database is the record of every file's state; the queue only delivers. Anything lost from the queue
is found again by the reconciler (``evidence.queue.reconcile``).
"""

from evidence.queue.dispatch import Dispatcher, get_dispatcher

__all__ = ["Dispatcher", "get_dispatcher"]
