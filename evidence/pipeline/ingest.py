"""Ingest: every file of an archive or folder becomes a stored blob and a document row, or a recorded error.

Nothing is dropped: unsafe entries, junk and oversized members become rows with a reason. A file whose
SHA-256 was already processed in an earlier batch is not processed again: its results are linked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy.orm import Session

from evidence.catalog import Catalog
from evidence.db.contents import claim_content, copy_results
from evidence.db.frameworks import ensure_framework
from evidence.db.models import Batch, Document
from evidence.intake import IntakeItem, IntakeLimits, iter_intake
from evidence.opd import OpdDirectory, infer_opd
from evidence.states import (
    BATCH_TRANSITIONS,
    BatchState,
    DocumentState,
    FailureCode,
    advance,
    duplicate_reason,
    failure,
    state_for_failure,
)
from evidence.storage import BlobStore


@dataclass
class IngestResult:
    batch_id: int
    to_process: list[int] = field(default_factory=list)  # document ids still queued
    total: int = 0


def create_batch(session: Session, catalog: Catalog, *, source_name: str, archive_sha256: str | None = None,
                 opd_override: str | None = None, opd_scope: str | None = None,
                 created_by: str | None = None) -> Batch:
    ensure_framework(session, catalog)
    batch = Batch(framework_id=catalog.id, source_name=source_name,
                  archive_sha256=archive_sha256, opd_override=opd_override, opd_scope=opd_scope,
                  created_by=created_by, status=BatchState.RECEIVED)
    session.add(batch)
    session.flush()
    return batch


def ingest_items(session: Session, store: BlobStore, batch: Batch, items: Iterable[IntakeItem], *,
                 opd_directory: OpdDirectory) -> IngestResult:
    """Record every item of an intake in ``batch``; the caller commits, then hands ``to_process`` on."""
    result = IngestResult(batch_id=batch.id)
    seen: dict[str, Document] = {}
    override = batch.opd_override or batch.opd_scope
    for item in items:
        result.total += 1
        opd, opd_source = _opd_for(item.path, opd_directory, override)
        doc = Document(batch_id=batch.id, path=item.path, filename=PurePosixPath(item.path).name or item.path,
                       opd=opd, opd_source=opd_source, size_bytes=item.size, status=DocumentState.QUEUED)
        session.add(doc)
        if item.error is not None or item.data is None:
            doc.error = item.error or failure(FailureCode.FAILED, "no data")
            doc.status = state_for_failure(doc.error)
            continue
        digest = store.put(item.data)
        doc.sha256 = digest
        if digest in seen:
            doc.status = DocumentState.DUPLICATE
            doc.error = duplicate_reason(seen[digest].path)
            session.flush()
            doc.duplicate_of_id = seen[digest].id
            continue
        seen[digest] = doc
        session.flush()
        original = claim_content(session, digest, doc)
        if original is None:
            result.to_process.append(doc.id)
        elif original.status == DocumentState.QUEUED:
            doc.duplicate_of_id = original.id  # waits: gets the results when the original is done
        else:
            copy_results(session, original, doc)
    waiting = any(d.status == DocumentState.QUEUED for d in batch.documents)
    batch.status = advance(batch.status, BatchState.PROCESSING if result.to_process or waiting else BatchState.DONE,
                           BATCH_TRANSITIONS)
    session.flush()
    return result


def ingest_source(session: Session, store: BlobStore, source: Path, *, catalog: Catalog,
                  opd_directory: OpdDirectory, limits: IntakeLimits, opd_override: str | None = None,
                  created_by: str | None = None) -> IngestResult:
    """CLI path: an archive or folder on this machine, recorded as one batch."""
    source = Path(source)
    batch = create_batch(session, catalog, source_name=source.name, opd_override=opd_override, created_by=created_by,
                         archive_sha256=store.put_file(source) if source.is_file() else None)
    return ingest_items(session, store, batch, iter_intake(source, limits), opd_directory=opd_directory)


def ingest_stored_batch(
    session: Session, store: BlobStore, batch: Batch, *, opd_directory: OpdDirectory, limits: IntakeLimits
) -> IngestResult:
    """Service path: the upload was stored first (content-addressed); unpack it now, in the ingest job."""
    if batch.archive_sha256 is None:
        raise ValueError(f"batch {batch.id} has no stored upload")
    items = iter_intake(store.path_for(batch.archive_sha256), limits, name=batch.source_name)
    return ingest_items(session, store, batch, items, opd_directory=opd_directory)


def _opd_for(path: str, directory: OpdDirectory, override: str | None) -> tuple[str | None, str | None]:
    if override:
        return override, "override"
    match = infer_opd(path, directory)
    if match is None:
        return None, None
    return match.name, "path" if match.folder else "filename"


def receive_upload(session: Session, store: BlobStore, upload: Path, *, filename: str, catalog: Catalog,
                   opd_scope: str | None = None, opd_override: str | None = None,
                   created_by: str | None = None) -> Batch:
    """Store an uploaded file first (fsync + rename), then record its batch; the caller commits, then enqueues.

    The order matters for reliability: a batch row always points at bytes that are already on disk.
    """
    digest = store.put_file(upload)
    return create_batch(session, catalog, source_name=filename, archive_sha256=digest, opd_override=opd_override,
                        opd_scope=opd_scope, created_by=created_by)
