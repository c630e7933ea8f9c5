"""Who may see what: every read is restricted in SQL to the viewer's OPD (see the package docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from evidence.db.models import Batch, Document
from evidence.states import duplicate_origin

UNSCOPED_ROLES = frozenset({"admin", "reviewer"})

T = TypeVar("T")


class Viewer(Protocol):
    """Who is asking; the service's principal and the ORM ``User`` both fit."""

    @property
    def role(self) -> str: ...

    @property
    def opd(self) -> str | None: ...


@dataclass
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


def is_scoped(viewer: Viewer) -> bool:
    return viewer.role not in UNSCOPED_ROLES


def _scoped(stmt: Select, viewer: Viewer, opd_column: InstrumentedAttribute[str | None]) -> Select:
    """``stmt`` limited to rows whose ``opd_column`` is the viewer's OPD (nothing for an OPD-less user)."""
    if not is_scoped(viewer):
        return stmt
    return stmt.where(opd_column == viewer.opd) if viewer.opd else stmt.where(false())


def scope_documents(stmt: Select, viewer: Viewer) -> Select:
    """Restrict a statement over ``documents`` to what the viewer may see."""
    return _scoped(stmt, viewer, Document.opd)


def scope_batches(stmt: Select, viewer: Viewer) -> Select:
    """An OPD user sees the batches uploaded for its OPD (``opd_scope``), not Pemda-wide ones."""
    return _scoped(stmt, viewer, Batch.opd_scope)


HIDDEN_DUPLICATE_ERROR = "duplicate"


def hidden_duplicate_origins(session: Session, viewer: Viewer, documents: Sequence[Document]) -> set[int]:
    """Ids of the documents whose original (the file they copy) the viewer may not see.

    Why: a duplicate's note names the original's path ("same content as 01. DISKOMINFO/Indikator 19/..."),
    and the original may belong to another OPD. An OPD user must learn that its file is a copy, never where
    the other copy lives; the note is cut to the bare code and the original's id is withheld.
    """
    if not is_scoped(viewer):
        return set()
    linked = {d.id: d.duplicate_of_id for d in documents if d.duplicate_of_id is not None}
    mentions = {d.id for d in documents if duplicate_origin(d.error) is not None}
    if not linked and not mentions:
        return set()
    origins = set(linked.values())
    opd_of = dict(session.execute(select(Document.id, Document.opd).where(Document.id.in_(origins))).all())
    hidden = {doc_id for doc_id, origin in linked.items() if not viewer.opd or opd_of.get(origin) != viewer.opd}
    return hidden | {doc_id for doc_id in mentions if doc_id not in linked}


def visible_error(document: Document, hidden: set[int]) -> str | None:
    """The document's error as the viewer may read it (see ``hidden_duplicate_origins``)."""
    if document.id in hidden and duplicate_origin(document.error) is not None:
        return HIDDEN_DUPLICATE_ERROR
    return document.error


def paginate(session: Session, stmt: Select, limit: int, offset: int, *order: Any) -> tuple[int, Select]:
    """(total rows, the statement limited to one page in ``order``)."""
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    return total, stmt.order_by(*order).limit(limit).offset(offset)
