"""Job functions enqueued by name (``worker.jobs.<name>``); the same functions run in-process in embedded mode."""

from __future__ import annotations

from evidence.db.models import Batch
from evidence.pipeline import process_document
from worker.runtime import runtime


def process_document_job(document_id: int) -> str:
    """Extract and classify one stored document; returns its final status."""
    rt = runtime()
    with rt.db.session() as session:
        framework = session.get(Batch, _batch_id(session, document_id)).framework_id
        doc = process_document(
            session, rt.store, document_id, rt.classifier(framework),
            min_chars_per_page=rt.settings.min_chars_per_page, max_pages=rt.settings.max_pdf_pages,
        )
        return doc.status


def _batch_id(session, document_id: int) -> int:
    from evidence.db.models import Document

    doc = session.get(Document, document_id)
    if doc is None:
        raise LookupError(f"document {document_id} does not exist")
    return doc.batch_id
