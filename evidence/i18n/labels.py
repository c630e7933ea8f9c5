"""Names of states, decisions and roles as pages show them, and the review desk's refusals."""

from __future__ import annotations

from evidence.i18n.types import Messages

LABEL_MESSAGES: Messages = {
    # Document and batch states (evidence.states) on the pages; "classified" is the API's word for "ok".
    "state.document.queued": {"id": "menunggu diproses", "en": "waiting to be processed"},
    "state.document.ok": {"id": "terklasifikasi", "en": "classified"},
    "state.document.no_text": {"id": "tanpa teks (hasil pindai)", "en": "no text (scanned)"},
    "state.document.duplicate": {"id": "duplikat", "en": "duplicate"},
    "state.document.unsupported": {"id": "format tidak didukung", "en": "unsupported format"},
    "state.document.failed": {"id": "gagal", "en": "failed"},
    "state.batch.received": {"id": "diterima", "en": "received"},
    "state.batch.ingesting": {"id": "sedang dibuka", "en": "being unpacked"},
    "state.batch.processing": {"id": "sedang diproses", "en": "being processed"},
    "state.batch.done": {"id": "selesai", "en": "done"},
    "state.batch.failed": {"id": "gagal", "en": "failed"},
    # A reviewer's decisions, where an indicator's evidence comes from, and the roles of users.
    "decision.accept": {"id": "diterima", "en": "accepted"},
    "decision.reject": {"id": "ditolak", "en": "rejected"},
    "decision.relabel": {"id": "diganti", "en": "relabelled"},
    "source.model": {"id": "saran model", "en": "model suggestion"},
    "source.accepted": {"id": "diterima penilai", "en": "accepted by a reviewer"},
    "source.relabelled": {"id": "diganti penilai", "en": "relabelled by a reviewer"},
    "role.admin": {"id": "admin", "en": "admin"},
    "role.reviewer": {"id": "penilai", "en": "reviewer"},
    "role.opd": {"id": "OPD", "en": "OPD"},
    # Reviews that cannot be recorded (evidence.review.errors.ReviewError, by its code).
    "review.unknown_decision": {
        "id": "Keputusan '{decision}' tidak dikenal; gunakan accept, reject, atau relabel.",
        "en": "Unknown decision '{decision}'; use accept, reject or relabel.",
    },
    "review.unknown_indicator": {
        "id": "Indikator {indicator_id} tidak ada dalam katalog {framework}.",
        "en": "Indicator {indicator_id} is not in the {framework} catalog.",
    },
    "review.relabel_needs_target": {
        "id": "Keputusan relabel memerlukan new_indicator_id (indikator pengganti).",
        "en": "A relabel decision needs new_indicator_id (the replacement indicator).",
    },
    "review.relabel_same_indicator": {
        "id": "Indikator pengganti harus berbeda dari indikator yang ditinjau ({indicator_id}).",
        "en": "The replacement indicator must differ from the reviewed indicator ({indicator_id}).",
    },
    "review.target_only_for_relabel": {
        "id": "new_indicator_id hanya boleh diisi untuk keputusan relabel.",
        "en": "new_indicator_id is only allowed for a relabel decision.",
    },
    "review.reason_too_long": {
        "id": "Alasan terlalu panjang (maksimal {limit} karakter).",
        "en": "The reason is too long (at most {limit} characters).",
    },
    "review.unknown_document": {
        "id": "Dokumen {document_id} tidak ditemukan.",
        "en": "Document {document_id} was not found.",
    },
    "review.unreadable_document": {
        "id": "Dokumen {document_id} tidak dapat ditinjau: {why}.",
        "en": "Document {document_id} cannot be reviewed: {why}.",
    },
    "review.empty_bulk": {"id": "Daftar tinjauan kosong.", "en": "The list of reviews is empty."},
    "review.too_many": {
        "id": "Terlalu banyak tinjauan sekaligus (maksimal {limit}).",
        "en": "Too many reviews at once (at most {limit}).",
    },
    "review.bulk_item": {"id": "butir {index}: {error}", "en": "item {index}: {error}"},
    # Why a document's content cannot back a decision: nobody can judge what was never read.
    "review.why.failed": {
        "id": "berkasnya gagal dibaca (rusak, terenkripsi, atau ditolak)",
        "en": "the file could not be read (corrupt, encrypted or refused)",
    },
    "review.why.unsupported": {
        "id": "format berkasnya tidak didukung, isinya tidak terbaca",
        "en": "the file format is not supported, its content was not read",
    },
    "review.why.no_text": {"id": "berkas hasil pindai tanpa teks yang terbaca", "en": "a scan without readable text"},
    "review.why.queued": {"id": "berkasnya masih diproses", "en": "the file is still being processed"},
    # Report wording shared by the CLI, the API and the pages.
    "report.all_uploaded": {
        "id": "Semua berkas yang diunggah ({batches} batch)",
        "en": "All uploaded files ({batches} batches)",
    },
    "console.to_check": {"id": "perlu dicek, mungkin ada di", "en": "to check, may be in"},
}
