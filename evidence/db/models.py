"""Tables. The framework key is on every catalog-dependent row: suggestions, reviews, batches, reports.

Suggestions (what the model said) and reviews (what a person decided) are separate, append-only
records: a new model version adds suggestions, it never rewrites a reviewer's decision.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from evidence.states import BatchState


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Framework(Base):
    __tablename__ = "frameworks"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # e.g. "spbe-2020", "pemdi-2026"
    name: Mapped[str] = mapped_column(String(200))
    catalog_version: Mapped[str] = mapped_column(String(40))


class Batch(Base):
    """One intake: an archive or folder dropped by a user."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"))
    source_name: Mapped[str] = mapped_column(String(500))
    opd_override: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(100))
    # an evidence.states.BatchState; the allowed moves are evidence.states.BATCH_TRANSITIONS
    status: Mapped[str] = mapped_column(String(20), default=BatchState.RECEIVED)
    error: Mapped[str | None] = mapped_column(Text)
    archive_sha256: Mapped[str | None] = mapped_column(String(64))  # the stored upload, for re-ingest
    opd_scope: Mapped[str | None] = mapped_column(String(200))  # uploader's OPD, for access control
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_token: Mapped[str | None] = mapped_column(String(40))
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    documents: Mapped[list[Document]] = relationship(back_populates="batch", order_by="Document.id")


class Document(Base):
    """One file of a batch. ``status`` is the single source of truth for its state."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_batch_status", "batch_id", "status"), Index("ix_documents_opd", "opd"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"))
    path: Mapped[str] = mapped_column(Text)  # path inside the archive, as sent
    filename: Mapped[str] = mapped_column(String(500))
    opd: Mapped[str | None] = mapped_column(String(200))
    opd_source: Mapped[str | None] = mapped_column(String(40))  # "path", "override", "filename", None
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    media_type: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), index=True)  # an evidence.states.DocumentState
    error: Mapped[str | None] = mapped_column(Text)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    doc_type: Mapped[str | None] = mapped_column(String(40))
    # classifier.metadata.DocumentMetadata.as_dict(): type, number, year, enacted date, issuer, region, draft
    doc_metadata: Mapped[dict | None] = mapped_column(JSON)
    pages: Mapped[int | None] = mapped_column(Integer)
    pages_needing_ocr: Mapped[int | None] = mapped_column(Integer)
    text_chars: Mapped[int] = mapped_column(Integer, default=0)
    extractor: Mapped[str | None] = mapped_column(String(120))
    extractor_version: Mapped[str | None] = mapped_column(String(240))
    warnings: Mapped[list | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Work claim: a worker holds a document only while its lease is valid and its token matches.
    lease_token: Mapped[str | None] = mapped_column(String(40))
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    enqueued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    batch: Mapped[Batch] = relationship(back_populates="documents")
    suggestions: Mapped[list[SuggestionRecord]] = relationship(
        back_populates="document", order_by="SuggestionRecord.rank", cascade="all, delete-orphan"
    )


class Content(Base):
    """One row per distinct file content: the document that processes it. Inserting this row is how a
    document claims the right to be processed, race-free across concurrent uploads (primary key)."""

    __tablename__ = "contents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))


class DocumentText(Base):
    """Full extracted text, kept apart so lists of documents never load it."""

    __tablename__ = "document_texts"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class SuggestionRecord(Base):
    __tablename__ = "suggestions"
    __table_args__ = (Index("ix_suggestions_doc_fw", "document_id", "framework_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"))
    indicator_id: Mapped[int] = mapped_column(Integer, index=True)
    score: Mapped[float] = mapped_column(Float)
    threshold: Mapped[float | None] = mapped_column(Float)
    above_threshold: Mapped[bool] = mapped_column(Boolean)
    # Among the document's top candidates above the model's candidate floor ("perlu dicek" in reports).
    candidate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    rank: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    model_version: Mapped[str] = mapped_column(String(60))
    # A hint of the highest level (1-5) the document appears to support, never an assessment.
    maturity_level: Mapped[int | None] = mapped_column(Integer)
    maturity_reason: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list | None] = mapped_column(JSON)  # [{page, sentence, term}] behind the suggestion
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="suggestions")


class Review(Base):
    """A person's decision on one (document, indicator); append-only, the latest one wins."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_doc_fw_ind", "document_id", "framework_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"))
    indicator_id: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(20))  # accept | reject | relabel
    new_indicator_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(100))
    model_version: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class User(Base):
    """A person using the service. ``opd`` is set for role ``opd`` and limits what they can see."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))  # admin | reviewer | opd
    opd: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    """Bearer tokens; only their SHA-256 is stored, so a database leak does not leak sessions."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReportSnapshot(Base):
    """A stored summary of one Pemda-wide gap report (``evidence.reports.changes.summarise``): what the next
    report is compared with ("progress since the last scan")."""

    __tablename__ = "report_snapshots"
    __table_args__ = (Index("ix_report_snapshots_fw_created", "framework_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"))
    source: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ResponsibilityOverride(Base):
    """Which OPD owe evidence for one indicator, as set through the API; wins over the YAML and the catalog."""

    __tablename__ = "responsibility_overrides"
    __table_args__ = (UniqueConstraint("framework_id", "indicator_id", name="uq_responsibility_fw_ind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    framework_id: Mapped[str] = mapped_column(String(40))
    indicator_id: Mapped[int] = mapped_column(Integer)
    opds: Mapped[list] = mapped_column(JSON, default=list)
    updated_by: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
