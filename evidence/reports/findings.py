"""Typed findings: what the Tim Koordinasi must act on, each with a stable code, a severity, an Indonesian
message and links to the indicator and the documents.

Why codes: a letter to an OPD, a dashboard and the snapshot diff ("new findings since last week") all need
to recognise the same finding again; the message may be reworded, the code may not. Every finding is
computed from the report's own inputs, so an OPD user's report only holds findings about its own files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import quote

from evidence.catalog import Catalog
from evidence.domain import ScannedDocument
from evidence.reports.model import CriticalCheck, Finding, FindingLink, IndicatorStatus, OpdOwing
from evidence.reports.states import UNREADABLE
from evidence.states import DocumentState

CRITICAL_MISSING = "KRITIS_BELUM_ADA"
CRITICAL_TO_CHECK = "KRITIS_PERLU_DICEK"
ONLY_UNCONFIRMED = "BUKTI_BELUM_DIKONFIRMASI"
ONLY_DRAFT = "BUKTI_HANYA_DRAF"
OUTDATED = "BUKTI_KEDALUWARSA"
UNREADABLE_FILE = "BERKAS_TIDAK_TERBACA"
SHARED_FILE = "BERKAS_SAMA_ANTAR_OPD"
OPD_SENT_NOTHING = "OPD_TANPA_KIRIMAN"

CODES = (CRITICAL_MISSING, CRITICAL_TO_CHECK, ONLY_UNCONFIRMED, ONLY_DRAFT, OUTDATED, UNREADABLE_FILE,
         SHARED_FILE, OPD_SENT_NOTHING)
SEVERITY_ORDER = {"kritis": 0, "tinggi": 1, "sedang": 2, "rendah": 3}
_STATUS_WORDS = {
    DocumentState.FAILED: "tidak dapat dibaca (rusak, terenkripsi atau melebihi batas)",
    DocumentState.UNSUPPORTED: "berformat yang tidak didukung",
    DocumentState.NO_TEXT: "hasil pindai tanpa teks yang terbaca",
}


def indicator_link(catalog: Catalog, indicator_id: int) -> FindingLink:
    name = catalog.indicator(indicator_id).short_name
    return FindingLink(kind="indicator", label=f"Indikator {indicator_id}: {name}",
                       href=f"/api/v1/catalog/indicators/{indicator_id}?framework={quote(catalog.id)}")


def document_link(path: str, document_id: int | None) -> FindingLink:
    href = f"/api/v1/documents/{document_id}" if document_id is not None else f"#berkas-{quote(path)}"
    return FindingLink(kind="document", label=path, href=href)


def build_findings(
    catalog: Catalog,
    documents: Sequence[ScannedDocument],
    states: Sequence[IndicatorStatus],
    critical_missing: Sequence[str],
    critical_to_check: Sequence[CriticalCheck],
    opd_without_files: Sequence[OpdOwing],
    *,
    period_start_year: int,
) -> list[Finding]:
    """Every finding of a report, most severe first, then by code and OPD; deterministic."""
    findings: list[Finding] = []
    items = {item.key: item for item in catalog.critical_items}
    for key in critical_missing:
        item = items[key]
        findings.append(Finding(code=CRITICAL_MISSING, severity="kritis", message=item.missing_message,
                                indicators=list(item.any_of),
                                links=[indicator_link(catalog, i) for i in item.any_of]))
    for check in critical_to_check:
        paths = list(dict.fromkeys(r.path for r in check.files))
        findings.append(Finding(
            code=CRITICAL_TO_CHECK, severity="tinggi", indicators=list(check.indicators), documents=paths,
            message=(f"{check.label}: belum ada bukti yang disarankan atau dikonfirmasi, tetapi berkas berikut "
                     f"mungkin memuatnya dan perlu dicek lebih dulu: {', '.join(paths)}."),
            links=[indicator_link(catalog, i) for i in check.indicators]
            + [document_link(r.path, r.document_id) for r in check.files]))
    for status in states:
        findings.extend(_evidence_findings(catalog, status, period_start_year))
    findings.extend(_file_findings(documents))
    for owing in opd_without_files:
        findings.append(Finding(
            code=OPD_SENT_NOTHING, severity="tinggi", opd=owing.name, indicators=list(owing.owed),
            message=f"{owing.name} belum mengirim berkas apa pun, padahal bertanggung jawab atas "
                    f"{len(owing.owed)} indikator."))
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], CODES.index(f.code), f.opd or "",
                                           f.indicators, f.documents))


def _evidence_findings(catalog: Catalog, status: IndicatorStatus, period_start_year: int) -> list[Finding]:
    """Findings about the evidence of one indicator: only unconfirmed, only drafts, only old files."""
    evidence = [r for r in status.files if r.review_state in ("confirmed", "unreviewed")]
    if not evidence:
        return []
    name = f"Indikator {status.id} \"{status.short_name}\""
    paths = [r.path for r in evidence]
    links = [indicator_link(catalog, status.id)] + [document_link(r.path, r.document_id) for r in evidence]
    result = []
    if status.state == "suggested":
        result.append(Finding(code=ONLY_UNCONFIRMED, severity="sedang", indicators=[status.id], documents=paths,
                              message=f"{name}: buktinya baru saran model yang belum ditinjau "
                                      f"({len(paths)} berkas); belum dapat dianggap ada.", links=links))
    if all(r.draft for r in evidence):
        result.append(Finding(code=ONLY_DRAFT, severity="tinggi", indicators=[status.id], documents=paths,
                              message=f"{name}: buktinya hanya draf (belum bernomor/belum ditandatangani). "
                                      "Kirim dokumen yang sudah ditetapkan.", links=links))
    years = [r.year for r in evidence]
    if all(y is not None and y < period_start_year for y in years):
        newest = max(y for y in years if y is not None)
        result.append(Finding(code=OUTDATED, severity="rendah", indicators=[status.id], documents=paths,
                              message=f"{name}: bukti terbaru bertahun {newest}, sebelum periode evaluasi "
                                      f"(mulai {period_start_year}). Lampirkan bukti pelaksanaan terkini.",
                              links=links))
    return result


def _file_findings(documents: Sequence[ScannedDocument]) -> list[Finding]:
    """Unreadable files, and one content sent by several OPDs (only copies the viewer may see)."""
    result = []
    for doc in documents:
        if doc.status in UNREADABLE:
            result.append(Finding(
                code=UNREADABLE_FILE, severity="sedang", opd=doc.opd, documents=[doc.path],
                message=f"Berkas {doc.path} {_STATUS_WORDS[doc.status]}; tidak dihitung sebagai bukti. "
                        "Kirim ulang dalam PDF yang dapat dibaca.",
                links=[document_link(doc.path, doc.document_id)]))
    by_content: dict[str, list[ScannedDocument]] = defaultdict(list)
    for doc in documents:
        if doc.sha256 and doc.status in (DocumentState.OK, DocumentState.DUPLICATE):
            by_content[doc.sha256].append(doc)
    for copies in by_content.values():
        opds = sorted({d.opd or "(OPD tidak dikenal)" for d in copies})
        if len(opds) < 2:
            continue
        paths = sorted(d.path for d in copies)
        result.append(Finding(
            code=SHARED_FILE, severity="rendah", documents=paths,
            message=f"Berkas yang sama dikirim oleh {len(opds)} OPD ({', '.join(opds)}); dihitung sekali.",
            links=[document_link(d.path, d.document_id) for d in sorted(copies, key=lambda d: d.path)]))
    return result
