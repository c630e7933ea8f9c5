"""Issue 13 security: login rate limits, closed API docs, token expiry and rotation, headers, 503 on a
database fault. Real app, real database, real `limits` counters (in memory: no Redis in embedded mode)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from evidence.audit import AuditEvent
from evidence.db.models import ApiToken, User
from service.security import create_user
from tests.service.conftest import Service


def _login(service: Service, username: str, password: str, address: str = "testclient"):
    client = TestClient(service.app, client=(address, 50000))
    return client.post("/api/v1/auth/token", data={"username": username, "password": password})


def test_login_is_limited_per_user_with_429_and_retry_after(make_service) -> None:
    service = make_service(SPBE_LOGIN_LIMIT_PER_USER="3/minute", SPBE_LOGIN_LIMIT_PER_ADDRESS="100/minute")
    with service.db.session() as session:
        create_user(session, "sari", "kata-sandi-sari", "reviewer", actor="test")
    for i in range(3):  # from three addresses: the per-user limit still counts them together
        assert _login(service, "sari", "salah-salah", address=f"10.0.0.{i}").status_code == 401
    refused = _login(service, "SARI", "kata-sandi-sari", address="10.0.0.9")  # right password, still refused
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["detail"].startswith("Terlalu banyak percobaan masuk")
    assert _login(service, "admin", "salah-salah", address="10.0.0.9").status_code == 401  # another user: fine


def test_login_is_limited_per_address(make_service) -> None:
    service = make_service(SPBE_LOGIN_LIMIT_PER_USER="100/minute", SPBE_LOGIN_LIMIT_PER_ADDRESS="4/minute")
    answers = [_login(service, f"tebak{i}", "salah-salah", address="192.0.2.7").status_code for i in range(5)]
    assert answers == [401, 401, 401, 401, 429]
    assert _login(service, "tebak9", "salah-salah", address="192.0.2.8").status_code == 401  # another address


def test_page_login_shares_the_limits(make_service) -> None:
    service = make_service(SPBE_LOGIN_LIMIT_PER_USER="2/minute")
    client = TestClient(service.app)
    form = client.get("/pages/login")
    csrf = client.cookies.get("spbe_csrf")
    assert form.status_code == 200 and csrf
    codes = [client.post("/pages/login", data={"username": "rina", "password": "salah-salah", "csrf_token": csrf},
                         follow_redirects=False).status_code for _ in range(3)]
    assert codes[-1] == 429 and "Terlalu banyak" in client.post(
        "/pages/login", data={"username": "rina", "password": "x", "csrf_token": csrf}).text


def test_api_docs_are_closed_by_default_and_open_to_logged_in_users(service: Service) -> None:
    anonymous = TestClient(service.app, follow_redirects=False)
    assert anonymous.get("/openapi.json").status_code == 401
    docs = anonymous.get("/docs")
    assert docs.status_code == 303 and docs.headers["location"].startswith("/pages/login")
    assert anonymous.get("/redoc").status_code == 404
    schema = service.get("/openapi.json", user="kominfo")
    assert schema.status_code == 200 and "/api/v1/archives" in schema.json()["paths"]
    assert "/openapi.json" not in schema.json()["paths"]
    page = service.get("/docs", user="rina")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_api_docs_can_be_opened_by_setting(make_service) -> None:
    service = make_service(SPBE_API_DOCS_PUBLIC="true")
    assert service.client.get("/openapi.json").status_code == 200


def test_security_headers_on_api_pages_and_errors(service: Service) -> None:
    for response in (service.get("/api/v1/documents"), service.client.get("/api/v1/documents"),
                     service.client.get("/api/v1/health")):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    page = TestClient(service.app).get("/pages/login")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "unsafe-eval" not in page.headers["content-security-policy"]


def test_token_lifetime_comes_from_settings(make_service) -> None:
    service = make_service(SPBE_TOKEN_TTL_MINUTES="30")
    with service.db.session() as session:
        create_user(session, "budi", "kata-sandi-budi", "reviewer", actor="test")
    body = _login(service, "budi", "kata-sandi-budi").json()
    left = datetime.fromisoformat(body["expires_at"]) - datetime.now(UTC)
    assert timedelta(minutes=29) < left <= timedelta(minutes=30)


def test_password_change_rotates_every_token_and_is_audited(service: Service) -> None:
    with service.db.session() as session:
        create_user(session, "dewi", "kata-sandi-lama", "reviewer", actor="admin")
    first = _login(service, "dewi", "kata-sandi-lama").json()["access_token"]
    second = _login(service, "dewi", "kata-sandi-lama").json()["access_token"]
    wrong = service.client.post("/api/v1/auth/password", headers={"Authorization": f"Bearer {first}"},
                                json={"current_password": "bukan-ini", "new_password": "kata-sandi-baru"})
    assert wrong.status_code == 403 and wrong.json()["detail"] == "Kata sandi saat ini salah."
    weak = service.client.post("/api/v1/auth/password", headers={"Authorization": f"Bearer {first}"},
                               json={"current_password": "kata-sandi-lama", "new_password": "pendek"})
    assert weak.status_code == 422 and "minimal 8 karakter" in weak.json()["detail"]
    changed = service.client.post("/api/v1/auth/password", headers={"Authorization": f"Bearer {first}"},
                                  json={"current_password": "kata-sandi-lama", "new_password": "kata-sandi-baru"})
    assert changed.status_code == 200, changed.text
    fresh = changed.json()["access_token"]
    for old in (first, second):
        assert service.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    assert service.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
    assert _login(service, "dewi", "kata-sandi-lama").status_code == 401
    assert _login(service, "dewi", "kata-sandi-baru").status_code == 200
    with service.db.session() as session:
        user_id = session.scalar(select(User.id).where(User.username == "dewi"))
        assert session.scalar(select(ApiToken.id).where(ApiToken.user_id == user_id)) is not None
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.target_id == str(user_id))
                                                      .order_by(AuditEvent.id))]
    assert actions == ["user.created", "user.password_changed"]


def test_database_unreachable_is_503_with_a_reason_never_500(service: Service, tmp_path) -> None:
    """A real driver error: the engine is pointed at a database file that cannot be opened."""
    healthy = service.app.state.runtime.db.engine
    service.app.state.runtime.db.engine = create_engine(f"sqlite:///{tmp_path}/tidak-ada/spbe.sqlite3")
    service.app.state.runtime.db.sessions.configure(bind=service.app.state.runtime.db.engine)
    try:
        response = service.get("/api/v1/documents")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.json()["detail"].startswith("Basis data sedang tidak dapat dihubungi")
        assert service.client.get("/api/v1/health").status_code == 503
    finally:
        service.app.state.runtime.db.sessions.configure(bind=healthy)
        service.app.state.runtime.db.engine = healthy
