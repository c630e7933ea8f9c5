"""/health without authentication, /metrics in Prometheus text for admins only."""

from __future__ import annotations

from evidence.queue.dispatch import InlineDispatcher
from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import KOMINFO, S
from worker.jobs import JOBS


class _DownQueue(InlineDispatcher):
    mode = "rq"

    def ping(self) -> bool:
        return False


def test_health_ok(service: Service) -> None:
    response = service.client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "queue": "inline"}


def test_health_names_the_failing_part(service: Service) -> None:
    service.app.state.runtime.dispatcher = _DownQueue(JOBS)
    response = service.client.get("/api/v1/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error" and body["database"] == "ok" and body["queue"] == "unavailable"
    assert "Redis" in body["detail"]


def test_metrics_require_admin_and_speak_prometheus(service: Service) -> None:
    assert service.client.get("/api/v1/metrics").status_code == 401
    assert service.get("/api/v1/metrics", user="rina").status_code == 403
    with service.db.session() as session:
        batch = seed.batch(session)
        doc = seed.document(session, batch, "a.pdf", opd=KOMINFO, suggestions=[S(10, 0.9)])
        seed.document(session, batch, "b.pdf", opd=KOMINFO, status="failed", error="corrupt: x")
    service.post(f"/api/v1/documents/{doc.id}/reviews", user="rina", json={"indicator_id": 10, "decision": "accept"})
    service.get("/api/v1/documents/999")
    response = service.get("/api/v1/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'spbe_documents{status="ok"} 1.0' in text
    assert 'spbe_documents{status="failed"} 1.0' in text
    assert 'spbe_reviews_total{decision="accept"} 1.0' in text
    assert 'spbe_http_requests_total{method="GET",route="/api/v1/documents/{document_id}",status="404"} 1.0' in text
    assert 'route="/api/v1/documents/999"' not in text  # labels are route templates, not raw paths


def test_upload_counter(service: Service) -> None:
    service.post("/api/v1/documents", files={"file": ("a.txt", b"teks biasa", "text/plain")})
    service.post("/api/v1/archives", files={"file": ("a.zip", b"bukan zip", "application/zip")})
    service.wait()
    text = service.get("/api/v1/metrics").text
    assert 'spbe_uploads_total{kind="document"} 1.0' in text
    assert 'spbe_upload_rejections_total{status="415"} 1.0' in text


def test_openapi_documents_tags_and_models(service: Service) -> None:
    schema = service.get("/openapi.json").json()  # closed to anonymous users (issue 13)
    assert {"autentikasi", "unggahan", "dokumen", "tinjauan", "laporan"} <= {t["name"] for t in schema["tags"]}
    upload = schema["paths"]["/api/v1/archives"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "202" in upload["responses"] and "413" in upload["responses"]
    assert "DocumentDetailOut" in schema["components"]["schemas"]
