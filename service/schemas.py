"""Request and response models of the API (they are also the OpenAPI schema at /docs).

One naming family: a request body ends in ``In``, a response (or a part of one) in ``Out``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

Decision = Literal["accept", "reject", "relabel"]


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class ErrorOut(BaseModel):
    detail: str = Field(description="Pesan kesalahan untuk pengguna (bahasa Indonesia; ?lang=en untuk Inggris).")


# --- auth ---------------------------------------------------------------------------------------------


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime


class PasswordChangeIn(BaseModel):
    current_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=8, max_length=200, description="Minimal 8 karakter, berbeda dari yang lama.")


class MeOut(BaseModel):
    username: str
    role: str
    opd: str | None


# --- uploads and batches ------------------------------------------------------------------------------


class BatchAcceptedOut(BaseModel):
    batch_id: int
    status: Literal["received"] = "received"
    links: dict[str, str]


class FileOutcomeOut(BaseModel):
    document_id: int
    path: str
    opd: str | None
    status: str = Field(description="queued, classified, no_text, duplicate, unsupported atau failed")
    error: str | None = Field(description="Kode teknis (bahasa Inggris), mis. 'unsafe_path: ...'")
    explanation: str | None = Field(description="Penjelasan untuk pengguna")


class BatchOut(BaseModel):
    id: int
    status: str = Field(description="received, ingesting, processing, done atau failed")
    framework: str
    source_name: str
    opd_scope: str | None
    opd_override: str | None
    created_by: str | None
    created_at: datetime | None
    finished_at: datetime | None
    error: str | None
    counts: dict[str, int] = Field(description="Jumlah berkas per status ('ok' ditampilkan sebagai 'classified')")
    total: int
    files: list[FileOutcomeOut]

    @field_serializer("created_at", "finished_at")
    def _times(self, value: datetime | None) -> datetime | None:
        return _utc(value)


# --- documents ----------------------------------------------------------------------------------------


class IndicatorScoreOut(BaseModel):
    indicator_id: int
    short_name: str | None
    score: float
    source: str = Field(description="model, accepted atau relabelled")


class DocumentSummaryOut(BaseModel):
    id: int
    batch_id: int
    path: str
    filename: str
    opd: str | None
    status: str
    error: str | None
    explanation: str | None
    doc_type: str | None
    pages: int | None
    text_chars: int
    size_bytes: int
    media_type: str | None
    sha256: str | None
    created_at: datetime | None
    review_state: Literal["pending", "reviewed"]
    indicators: list[IndicatorScoreOut] = Field(description="Indikator efektif (saran di atas ambang + keputusan penilai)")

    @field_serializer("created_at")
    def _time(self, value: datetime | None) -> datetime | None:
        return _utc(value)


class DocumentListOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummaryOut]


class ReviewOut(_Out):
    id: int
    document_id: int
    framework_id: str
    indicator_id: int
    decision: str
    new_indicator_id: int | None
    reason: str | None
    reviewer: str
    model_version: str | None
    created_at: datetime | None

    @field_serializer("created_at")
    def _time(self, value: datetime | None) -> datetime | None:
        return _utc(value)


class MaturityHintOut(BaseModel):
    level: int = Field(description="Tingkat 1-5 yang tampaknya didukung isi dokumen (petunjuk, bukan penilaian)")
    reason: str | None
    hint: bool = True


class EvidenceSpanOut(BaseModel):
    page: int | None = Field(None, description="Halaman PDF, bila diketahui")
    sentence: str
    term: str | None = None


class SuggestionOut(BaseModel):
    indicator_id: int
    indicator_name: str | None
    short_name: str | None
    score: float
    threshold: float | None
    above_threshold: bool
    candidate: bool = Field(False, description="Perlu dicek: 3 teratas dokumen dan di atas batas kandidat model")
    rank: int
    reasons: list[str]
    model_version: str
    latest_review: ReviewOut | None
    maturity: MaturityHintOut | None = None
    evidence: list[EvidenceSpanOut] = Field(default_factory=list, description="Kalimat pembawa bukti")


class CrosswalkOfferOut(BaseModel):
    indicator_id: int
    indicator_name: str | None
    from_framework: str
    from_indicators: list[int] = Field(description="Indikator yang dikonfirmasi peninjau di kerangka asal")


class DocumentDetailOut(DocumentSummaryOut):
    duplicate_of_id: int | None
    opd_source: str | None
    pages_needing_ocr: int | None
    warnings: list[Any] | None
    text_excerpt: str | None = Field(description="1.500 karakter pertama teks hasil ekstraksi")
    framework: str
    suggestions: list[SuggestionOut]
    metadata: dict[str, Any] | None = Field(None, description="Jenis, nomor, tahun, tanggal ditetapkan, penerbit, draf")
    crosswalk_offers: list[CrosswalkOfferOut] = Field(
        default_factory=list, description="Ditawarkan (tidak diterapkan) dari pemetaan terkonfirmasi di kerangka lain")
    latest_reviews: list[ReviewOut] = Field(description="Tinjauan terakhir per indikator (yang berlaku)")
    reviews: list[ReviewOut] = Field(description="Riwayat semua tinjauan, terbaru dahulu")


# --- reviews ------------------------------------------------------------------------------------------


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    indicator_id: int = Field(description="Indikator yang ditinjau (nomor katalog)")
    decision: Decision
    new_indicator_id: int | None = Field(None, description="Wajib untuk relabel: indikator yang benar")
    reason: str | None = Field(None, max_length=2000)
    framework: str | None = Field(None, max_length=40)


class BulkReviewItemIn(ReviewIn):
    document_id: int


class BulkReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[BulkReviewItemIn] = Field(min_length=1, max_length=500)


class BulkItemOut(BaseModel):
    index: int = Field(description="Posisi butir dalam permintaan (mulai 0)")
    status: Literal["created", "refused"]
    review_id: int | None = None
    error: str | None = Field(None, description="Alasan penolakan butir ini")


class BulkReviewOut(BaseModel):
    created: int
    refused: int = 0
    by_decision: dict[str, int] = Field(description="Jumlah keputusan yang tersimpan, per jenis")
    review_ids: list[int]
    results: list[BulkItemOut] = Field(default_factory=list, description="Hasil per butir, urut permintaan")


class QueueItemOut(BaseModel):
    document_id: int
    path: str
    filename: str
    opd: str | None
    indicator_id: int
    short_name: str | None
    score: float
    threshold: float | None
    above_threshold: bool
    uncertainty: float | None = Field(description="|skor - ambang|; makin kecil makin tidak pasti")
    candidate: bool = Field(False, description="Perlu dicek: 3 teratas dokumen dan di atas batas kandidat model")
    doc_type: str | None = None
    reasons: list[str]
    model_version: str
    latest_review: ReviewOut | None = None


class QueueOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[QueueItemOut]


# --- catalog and OPD ----------------------------------------------------------------------------------


class OpdOut(BaseModel):
    name: str | None
    aliases: list[str]
    in_directory: bool
    documents: int


class IndicatorOut(BaseModel):
    id: int
    name: str
    short_name: str
    domain: int | None
    aspect: int
    aspect_name: str
    weight: float
    evidence: list[str]
    typical_owner: str


class IndicatorsOut(BaseModel):
    framework: str
    name: str
    catalog_version: str
    indicators: list[IndicatorOut]


# --- health -------------------------------------------------------------------------------------------


class HealthOut(BaseModel):
    status: Literal["ok", "error"]
    database: str
    queue: str
    detail: str | None = None
