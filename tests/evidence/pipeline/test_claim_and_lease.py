"""Leases are renewed while long work runs and lapse once the worker stops renewing them."""

from __future__ import annotations

import time

from evidence.catalog import load_catalog
from evidence.intake import IntakeItem
from evidence.opd import load_opd_directory
from evidence.pipeline import create_batch, ingest_items
from evidence.pipeline.claim import claim_document, release_document
from evidence.pipeline.lease import lease_kept


def _document(database, store) -> int:
    with database.session() as s:
        batch = create_batch(s, load_catalog("spbe-2020"), source_name="x")
        result = ingest_items(s, store, batch, [IntakeItem("Diskominfo/a.txt", b"isi", 3, None)],
                              opd_directory=load_opd_directory())
    return result.to_process[0]


def test_a_kept_lease_outlives_its_length_and_lapses_after(database, store) -> None:
    doc_id = _document(database, store)
    with database.session() as s:
        claim = claim_document(s, doc_id, lease_seconds=1, max_attempts=3)
    with lease_kept(database, doc_id, claim.token, lease_seconds=1):
        time.sleep(2.5)  # two and a half lease lengths of "OCR"
        with database.session() as s:
            assert claim_document(s, doc_id, lease_seconds=1, max_attempts=3) is None  # still ours
    time.sleep(1.5)  # nobody renews any more (a SIGKILLed worker): the lease lapses
    with database.session() as s:
        assert claim_document(s, doc_id, lease_seconds=60, max_attempts=3) is not None
        assert not release_document(s, doc_id, claim.token)  # the first worker may no longer record
