"""``spbe backup`` / ``spbe restore`` round trip on SQLite and PostgreSQL (issue 13).

A real scan fills the database and the blob store; reviews, a user and audit events are added. After a
backup and a restore into an empty database and an empty store, ``spbe check`` is clean and the gap report
is identical (its generation time aside). A restore into a database that has rows is refused.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from cli.main import app
from evidence.catalog import load_catalog
from evidence.db import open_database
from evidence.db.models import Document
from evidence.reviews import ReviewRequest, record_review
from evidence.settings import get_settings
from service.security import create_user
from tests.conftest import POSTGRES_URL
from tests.fixtures.documents import make_pdf, make_zip

runner = CliRunner()


def _postgres_schema() -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_databases(request, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'asal.sqlite3'}", f"sqlite:///{tmp_path / 'pulih.sqlite3'}"
        return
    first, second = _postgres_schema(), _postgres_schema()
    yield next(first), next(second)
    for gen in (first, second):
        next(gen, None)


def _use(monkeypatch, database_url: str, storage: Path) -> None:
    monkeypatch.setenv("SPBE_DATABASE_URL", database_url)
    monkeypatch.setenv("SPBE_STORAGE_DIR", str(storage))
    monkeypatch.setenv("SPBE_FRAMEWORKS", '["spbe-2020"]')
    get_settings.cache_clear()


def _report(tmp_path: Path, name: str) -> dict:
    result = runner.invoke(app, ["report", "--framework", "spbe-2020", "--out", str(tmp_path / name), "--no-snapshot"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / name / "report.json").read_text())
    report.pop("generated_at", None)
    return report


def test_backup_and_restore_round_trip(tmp_path: Path, monkeypatch, two_databases) -> None:
    source_url, target_url = two_databases
    archive = tmp_path / "kiriman.zip"
    arsitektur = make_pdf(["Peraturan Bupati tentang Arsitektur SPBE daerah " * 30])  # built once: a PDF carries its time
    archive.write_bytes(make_zip({
        "Diskominfo/sk_tim_koordinasi_spbe.pdf": make_pdf(["KEPUTUSAN BUPATI tentang Tim Koordinasi SPBE " * 30]),
        "Bappeda/arsitektur_spbe.pdf": arsitektur,
        "Bappeda/salinan.pdf": arsitektur,
        "Bappeda/rusak.pdf": b"%PDF-1.4 rusak",
    }))
    _use(monkeypatch, source_url, tmp_path / "blobs-asal")
    scanned = runner.invoke(app, ["scan", str(archive), "--framework", "spbe-2020", "--out", str(tmp_path / "scan")])
    assert scanned.exit_code == 0, scanned.output
    db = open_database(source_url)
    with db.session() as session:
        create_user(session, "rina", "kata-sandi-rina", "reviewer", actor="admin")
        doc = session.query(Document).filter(Document.status == "ok").order_by(Document.id).first()
        record_review(session, load_catalog("spbe-2020"), ReviewRequest(document_id=doc.id, indicator_id=6,
                      decision="accept", reason="SK sah"), reviewer="rina")
    db.engine.dispose()
    before = _report(tmp_path, "laporan-asal")

    backed = runner.invoke(app, ["backup", str(tmp_path / "cadangan")])
    assert backed.exit_code == 0, backed.output
    manifest = json.loads((tmp_path / "cadangan" / "manifest.json").read_text())
    assert manifest["tables"]["documents"] == 4 and manifest["tables"]["audit_events"] >= 2
    assert len(manifest["blobs"]) == 4  # the archive and three distinct files (the copy shares one)

    _use(monkeypatch, target_url, tmp_path / "blobs-pulih")
    restored = runner.invoke(app, ["restore", str(tmp_path / "cadangan")])
    assert restored.exit_code == 0, restored.output
    checked = runner.invoke(app, ["check"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.output)["checked"] == 4
    assert _report(tmp_path, "laporan-pulih") == before
    again = runner.invoke(app, ["restore", str(tmp_path / "cadangan")])
    assert again.exit_code != 0 and "tidak kosong" in again.output
    with open_database(target_url).session() as session:  # ids continue after the restored ones
        create_user(session, "budi", "kata-sandi-budi", "reviewer", actor="admin")
