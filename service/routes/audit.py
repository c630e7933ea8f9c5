"""``GET /audit``: the append-only audit trail, for admins (who, when, what, before, after)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field, field_validator

from evidence.audit import list_events
from service.deps import AdminPrincipal, RuntimeDep
from service.routes.common import API_PREFIX, FORBIDDEN, INVALID, UNAUTHORIZED

router = APIRouter(prefix=API_PREFIX, tags=["audit"])


class AuditEventOut(BaseModel):
    """One appended event: who did what to which target, with the state before and after."""

    id: int
    created_at: datetime
    actor: str = Field(description="Nama pengguna, 'retrain' atau pengguna CLI")
    action: str = Field(description="mis. review.accept, user.created, user.password_changed, model.promote")
    target_type: str = Field(description="document, user atau model")
    target_id: str
    before: Any | None = None
    after: Any | None = None

    @field_validator("created_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        """SQLite hands back naive datetimes; every stamp is stored in UTC."""
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class AuditPageOut(BaseModel):
    items: list[AuditEventOut]
    next_before_id: int | None = None


@router.get("/audit", response_model=AuditPageOut, responses={**UNAUTHORIZED, **FORBIDDEN, **INVALID})
def audit(
    principal: AdminPrincipal,
    rt: RuntimeDep,
    action: Annotated[str | None, Query(max_length=60, description="Awalan aksi, mis. review. atau user.")] = None,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    before_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="Halaman berikutnya")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AuditPageOut:
    """Newest first. Reviews, relabels, user creation and password changes, model promotions."""
    with rt.db.session() as session:
        events = list_events(session, action=action, actor=actor, before_id=before_id, limit=limit)
        items = [AuditEventOut.model_validate(e, from_attributes=True) for e in events]
    return AuditPageOut(items=items, next_before_id=items[-1].id if len(items) == limit else None)
