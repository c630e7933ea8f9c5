"""Prometheus metrics: one registry per app, so several apps in one process (tests) do not collide.

Counters are incremented where things happen (middleware, upload and review handlers); the number of
documents per status is read from the database at scrape time, because the worker, not this process,
changes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, generate_latest
from prometheus_client.core import GaugeMetricFamily
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidence.db import Database
from evidence.queries import document_status_counts


class DocumentStatusCollector:
    def __init__(self, db: Database) -> None:
        self.db = db

    def describe(self) -> list:
        return []  # registering must not query the database

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily("spbe_documents", "Documents by status, read from the database", labels=["status"])
        with self.db.session() as session:
            for status, count in document_status_counts(session).items():
                gauge.add_metric([status], count)
        yield gauge


class Metrics:
    def __init__(self, db: Database) -> None:
        self.registry = CollectorRegistry(auto_describe=False)
        self.http_requests = Counter(
            "spbe_http_requests", "HTTP requests by method, route template and status",
            ["method", "route", "status"], registry=self.registry,
        )
        self.uploads = Counter("spbe_uploads", "Accepted uploads by kind", ["kind"], registry=self.registry)
        self.upload_rejections = Counter(
            "spbe_upload_rejections", "Refused uploads by HTTP status", ["status"], registry=self.registry
        )
        self.reviews = Counter("spbe_reviews", "Recorded reviews by decision", ["decision"], registry=self.registry)
        self.registry.register(DocumentStatusCollector(db))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Counts every HTTP request by its route *template* (``/api/v1/documents/{document_id}``), so the
    label set stays small whatever ids or junk paths clients send."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.http_requests.labels(scope.get("method", ""), route, str(status)).inc()
