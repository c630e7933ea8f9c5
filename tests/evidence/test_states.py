"""The written-down life of a document and a batch, and coded failure reasons."""

from __future__ import annotations

import pytest

from evidence.states import (
    BATCH_TRANSITIONS,
    DOCUMENT_TRANSITIONS,
    BatchState,
    DocumentState,
    FailureCode,
    IllegalTransition,
    advance,
    duplicate_origin,
    duplicate_reason,
    failure,
    failure_code,
    state_for_failure,
)


def test_every_state_has_a_row_in_its_transition_table() -> None:
    assert set(DOCUMENT_TRANSITIONS) == set(DocumentState)
    assert set(BATCH_TRANSITIONS) == set(BatchState)


def test_a_queued_document_gets_exactly_one_final_state_and_keeps_it() -> None:
    assert DOCUMENT_TRANSITIONS[DocumentState.QUEUED] == set(DocumentState.finals())
    for state in DocumentState.finals():
        assert state.is_final
        assert DOCUMENT_TRANSITIONS[state] == frozenset()
    assert not DocumentState.QUEUED.is_final


def test_final_states_keep_the_order_reports_count_them_in() -> None:
    assert [s.value for s in DocumentState.finals()] == ["ok", "no_text", "duplicate", "unsupported", "failed"]


@pytest.mark.parametrize(("old", "new"), [
    (BatchState.RECEIVED, BatchState.INGESTING),  # a worker claimed the upload
    (BatchState.RECEIVED, BatchState.FAILED),  # the reconciler gave up on it
    (BatchState.RECEIVED, BatchState.PROCESSING),  # the CLI ingests in-process
    (BatchState.INGESTING, BatchState.PROCESSING),
    (BatchState.INGESTING, BatchState.DONE),  # nothing left to process (all copies or refusals)
    (BatchState.PROCESSING, BatchState.DONE),
])
def test_allowed_batch_moves(old: BatchState, new: BatchState) -> None:
    assert advance(old, new, BATCH_TRANSITIONS) is new


@pytest.mark.parametrize(("old", "new"), [
    (BatchState.DONE, BatchState.PROCESSING),
    (BatchState.FAILED, BatchState.RECEIVED),
    (BatchState.PROCESSING, BatchState.INGESTING),
    (BatchState.PROCESSING, BatchState.FAILED),
])
def test_refused_batch_moves(old: BatchState, new: BatchState) -> None:
    with pytest.raises(IllegalTransition):
        advance(old, new, BATCH_TRANSITIONS)


def test_a_final_document_is_never_moved_again() -> None:
    assert advance("queued", DocumentState.OK, DOCUMENT_TRANSITIONS) is DocumentState.OK
    with pytest.raises(IllegalTransition):
        advance("ok", DocumentState.FAILED, DOCUMENT_TRANSITIONS)
    with pytest.raises(IllegalTransition):
        advance("failed", DocumentState.QUEUED, DOCUMENT_TRANSITIONS)


def test_states_are_their_stored_strings() -> None:
    assert DocumentState.QUEUED == "queued"
    assert f"{BatchState.DONE}" == "done"


def test_a_reason_carries_its_code() -> None:
    reason = failure(FailureCode.UNSUPPORTED, "not a regular file")
    assert reason == "unsupported: not a regular file"
    assert failure_code(reason) is FailureCode.UNSUPPORTED
    assert state_for_failure(reason) is DocumentState.UNSUPPORTED
    assert state_for_failure(failure(FailureCode.ZIP_BOMB, "ratio 900")) is DocumentState.FAILED
    # The code is the field before the first colon, not a prefix of the words: "unsupported_x" is unknown.
    assert failure_code("unsupported_x: y") is None
    assert state_for_failure("unsupported_x: y") is DocumentState.FAILED
    assert failure_code(None) is None


def test_long_details_are_cut_to_the_column() -> None:
    assert len(failure(FailureCode.EXTRACTOR_ERROR, "x" * 5000)) == 2000


def test_a_copy_names_its_original() -> None:
    reason = duplicate_reason("Diskominfo/sk.pdf")
    assert reason == "duplicate: same content as Diskominfo/sk.pdf"
    assert duplicate_origin(reason) == "Diskominfo/sk.pdf"
    assert duplicate_origin("corrupt: x") is None
