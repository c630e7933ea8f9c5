"""What a reviewer asks to record, the rules it must satisfy, and why a request is refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evidence.catalog import Catalog
from evidence.i18n import t
from evidence.states import DocumentState

ACCEPT, REJECT, RELABEL = "accept", "reject", "relabel"
DECISIONS: tuple[str, ...] = (ACCEPT, REJECT, RELABEL)
MAX_REASON_CHARS = 2000
MAX_BULK_ITEMS = 500
# A person's decision has no model score; it counts as certain evidence.
HUMAN_SCORE = 1.0

class ReviewError(ValueError):
    """A review that cannot be recorded. ``code`` is stable for programs; ``message(lang)`` is for people."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if "status" in params:  # an unreadable document: why, in the reader's language
            params["why"] = t(f"review.why.{params.pop('status')}", lang)
        return t(f"review.{self.code}", lang, **params)


UNREVIEWABLE = frozenset({DocumentState.FAILED, DocumentState.UNSUPPORTED, DocumentState.NO_TEXT,
                          DocumentState.QUEUED})
"""States whose content was not read: nobody can judge what was never read."""


def unreadable_reason(document_id: int, status: str) -> ReviewError | None:
    """The refusal for a document in ``status``, or None when its text was read (``ok``)."""
    if status not in UNREVIEWABLE:
        return None
    return ReviewError("unreadable_document", document_id=document_id, status=status)


class BulkReviewError(ValueError):
    """Every invalid item of a bulk request, by position, so the client can fix all of them at once."""

    def __init__(self, errors: Sequence[tuple[int, ReviewError]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"item {i}: {e}" for i, e in self.errors))

    def message(self, lang: str = "id") -> str:
        return "; ".join(t("review.bulk_item", lang, index=i, error=e.message(lang)) for i, e in self.errors)


@dataclass(frozen=True)
class ReviewRequest:
    """What a reviewer asks to record; validated against the catalog before anything is written."""

    document_id: int
    indicator_id: int
    decision: str
    new_indicator_id: int | None = None
    reason: str | None = None


def validate_request(item: ReviewRequest, catalog: Catalog) -> None:
    """Raise ``ReviewError`` for a decision the catalog or the rules do not allow (no database needed)."""
    known = set(catalog.indicator_ids())
    if item.decision not in DECISIONS:
        raise ReviewError("unknown_decision", decision=item.decision)
    if item.indicator_id not in known:
        raise ReviewError("unknown_indicator", indicator_id=item.indicator_id, framework=catalog.id)
    if item.decision == RELABEL:
        if item.new_indicator_id is None:
            raise ReviewError("relabel_needs_target")
        if item.new_indicator_id not in known:
            raise ReviewError("unknown_indicator", indicator_id=item.new_indicator_id, framework=catalog.id)
        if item.new_indicator_id == item.indicator_id:
            raise ReviewError("relabel_same_indicator", indicator_id=item.indicator_id)
    elif item.new_indicator_id is not None:
        raise ReviewError("target_only_for_relabel")
    if item.reason is not None and len(item.reason) > MAX_REASON_CHARS:
        raise ReviewError("reason_too_long", limit=MAX_REASON_CHARS)
