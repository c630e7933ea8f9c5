"""The gap report over everything stored (all batches, reviews applied), as the API and ``spbe report`` give it.

One function for both, so a report printed at the command line and one fetched over HTTP agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from evidence.catalog import Catalog, load_catalog
from evidence.opd import OpdDirectory
from evidence.queries import Viewer, report_inputs
from evidence.reports.gaps import build_gap_report
from evidence.reports.model import GapReport
from evidence.reports.transition import attach_transition


@dataclass(frozen=True)
class StoredReport:
    report: GapReport
    in_progress: int  # files still being processed: not in the report yet
    batches: int


def stored_gap_report(
    session: Session,
    viewer: Viewer,
    catalog: Catalog,
    directory: OpdDirectory,
    *,
    opd: str | None = None,
    other_frameworks: Sequence[str] = (),
    source: str | None = None,
) -> StoredReport:
    """``opd`` limits the report to one OPD's part (other OPDs' missing uploads are not its gap); the
    evidence the same files carry in ``other_frameworks`` becomes the transition view when a crosswalk
    joins them to ``catalog``."""
    inputs = report_inputs(session, viewer, catalog.id, opd=opd)
    report = build_gap_report(inputs.documents, catalog, directory, source=source or f"{inputs.batches} batch",
                              generated_at=datetime.now(UTC), model_version=None)
    for framework in other_frameworks:
        if framework != catalog.id:
            other = report_inputs(session, viewer, framework, opd=opd).documents
            report = attach_transition(report, catalog, load_catalog(framework), other, directory)
    if opd is not None:
        report = report.model_copy(update={"opd_without_files": []})
    return StoredReport(report, inputs.in_progress, inputs.batches)
