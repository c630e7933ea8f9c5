"""Sanity check of stored originals against the database: re-hash, list missing, corrupt and orphan blobs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import select, union

from evidence.db import Database
from evidence.db.models import Batch, Document
from evidence.storage import CHUNK, BlobStore


@dataclass
class IntegrityReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)  # referenced by the database, absent on disk
    corrupt: list[str] = field(default_factory=list)  # content no longer matches its name
    orphans: list[str] = field(default_factory=list)  # on disk, referenced by nothing

    @property
    def ok(self) -> bool:
        return not (self.missing or self.corrupt or self.orphans)


def _rehash(store: BlobStore, digest: str) -> str:
    h = hashlib.sha256()
    with store.path_for(digest).open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def check_store(db: Database, store: BlobStore) -> IntegrityReport:
    with db.session() as session:
        referenced = {digest for digest in session.scalars(union(
            select(Document.sha256).where(Document.sha256.is_not(None)),
            select(Batch.archive_sha256).where(Batch.archive_sha256.is_not(None)),
        )) if digest is not None}
    on_disk = set(store.iter_digests())
    report = IntegrityReport()
    report.missing = sorted(referenced - on_disk)
    report.orphans = sorted(on_disk - referenced)
    for digest in sorted(on_disk & referenced):
        report.checked += 1
        if _rehash(store, digest) != digest:
            report.corrupt.append(digest)
    return report
