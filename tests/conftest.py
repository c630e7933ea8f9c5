"""Shared fixtures: databases on SQLite and on the real PostgreSQL, blob store, settings isolation."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from evidence.db import Database, open_database
from evidence.settings import get_settings
from evidence.storage import BlobStore

POSTGRES_URL = os.environ.get("SPBE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("SPBE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# Module- and session-scoped fixtures run before the per-test settings below; they speak SPBE 2020 too.
os.environ.setdefault("SPBE_FRAMEWORK", "spbe-2020")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test gets its own data dir; nothing leaks between tests through the settings cache."""
    monkeypatch.setenv("SPBE_DATA_DIR", str(tmp_path / "var"))
    # The product's default is Pemdi 2026; most tests speak SPBE 2020 (the sample archive and the real
    # labelled documents are in its numbers), so they say so. tests/evidence/test_settings.py checks the default.
    monkeypatch.setenv("SPBE_FRAMEWORK", "spbe-2020")
    for name in ("SPBE_DATABASE_URL", "SPBE_REDIS_URL", "SPBE_STORAGE_DIR", "SPBE_CATALOG_PATH", "SPBE_OPD_PATH",
                 "SPBE_CROSSWALK_PATH"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh schema in the real PostgreSQL for one test, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is required for this test: {exc}")
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on the embedded default and on the production database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    db = open_database(url)
    yield db
    db.engine.dispose()


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


@pytest.fixture
def two_real_folds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Training with two real folds instead of five (4 first-stage fits per framework instead of 25), for
    tests of training decisions and wiring, not of figures (tests/classifier/test_training checks five)."""
    import classifier.train
    from classifier.validation import grouped_folds

    monkeypatch.setattr(classifier.train, "grouped_folds", lambda groups: grouped_folds(groups, n_splits=2))
