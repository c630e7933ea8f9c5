"""Progress since the last report: a compact summary of each report is stored, the next one is compared to it.

Pure functions (summary and diff); ``snapshots`` stores and loads them. The summary keeps facts, not
rendering: per indicator its state Pemda-wide and per OPD, the (indicator, OPD, file) evidence, the finding
keys with the OPD they concern, and the index estimate. An OPD's part of the diff only looks at entries of
that OPD, so an OPD user's report never shows another OPD's progress.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from evidence.reports.model import Finding, GapReport, IndicatorStatus, ReportChanges

SUMMARY_VERSION = 1
COVERED = ("confirmed", "suggested")


def _evidence_key(indicator_id: int, opd: str | None, path: str) -> str:
    return f"{indicator_id}|{opd or ''}|{path}"


def _finding_opds(report: GapReport, finding: Finding) -> list[str]:
    if finding.opd is not None:
        return [finding.opd]
    by_path = {f.path: f.opd or "" for f in report.files}
    return sorted({by_path.get(p, "") for p in finding.documents})


def summarise(report: GapReport) -> dict[str, Any]:
    """What a snapshot stores (JSON-ready)."""
    estimate = report.index_estimate
    return {
        "version": SUMMARY_VERSION,
        "framework": report.framework.id,
        "generated_at": report.generated_at.isoformat(),
        "states": {str(s.id): s.state for s in report.indicator_states},
        "opd_states": _opd_states(report.matrix),
        "evidence": sorted({_evidence_key(s.id, r.opd, r.path) for s in report.indicator_states for r in s.files
                            if r.review_state in ("confirmed", "unreviewed")}),
        "findings": sorted(({"key": f.key, "opds": _finding_opds(report, f)} for f in report.findings),
                           key=lambda f: f["key"]),
        "index": None if estimate is None else {"confirmed": estimate.confirmed_only.value,
                                                "with_suggestions": estimate.with_suggestions.value},
    }


def _opd_states(matrix: list[IndicatorStatus]) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for row in matrix:
        result.setdefault(row.opd or "", {})[str(row.id)] = row.state
    return result


def diff(current: GapReport, before: dict[str, Any], *, snapshot_id: int, since: datetime,
         opd: str | None = None) -> ReportChanges:
    """``current`` against a stored summary; ``opd`` limits every part to that OPD's entries."""
    now = summarise(current)
    if opd is None:
        states_before, states_now = before.get("states", {}), now["states"]
    else:
        states_before = before.get("opd_states", {}).get(opd, {})
        states_now = now["opd_states"].get(opd, {})

    def mine(key: str) -> bool:
        return opd is None or key.split("|")[1] == opd

    def findings(summary: dict[str, Any]) -> set[str]:
        return {f["key"] for f in summary.get("findings", []) if opd is None or opd in f["opds"]}

    ids = sorted({int(i) for i in (*states_before, *states_now)})
    index_before = before.get("index") if opd is None else None
    index_now = now["index"] if opd is None else None
    return ReportChanges(
        since=since,
        snapshot_id=snapshot_id,
        new_evidence=sorted(k for k in set(now["evidence"]) - set(before.get("evidence", [])) if mine(k)),
        closed_gaps=[i for i in ids if states_before.get(str(i), "missing") not in COVERED
                     and states_now.get(str(i)) in COVERED],
        new_gaps=[i for i in ids if states_before.get(str(i)) in COVERED
                  and states_now.get(str(i), "missing") not in COVERED],
        new_findings=sorted(findings(now) - findings(before)),
        resolved_findings=sorted(findings(before) - findings(now)),
        index_before=index_before["confirmed"] if index_before else None,
        index_after=index_now["confirmed"] if index_now else None,
        index_with_suggestions_before=index_before["with_suggestions"] if index_before else None,
        index_with_suggestions_after=index_now["with_suggestions"] if index_now else None,
    )


def row_change(changes: ReportChanges | None, row: IndicatorStatus) -> str:
    """One matrix cell: "bukti baru" when this OPD has new evidence for the indicator since the snapshot."""
    if changes is None:
        return ""
    prefix = f"{row.id}|{row.opd or ''}|"
    return "bukti baru" if any(k.startswith(prefix) for k in changes.new_evidence) else ""


def change_lines(changes: ReportChanges | None) -> list[str]:
    """The changes section as Indonesian sentences, shared by the HTML, XLSX and PDF renderers."""
    if changes is None:
        return ["Belum ada laporan tersimpan sebelumnya untuk dibandingkan."]
    lines = [f"Dibandingkan dengan laporan tersimpan #{changes.snapshot_id} ({changes.since:%d-%m-%Y %H:%M} UTC):",
             f"Bukti baru: {len(changes.new_evidence)}",
             f"Celah tertutup: {len(changes.closed_gaps)}"
             + (f" (indikator {', '.join(map(str, changes.closed_gaps))})" if changes.closed_gaps else ""),
             f"Celah baru: {len(changes.new_gaps)}"
             + (f" (indikator {', '.join(map(str, changes.new_gaps))})" if changes.new_gaps else ""),
             f"Temuan baru: {len(changes.new_findings)}; temuan selesai: {len(changes.resolved_findings)}"]
    if changes.index_before is not None and changes.index_after is not None:
        lines.append(f"Perkiraan indeks (bukti terkonfirmasi): {changes.index_before:.2f} -> {changes.index_after:.2f}")
    if changes.index_with_suggestions_before is not None and changes.index_with_suggestions_after is not None:
        lines.append("Perkiraan indeks (dengan saran model): "
                     f"{changes.index_with_suggestions_before:.2f} -> {changes.index_with_suggestions_after:.2f}")
    return lines
