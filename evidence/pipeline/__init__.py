"""The life of a file: ingest (store + record) -> claim -> process (extract + classify) -> record -> finish.

Claims and leases (``claim``, ``lease``) make every step safe to deliver twice; the reconciler
(``reconcile``) finds work the queue lost.

The same functions run in-process (CLI, embedded service) and inside RQ jobs (worker), so there is one
implementation of each step whatever delivers the work.
"""

from evidence.pipeline.finish import finish_batch
from evidence.pipeline.ingest import (
    IngestResult,
    create_batch,
    ingest_items,
    ingest_source,
    ingest_stored_batch,
    receive_upload,
)
from evidence.pipeline.process import DocumentClassifier, run_document
from evidence.pipeline.results import batch_documents

__all__ = [
    "DocumentClassifier",
    "IngestResult",
    "batch_documents",
    "create_batch",
    "finish_batch",
    "ingest_items",
    "ingest_source",
    "ingest_stored_batch",
    "receive_upload",
    "run_document",
]
