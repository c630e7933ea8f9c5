"""What a person reads in the gap reports (HTML, PDF, XLSX, console) and the maturity hints."""

from __future__ import annotations

from evidence.i18n.types import Messages

REPORT_MESSAGES: Messages = {
    # Report header
    "report.title": {
        "id": "Laporan Kesenjangan Bukti Dukung SPBE",
        "en": "SPBE Supporting Evidence Gap Report",
    },
    "report.framework": {"id": "Kerangka evaluasi", "en": "Evaluation framework"},
    "report.catalog_version": {"id": "Versi katalog", "en": "Catalog version"},
    "report.source": {"id": "Sumber", "en": "Source"},
    "report.generated_at": {"id": "Dibuat pada", "en": "Generated at"},
    "report.model_version": {"id": "Versi model", "en": "Model version"},
    "report.not_available": {"id": "tidak ada", "en": "n/a"},
    "report.disclaimer": {
        "id": "Saran indikator dihasilkan otomatis oleh pengklasifikasi dan perlu diverifikasi oleh tim "
        "penilai; laporan ini bukan nilai indeks SPBE.",
        "en": "Indicator suggestions are produced automatically by a classifier and must be verified by "
        "the assessment team; this report is not an SPBE index score.",
    },
    # Sections
    "section.summary": {"id": "Ringkasan", "en": "Summary"},
    "section.critical": {"id": "Bukti kritis yang belum ada", "en": "Critical evidence missing"},
    "section.indicators": {"id": "Indikator (seluruh Pemda)", "en": "Indicators (whole Pemda)"},
    "section.per_opd": {"id": "Rincian per OPD", "en": "Per OPD"},
    "section.problem_files": {"id": "Berkas bermasalah", "en": "Problem files"},
    "section.all_files": {"id": "Semua berkas", "en": "All files"},
    "section.opd_without_files": {
        "id": "OPD yang belum mengirim berkas",
        "en": "OPD that sent no files",
    },
    # Summary
    "summary.files": {"id": "Jumlah berkas", "en": "Files"},
    "summary.status": {"id": "Status", "en": "Status"},
    "summary.count": {"id": "Jumlah", "en": "Count"},
    "summary.coverage": {"id": "Cakupan indikator", "en": "Indicator coverage"},
    "summary.coverage_value": {
        "id": "{with_evidence} dari {total} indikator ada bukti ({pct})",
        "en": "{with_evidence} of {total} indicators have evidence ({pct})",
    },
    "summary.weighted_coverage": {"id": "Cakupan berbobot", "en": "Weighted coverage"},
    "summary.weighted_coverage_value": {
        "id": "{pct} dari total bobot indikator",
        "en": "{pct} of total indicator weight",
    },
    "summary.unassigned": {
        "id": "Indikator tanpa OPD penanggung jawab (dinilai di tingkat Pemda)",
        "en": "Indicators without a responsible OPD (assessed Pemda-wide)",
    },
    "critical.none": {
        "id": "Semua bukti kritis sudah ada.",
        "en": "All critical evidence is present.",
    },
    "critical.missing_generic": {
        "id": "Belum ada {label}: indikator {indicators} tanpa bukti dukung.",
        "en": "No {label} yet: no supporting evidence for indicator(s) {indicators}.",
    },
    # Status labels
    "status.ok": {"id": "berhasil diproses", "en": "processed"},
    "status.no_text": {"id": "tanpa teks (hasil pindai)", "en": "no text (scanned)"},
    "status.duplicate": {"id": "duplikat", "en": "duplicate"},
    "status.unsupported": {"id": "format tidak didukung", "en": "unsupported format"},
    "status.failed": {"id": "gagal", "en": "failed"},
    # Table columns
    "col.opd": {"id": "OPD", "en": "OPD"},
    "col.files": {"id": "Berkas", "en": "Files"},
    "col.file": {"id": "Berkas", "en": "File"},
    "col.indicator": {"id": "Indikator", "en": "Indicator"},
    "col.id": {"id": "No.", "en": "No."},
    "col.name": {"id": "Nama singkat", "en": "Short name"},
    "col.weight": {"id": "Bobot", "en": "Weight"},
    "col.evidence": {"id": "Bukti", "en": "Evidence"},
    "col.owners": {"id": "OPD penanggung jawab", "en": "Responsible OPD"},
    "col.score": {"id": "Skor", "en": "Score"},
    "col.best_score": {"id": "Skor terbaik", "en": "Best score"},
    "col.status": {"id": "Status", "en": "Status"},
    "col.reason": {"id": "Alasan", "en": "Reason"},
    "col.doc_type": {"id": "Jenis dokumen", "en": "Document type"},
    "col.indicators": {"id": "Indikator yang disarankan", "en": "Suggested indicators"},
    "col.with_evidence": {"id": "Indikator dengan bukti", "en": "Indicators with evidence"},
    "col.without_evidence": {"id": "Indikator tanpa bukti", "en": "Indicators without evidence"},
    "col.owed": {"id": "Indikator yang wajib", "en": "Indicators owed"},
    # Evidence state
    "evidence.present": {"id": "ada bukti", "en": "has evidence"},
    "evidence.missing": {"id": "belum ada bukti", "en": "no evidence yet"},
    # Per OPD
    "opd.unknown": {"id": "OPD tidak dikenal", "en": "Unknown OPD"},
    "opd.not_in_directory": {
        "id": "tidak ada di daftar OPD; indikator wajib tidak diketahui",
        "en": "not in the OPD list; owed indicators unknown",
    },
    "opd.files_summary": {"id": "{count} berkas", "en": "{count} files"},
    "opd.owed_none": {
        "id": "Tidak ada indikator yang secara khusus menjadi tanggung jawab OPD ini.",
        "en": "No indicator is specifically owed by this OPD.",
    },
    "opd.owed_with_evidence": {"id": "Wajib, ada bukti", "en": "Owed, with evidence"},
    "opd.owed_missing": {"id": "Wajib, belum ada bukti", "en": "Owed, no evidence yet"},
    "opd.other_evidence": {
        "id": "Bukti untuk indikator di luar kewajiban OPD ini",
        "en": "Evidence for indicators this OPD does not owe",
    },
    "opd.covered_elsewhere": {
        "id": "sudah ada bukti dari OPD lain",
        "en": "evidence already sent by another OPD",
    },
    "opd.problem_files": {"id": "Berkas bermasalah", "en": "Problem files"},
    "empty.none": {"id": "tidak ada", "en": "none"},
    "empty.no_problem_files": {"id": "Tidak ada berkas bermasalah.", "en": "No problem files."},
    "empty.no_files": {"id": "Tidak ada berkas.", "en": "No files."},
    # Frameworks: predicate bands, externally assessed indicators, transition between frameworks
    "report.predicates": {"id": "Predikat indeks", "en": "Index predicates"},
    "evidence.external": {
        "id": "dinilai dari evaluasi nasional lain",
        "en": "assessed from another national evaluation",
    },
    "summary.external": {
        "id": "Indikator yang dinilai dari evaluasi nasional lain (bukan kekurangan bukti)",
        "en": "Indicators assessed from other national evaluations (not missing evidence)",
    },
    "section.transition": {
        "id": "Transisi dari {source} ke {target}",
        "en": "Transition from {source} to {target}",
    },
    "transition.note": {
        "id": "Bukti yang sudah ada dalam kerangka lama menurut crosswalk versi {version}; penilai tetap "
        "menilainya dengan kriteria kerangka baru.",
        "en": "Evidence already held under the old framework according to crosswalk version {version}; "
        "assessors still judge it against the new framework's criteria.",
    },
    "transition.pemda_wide": {"id": "Seluruh Pemda", "en": "Whole Pemda"},
    "transition.from_previous": {
        "id": "bukti {framework} sudah ada: indikator {ids}",
        "en": "{framework} evidence present: indicator(s) {ids}",
    },
    "transition.suggested_only": {"id": "(saran, belum dikonfirmasi)", "en": "(suggested, not confirmed)"},
    "transition.to_collect": {"id": "baru: perlu dikumpulkan", "en": "new: to be collected"},
    "transition.no_counterpart": {"id": "tanpa padanan", "en": "no counterpart"},
    "col.predecessors": {"id": "Indikator pendahulu", "en": "Predecessor indicators"},
    "col.external_evaluation": {"id": "Evaluasi nasional", "en": "National evaluation"},
    "console.external": {
        "id": "Dinilai dari evaluasi nasional lain (bukan kekurangan bukti): {ids}",
        "en": "Assessed from other national evaluations (not missing evidence): {ids}",
    },
    "console.to_collect": {
        "id": "Transisi ke {target}: baru, perlu dikumpulkan: {ids}",
        "en": "Transition to {target}: new, to be collected: {ids}",
    },
    # Console
    "console.title": {"id": "Bukti dukung per OPD", "en": "Evidence per OPD"},
    "console.critical_missing": {
        "id": "Bukti kritis yang belum ada:",
        "en": "Critical evidence missing:",
    },
    "console.other_ids": {"id": "di luar kewajiban: {ids}", "en": "not owed: {ids}"},
    "console.duplicate_of": {"id": "duplikat dari {path}", "en": "duplicate of {path}"},
    # Maturity hints (classifier.maturity): always prefixed so nobody mistakes them for an assessment.
    "maturity.prefix": {"id": "petunjuk tingkat", "en": "level hint"},
    "maturity.level": {"id": "tingkat {level}", "en": "level {level}"},
    "maturity.draft": {
        "id": "hanya rancangan/draf ({evidence}): bukti tingkat 1",
        "en": "draft only ({evidence}): level 1 evidence",
    },
    "maturity.enacted": {
        "id": "{instrument} yang telah ditetapkan{about}: bukti tingkat 2",
        "en": "enacted {instrument}{about}: level 2 evidence",
    },
    "maturity.unknown_status": {
        "id": "{instrument} tanpa tanda penetapan yang terbaca: paling aman tingkat 1",
        "en": "{instrument} with no readable sign of enactment: level 1 to be safe",
    },
    "maturity.supporting": {
        "id": "dokumen pendukung ({kind}), bukan kebijakan yang ditetapkan: bukti tingkat 1",
        "en": "supporting document ({kind}), not an enacted policy: level 1 evidence",
    },
    "maturity.integration": {
        "id": "menyebut penerapan lintas perangkat daerah/terpadu ('{term}'): bukti tingkat 3",
        "en": "mentions implementation across agencies/integration ('{term}'): level 3 evidence",
    },
    "maturity.evaluation": {
        "id": "memuat pemantauan/evaluasi/pengukuran ('{term}'): bukti tingkat 4",
        "en": "contains monitoring/evaluation/measurement ('{term}'): level 4 evidence",
    },
    "maturity.improvement": {
        "id": "menindaklanjuti hasil evaluasi/perbaikan berkelanjutan ('{term}'): bukti tingkat 5",
        "en": "follows up evaluation results/continuous improvement ('{term}'): level 5 evidence",
    },
    "maturity.revision": {
        "id": "{instrument} mengubah/mengganti kebijakan sebelumnya ('{term}'): bukti tingkat 5",
        "en": "{instrument} amends/replaces an earlier policy ('{term}'): level 5 evidence",
    },
    "maturity.service": {
        "id": "fungsi layanan '{level_name}' ('{term}'): bukti tingkat {level}",
        "en": "service function '{level_name}' ('{term}'): level {level} evidence",
    },
    "maturity.service_info": {
        "id": "hanya menggambarkan layanan (informasi satu arah): bukti tingkat 1",
        "en": "only describes the service (one-way information): level 1 evidence",
    },
    "maturity.about": {"id": " tentang {title}", "en": " on {title}"},
    "evidence.page": {"id": "hlm. {page}", "en": "p. {page}"},
}
