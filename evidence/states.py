"""Every state a document or a batch can be in, the moves allowed between them, and coded failure reasons.

Why one module: the states are stored as plain strings in the database and shown in the API, the pages
and the reports. Spelling them once, as ``StrEnum`` members, lets every reader and writer agree, and the
transition tables below are the written-down life of a file that ``tests/evidence/test_states.py`` checks.
A ``StrEnum`` member *is* its string, so stored rows, JSON and comparisons keep their shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar


class DocumentState(StrEnum):
    """The state of one file of a batch. Every file is in exactly one; all but ``queued`` are final."""

    QUEUED = "queued"  # recorded, waiting to be (or being) extracted and classified
    OK = "ok"  # extracted and classified (possibly with no suggestion)
    NO_TEXT = "no_text"  # readable but without a text layer (scan) and OCR found none
    DUPLICATE = "duplicate"  # same SHA-256 as an earlier file of the batch; linked to it
    UNSUPPORTED = "unsupported"  # a format the product does not read
    FAILED = "failed"  # unreadable, corrupt, encrypted, too large, unsafe path, gave up ...

    @property
    def is_final(self) -> bool:
        return self is not DocumentState.QUEUED

    @classmethod
    def finals(cls) -> tuple[DocumentState, ...]:
        """The final states in their order of declaration (reports count these, zeros included)."""
        return tuple(state for state in cls if state.is_final)


class BatchState(StrEnum):
    """The state of one intake (an upload or a scanned folder)."""

    RECEIVED = "received"  # stored and recorded; the ingest job is the next step (the upload's outbox)
    INGESTING = "ingesting"  # a worker holds the batch and is unpacking it into documents
    PROCESSING = "processing"  # documents are queued
    DONE = "done"  # no document is queued any more
    FAILED = "failed"  # the archive itself could not be ingested after the allowed attempts


class RunOutcome(StrEnum):
    """What a processing run returns when it did not write a final state itself."""

    OCR_QUEUED = "ocr_queued"  # the scan went to the OCR queue; a later run writes the final state
    SKIPPED = "skipped"  # someone else holds the document, or it is gone
    LOST_LEASE = "lost_lease"  # our lease lapsed before the final write; another run takes over


DOCUMENT_TRANSITIONS: Mapping[DocumentState, frozenset[DocumentState]] = {
    DocumentState.QUEUED: frozenset(DocumentState.finals()),
    **{state: frozenset() for state in DocumentState.finals()},
}
"""A queued document gets exactly one final state (by its own run, by the reconciler giving up, or copied
from the original of the same content); a final state is never left."""

BATCH_TRANSITIONS: Mapping[BatchState, frozenset[BatchState]] = {
    # The CLI ingests in the same process and moves straight on; the service's worker claims it first.
    BatchState.RECEIVED: frozenset({BatchState.INGESTING, BatchState.PROCESSING, BatchState.DONE,
                                    BatchState.FAILED}),
    BatchState.INGESTING: frozenset({BatchState.PROCESSING, BatchState.DONE}),
    BatchState.PROCESSING: frozenset({BatchState.DONE}),
    BatchState.DONE: frozenset(),
    BatchState.FAILED: frozenset(),
}

S = TypeVar("S", DocumentState, BatchState)


class IllegalTransition(ValueError):
    """A write that would move a row along a path its life does not have: a bug, never user input."""


def advance(current: str, new: S, transitions: Mapping[S, frozenset[S]]) -> S:
    """``new`` when ``current -> new`` is allowed by ``transitions``; raises ``IllegalTransition`` otherwise."""
    state = type(new)(current)
    if new not in transitions[state]:
        raise IllegalTransition(f"{type(new).__name__}: {state.value} -> {new.value} is not allowed")
    return new


class FailureCode(StrEnum):
    """Why a file or a batch failed: the leading code of a stored reason (``"<code>: <detail>"``).

    The code decides the document's state and the translated message; the detail (sizes, page counts,
    exception names) is kept for the technician in English.
    """

    UNSUPPORTED = "unsupported"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    TOO_MANY_PAGES = "too_many_pages"
    NO_TEXT = "no_text"
    EXTRACTOR_ERROR = "extractor_error"
    CLASSIFIER_ERROR = "classifier_error"
    STORAGE = "storage"
    GAVE_UP = "gave_up"
    DUPLICATE = "duplicate"
    UNSAFE_PATH = "unsafe_path"
    SYMLINK = "symlink"
    LIMIT = "limit"
    ZIP_BOMB = "zip_bomb"
    EXTENSION_MISMATCH = "extension_mismatch"
    TIMEOUT = "timeout"
    OCR_UNAVAILABLE = "ocr_unavailable"
    OCR_ERROR = "ocr_error"
    FAILED = "failed"

    @property
    def state(self) -> DocumentState:
        """The final state of a file that failed for this reason."""
        return DocumentState.UNSUPPORTED if self is FailureCode.UNSUPPORTED else DocumentState.FAILED


MAX_REASON_CHARS = 2000


def failure(code: FailureCode, detail: str) -> str:
    """The stored reason: ``"<code>: <detail>"``, cut to what the column shows."""
    return f"{code.value}: {detail}"[:MAX_REASON_CHARS]


def split_reason(reason: str) -> tuple[str, str]:
    """``"encrypted: password required"`` -> ``("encrypted", "password required")``; no colon: all code."""
    code, sep, detail = reason.partition(":")
    if not sep:
        return reason.strip(), ""
    return code.strip(), detail.strip()


def failure_code(reason: str | None) -> FailureCode | None:
    """The code of a stored reason, or None for a reason without a known code."""
    if not reason:
        return None
    code = split_reason(reason)[0].lower()
    return FailureCode(code) if code in FailureCode._value2member_map_ else None


DUPLICATE_DETAIL = "same content as "


def duplicate_reason(original_path: str) -> str:
    """The reason stored on a copy: it names the file whose content it shares."""
    return failure(FailureCode.DUPLICATE, DUPLICATE_DETAIL + original_path)


def duplicate_origin(reason: str | None) -> str | None:
    """The original's path named by a copy's reason; None for any other reason."""
    prefix = duplicate_reason("")
    return reason[len(prefix):] if reason and reason.startswith(prefix) else None


def state_for_failure(reason: str) -> DocumentState:
    """The final state of a file refused at intake with ``reason`` (unknown codes count as failed)."""
    code = failure_code(reason)
    return code.state if code is not None else DocumentState.FAILED
