"""Many documents of a batch at once: the embedded ``spbe scan`` path (no queue, every core busy).

The same steps and rules as ``run_document`` (claim with a lease -> extract, OCR when needed, classify ->
record only while the lease holds), arranged for throughput:
- documents are claimed a few at a time, just before their extraction starts;
- extraction and OCR run in ``workers`` limited child processes side by side (``parallel``);
- texts are classified in batches of ``batch_size``, in a pool of ``workers`` processes (``classify``);
- outcomes are recorded one batch per transaction; leases of documents still in flight are renewed.
Every document ends in a final state with a reason, whatever happens to the others.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from evidence.catalog import BUNDLED, Catalogs
from evidence.db import Database
from evidence.db.models import Batch, Document
from evidence.db.rows import existing
from evidence.extraction import ExtractionResult
from evidence.extraction.policy import ExtractionPolicy
from evidence.pipeline.claim import claim_document
from evidence.pipeline.classify import Classified, Classifiers
from evidence.pipeline.lease import extend_document_lease
from evidence.pipeline.parallel import Job, ParallelExtractor
from evidence.pipeline.process import (
    DocumentClassifier,
    Outcome,
    not_claimed,
    outcome_of,
    record_outcome,
    unreadable_original,
)
from evidence.states import DocumentState, FailureCode, RunOutcome, failure
from evidence.storage import BlobStore

log = logging.getLogger(__name__)


@dataclass
class _Claimed:
    document_id: int
    token: str
    path: str
    frameworks: list[str]


def process_documents(
    db: Database,
    store: BlobStore,
    document_ids: Sequence[int],
    classifier_for: Callable[[str], DocumentClassifier],
    *,
    policy: ExtractionPolicy,
    frameworks: Sequence[str] = (),
    workers: int = 1,
    batch_size: int = 32,
    lease_seconds: int = 360,
    max_attempts: int = 3,
    on_done: Callable[[int, str], None] | None = None,
    catalogs: Catalogs = BUNDLED,
) -> dict[int, str]:
    """Process ``document_ids``; returns each document's final status (a ``RunOutcome`` when not ours)."""
    run = _BatchRun(db, store, classifier_for, policy, list(frameworks), lease_seconds, max_attempts, on_done,
                    catalogs)
    classifiers = {fw: classifier_for(fw) for fw in run.all_frameworks(document_ids)}
    db.engine.dispose()  # the pool's processes are forked: no database connection may be shared with them
    with Classifiers(classifiers, workers) as pool:
        run.classifiers, run.pool = classifiers, pool
        buffer: list[tuple[_Claimed, ExtractionResult]] = []
        extracted = ParallelExtractor(policy, workers).run(run.jobs(document_ids, batch_size), tick=run.renew_leases)
        for claimed, result in extracted:
            buffer.append((claimed, result))
            if len(buffer) >= batch_size:
                run.classify(buffer)
                buffer = []
            run.record_finished(block=False)
        if buffer:
            run.classify(buffer)
        run.record_finished(block=True)
    return run.statuses


class _BatchRun:
    def __init__(self, db: Database, store: BlobStore, classifier_for: Callable[[str], DocumentClassifier],
                 policy: ExtractionPolicy, frameworks: list[str], lease_seconds: int, max_attempts: int,
                 on_done: Callable[[int, str], None] | None, catalogs: Catalogs) -> None:
        self.db, self.store, self.classifier_for, self.policy = db, store, classifier_for, policy
        self.frameworks, self.lease_seconds, self.max_attempts, self.on_done = frameworks, lease_seconds, max_attempts, on_done
        self.statuses: dict[int, str] = {}
        self.in_flight: dict[int, _Claimed] = {}
        self.waiting: list[tuple[Future[list[Classified]], list[tuple[_Claimed, ExtractionResult]]]] = []
        self.classifiers: dict[str, DocumentClassifier] = {}
        self.pool: Classifiers | None = None
        self.catalogs = catalogs
        self.renewed = time.monotonic()

    def all_frameworks(self, document_ids: Sequence[int]) -> list[str]:
        """Every batch framework of these documents plus the enabled ones: the models to load once."""
        with self.db.session() as session:
            batch_ids = {doc.batch_id for doc in session.query(Document).filter(Document.id.in_(document_ids))}
            own = [existing(session, Batch, batch_id).framework_id for batch_id in sorted(batch_ids)]
        return list(dict.fromkeys([*own, *self.frameworks]))

    def jobs(self, document_ids: Sequence[int], chunk: int) -> Iterator[Job[_Claimed]]:
        """Claim ``chunk`` documents per transaction, lazily, as extraction slots free up."""
        for start in range(0, len(document_ids), chunk):
            claimed = self._claim(document_ids[start:start + chunk])
            for item, filename, digest in claimed:
                try:
                    data = self.store.get(digest) if digest else b""
                except OSError as exc:
                    self._record([(item, Outcome(DocumentState.FAILED, unreadable_original(exc)))])
                    continue
                yield Job(item, filename, data)

    def _claim(self, ids: Sequence[int]) -> list[tuple[_Claimed, str, str | None]]:
        out = []
        with self.db.session() as session:
            for document_id in ids:
                claim = claim_document(session, document_id, lease_seconds=self.lease_seconds,
                                       max_attempts=self.max_attempts)
                if claim is None:
                    self._finished(document_id, not_claimed(session.get(Document, document_id)))
                    continue
                doc = existing(session, Document, document_id)
                own = existing(session, Batch, doc.batch_id).framework_id
                item = _Claimed(document_id, claim.token, doc.path, list(dict.fromkeys([own, *self.frameworks])))
                self.in_flight[document_id] = item
                out.append((item, doc.filename, doc.sha256))
        return out

    def classify(self, items: list[tuple[_Claimed, ExtractionResult]]) -> None:
        """Documents of one batch share their frameworks in ``spbe scan``; group them to be sure."""
        groups: dict[tuple[str, ...], list[tuple[_Claimed, ExtractionResult]]] = {}
        for item in items:
            groups.setdefault(tuple(item[0].frameworks), []).append(item)
        if self.pool is None:
            raise RuntimeError("documents classified before the classification pool was started")
        for frameworks, group in groups.items():
            future = self.pool.submit([(result, claimed.path) for claimed, result in group], list(frameworks))
            self.waiting.append((future, group))

    def record_finished(self, *, block: bool) -> None:
        still: list = []
        for future, group in self.waiting:
            if not block and not future.done():
                still.append((future, group))
                continue
            try:
                said = future.result()
            except Exception as exc:  # a pool process died (killed for memory): these documents fail, with why
                log.warning("classification pool failed: %s", exc)
                said = [failure(FailureCode.CLASSIFIER_ERROR, f"{type(exc).__name__}: {exc}")] * len(group)
            self._record([(claimed, outcome_of(result, verdict, self.classifiers))
                          for (claimed, result), verdict in zip(group, said, strict=True)])
        self.waiting = still

    def _record(self, outcomes: list[tuple[_Claimed, Outcome]]) -> None:
        with self.db.session() as session:
            statuses = [(claimed.document_id, record_outcome(session, claimed.document_id, claimed.token, outcome,
                                                                  self.catalogs))
                        for claimed, outcome in outcomes]
        for document_id, status in statuses:
            self.in_flight.pop(document_id, None)
            self._finished(document_id, status or RunOutcome.LOST_LEASE)

    def _finished(self, document_id: int, status: str) -> None:
        self.statuses[document_id] = status
        if self.on_done is not None:
            self.on_done(document_id, status)

    def renew_leases(self) -> None:
        """Every third of a lease: push the expiry of every claimed, unrecorded document forward (a long
        OCR must not look like a crashed worker to the reconciler)."""
        if time.monotonic() - self.renewed < self.lease_seconds / 3:
            return
        self.renewed = time.monotonic()
        with self.db.session() as session:
            for claimed in list(self.in_flight.values()):
                extend_document_lease(session, claimed.document_id, claimed.token, self.lease_seconds)
