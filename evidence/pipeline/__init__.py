"""The path of a file through the product: ingest (store + record) -> process (extract + classify).

The same functions run in-process (CLI, embedded service) and inside RQ jobs (worker), so there is one
implementation of each step whatever delivers the work.
"""

from evidence.pipeline.ingest import IngestResult, ingest_source
from evidence.pipeline.process import DocumentClassifier, process_document
from evidence.pipeline.results import batch_documents

__all__ = ["DocumentClassifier", "IngestResult", "batch_documents", "ingest_source", "process_document"]
