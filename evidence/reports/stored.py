"""The gap report over everything stored (all batches, reviews applied), as the API, ``spbe report`` and
``spbe scan`` give it.

One function for all of them, so a report printed at the command line, written by a scan and fetched over
HTTP count files, duplicates and evidence the same way (``evidence.reports.inputs``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from evidence.catalog import Catalog, Catalogs
from evidence.i18n import t
from evidence.opd import OpdDirectory
from evidence.queries import Viewer, is_scoped, report_inputs
from evidence.reports.gaps import build_gap_report
from evidence.reports.model import GapReport
from evidence.reports.snapshots import changes_since, save_snapshot
from evidence.reports.transition import attach_transition
from evidence.responsibility import responsible_directory
from evidence.settings import Settings


def source_label(batches: int, opd: str | None, lang: str = "id") -> str:
    """What a report over stored files covers, in the same words in the CLI, the API and the pages."""
    text = t("report.all_uploaded", lang, batches=batches)
    return f"OPD {opd}: {text}" if opd else text


@dataclass(frozen=True)
class StoredReport:
    report: GapReport
    in_progress: int  # files still being processed: not in the report yet
    batches: int


def stored_gap_report(session: Session, viewer: Viewer, catalog: Catalog, directory: OpdDirectory, *,
                      settings: Settings, catalogs: Catalogs, opd: str | None = None,
                      batch_id: int | None = None, other_frameworks: Sequence[str] = (),
                      source: str | None = None, model_version: str | None = None,
                      changes_before: datetime | None = None, snapshot_by: str | None = None,
                      lang: str = "id") -> StoredReport:
    """``opd`` limits the report to one OPD's part (other OPDs' missing uploads are not its gap), ``batch_id``
    to one intake (``spbe scan``). The evidence the same files carry in ``other_frameworks`` becomes the
    transition view when a crosswalk joins them to ``catalog``. The report carries what changed since the
    latest snapshot (at or before ``changes_before``); ``snapshot_by`` stores this report as the next one's
    baseline (Pemda-wide reports of the coordination team only). ``settings`` name the Pemda and its
    responsibility matrix; ``catalogs`` give the other frameworks and the crosswalks between them."""
    directory = responsible_directory(session, catalog, directory, settings.responsibility_path)
    scope = opd if opd is not None else (viewer.opd if is_scoped(viewer) else None)
    inputs = report_inputs(session, viewer, catalog.id, opd=opd, batch_id=batch_id)
    report = build_gap_report(inputs.documents, catalog, directory, source=source or source_label(inputs.batches, opd, lang),
                              generated_at=datetime.now(UTC), model_version=model_version,
                              pemda=settings.pemda_name, scope_opd=scope)
    for framework in other_frameworks:
        if framework != catalog.id:
            other = report_inputs(session, viewer, framework, opd=opd, batch_id=batch_id).documents
            report = attach_transition(report, catalog, catalogs.catalog(framework), other, directory, catalogs)
    if scope is not None:
        report = report.model_copy(update={"opd_without_files": []})
    report = report.model_copy(update={"changes": changes_since(session, report, before=changes_before, opd=scope)})
    if snapshot_by is not None and scope is None:
        save_snapshot(session, catalog, report, created_by=snapshot_by)
    return StoredReport(report, inputs.in_progress, inputs.batches)
