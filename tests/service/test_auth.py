"""Authentication and roles: every endpoint but /health needs a valid token; wrong roles get 403."""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from evidence.db.models import ApiToken, User
from evidence.settings import Settings
from service.app import create_app
from service.security import create_user, token_digest
from tests.service.conftest import PASSWORD, Service

PUBLIC = {
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/health/live"),
    ("GET", "/api/v1/health/ready"),
    ("POST", "/api/v1/auth/token"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
    ("GET", "/pages/login"),
    ("POST", "/pages/login"),
    # Redirects that carry no data: / -> /pages/documents -> (login).
    ("GET", "/"),
    ("GET", "/pages"),
    ("GET", "/pages/"),
}


def route_table(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path template) of every route, whatever FastAPI version flattened (or not) the routers."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: app.routes is already flat
        routes = list(app.routes)
    else:
        routes = list(iter_route_contexts(app.routes))
    table = []
    for route in routes:
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                table.append((method, route.path))
    return sorted(set(table))


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


# Built at collection time so the test is parametrised over the app's real route table. An in-memory
# database is enough: a request without credentials is refused before any query.
APP = create_app(Settings(database_url="sqlite:///:memory:", data_dir=Path(tempfile.gettempdir()) / "spbe-routes"))
ROUTES = route_table(APP)
PROTECTED = [route for route in ROUTES if route not in PUBLIC]


def test_route_table_is_complete() -> None:
    """Guards the parametrised test below against an empty or truncated table."""
    paths = {path for _, path in ROUTES}
    assert {"/api/v1/archives", "/api/v1/documents/{document_id}/file", "/api/v1/reports/gaps",
            "/api/v1/metrics", "/api/v1/review-queue", "/pages/documents"} <= paths
    assert len(PROTECTED) >= 20


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
def test_every_endpoint_but_health_requires_authentication(method: str, path: str) -> None:
    client = TestClient(APP, follow_redirects=False)
    response = client.request(method, _concrete(path))
    if path.startswith("/api/") or path == "/openapi.json":  # the schema is closed by default (issue 13)
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Autentikasi diperlukan" in response.json()["detail"]
    else:  # pages send a browser to the login form instead
        assert response.status_code == 303
        assert response.headers["location"].startswith("/pages/login")


def test_health_needs_no_token(service: Service) -> None:
    response = service.client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "queue": "inline"}


def test_invalid_and_expired_tokens_are_401(service: Service) -> None:
    bad = service.client.get("/api/v1/documents", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"
    assert "kedaluwarsa" in bad.json()["detail"]
    with service.db.session() as session:
        session.execute(update(ApiToken).where(ApiToken.token_sha256 == token_digest(service.tokens["rina"]))
                        .values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert service.get("/api/v1/documents", user="rina").status_code == 401
    assert service.get("/api/v1/documents", user="admin").status_code == 200


def test_login_issues_an_opaque_token_stored_only_as_sha256(service: Service) -> None:
    with service.db.session() as session:
        create_user(session, "Budi", "kata-sandi-budi", "reviewer")
    response = service.client.post("/api/v1/auth/token", data={"username": "budi", "password": "kata-sandi-budi"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    expires = datetime.fromisoformat(body["expires_at"])
    assert timedelta(hours=11) < expires - datetime.now(UTC) <= timedelta(hours=12)
    token = body["access_token"]
    with service.db.session() as session:
        stored = set(session.scalars(select(ApiToken.token_sha256)))
    assert token_digest(token) in stored and token not in stored
    me = service.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json() == {"username": "budi", "role": "reviewer", "opd": None}


def test_wrong_password_unknown_user_and_inactive_user_get_the_same_answer(service: Service) -> None:
    with service.db.session() as session:
        create_user(session, "sari", "kata-sandi-sari", "reviewer")
        create_user(session, "lama", "kata-sandi-lama", "reviewer")
        session.execute(update(User).where(User.username == "lama").values(active=False))
    answers = [
        service.client.post("/api/v1/auth/token", data={"username": "sari", "password": "salah-sekali"}),
        service.client.post("/api/v1/auth/token", data={"username": "tidakada", "password": "salah-sekali"}),
        service.client.post("/api/v1/auth/token", data={"username": "lama", "password": "kata-sandi-lama"}),
    ]
    assert {r.status_code for r in answers} == {401}
    assert len({r.json()["detail"] for r in answers}) == 1
    assert answers[0].json()["detail"] == "Nama pengguna atau kata sandi salah."
    assert answers[0].headers["www-authenticate"] == "Bearer"


def test_deactivating_a_user_invalidates_its_tokens(service: Service) -> None:
    with service.db.session() as session:
        session.execute(update(User).where(User.username == "rina").values(active=False))
    assert service.get("/api/v1/documents", user="rina").status_code == 401


def test_logout_revokes_the_token(service: Service) -> None:
    assert service.post("/api/v1/auth/logout", user="rina").status_code == 204
    assert service.get("/api/v1/auth/me", user="rina").status_code == 401


def test_wrong_role_is_403_with_a_message(service: Service) -> None:
    response = service.get("/api/v1/metrics", user="rina")
    assert response.status_code == 403
    assert response.json()["detail"] == "Peran Anda (reviewer) tidak diizinkan melakukan tindakan ini."
    assert service.get("/api/v1/review-queue", user="kominfo").status_code == 403


def test_messages_in_english_on_request(service: Service) -> None:
    response = service.client.get("/api/v1/documents?lang=en")
    assert response.json()["detail"].startswith("Authentication required")
    header = service.client.get("/api/v1/documents", headers={"Accept-Language": "en-US,en;q=0.8"})
    assert header.json()["detail"].startswith("Authentication required")


def test_session_cookie_works_for_reads_but_writes_need_the_csrf_header(service: Service) -> None:
    client = TestClient(service.app)
    client.cookies.set("spbe_session", service.tokens["rina"])
    client.cookies.set("spbe_csrf", "csrf-value")
    assert client.get("/api/v1/auth/me").json()["username"] == "rina"
    refused = client.post("/api/v1/reviews/bulk", json={"items": []})
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    allowed = client.post("/api/v1/reviews/bulk", json={"items": []}, headers={"X-CSRF-Token": "csrf-value"})
    assert allowed.status_code == 422  # past authentication: the empty list itself is refused


def test_password_is_stored_as_argon2(service: Service) -> None:
    with service.db.session() as session:
        create_user(session, "dewi", PASSWORD, "reviewer")
        stored = session.scalar(select(User.password_hash).where(User.username == "dewi"))
    assert stored.startswith("$argon2") and PASSWORD not in stored
