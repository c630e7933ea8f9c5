"""``spbe backup DIR`` and ``spbe restore DIR``: the database and the stored originals, together."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from cli.common import console, context, fail
from evidence.db import Database
from evidence.storage import BlobStore


def _targets() -> tuple[Database, BlobStore]:
    rt = context()
    return rt.db, rt.store


def backup(target: Path = typer.Argument(..., help="Folder baru (atau kosong) untuk cadangan.")) -> None:
    """Consistent backup: one database snapshot, its blob manifest and the blobs (re-hashed as copied)."""
    from evidence.backup import BackupError
    from evidence.backup import backup as run_backup

    db, store = _targets()
    try:
        summary = run_backup(db, store, target)
    except BackupError as exc:
        fail(str(exc))
    console.print(json.dumps({"folder": str(target), "tables": summary.tables, "blobs": summary.blobs,
                              "blob_bytes": summary.blob_bytes}))


def restore(source: Path = typer.Argument(..., help="Folder cadangan dari 'spbe backup'.")) -> None:
    """Restore into an EMPTY database and the blob store; refuses a database that already has rows."""
    from evidence.backup import BackupError
    from evidence.backup import restore as run_restore

    db, store = _targets()
    try:
        summary = run_restore(db, store, source)
    except BackupError as exc:
        fail(str(exc))
    console.print(json.dumps({"restored_from": str(source), "tables": summary.tables, "blobs": summary.blobs}))
