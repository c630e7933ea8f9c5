"""Backup and restore: a consistent database dump, the blob manifest and the blobs, in one folder.

Why a dump of rows (JSON lines per table) rather than ``pg_dump`` or a copy of the SQLite file: one format
for both databases (a Pemda can move from the laptop's SQLite to PostgreSQL by restoring), no client
binaries that must match the server's version, and rows are checked against the schema on the way in.

Consistency: the rows come from ONE snapshot (PostgreSQL: a REPEATABLE READ, READ ONLY transaction;
SQLite: the online backup API copies the file, then the copy is read). Blobs are immutable and written
before the rows that name them, so every blob the snapshot references exists; each is re-hashed while it
is copied. ``manifest.json`` is written last: a folder without it is an unfinished backup.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, DateTime, Integer, func, insert, select, text, update
from sqlalchemy.engine import make_url

import evidence.audit  # noqa: F401  (registers the audit table in the metadata)
from evidence.db import Database, open_database
from evidence.db.models import Base, Batch, Document
from evidence.storage import CHUNK, BlobStore

FORMAT = "spbe-backup/1"
MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    """A backup or restore that cannot proceed; the message is for the operator (Indonesian)."""


@dataclass
class BackupSummary:
    tables: dict[str, int] = field(default_factory=dict)
    blobs: int = 0
    blob_bytes: int = 0


def _tables():
    return [t for t in Base.metadata.sorted_tables]


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """A connection that sees one consistent state of the whole database for as long as it is open."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        with tempfile.TemporaryDirectory(prefix="spbe-backup-") as tmp:
            copy = Path(tmp) / "snapshot.sqlite3"
            source = sqlite3.connect(str(url.database))
            target = sqlite3.connect(copy)
            try:
                source.backup(target)  # the online backup API: a consistent copy while others write
            finally:
                target.close()
                source.close()
            snap = open_database(f"sqlite:///{copy}", migrate=False)
            try:
                with snap.engine.connect() as connection:
                    yield connection
            finally:
                snap.engine.dispose()
        return
    with db.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
        connection.execute(text("SET TRANSACTION READ ONLY"))
        yield connection
        connection.rollback()


def _copy_verified(source: Path, target: Path, digest: str) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    h, size = hashlib.sha256(), 0
    if not source.exists():
        raise BackupError(f"berkas tersimpan {digest} hilang dari penyimpanan; jalankan 'spbe check'")
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(CHUNK):
            h.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    if h.hexdigest() != digest:
        raise BackupError(f"berkas tersimpan {digest} rusak (isi tidak cocok dengan namanya); jalankan 'spbe check'")
    return size


def backup(db: Database, store: BlobStore, target: Path) -> BackupSummary:
    """Write a backup into ``target`` (must not exist or be empty)."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"folder cadangan {target} tidak kosong; pilih folder baru")
    (target / "database").mkdir(parents=True, exist_ok=True)
    summary = BackupSummary()
    with _snapshot(db) as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        for table in _tables():
            rows = 0
            with (target / "database" / f"{table.name}.jsonl").open("w", encoding="utf-8") as out:
                for row in connection.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                    out.write(json.dumps(dict(row), default=_json_default, ensure_ascii=False) + "\n")
                    rows += 1
            summary.tables[table.name] = rows
        found = set(connection.scalars(select(Document.sha256).where(Document.sha256.is_not(None)))) | set(
            connection.scalars(select(Batch.archive_sha256).where(Batch.archive_sha256.is_not(None))))
        referenced = sorted(digest for digest in found if digest is not None)
    blobs = []
    for digest in referenced:
        size = _copy_verified(store.path_for(digest), BlobStore(target / "blobs").path_for(digest), digest)
        blobs.append({"sha256": digest, "size": size})
        summary.blobs += 1
        summary.blob_bytes += size
    manifest = {"format": FORMAT, "created_at": datetime.now(UTC).isoformat(), "alembic_revision": revision,
                "database": make_url(str(db.engine.url)).get_backend_name(), "tables": summary.tables,
                "blobs": blobs}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return summary


def _decode(table, row: dict) -> dict:
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, DateTime):
            row[column.name] = datetime.fromisoformat(value)
    return row


def _self_references(table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def restore(db: Database, store: BlobStore, source: Path) -> BackupSummary:
    """Restore a backup into an EMPTY database (migrated to the same revision) and the blob store."""
    source = Path(source)
    manifest_path = source / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{source} bukan cadangan lengkap (tidak ada {MANIFEST})")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"format cadangan tidak dikenal: {manifest.get('format')}")
    summary = BackupSummary()
    with db.engine.begin() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        if revision != manifest["alembic_revision"]:
            raise BackupError(f"skema basis data {revision} berbeda dari cadangan {manifest['alembic_revision']}")
        for table in _tables():
            if connection.execute(select(func.count()).select_from(table)).scalar_one():
                raise BackupError(f"basis data tujuan tidak kosong (tabel {table.name}); pulihkan ke basis data baru")
    for blob in manifest["blobs"]:
        stored = store.put_file(BlobStore(source / "blobs").path_for(blob["sha256"]))
        if stored != blob["sha256"]:
            raise BackupError(f"berkas {blob['sha256']} dalam cadangan rusak")
        summary.blobs += 1
        summary.blob_bytes += blob["size"]
    with db.engine.begin() as connection:  # one transaction: all rows or none
        for table in _tables():
            deferred = _self_references(table)
            rows = []
            path = source / "database" / f"{table.name}.jsonl"
            with path.open(encoding="utf-8") as lines:
                rows = [_decode(table, json.loads(line)) for line in lines if line.strip()]
            later = [(row, {name: row[name] for name in deferred if row.get(name) is not None}) for row in rows]
            for row, _ in later:
                for name in deferred:
                    row[name] = None
            for start in range(0, len(rows), 500):
                connection.execute(insert(table), rows[start:start + 500])
            pk = list(table.primary_key.columns)
            for row, values in later:
                if values:
                    connection.execute(update(table).where(pk[0] == row[pk[0].name]).values(**values))
            summary.tables[table.name] = len(rows)
            if connection.dialect.name == "postgresql" and len(pk) == 1 and isinstance(pk[0].type, Integer) and rows:
                connection.execute(text("SELECT setval(pg_get_serial_sequence(:t, :c), :v)"),
                                   {"t": table.name, "c": pk[0].name, "v": max(r[pk[0].name] for r in rows)})
    if summary.tables != manifest["tables"]:
        raise BackupError("jumlah baris yang dipulihkan berbeda dari manifest cadangan")
    return summary
