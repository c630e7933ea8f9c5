"""Hand-built documents for report tests: say what the model and the reviewers said, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

from evidence.catalog import Catalog
from evidence.domain import ScannedDocument, Suggestion
from evidence.opd import OpdDirectory
from evidence.reports import GapReport, build_gap_report
from evidence.states import DocumentState

DISKOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
WHEN = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)


def make_doc(
    path: str,
    opd: str | None,
    *,
    suggested: dict[int, float] | None = None,
    candidates: dict[int, float] | None = None,
    reviews: dict[int, str] | None = None,
    levels: dict[int, int] | None = None,
    status: DocumentState = DocumentState.OK,
    sha: str | None = None,
    metadata: dict | None = None,
    document_id: int | None = None,
) -> ScannedDocument:
    """``suggested``: above threshold; ``candidates``: below it but a top candidate above the floor;
    ``reviews``: indicator -> "accepted"/"relabelled" (the indicator counts) as the report inputs give them."""
    suggested = dict(suggested or {})
    levels = levels or {}
    suggestions = [Suggestion(i, s, ("kw",), True, True, levels.get(i), f"hint {levels.get(i)}" if i in levels else None)
                   for i, s in sorted(suggested.items(), key=lambda kv: -kv[1])]
    below = [Suggestion(i, s, (), False, True) for i, s in (candidates or {}).items()]
    return ScannedDocument(
        path=path, sha256=sha if sha is not None else f"sha-{path}", status=status, opd=opd,
        suggestions=suggestions, candidates=[*suggestions, *below], review_states=dict(reviews or {}),
        metadata=metadata, document_id=document_id, model_version="m-test",
        error="corrupt: x" if status == DocumentState.FAILED else None,
    )


def report_for(docs: list[ScannedDocument], catalog: Catalog, directory: OpdDirectory, **kw: object) -> GapReport:
    kw.setdefault("model_version", "m-test")
    return build_gap_report(docs, catalog, directory, source="uji", generated_at=WHEN, **kw)  # type: ignore[arg-type]


def states(report: GapReport) -> dict[int, str]:
    return {s.id: s.state for s in report.indicator_states}
