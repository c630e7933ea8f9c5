"""A running app per test, in embedded mode (SQLite in the test's data dir, jobs on an in-process thread).

Users are inserted with one precomputed Argon2 hash and get tokens directly, so a test does not pay for
several Argon2 computations; the login flow itself has its own tests.

The in-process worker classifies with ``tests.fixtures.classifiers.PhraseClassifier`` unless a test asks
for the trained model (``make_service(real_model=True)``): these tests check the service's bookkeeping,
not what a model version scores (that is tests/classifier's job), and loading the model in every test
would cost seconds each.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from evidence.db.models import User
from evidence.settings import get_settings
from service.app import create_app
from service.security import hash_password, issue_token
from tests.fixtures.classifiers import PhraseClassifier
from tests.service.seed import BAPPEDA, KOMINFO

PASSWORD = "rahasia-123"
REPO = Path(__file__).resolve().parents[2]
USERS = {
    "admin": ("admin", None),
    "rina": ("reviewer", None),
    "kominfo": ("opd", KOMINFO),
    "bappeda": ("opd", BAPPEDA),
}


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class Service:
    app: FastAPI
    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def db(self):
        return self.app.state.runtime.db

    def auth(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[username]}"}

    def get(self, url: str, user: str = "admin", headers: dict[str, str] | None = None, **kw):
        return self.client.get(url, headers={**self.auth(user), **(headers or {})}, **kw)

    def post(self, url: str, user: str = "admin", headers: dict[str, str] | None = None, **kw):
        return self.client.post(url, headers={**self.auth(user), **(headers or {})}, **kw)

    def wait(self, timeout: float = 60.0) -> None:
        assert self.app.state.runtime.dispatcher.wait_idle(timeout), "background jobs did not finish in time"


@pytest.fixture
def make_service(monkeypatch: pytest.MonkeyPatch, password_hash: str) -> Iterator[Callable[..., Service]]:
    """``make_service(SPBE_MAX_UPLOAD_BYTES="1000")``: set env, then build the app from the environment, so
    the in-process worker (which reads the environment) and the app agree on every setting."""
    built: list[Service] = []

    def factory(real_model: bool = False, **env: str) -> Service:
        if not real_model:
            import classifier.shelf

            monkeypatch.setattr(classifier.shelf, "load_classifier",
                                lambda catalog, models_dir, companion=None: PhraseClassifier(framework=catalog.id))
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        app = create_app(get_settings())
        service = Service(app, TestClient(app))
        with app.state.runtime.db.session() as session:
            for username, (role, opd) in USERS.items():
                user = User(username=username, password_hash=password_hash, role=role, opd=opd, active=True)
                session.add(user)
                session.flush()
                service.tokens[username] = issue_token(session, user).access_token
        built.append(service)
        return service

    yield factory
    for service in built:
        service.app.state.runtime.dispatcher.wait_idle(60)
        service.client.close()
        service.app.state.runtime.db.engine.dispose()


@pytest.fixture
def service(make_service: Callable[..., Service]) -> Service:
    return make_service()


def sample_script():
    """``scripts/make_sample_archive.py`` imported by path; registered in ``sys.modules`` before it runs,
    because its dataclasses look their module up while being created."""
    name = "_spbe_service_tests_make_sample_archive"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "make_sample_archive.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def sample_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample archive (six OPD folders, gaps and problem files), built once per session."""
    return sample_script().build_sample_archive(tmp_path_factory.mktemp("sample") / "sukamaju.zip")
