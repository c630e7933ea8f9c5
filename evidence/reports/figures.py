"""The headline numbers of a report, computed once and shown by every format (HTML, XLSX, PDF, CSV, JSON).

Why a module of its own: issue 11 asks for "the same numbers in every format and every place"; each
renderer reading these values (rather than recounting from the report) is what keeps them equal, and the
test that compares formats compares against this.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from evidence.reports.model import Finding, GapReport, IndicatorStatus, OpdGap
from evidence.reports.states import STATE_ORDER


@dataclass(frozen=True)
class Headline:
    files: int
    counted_files: int
    duplicates: int
    unreadable: int
    confirmed: int
    suggested: int
    perlu_dicek: int
    missing: int
    critical_missing: int
    critical_to_check: int
    findings: int
    index_confirmed: float | None
    index_with_suggestions: float | None
    predicate_confirmed: str | None
    predicate_with_suggestions: str | None

    def as_dict(self) -> dict:
        return asdict(self)


def state_counts(states: list[IndicatorStatus]) -> dict[str, int]:
    """Indicators per state, assessed from documents only (externally assessed ones are not gaps)."""
    counts = Counter(s.state for s in states if not s.external)
    return {state: counts.get(state, 0) for state in STATE_ORDER}


def headline(report: GapReport) -> Headline:
    by_status = report.totals.by_status
    counts = state_counts(report.indicator_states)
    estimate = report.index_estimate
    return Headline(
        files=report.totals.files,
        counted_files=by_status.get("ok", 0),
        duplicates=by_status.get("duplicate", 0),
        unreadable=sum(by_status.get(s, 0) for s in ("failed", "unsupported", "no_text")),
        confirmed=counts["confirmed"],
        suggested=counts["suggested"],
        perlu_dicek=counts["perlu_dicek"],
        missing=counts["missing"],
        critical_missing=len(report.critical_missing),
        critical_to_check=len(report.critical_to_check),
        findings=len(report.findings),
        index_confirmed=estimate.confirmed_only.value if estimate else None,
        index_with_suggestions=estimate.with_suggestions.value if estimate else None,
        predicate_confirmed=estimate.confirmed_only.predicate if estimate else None,
        predicate_with_suggestions=estimate.with_suggestions.predicate if estimate else None,
    )


def opd_rows(report: GapReport, name: str | None) -> list[IndicatorStatus]:
    return [row for row in report.matrix if row.opd == name]


def opd_names(report: GapReport) -> list[str | None]:
    """OPD of the matrix in report order (senders in directory order, then OPD that sent nothing)."""
    return list(dict.fromkeys(row.opd for row in report.matrix))


def opd_gap(report: GapReport, name: str | None) -> OpdGap | None:
    return next((g for g in report.opd if g.name == name), None)


def opd_coverage(report: GapReport, name: str | None) -> tuple[int, int]:
    """(owed indicators with confirmed or suggested evidence from this OPD, owed indicators), documents only."""
    owed = [r for r in opd_rows(report, name) if r.owned and not r.external]
    return sum(1 for r in owed if r.state in ("confirmed", "suggested")), len(owed)


def opd_findings(report: GapReport, name: str | None) -> list[Finding]:
    """Findings that concern one OPD: about it, about its files, or critical ones about indicators it owes."""
    paths = {f.path for f in report.files if f.opd == name}
    owed = {r.id for r in opd_rows(report, name) if r.owned}
    result = []
    for finding in report.findings:
        if finding.opd is not None:
            if finding.opd == name:
                result.append(finding)
        elif set(finding.documents) & paths or (finding.severity == "kritis" and set(finding.indicators) & owed):
            result.append(finding)
    return result


def aspect_coverage(report: GapReport) -> list[tuple[str, int, int]]:
    """(aspect name, indicators with confirmed or suggested evidence, indicators) per aspect, documents only."""
    names: dict[int, str] = {}
    if report.index_estimate is not None:
        names = {a.id: a.name for a in report.index_estimate.with_suggestions.aspects}
    rows: dict[int, list[int]] = {}
    for s in report.indicator_states:
        if s.external:
            continue
        entry = rows.setdefault(s.aspect, [0, 0])
        entry[1] += 1
        entry[0] += s.state in ("confirmed", "suggested")
    return [(names.get(a, f"Aspek {a}"), v[0], v[1]) for a, v in sorted(rows.items())]
