"""The gap report: which indicators have evidence and which are missing, Pemda-wide and per OPD.

A pure function of the scanned documents, the catalog and the OPD directory, so the CLI, the HTTP service
and the worker produce the same report from the same inputs, and tests need no database. Everything the
framework defines (indicators, weights, critical items) is read from the catalog.

Rules, chosen so the report never overstates progress:
* evidence comes only from documents with status ``ok`` and from above-threshold suggestions; failed,
  unsupported, scanned (no_text) and duplicate files are counted and listed, but prove nothing;
* identical content (same SHA-256) counts once even if two ``ok`` rows slipped through;
* suggestions for other frameworks or for ids the catalog does not know are ignored;
* a critical item is raised as "belum ada" only when every one of its indicators is ``missing`` (no file is
  even a candidate, see ``states``); otherwise it is listed as "perlu dicek" with the files that may hold it;
* an indicator the catalog marks as assessed externally (scored from another national evaluation) is never
  a gap: without evidence it is listed under ``indicators_assessed_externally``, not as missing, and it is
  left out of the coverage shares; the framework's own predicate bands are copied into the report header.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from evidence.catalog import Catalog
from evidence.domain import ScannedDocument
from evidence.opd import OpdDirectory, find_opd
from evidence.reports.findings import build_findings
from evidence.reports.index import estimate_index
from evidence.reports.model import (
    Coverage,
    CriticalMissing,
    EvidenceFile,
    ExternalIndicator,
    FileEntry,
    FileIndicator,
    FrameworkInfo,
    GapReport,
    IndicatorEvidence,
    IndicatorGap,
    OpdGap,
    OpdOwing,
    PredicateBand,
    ProblemFile,
    Totals,
)
from evidence.reports.ownership import owed_indicators, owners_by_indicator, unassigned_indicators
from evidence.reports.states import critical_flags, opd_matrix, pemda_states
from evidence.states import DocumentState

_ROUND = 6  # weights are decimals (1.3, 2.75); rounding keeps float noise out of the JSON


@dataclass(frozen=True)
class _Doc:
    """A document with the OPD it is reported under (the directory's canonical name when known)."""

    doc: ScannedDocument
    opd: str | None


@dataclass(frozen=True)
class _Hit:
    """One piece of evidence: a counted document suggesting one indicator."""

    path: str
    opd: str | None
    indicator_id: int
    score: float


def build_gap_report(
    documents: Sequence[ScannedDocument],
    catalog: Catalog,
    directory: OpdDirectory,
    *,
    source: str,
    generated_at: datetime,
    model_version: str | None,
    pemda: str = "",
    period_start_year: int | None = None,
    scope_opd: str | None = None,
) -> GapReport:
    """Build the gap report for ``documents`` against ``catalog``; deterministic for the same inputs.

    ``period_start_year``: evidence dated before it is "older than the evaluation period" (default: the
    year before ``generated_at``, the year an evaluation looks at). ``scope_opd``: the report is one OPD's
    part, so other OPDs (owing, sending nothing) are left out and there is no Pemda-wide index estimate."""
    docs = _resolve_opd(documents, directory)
    resolved = [dataclasses.replace(d.doc, opd=d.opd) for d in docs]
    owners = owners_by_indicator(directory, catalog)
    hits = _evidence_hits(docs, catalog)
    evidence = _aggregate(hits, catalog, owners)
    per_opd = _per_opd(docs, hits, evidence, catalog, directory, owners)
    sent = {gap.name for gap in per_opd}
    external = set(catalog.external_indicator_ids())
    states = pemda_states(catalog, resolved, owners)
    missing_keys, to_check = critical_flags(catalog, states)
    without_files = [
        OpdOwing(name=o.name, owed=owed)
        for o in directory.opd
        if o.name not in sent and (owed := owed_indicators(o, catalog)) and scope_opd in (None, o.name)
    ]
    matrix_opd = [gap.name for gap in per_opd] + [o.name for o in without_files]
    findings = build_findings(catalog, resolved, states, missing_keys, to_check, without_files,
                              period_start_year=period_start_year or generated_at.year - 1)
    return GapReport(
        pemda=pemda,
        indicator_states=states,
        matrix=opd_matrix(catalog, resolved, owners, matrix_opd),
        critical_to_check=to_check,
        findings=findings,
        index_estimate=estimate_index(catalog, states) if scope_opd is None else None,
        framework=FrameworkInfo(
            id=catalog.framework.id,
            name=catalog.framework.name,
            catalog_version=catalog.framework.catalog_version,
            predicates=[
                PredicateBand(name=p.name, min=p.min, label=p.label)
                for p in sorted(catalog.predicates, key=lambda p: p.min, reverse=True)
            ],
        ),
        source=source,
        generated_at=generated_at,
        model_version=model_version or _single_model_version(documents),
        totals=Totals(files=len(docs), by_status=_status_counts(d.doc for d in docs)),
        coverage=_coverage(catalog, evidence),
        indicators_with_evidence=list(evidence.values()),
        indicators_without_evidence=[
            _gap(catalog, owners, i) for i in catalog.indicator_ids() if i not in evidence and i not in external
        ],
        indicators_assessed_externally=[
            ExternalIndicator(id=ind.id, short_name=ind.short_name, weight=ind.weight,
                              evaluation=ind.external_evaluation, has_evidence=ind.id in evidence)
            for ind in catalog.indicators
            if ind.is_external
        ],
        critical_missing=[
            CriticalMissing(
                key=item.key, label=item.label, message=item.missing_message, indicators=list(item.any_of)
            )
            for item in catalog.critical_items
            if item.key in missing_keys
        ],
        unassigned_indicators=unassigned_indicators(directory, catalog),
        opd=per_opd,
        opd_without_files=without_files,
        files=[_file_entry(d, catalog) for d in docs],
    )


# --- documents and evidence -------------------------------------------------------------------------------


def _resolve_opd(documents: Iterable[ScannedDocument], directory: OpdDirectory) -> list[_Doc]:
    resolved = []
    for doc in documents:
        opd = find_opd(directory, doc.opd)
        resolved.append(_Doc(doc, opd.name if opd is not None else doc.opd))
    return sorted(resolved, key=lambda d: (d.doc.path, d.opd or "", d.doc.status.value, d.doc.sha256 or ""))


def _best_scores(doc: ScannedDocument, known: set[int]) -> dict[int, float]:
    """Above-threshold suggestions of one document, one (best) score per known indicator."""
    best: dict[int, float] = {}
    for s in doc.suggestions:
        if (
            s.above_threshold
            and s.indicator_id in known
            and s.score > best.get(s.indicator_id, float("-inf"))
        ):
            best[s.indicator_id] = s.score
    return best


def _evidence_hits(docs: Sequence[_Doc], catalog: Catalog) -> list[_Hit]:
    known = set(catalog.indicator_ids())
    seen_content: set[str] = set()
    hits: list[_Hit] = []
    for d in docs:
        doc = d.doc
        if doc.status != DocumentState.OK or (doc.framework is not None and doc.framework != catalog.id):
            continue
        if doc.sha256:
            if doc.sha256 in seen_content:
                continue
            seen_content.add(doc.sha256)
        hits.extend(_Hit(doc.path, d.opd, i, score) for i, score in _best_scores(doc, known).items())
    return hits


def _aggregate(
    hits: Iterable[_Hit], catalog: Catalog, owners: dict[int, list[str]]
) -> dict[int, IndicatorEvidence]:
    """Indicator id -> evidence, in catalog order; files best score first, then by path."""
    by_indicator: dict[int, list[_Hit]] = defaultdict(list)
    for hit in hits:
        by_indicator[hit.indicator_id].append(hit)
    result: dict[int, IndicatorEvidence] = {}
    for ind in catalog.indicators:
        group = by_indicator.get(ind.id)
        if not group:
            continue
        group.sort(key=lambda h: (-h.score, h.path, h.opd or ""))
        result[ind.id] = IndicatorEvidence(
            id=ind.id,
            short_name=ind.short_name,
            weight=ind.weight,
            owners=list(owners.get(ind.id, [])),
            best_score=group[0].score,
            files=[EvidenceFile(path=h.path, opd=h.opd, score=h.score) for h in group],
        )
    return result


def _gap(
    catalog: Catalog, owners: dict[int, list[str]], indicator_id: int, covered_elsewhere: bool = False
) -> IndicatorGap:
    ind = catalog.indicator(indicator_id)
    return IndicatorGap(
        id=ind.id,
        short_name=ind.short_name,
        weight=ind.weight,
        owners=list(owners.get(ind.id, [])),
        covered_elsewhere=covered_elsewhere,
    )


# --- totals -----------------------------------------------------------------------------------------------


def _status_counts(docs: Iterable[ScannedDocument]) -> dict[str, int]:
    counts = {status.value: 0 for status in DocumentState.finals()}
    for doc in docs:
        counts[doc.status.value] += 1
    return counts


def _coverage(catalog: Catalog, evidence: dict[int, IndicatorEvidence]) -> Coverage:
    """Shares over the indicators assessed from documents; externally assessed ones are counted apart."""
    assessed = [i for i in catalog.indicators if not i.is_external]
    total = len(assessed)
    weight_total = sum(i.weight for i in assessed)
    weight_with = sum(i.weight for i in assessed if i.id in evidence)
    with_evidence = sum(1 for i in assessed if i.id in evidence)
    return Coverage(
        indicators_total=total,
        indicators_with_evidence=with_evidence,
        share=round(with_evidence / total, _ROUND) if total else 0.0,
        weight_total=round(weight_total, _ROUND),
        weight_with_evidence=round(weight_with, _ROUND),
        weighted_share=round(weight_with / weight_total, _ROUND) if weight_total else 0.0,
        indicators_external=len(catalog.indicators) - total,
        weight_external=round(sum(i.weight for i in catalog.indicators if i.is_external), _ROUND),
    )


def _single_model_version(documents: Iterable[ScannedDocument]) -> str | None:
    """The model version recorded on the documents, when they all agree (the caller did not say)."""
    versions = {d.model_version for d in documents if d.model_version}
    return versions.pop() if len(versions) == 1 else None


# --- per OPD ----------------------------------------------------------------------------------------------


def _opd_order(directory: OpdDirectory) -> dict[str, int]:
    return {o.name: index for index, o in enumerate(directory.opd)}


def _per_opd(
    docs: Sequence[_Doc],
    hits: Sequence[_Hit],
    evidence: dict[int, IndicatorEvidence],
    catalog: Catalog,
    directory: OpdDirectory,
    owners: dict[int, list[str]],
) -> list[OpdGap]:
    """One entry per OPD that sent files: directory order, then OPD missing from the directory by name,
    then the unknown-OPD bucket last."""
    docs_by_opd: dict[str | None, list[_Doc]] = defaultdict(list)
    for d in docs:
        docs_by_opd[d.opd].append(d)
    hits_by_opd: dict[str | None, list[_Hit]] = defaultdict(list)
    for hit in hits:
        hits_by_opd[hit.opd].append(hit)
    order = _opd_order(directory)
    external = set(catalog.external_indicator_ids())

    def sort_key(name: str | None) -> tuple[int, int, str]:
        if name is None:
            return (2, 0, "")
        if name in order:
            return (0, order[name], name)
        return (1, 0, name.casefold())

    result = []
    for name in sorted(docs_by_opd, key=sort_key):
        opd = directory.by_name(name) if name is not None else None
        owed = owed_indicators(opd, catalog) if opd is not None else []
        own = _aggregate(hits_by_opd.get(name, []), catalog, owners)
        group = docs_by_opd[name]
        owed_set = set(owed)
        result.append(
            OpdGap(
                name=name,
                in_directory=opd is not None,
                files=len(group),
                by_status=_status_counts(d.doc for d in group),
                owed=owed,
                owed_with_evidence=[own[i] for i in owed if i in own],
                owed_missing=[
                    _gap(catalog, owners, i, covered_elsewhere=i in evidence)
                    for i in owed
                    if i not in own and i not in external
                ],
                other_evidence=[ev for i, ev in own.items() if i not in owed_set],
                problem_files=[_problem(d) for d in group if d.doc.status != DocumentState.OK],
                owed_external=[i for i in owed if i not in own and i in external],
            )
        )
    return result


def _problem(d: _Doc) -> ProblemFile:
    return ProblemFile(
        path=d.doc.path, opd=d.opd, status=d.doc.status, error=d.doc.error, duplicate_of=d.doc.duplicate_of
    )


def _file_entry(d: _Doc, catalog: Catalog) -> FileEntry:
    """A row of the flat file list; lists what the classifier suggested even for files that count for
    nothing (a duplicate's topic is still informative), the status column says whether it counts."""
    scores = _best_scores(d.doc, set(catalog.indicator_ids()))
    return FileEntry(
        path=d.doc.path,
        opd=d.opd,
        status=d.doc.status,
        error=d.doc.error,
        duplicate_of=d.doc.duplicate_of,
        doc_type=d.doc.doc_type,
        indicators=[
            FileIndicator(id=i, short_name=catalog.indicator(i).short_name, score=score)
            for i, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    )
