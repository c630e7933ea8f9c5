"""CSV export: one row per OPD x indicator, for a spreadsheet or another system.

UTF-8 with a byte-order mark, because Excel on Indonesian Windows machines otherwise opens it as ANSI and
mangles names; semicolons separate several values inside one cell. Column names are Indonesian (the
readers are the Tim Koordinasi), codes (``status_kode``, finding codes) stay stable for programs.
"""

from __future__ import annotations

import csv
import io

from evidence.reports.changes import row_change
from evidence.reports.figures import opd_findings
from evidence.reports.model import EvidenceRef, GapReport
from evidence.reports.states import STATE_LABELS

COLUMNS = (
    "pemda", "kerangka", "opd", "indikator", "nama_indikator", "aspek", "bobot", "opd_penanggung_jawab",
    "bertanggung_jawab", "status_kode", "status", "berkas", "tingkat_perkiraan", "alasan_tingkat",
    "agar_naik_satu_tingkat", "temuan", "perubahan_sejak_laporan_lalu",
)
REVIEW_WORDS = {"confirmed": "dikonfirmasi", "unreviewed": "belum ditinjau", "candidate": "kandidat"}


def evidence_text(ref: EvidenceRef) -> str:
    """"path (dikonfirmasi, model m1, skor 0.82)" for one file in a cell."""
    version = f", model {ref.model_version}" if ref.model_version else ""
    draft = ", draf" if ref.draft else ""
    return f"{ref.path} ({REVIEW_WORDS[ref.review_state]}{version}, skor {ref.score:.2f}{draft})"


def render_csv(report: GapReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    findings_by_opd = {}
    for row in report.matrix:
        if row.opd not in findings_by_opd:
            findings_by_opd[row.opd] = opd_findings(report, row.opd)
        codes = sorted({f.code for f in findings_by_opd[row.opd] if row.id in f.indicators})
        writer.writerow([
            report.pemda, report.framework.id, row.opd or "(OPD tidak dikenal)", row.id, row.short_name,
            row.aspect, f"{row.weight:g}", "; ".join(row.owners), "ya" if row.owned else "tidak",
            row.state, STATE_LABELS[row.state], "; ".join(evidence_text(r) for r in row.files), row.level,
            row.level_reason, row.next_level or "", "; ".join(codes), row_change(report.changes, row),
        ])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
