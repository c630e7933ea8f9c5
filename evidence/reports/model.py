"""Types of the gap report.

Pydantic models rather than plain dataclasses because the report is stored and served as JSON: the same
types give ``to_dict()`` for writing and ``from_dict()`` for reading a stored report back (to re-render it
in another language) without a hand-written parser. Frozen: a report is a snapshot.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from evidence.domain import FileStatus

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
    by_status: dict[str, int]  # every FileStatus value, in enum order, zeros included


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
    status: FileStatus
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
    status: FileStatus
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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (datetimes as ISO 8601, statuses as their string values)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GapReport:
        """The inverse of ``to_dict``: a stored ``report.json`` back into a report."""
        return cls.model_validate(data)
