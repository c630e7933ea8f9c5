"""Reads for the service (and any adapter that shows data to a person), always on behalf of a viewer.

Why every function takes the viewer: an OPD user may only see its own OPD's documents and batches. The
restriction is a ``WHERE`` clause added to the SQL here (``scope_documents``/``scope_batches``), never a
filter applied after loading, so a forgotten check cannot leak rows and counts/pagination stay right.
Roles other than admin and reviewer are scoped (fail closed); an OPD user without an OPD sees nothing.

One module per kind of read: ``scope`` (the viewer's restriction, pagination), ``documents``, ``batches``
and ``queue`` (the review queue and its priority).
"""

from evidence.queries.batches import (
    DOCUMENT_STATUSES,
    BatchProgress,
    BatchSummary,
    batch_progress,
    document_status_counts,
    get_batch,
    list_batches,
)
from evidence.queries.documents import (
    EXCERPT_CHARS,
    DocumentDetail,
    DocumentFilters,
    confirmed_elsewhere,
    document_detail,
    document_types,
    documents_per_opd,
    get_document,
    list_documents,
    reviews_by_document,
    text_excerpt,
)
from evidence.queries.queue import (
    LOW_SCORE,
    QUEUE_STATES,
    SCORE_BANDS,
    QueueFilters,
    QueueItem,
    needs_check_pairs,
    queue_progress,
    report_inputs,
    review_priority,
    review_queue,
)
from evidence.queries.scope import (
    HIDDEN_DUPLICATE_ERROR,
    UNSCOPED_ROLES,
    Page,
    Viewer,
    hidden_duplicate_origins,
    is_scoped,
    paginate,
    scope_batches,
    scope_documents,
    visible_error,
)

__all__ = [
    "DOCUMENT_STATUSES",
    "EXCERPT_CHARS",
    "HIDDEN_DUPLICATE_ERROR",
    "LOW_SCORE",
    "QUEUE_STATES",
    "SCORE_BANDS",
    "UNSCOPED_ROLES",
    "BatchProgress",
    "BatchSummary",
    "DocumentDetail",
    "DocumentFilters",
    "Page",
    "QueueFilters",
    "QueueItem",
    "Viewer",
    "batch_progress",
    "confirmed_elsewhere",
    "document_detail",
    "document_status_counts",
    "document_types",
    "documents_per_opd",
    "get_batch",
    "get_document",
    "hidden_duplicate_origins",
    "is_scoped",
    "list_batches",
    "list_documents",
    "needs_check_pairs",
    "paginate",
    "queue_progress",
    "report_inputs",
    "review_priority",
    "review_queue",
    "reviews_by_document",
    "scope_batches",
    "scope_documents",
    "text_excerpt",
    "visible_error",
]
