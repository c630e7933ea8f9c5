"""One typed settings object, read from environment variables (prefix ``SPBE_``).

Why one object: every adapter (CLI, API, worker) must agree on where the database, the stored
originals and the model live; reading ``os.environ`` in many places makes them drift apart.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SPBE_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("var"), description="Root for the database file and stored originals.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default is SQLite in data_dir.")
    storage_dir: Path | None = Field(default=None, description="Content-addressed originals; default data_dir/blobs.")
    redis_url: str | None = Field(default=None, description="When unset, jobs run in-process (embedded mode).")
    catalog_path: Path | None = Field(default=None, description="A Pemda's own catalog YAML (replaces the bundled one).")
    crosswalk_path: Path | None = Field(default=None, description="A Pemda's own crosswalk YAML between two frameworks.")
    opd_path: Path | None = Field(default=None, description="A Pemda's own OPD list YAML.")
    responsibility_path: Path | None = Field(
        default=None, description="A Pemda's own responsibility matrix YAML (which OPD owe which indicator)."
    )
    pemda_name: str = Field(default="Pemerintah Daerah", description="The Pemda's name on report covers and letters.")
    models_dir: Path = Field(default=PROJECT_DIR / "models")
    # PermenPANRB 8/2026 (Pemdi) replaced 59/2020 (SPBE) in June 2026; older evidence is classified in both.
    framework: str = Field(default="pemdi-2026", description="Default framework key (reports, CLI, API).")
    frameworks: list[str] = Field(
        default=["spbe-2020", "pemdi-2026"],
        description='Every framework a document is classified in; JSON in the environment: \'["pemdi-2026"]\'.',
    )
    language: str = Field(default="id", description="Language of pages and reports: id or en.")
    # Size of the generated part of the training corpus (retraining from reviews uses the same).
    train_docs_per_indicator: int = 40
    train_negatives: int = 600

    # Intake limits: an archive is untrusted input.
    max_upload_bytes: int = 512 * 1024 * 1024
    max_archive_members: int = 5000
    max_expanded_bytes: int = 2 * 1024 * 1024 * 1024
    max_member_bytes: int = 256 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_pdf_pages: int = 2000
    max_archive_depth: int = 3  # an archive inside an archive inside the upload: depth 2
    max_listed_members: int = 50_000  # above this a ZIP is refused from its end record, unlisted
    max_image_pixels: int = 80_000_000  # larger images are refused before decoding

    # Extraction runs in a child process (evidence.extraction.isolated) with these hard limits.
    extraction_timeout_seconds: int = 120
    extraction_memory_limit_mb: int = 3072

    # OCR (evidence.extraction.ocr): Tesseract with the Indonesian model first, English second.
    ocr_enabled: bool = True
    ocr_languages: str = "ind+eng"
    ocr_min_confidence: float = 60.0  # pages under this mean word confidence are flagged
    ocr_dpi: int = 300
    ocr_page_timeout_seconds: int = 120
    ocr_timeout_seconds: int = 1800  # one document, all pages; the OCR job timeout must exceed it
    ocr_max_pages: int = 300  # pages OCR'd per document; the rest are reported as truncated

    # Work delivery: a job that runs longer is killed; a claimed document whose lease expires is retried
    # by the reconciler; after max_attempts it is marked failed with a reason.
    job_timeout_seconds: int = 300
    job_retries: int = 2
    # Short, renewed every third of its length by a heartbeat while the work runs: a SIGKILLed worker's
    # file is free again within this many seconds, however long a healthy job takes.
    lease_seconds: int = 15
    max_attempts: int = 3
    # The reconciler asks Redis which documents still have a job (queued, scheduled, started) every this
    # many seconds; the pass reads ids only, so it is cheap (evidence/queue/probe.py).
    reconcile_every_seconds: float = 5.0
    # A row recorded but not yet on the queue (the API enqueues right after its commit), or a job a worker
    # took but has not claimed yet, is left alone this long before it counts as lost.
    enqueue_grace_seconds: int = 10
    requeue_after_seconds: int = 600  # without a Redis probe: queued but never claimed this long means lost

    # Security (service/security.py, service/ratelimit.py).
    token_ttl_minutes: int = 720  # a bearer token or session cookie expires after this (12 h)
    # Login attempts, in the `limits` library's notation; both apply (a user, an address).
    login_limit_per_user: str = "10/minute"
    login_limit_per_address: str = "30/minute"
    api_docs_public: bool = False  # /docs and /openapi.json without logging in (closed by default)

    # Pages with fewer characters than this are treated as having no text layer (scans).
    min_chars_per_page: int = 25
    # Ruled (table) pages of one PDF read with pdfplumber's table finder, row by row; the other pages, and
    # table pages past this count, are read by pdfium alone (same words, cell order). 0: pdfium only.
    pdf_table_pages: int = 60

    # Throughput: embedded `spbe scan` and `spbe classify` run this many extraction/OCR child processes
    # and classification processes side by side (0: one per CPU core). RQ deployments scale by workers.
    workers: int = 0
    # Pages of one scanned document OCR'd at the same time (0: one per CPU core).
    ocr_page_workers: int = 0
    # Documents classified together (one model call per framework per batch).
    classify_batch_size: int = 32

    def resolved_workers(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)

    def resolved_ocr_page_workers(self) -> int:
        return self.ocr_page_workers if self.ocr_page_workers > 0 else max(1, os.cpu_count() or 1)

    def corpus_size(self) -> dict[str, int]:
        return {"docs_per_indicator": self.train_docs_per_indicator, "negatives": self.train_negatives}

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'spbe.sqlite3').resolve()}"

    def resolved_storage_dir(self) -> Path:
        return self.storage_dir or self.data_dir / "blobs"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
