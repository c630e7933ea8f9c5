"""Reviews: a person's decisions on the classifier's suggestions. Append-only; the latest one wins.

Why this lives in the shared core and not in the HTTP service: the API, the review pages, the CLI and the
gap report must agree on what a document *counts for* once people have looked at it. One definition:

* the **current suggestions** of a document are the rows of its latest model run (the model version of
  its newest suggestion row), one per indicator; older runs stay in the table as history;
* the **latest review** of (document, framework, indicator) is the one with the highest id; earlier ones
  are history, never edited or deleted;
* the **effective indicators** of a document are its above-threshold current suggestions that were not
  rejected or relabelled away, plus indicators a person accepted, plus relabel targets. When decisions
  touch the same indicator from two sides (a reject of 19 and a later relabel 7 -> 19), the later one wins.

``effective_indicators`` (Python, for reports and pages) and ``effective_indicator_condition`` (SQL, for
list filters) implement that rule twice; the tests check that they agree. The package has one module per
job: ``requests`` (what may be asked), ``current`` (which suggestions count), ``record`` (writing) and
``effective`` (what a document counts for), ``agreement`` (how far reviewers agreed with each model
version).
"""

from evidence.reviews.current import SuggestionLike, current_suggestion_ids, current_versions, pick_current
from evidence.reviews.effective import (
    HUMAN_SOURCES,
    EffectiveIndicator,
    ReviewLike,
    effective_indicator_condition,
    effective_indicators,
    latest_per_indicator,
    latest_review_ids,
    review_history,
    reviewed_condition,
    reviews_by_content,
)
from evidence.reviews.record import (
    ItemOutcome,
    check_entries,
    record_bulk,
    record_each,
    record_review,
    record_reviews,
)
from evidence.reviews.requests import (
    ACCEPT,
    DECISIONS,
    HUMAN_SCORE,
    MAX_BULK_ITEMS,
    MAX_REASON_CHARS,
    REJECT,
    RELABEL,
    UNREVIEWABLE,
    BulkReviewError,
    ReviewError,
    ReviewRequest,
    unreadable_reason,
    validate_request,
)

__all__ = [
    "ACCEPT",
    "DECISIONS",
    "HUMAN_SCORE",
    "HUMAN_SOURCES",
    "MAX_BULK_ITEMS",
    "MAX_REASON_CHARS",
    "REJECT",
    "RELABEL",
    "UNREVIEWABLE",
    "BulkReviewError",
    "EffectiveIndicator",
    "ItemOutcome",
    "ReviewError",
    "ReviewLike",
    "ReviewRequest",
    "SuggestionLike",
    "check_entries",
    "current_suggestion_ids",
    "current_versions",
    "effective_indicator_condition",
    "effective_indicators",
    "latest_per_indicator",
    "latest_review_ids",
    "pick_current",
    "record_bulk",
    "record_each",
    "record_review",
    "record_reviews",
    "review_history",
    "reviewed_condition",
    "reviews_by_content",
    "unreadable_reason",
    "validate_request",
]
