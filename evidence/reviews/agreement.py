"""How far reviewers agreed with each model version: the model's accuracy on this Pemda's own documents.

Why: the model card measures a version on 122 public documents; a Tim Koordinasi wants to know how it does
on *their* archive, and every review answers that a little more. A reviewed document is judged against the
suggestions of the first version a reviewer decided on (the reviews record it), so the figure is out of
sample: a later version trained on that document never judges it.

A document counts once (copies of one content pool their reviews, as for training) and only when every
suggestion the reviewer saw was decided; otherwise an undecided suggestion would count as neither right nor
wrong. What the reviewers confirmed (accepted, or the target of a relabel) is the truth; indicators nobody
confirmed and the model did not suggest are invisible to this measure, so its recall is an upper bound.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence.db.models import SuggestionRecord
from evidence.reviews.current import pick_current
from evidence.reviews.effective import (
    HUMAN_SOURCES,
    ReviewLike,
    effective_indicators,
    latest_per_indicator,
    reviews_by_content,
)


class RowLike(Protocol):
    id: int
    framework_id: str
    indicator_id: int
    score: float
    above_threshold: bool
    candidate: bool
    model_version: str


@dataclass(frozen=True)
class DocumentAgreement:
    """One reviewed content: what the version suggested, listed as "perlu dicek", and what people confirmed."""

    suggested: frozenset[int]
    candidates: frozenset[int]  # "perlu dicek" but not suggested
    confirmed: frozenset[int]


@dataclass(frozen=True)
class Agreement:
    """Reviewers' decisions against one model version's suggestions, summed over reviewed documents."""

    model_version: str
    documents: int = 0
    suggested: int = 0  # suggestions (above threshold) that reviewers decided
    accepted: int = 0  # of those, confirmed
    confirmed: int = 0  # indicators reviewers confirmed
    confirmed_as_candidate: int = 0  # of those, not suggested but listed as "perlu dicek"
    nothing_confirmed: int = 0  # documents where reviewers confirmed no indicator (unrelated)
    nothing_confirmed_suggested: int = 0  # of those, documents that had a suggestion

    @property
    def precision(self) -> float | None:
        return self.accepted / self.suggested if self.suggested else None

    @property
    def recall(self) -> float | None:
        """Share of confirmed indicators the model suggested: an upper bound (see the module docstring)."""
        return self.accepted / self.confirmed if self.confirmed else None

    @property
    def found_or_to_check(self) -> float | None:
        """Share of confirmed indicators a gap report showed as present or "perlu dicek", never missing."""
        return (self.accepted + self.confirmed_as_candidate) / self.confirmed if self.confirmed else None

    @property
    def unrelated_with_suggestion(self) -> float | None:
        return self.nothing_confirmed_suggested / self.nothing_confirmed if self.nothing_confirmed else None

    def add(self, doc: DocumentAgreement) -> Agreement:
        return Agreement(
            self.model_version, self.documents + 1, self.suggested + len(doc.suggested),
            self.accepted + len(doc.suggested & doc.confirmed), self.confirmed + len(doc.confirmed),
            self.confirmed_as_candidate + len(doc.candidates & doc.confirmed),
            self.nothing_confirmed + (not doc.confirmed),
            self.nothing_confirmed_suggested + (not doc.confirmed and bool(doc.suggested)),
        )


def document_agreement(rows: Sequence[RowLike], reviews: Sequence[ReviewLike]) -> DocumentAgreement | None:
    """What reviewers settled for one content: ``rows`` are the suggestion rows of one version, one per
    indicator. None when a suggestion of it has no decision (an undecided suggestion is neither right nor
    wrong, nor a training negative), or nothing was reviewed. Also what ``confirmed_labels`` trains on."""
    latest = latest_per_indicator(reviews)
    if not latest:
        return None
    suggested = frozenset(r.indicator_id for r in rows if r.above_threshold)
    if not suggested <= set(latest):
        return None
    confirmed = frozenset(ind for ind, eff in effective_indicators(rows, reviews).items()
                          if eff.source in HUMAN_SOURCES)
    candidates = frozenset(r.indicator_id for r in rows if r.candidate and not r.above_threshold)
    return DocumentAgreement(suggested, candidates, confirmed)


def model_agreement(session: Session, framework: str) -> dict[str, Agreement]:
    """Model version -> how reviewers' decisions agreed with its suggestions, over reviewed documents.

    A content is judged against the first version whose suggestion a reviewer decided: it made its
    suggestions before anyone confirmed a label of that content, so it was never trained on it (a later
    version may have been). Decisions on indicators no version suggested carry no version and still count
    as confirmed; contents with no versioned decision at all (from before reviews named one) are left out."""
    by_source = reviews_by_content(session, framework)
    if not by_source:
        return {}
    rows_by_doc: dict[int, list[SuggestionRecord]] = defaultdict(list)
    for row in session.scalars(select(SuggestionRecord).where(
            SuggestionRecord.framework_id == framework, SuggestionRecord.document_id.in_(by_source))):
        rows_by_doc[row.document_id].append(row)
    out: dict[str, Agreement] = {}
    for source_id, reviews in by_source.items():
        versioned = [(r.id, r.model_version) for r in reviews if r.model_version]
        if not versioned:
            continue
        version = min(versioned)[1]
        seen = pick_current([r for r in rows_by_doc[source_id] if r.model_version == version], framework)
        doc = document_agreement(seen, reviews)
        if doc is not None:
            out[version] = out.get(version, Agreement(version)).add(doc)
    return out
