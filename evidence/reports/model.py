"""Types of the gap report.

Pydantic models rather than plain dataclasses because the report is stored and served as JSON: the same
types give ``to_dict()`` for writing and ``from_dict()`` for reading a stored report back (to re-render it
in another language) without a hand-written parser. Frozen: a report is a snapshot.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from evidence.states import DocumentState

REPORT_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PredicateBand(_Frozen):
    """One predicate band of the framework's index, copied from the catalog (never hard-coded)."""

    name: str
    min: float
    label: str = ""


class FrameworkInfo(_Frozen):
    id: str
    name: str
    catalog_version: str
    predicates: list[PredicateBand] = Field(default_factory=list)  # highest band first


class Totals(_Frozen):
    files: int
    by_status: dict[str, int]  # every DocumentState value, in enum order, zeros included


class Coverage(_Frozen):
    """Share of indicators with evidence, plain and weighted by the catalog's indicator weights (0..1).

    Counts only indicators assessed from documents: one scored from another national evaluation can be
    neither missing nor covered by an upload, so it is counted apart (``indicators_external``).
    """

    indicators_total: int
    indicators_with_evidence: int
    share: float
    weight_total: float
    weight_with_evidence: float
    weighted_share: float
    indicators_external: int = 0
    weight_external: float = 0.0


class EvidenceFile(_Frozen):
    path: str
    opd: str | None
    score: float


class IndicatorEvidence(_Frozen):
    """An indicator with evidence: the files suggesting it (best score first) and who owes it."""

    id: int
    short_name: str
    weight: float
    owners: list[str]
    best_score: float
    files: list[EvidenceFile]


class IndicatorGap(_Frozen):
    """An indicator without evidence, with the OPD expected to provide it (empty: Pemda-wide).

    ``covered_elsewhere`` matters in the per-OPD view only: the indicator is shared ("Diskominfo +
    Bappeda") and another OPD already sent evidence for it, so this gap is less urgent.
    """

    id: int
    short_name: str
    weight: float
    owners: list[str]
    covered_elsewhere: bool = False


class ExternalIndicator(_Frozen):
    """An indicator scored from another national evaluation (``evaluation``), not from uploaded documents:
    shown as such, never as missing evidence."""

    id: int
    short_name: str
    weight: float
    evaluation: str
    has_evidence: bool = False  # documents were found anyway (they help the other evaluation)


class CriticalMissing(_Frozen):
    key: str
    label: str
    message: str
    indicators: list[int]


class ProblemFile(_Frozen):
    path: str
    opd: str | None
    status: DocumentState
    error: str | None
    duplicate_of: str | None


class OpdGap(_Frozen):
    """One OPD's view: what it owes, what it sent evidence for, and which of its files need attention.

    ``name`` is None for the bucket of files whose OPD could not be inferred.
    """

    name: str | None
    in_directory: bool
    files: int
    by_status: dict[str, int]
    owed: list[int]
    owed_with_evidence: list[IndicatorEvidence]
    owed_missing: list[IndicatorGap]
    other_evidence: list[IndicatorEvidence]
    problem_files: list[ProblemFile]
    owed_external: list[int] = Field(default_factory=list)  # owed, assessed externally, no evidence: not a gap


class OpdOwing(_Frozen):
    name: str
    owed: list[int]


class FileIndicator(_Frozen):
    id: int
    short_name: str
    score: float


class FileEntry(_Frozen):
    path: str
    opd: str | None
    status: DocumentState
    error: str | None
    duplicate_of: str | None
    doc_type: str | None
    indicators: list[FileIndicator]


class TransitionIndicator(_Frozen):
    """One indicator of the newer framework in the transition view.

    ``status``: ``from_previous`` when SPBE 2020 evidence of a predecessor is already at hand (confirmed or
    suggested), ``to_collect`` when none is ("baru: perlu dikumpulkan"); ``no_counterpart`` says the
    indicator has no predecessor at all.
    """

    id: int
    short_name: str
    weight: float
    predecessors: list[int]
    confirmed_from: list[int]
    suggested_from: list[int]
    status: Literal["from_previous", "to_collect"]
    no_counterpart: bool
    assessed_externally: bool = False


class TransitionView(_Frozen):
    """Per newer-framework indicator, which older-framework evidence already exists; for one OPD or, with
    ``opd`` None and ``pemda_wide`` True, the whole Pemda."""

    from_framework: str
    to_framework: str
    crosswalk_version: str
    opd: str | None = None
    pemda_wide: bool = True
    indicators: list[TransitionIndicator]

    def to_collect(self) -> list[int]:
        return [i.id for i in self.indicators if i.status == "to_collect"]


# --- issue 9/11: states, matrix, findings, index estimate, changes ----------------------------------------

IndicatorState = Literal["confirmed", "suggested", "perlu_dicek", "missing"]
Severity = Literal["kritis", "tinggi", "sedang", "rendah"]


class EvidenceRef(_Frozen):
    """One file behind an indicator's state: its review state and the model version that scored it."""

    path: str
    opd: str | None
    document_id: int | None = None
    score: float
    review_state: Literal["confirmed", "unreviewed", "candidate"]
    model_version: str | None = None
    maturity_level: int | None = None
    draft: bool = False
    year: int | None = None


class IndicatorStatus(_Frozen):
    """An indicator's state for the Pemda (``opd`` None) or for one OPD, with what backs it and what would
    raise it one level. ``level`` 0 means no evidence; the level is an estimate, never an assessment."""

    id: int
    short_name: str
    weight: float
    aspect: int
    domain: int | None = None
    opd: str | None = None
    owned: bool = False
    state: IndicatorState
    external: bool = False
    owners: list[str]
    files: list[EvidenceRef]
    level: int
    level_reason: str
    next_level: str | None = None


class CriticalCheck(_Frozen):
    """A critical item nothing confirms or suggests, but which some file may hold ("perlu dicek")."""

    key: str
    label: str
    indicators: list[int]
    files: list[EvidenceRef]


class FindingLink(_Frozen):
    kind: Literal["indicator", "document"]
    label: str
    href: str


class Finding(_Frozen):
    """A typed finding: ``code`` is stable for programs, ``message`` is for people (Indonesian)."""

    code: str
    severity: Severity
    message: str
    opd: str | None = None
    indicators: list[int] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    links: list[FindingLink] = Field(default_factory=list)

    @property
    def key(self) -> str:
        """Identity across reports (snapshot diff): same code, OPD, indicators and files."""
        return "|".join([self.code, self.opd or "", ",".join(map(str, self.indicators)), ",".join(self.documents)])


class IndexPart(_Frozen):
    id: int
    name: str
    weight: float
    value: float


class IndexVariant(_Frozen):
    value: float
    predicate: str
    aspects: list[IndexPart]
    domains: list[IndexPart] = Field(default_factory=list)


class IndexEstimate(_Frozen):
    """Estimated index from the evidence, in two variants; labelled as an estimate, never the official score."""

    label: str
    note: str
    weight_counted: float
    excluded_external: list[int] = Field(default_factory=list)
    confirmed_only: IndexVariant
    with_suggestions: IndexVariant


class ReportChanges(_Frozen):
    """What changed since a stored snapshot of the same framework."""

    since: datetime
    snapshot_id: int
    new_evidence: list[str] = Field(default_factory=list)  # "indicator|opd|path"
    closed_gaps: list[int] = Field(default_factory=list)
    new_gaps: list[int] = Field(default_factory=list)
    new_findings: list[str] = Field(default_factory=list)  # finding keys
    resolved_findings: list[str] = Field(default_factory=list)
    index_before: float | None = None
    index_after: float | None = None
    index_with_suggestions_before: float | None = None
    index_with_suggestions_after: float | None = None


class GapReport(_Frozen):
    """Evidence and gaps for one intake, Pemda-wide and per OPD."""

    report_version: int = REPORT_VERSION
    framework: FrameworkInfo
    source: str
    generated_at: datetime
    model_version: str | None
    totals: Totals
    coverage: Coverage
    indicators_with_evidence: list[IndicatorEvidence]
    indicators_without_evidence: list[IndicatorGap]
    critical_missing: list[CriticalMissing]
    unassigned_indicators: list[int]
    opd: list[OpdGap]
    opd_without_files: list[OpdOwing]
    files: list[FileEntry]
    indicators_assessed_externally: list[ExternalIndicator] = Field(default_factory=list)
    transition: list[TransitionView] = Field(default_factory=list)  # Pemda-wide first, then per OPD
    indicator_states: list[IndicatorStatus] = Field(default_factory=list)  # Pemda-wide, catalog order
    matrix: list[IndicatorStatus] = Field(default_factory=list)  # one per OPD x indicator
    critical_to_check: list[CriticalCheck] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    index_estimate: IndexEstimate | None = None
    changes: ReportChanges | None = None
    pemda: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (datetimes as ISO 8601, statuses as their string values)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GapReport:
        """The inverse of ``to_dict``: a stored ``report.json`` back into a report."""
        return cls.model_validate(data)
