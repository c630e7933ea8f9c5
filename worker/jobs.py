"""Job functions, handed to the dispatcher as ``JOBS`` and run by RQ workers or in-process.

Each job is idempotent: it claims its work with a lease in the database first, so a duplicate delivery or
a retry after a crash never processes a file twice.
"""

from __future__ import annotations

import logging

from evidence.db.models import Batch, Document, utcnow
from evidence.db.rows import existing
from evidence.pipeline import finish_batch, ingest_stored_batch, run_document
from evidence.pipeline.claim import claim_batch, release_batch
from evidence.pipeline.process import OcrHandOff
from evidence.pipeline.reconcile import reconcile_pass
from evidence.queue import JobTable
from evidence.states import RunOutcome
from worker.runtime import runtime

log = logging.getLogger(__name__)


def ingest_batch_job(batch_id: int) -> dict:
    """Unpack a stored upload into document rows (one transaction), then fan out one job per file."""
    rt = runtime()
    settings = rt.settings
    with rt.db.session() as session:
        claim = claim_batch(session, batch_id, lease_seconds=settings.lease_seconds, max_attempts=settings.max_attempts)
    if claim is None:
        return {"batch_id": batch_id, "skipped": True}
    with rt.db.session() as session:
        if not release_batch(session, batch_id, claim.token):
            session.rollback()
            return {"batch_id": batch_id, "skipped": True, "reason": "lease lost"}
        batch = existing(session, Batch, batch_id)
        result = ingest_stored_batch(session, rt.store, batch, opd_directory=rt.opd_directory,
                                     limits=rt.intake_limits)
        now = utcnow()
        for doc_id in result.to_process:
            existing(session, Document, doc_id).enqueued_at = now
    rt.dispatcher.submit_documents(batch_id, result.to_process)
    return {"batch_id": batch_id, "files": result.total, "to_process": len(result.to_process)}


def process_document_job(document_id: int) -> str:
    """Text layer and classification; scans are handed on to the OCR queue."""
    rt = runtime()
    return _run(document_id, ocr_phase=False, hand_off_ocr=rt.dispatcher.submit_ocr)


def ocr_document_job(document_id: int) -> str:
    """Runs on the ``ocr`` queue: OCR of the pages without a text layer, then classification."""
    return _run(document_id, ocr_phase=True, hand_off_ocr=None)


def _run(document_id: int, *, ocr_phase: bool, hand_off_ocr: OcrHandOff | None) -> str:
    """Process, then fan in: the job that ends a batch's last file marks the batch done.

    Each file job checks its own batch (one indexed count) instead of one finish job depending on every
    file job: RQ re-reads the state of all of a job's dependencies each time one of them ends, which made
    a 1,000-file batch cost a million status reads and kept two workers from going twice as fast."""
    rt = runtime()
    status = run_document(rt.db, rt.store, document_id, rt.classifier, policy=rt.extraction_policy,
                          lease_seconds=rt.settings.lease_seconds, max_attempts=rt.settings.max_attempts,
                          frameworks=rt.enabled_frameworks(), catalogs=rt.catalogs, ocr_phase=ocr_phase,
                          hand_off_ocr=hand_off_ocr)
    if status != RunOutcome.OCR_QUEUED:  # a scan's batch is finished by its OCR job
        with rt.db.session() as session:
            doc = session.get(Document, document_id)
            if doc is not None:
                finish_batch(session, doc.batch_id)
    return status


def finish_batch_job(batch_id: int) -> bool:
    rt = runtime()
    with rt.db.session() as session:
        return finish_batch(session, batch_id)


def reconcile_job() -> dict:
    """One reconciler pass (``evidence.pipeline.reconcile.reconcile_pass``) on this process's runtime."""
    rt = runtime()
    return reconcile_pass(rt.db, rt.settings, rt.dispatcher)


def retrain_job(framework: str) -> dict:
    """Retrain on the base corpus + reviewer-confirmed documents; skipped when nothing changed, promoted
    only when not worse on the held-out documents. Workers pick up a promoted version on their next job."""
    from classifier.artifact import current_version
    from classifier.retrain import retrain
    from classifier.train import companion_framework
    from evidence.audit import record_model_event
    from evidence.confirmed_labels import confirmed_labels

    rt = runtime()
    catalog = rt.catalogs.catalog(framework)
    companion = companion_framework(catalog)
    with rt.db.session() as session:
        confirmed = confirmed_labels(session, framework)
        companion_confirmed = confirmed_labels(session, companion) if companion else []
    before = current_version(rt.settings.models_dir, framework)
    result = retrain(catalog, rt.settings.models_dir, confirmed=confirmed, companion_confirmed=companion_confirmed,
                     corpus_size=rt.settings.corpus_size())
    log.info("retrain %s: %s (%s)", framework, result.status, result.reason)
    if result.status == "promoted":
        record_model_event(rt.db, actor="retrain", action="model.promote", framework=framework, before=before,
                           after=result.version)
        # A framework whose second stage reads this one's first stage was validated beside the old model.
        for other in rt.enabled_frameworks():
            if other != framework and companion_framework(rt.catalogs.catalog(other)) == framework:
                rt.dispatcher.submit_retrain(other)
    return result.to_dict()


JOBS = JobTable(ingest=ingest_batch_job, process=process_document_job, finish=finish_batch_job,
                ocr=ocr_document_job, retrain=retrain_job)
"""What the dispatcher delivers; handed to it when a process builds its runtime."""
