"""Human-confirmed indicator mappings, read back as training data for the next model version.

Only what a person decided becomes a label: an accepted suggestion or the target of a relabel. A
document qualifies only when every above-threshold suggestion of its current model run has a review;
otherwise an unreviewed suggestion would silently become a negative example. Copies of one content are
one example (their reviews are pooled), so a file uploaded by three OPDs does not weigh three times.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence.db.models import Document, DocumentText, SuggestionRecord
from evidence.reviews import pick_current, reviews_by_content
from evidence.reviews.agreement import document_agreement


@dataclass(frozen=True)
class ConfirmedLabel:
    sha256: str
    path: str
    text: str
    indicators: frozenset[int]


def confirmed_labels(session: Session, framework: str) -> list[ConfirmedLabel]:
    """One entry per reviewed content, ordered by SHA-256 so the training data hash is stable."""
    by_source = reviews_by_content(session, framework)
    labels: dict[str, ConfirmedLabel] = {}
    for source_id, reviews in by_source.items():
        source = session.get(Document, source_id)
        text = session.get(DocumentText, source_id)
        if source is None or text is None or not source.sha256:
            continue
        rows = session.scalars(select(SuggestionRecord).where(SuggestionRecord.document_id == source_id)).all()
        settled = document_agreement(pick_current(rows, framework), reviews)
        if settled is not None and settled.confirmed:
            labels[source.sha256] = ConfirmedLabel(source.sha256, source.path, text.text, settled.confirmed)
    return [labels[key] for key in sorted(labels)]
