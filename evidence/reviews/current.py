"""Which suggestion rows of a document are current: the latest model run's, one per indicator."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from evidence.db.models import SuggestionRecord


class SuggestionLike(Protocol):
    id: int
    framework_id: str
    indicator_id: int
    score: float
    above_threshold: bool
    model_version: str


S = TypeVar("S", bound=SuggestionLike)


def current_suggestion_ids(framework: str) -> Select:
    """SQL: ids of the current suggestion rows (latest model run of each document, one per indicator).

    Aliases only, so the subquery never auto-correlates with a ``suggestions`` table of the outer query.
    """
    newest = aliased(SuggestionRecord, name="newest_suggestion")
    last_run = (
        select(newest.document_id, func.max(newest.id).label("last_id"))
        .where(newest.framework_id == framework)
        .group_by(newest.document_id)
        .subquery("last_run")
    )
    run_row = aliased(SuggestionRecord, name="run_row")
    run_version = (
        select(run_row.document_id, run_row.model_version)
        .join(last_run, run_row.id == last_run.c.last_id)
        .subquery("run_version")
    )
    row = aliased(SuggestionRecord, name="current_row")
    return (
        select(func.max(row.id))
        .join(
            run_version,
            and_(run_version.c.document_id == row.document_id, run_version.c.model_version == row.model_version),
        )
        .where(row.framework_id == framework)
        .group_by(row.document_id, row.indicator_id)
    )


def pick_current(rows: Iterable[S], framework: str) -> list[S]:
    """Python twin of ``current_suggestion_ids`` for suggestions already loaded with their document."""
    mine = [r for r in rows if r.framework_id == framework]
    if not mine:
        return []
    version = max(mine, key=lambda r: r.id).model_version
    best: dict[int, S] = {}
    for r in mine:
        if r.model_version == version and (r.indicator_id not in best or r.id > best[r.indicator_id].id):
            best[r.indicator_id] = r
    return sorted(best.values(), key=lambda r: (-r.score, r.indicator_id))


def current_versions(session: Session, document_ids: Iterable[int], framework: str) -> dict[tuple[int, int], str]:
    """(document, indicator) -> model version of its current suggestion, for the review's provenance."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(SuggestionRecord.document_id, SuggestionRecord.indicator_id, SuggestionRecord.model_version)
        .where(SuggestionRecord.id.in_(current_suggestion_ids(framework)), SuggestionRecord.document_id.in_(ids))
    )
    return {(doc_id, ind): version for doc_id, ind, version in rows}
