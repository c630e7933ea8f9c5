"""Stored report snapshots: each Pemda-wide report of ``spbe scan`` / ``spbe report`` (and the API's
``POST /reports/gaps/snapshots``) is kept as a compact summary, so the next report can say what changed.

Only Pemda-wide reports built for the coordination team are stored (an OPD's part is a filter of one), and
reading one never needs the files again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence.catalog import Catalog
from evidence.db.frameworks import ensure_framework
from evidence.db.models import ReportSnapshot
from evidence.reports.changes import diff, summarise
from evidence.reports.model import GapReport, ReportChanges


def save_snapshot(session: Session, catalog: Catalog, report: GapReport, *, created_by: str | None) -> ReportSnapshot:

    ensure_framework(session, catalog)
    row = ReportSnapshot(framework_id=catalog.id, source=report.source[:500], created_by=created_by,
                         summary=summarise(report), created_at=report.generated_at)
    session.add(row)
    session.flush()
    return row


def latest_snapshot(session: Session, framework: str, *, before: datetime | None = None) -> ReportSnapshot | None:
    """The newest snapshot of ``framework`` (at or before ``before`` when given)."""
    stmt = select(ReportSnapshot).where(ReportSnapshot.framework_id == framework)
    if before is not None:
        stmt = stmt.where(ReportSnapshot.created_at <= before)
    return session.scalar(stmt.order_by(ReportSnapshot.created_at.desc(), ReportSnapshot.id.desc()).limit(1))


def changes_since(session: Session, report: GapReport, *, before: datetime | None = None,
                  opd: str | None = None) -> ReportChanges | None:
    """What changed between the latest snapshot (at or before ``before``) and ``report``; None without one."""
    snapshot = latest_snapshot(session, report.framework.id, before=before)
    if snapshot is None:
        return None
    return diff(report, snapshot.summary, snapshot_id=snapshot.id, since=snapshot.created_at, opd=opd)
