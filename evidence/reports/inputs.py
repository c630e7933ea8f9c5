"""What a gap report is built from: every visible, processed file, counted by one rule in every place.

Why one module: the scan report, ``spbe report``, the API and the pages used to count differently (issue 11,
"Counts disagree": 31 files and 0 duplicates over the API, 33 and 2 after ``spbe scan``, 2 duplicates in
one OPD's part). The cause was that the stored report collapsed every copy of a content into one row (so
duplicates vanished) while the scan counted every row, and an OPD's part picked its representative among
that OPD's rows only (so a copy of another OPD's file showed up as a duplicate there but not Pemda-wide).

The rule now, for every caller:
* a *file* is one (OPD, file name, content): the same file re-sent next week, or uploaded by the OPD itself
  and also found in the Pemda archive, is one file, not two;
* among files with the same content the first (processed, lowest id) is the original and carries the
  evidence; every other is reported as a duplicate of it, so "the same file sent by several OPDs" stays
  visible;
* the original is chosen over everything the viewer may see *before* limiting to one OPD or batch, so an
  OPD's part is exactly its share of the Pemda-wide report. An OPD user's scope is a SQL ``WHERE``: it
  never learns of another OPD's copy.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from evidence.db.models import Document, Review, SuggestionRecord
from evidence.domain import ScannedDocument, Suggestion, listed_candidates
from evidence.pipeline.results import to_scanned
from evidence.reviews import ACCEPT, REJECT, RELABEL, effective_indicators, latest_per_indicator, pick_current
from evidence.states import DocumentState, duplicate_reason


@dataclass
class ReportInputs:
    documents: list[ScannedDocument]  # one per file (see the module docstring), reviews applied
    in_progress: int  # visible documents still queued: not in the report yet
    batches: int = 0
    model_versions: set[str] = field(default_factory=set)


def _file_key(doc: Document) -> tuple:
    name = PurePosixPath(doc.path).name or doc.path
    return (doc.opd, name, doc.sha256) if doc.sha256 else ("row", doc.id)


def _rank(doc: Document) -> tuple[bool, int]:
    """Processed copies first (they carry the results), then the oldest."""
    return (doc.status != DocumentState.OK.value, doc.id)


def report_inputs(
    session: Session,
    viewer,
    framework: str,
    *,
    opd: str | None = None,
    batch_id: int | None = None,
) -> ReportInputs:
    """Every visible processed file with its suggestions in ``framework`` and reviews applied.

    ``opd`` limits the result after originals and duplicates were decided over everything the viewer may
    see (see the module docstring); ``batch_id`` (``spbe scan``) reports one intake on its own, so a file
    that repeats an earlier batch's file under another OPD still counts as evidence in its scan report.
    Reviews of any copy of a content count for it.
    """
    from evidence.queries import scope_documents  # queries re-exports this function

    base = scope_documents(select(Document), viewer)
    documents = list(session.scalars(base.options(selectinload(Document.suggestions)).order_by(Document.id)))

    if batch_id is not None:  # one intake is reported on its own: its originals are its own files
        documents = [d for d in documents if d.batch_id == batch_id]

    def wanted(doc: Document) -> bool:
        return opd is None or doc.opd == opd

    in_progress = sum(1 for d in documents if d.status == DocumentState.QUEUED and wanted(d))
    done = [d for d in documents if d.status != DocumentState.QUEUED]
    reviews = _reviews_by_content(session, done, framework)

    files: dict[tuple, list[Document]] = defaultdict(list)
    for doc in done:
        files[_file_key(doc)].append(doc)
    representatives = [min(group, key=_rank) for group in files.values()]
    by_content: dict[str, list[Document]] = defaultdict(list)
    for doc in representatives:
        if doc.sha256:
            by_content[doc.sha256].append(doc)
    originals = {sha: min(group, key=_rank) for sha, group in by_content.items()}
    donors = _result_donors(session, originals.values())

    scanned: list[ScannedDocument] = []
    versions: set[str] = set()
    chosen = [d for d in representatives if wanted(d) or any(wanted(c) for c in files[_file_key(d)])]
    for doc in sorted(chosen, key=lambda d: d.id):
        original = originals.get(doc.sha256) if doc.sha256 else None
        if original is not None and original.id != doc.id:
            scanned.append(_as_duplicate(doc, original, framework))
            continue
        source = donors.get(doc.id, doc)
        current = pick_current(source.suggestions, framework)
        versions.update(s.model_version for s in current)
        item = _with_reviews(to_scanned(source, framework), current, reviews.get(doc.sha256 or f"row{doc.id}", []))
        scanned.append(dataclasses.replace(item, path=doc.path, opd=doc.opd, document_id=doc.id,
                                           status=DocumentState(source.status) if source is not doc else item.status,
                                           error=None if source is not doc else item.error,
                                           duplicate_of=None, metadata=source.doc_metadata))
    batch_count = len({d.batch_id for d in documents if wanted(d)})
    return ReportInputs(scanned, in_progress, batch_count, versions)


def _reviews_by_content(session: Session, documents: list[Document], framework: str) -> dict[str, list[Review]]:
    """Reviews of every visible copy, keyed by content (a file without content by its row)."""
    key_of = {d.id: d.sha256 or f"row{d.id}" for d in documents}
    result: dict[str, list[Review]] = defaultdict(list)
    if not key_of:
        return result
    ids = list(key_of)
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        chunk = ids[start:start + 900]
        for review in session.scalars(
            select(Review).where(Review.framework_id == framework, Review.document_id.in_(chunk))
        ):
            result[key_of[review.document_id]].append(review)
    return result


def _result_donors(session: Session, originals) -> dict[int, Document]:
    """An original that is itself an intake duplicate (its processed copy is outside the viewer's scope)
    takes its results (status, suggestions, metadata) from that copy; the copy's path is never shown."""
    wanting = {d.duplicate_of_id: d.id for d in originals
               if d.status == DocumentState.DUPLICATE.value and d.duplicate_of_id is not None}
    if not wanting:
        return {}
    rows = session.scalars(
        select(Document).where(Document.id.in_(list(wanting))).options(selectinload(Document.suggestions))
    )
    return {wanting[row.id]: row for row in rows if row.status != DocumentState.QUEUED}


def _as_duplicate(doc: Document, original: Document, framework: str) -> ScannedDocument:
    base = to_scanned(doc, framework)
    return dataclasses.replace(
        base, status=DocumentState.DUPLICATE, error=duplicate_reason(original.path),
        duplicate_of=original.path, suggestions=[], candidates=[], document_id=doc.id,
        metadata=doc.doc_metadata,
    )


def _review_states(reviews: list[Review]) -> dict[int, str]:
    """indicator -> what the latest review decided about it ("accepted", "relabelled", "rejected")."""
    states: dict[int, str] = {}
    for review in sorted(latest_per_indicator(reviews).values(), key=lambda r: r.id):
        if review.decision == ACCEPT:
            states[review.indicator_id] = "accepted"
        elif review.decision == REJECT:
            states[review.indicator_id] = "rejected"
        elif review.decision == RELABEL:
            states[review.indicator_id] = "rejected"
            if review.new_indicator_id is not None:
                states[review.new_indicator_id] = "relabelled"
    return states


def _with_reviews(doc: ScannedDocument, current: list[SuggestionRecord], reviews: list[Review]) -> ScannedDocument:
    effective = effective_indicators(current, reviews)
    states = _review_states(reviews)
    hints = {s.indicator_id: s for s in current}
    rejected = {i for i, state in states.items() if state == "rejected" and i not in effective}

    def hint(indicator_id: int) -> tuple[int | None, str | None]:
        row = hints.get(indicator_id)
        return (row.maturity_level, row.maturity_reason) if row is not None else (None, None)

    return dataclasses.replace(
        doc,
        suggestions=sorted(
            (Suggestion(e.indicator_id, e.score, e.reasons, True, True, *hint(e.indicator_id))
             for e in effective.values()),
            key=lambda s: (-s.score, s.indicator_id),
        ),
        candidates=[Suggestion(s.indicator_id, s.score, (), s.above_threshold, s.candidate)
                    for s in listed_candidates(current) if s.indicator_id not in rejected],
        model_version=current[0].model_version if current else doc.model_version,
        review_states={i: state for i, state in states.items() if i in effective or state == "rejected"},
    )

