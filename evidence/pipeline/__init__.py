"""The path of a file through the product: ingest (store + record) -> process (extract + classify).

The same functions run in-process (CLI, embedded service) and inside RQ jobs (worker), so there is one
implementation of each step whatever delivers the work.
"""

from evidence.pipeline.ingest import (
    IngestResult,
    create_batch,
    ingest_items,
    ingest_source,
    ingest_stored_batch,
    receive_upload,
)
from evidence.pipeline.process import DocumentClassifier, finish_batch, run_document
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
