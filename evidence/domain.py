"""Domain types shared by the pipeline, the database adapters and the reports.

Plain dataclasses: they cross process boundaries (RQ jobs, JSON output) and must not drag an ORM
session or a model object along.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from evidence.states import DocumentState


@dataclass(frozen=True)
class Suggestion:
    """What the classifier says about one indicator for one document (never a human decision)."""

    indicator_id: int
    score: float
    reasons: tuple[str, ...] = ()
    above_threshold: bool = True
    # "Perlu dicek": among the document's top candidates and above the model's candidate floor. A gap
    # report never calls an indicator missing while some file is such a candidate for it.
    candidate: bool = False
    # A hint of the highest maturity level (1-5) the text appears to support, with why; never an assessment.
    maturity_level: int | None = None
    maturity_reason: str | None = None


# A document's best indicators listed beside its suggestions (interchangeable ones counted once by the
# classifier); no model looks further down a document for "perlu dicek" candidates.
CANDIDATES_SHOWN = 5


class _Ranked(Protocol):
    @property
    def candidate(self) -> bool: ...


R = TypeVar("R", bound=_Ranked)


def listed_candidates(ranked: Sequence[R]) -> list[R]:
    """A document's first CANDIDATES_SHOWN indicators (best first), and every "perlu dicek" one after them:
    a model may look further down a document than five places (interchangeable indicators count as one)."""
    return [r for k, r in enumerate(ranked) if k < CANDIDATES_SHOWN or r.candidate]


@dataclass
class ScannedDocument:
    """One file of an intake, after extraction and classification."""

    path: str  # path inside the archive or folder, as the OPD sent it
    sha256: str | None
    status: DocumentState
    opd: str | None = None
    error: str | None = None
    duplicate_of: str | None = None
    doc_type: str | None = None
    pages: int | None = None
    text_chars: int = 0
    size_bytes: int = 0
    suggestions: list[Suggestion] = field(default_factory=list)  # above threshold, best first
    candidates: list[Suggestion] = field(default_factory=list)  # top-k whatever the threshold
    model_version: str | None = None
    framework: str | None = None
    # Reports: what a person decided per indicator ("accepted", "relabelled", "rejected"), and what the
    # title page says (``classifier.metadata.DocumentMetadata.as_dict()``: draft, year, number ...).
    review_states: dict[int, str] = field(default_factory=dict)
    metadata: dict | None = None
    document_id: int | None = None
