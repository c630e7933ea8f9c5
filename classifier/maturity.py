"""Maturity hints: the highest level (1-5) a document's content *appears* to support for one indicator.

Why hints and not scores: the level of an indicator is decided by evaluators over all of a Pemda's
evidence, interviews and site visits. What a single document can tell them quickly is what kind of proof
it is: a draft can only prove level 1 ("konsep/draf ... belum ditetapkan"), an enacted Perbup on the topic
proves level 2, a policy or report showing implementation across all agencies points to 3, a monitoring or
evaluation report to 4, and a follow-up of evaluation results (a revised policy, continuous improvement) to
5, as the catalog's ``level_criteria`` say. Service indicators (kapabilitas fungsi) have their own ladder:
Informasi, Interaksi, Transaksi, Kolaborasi, Optimalisasi. Every hint carries its reason and the catalog
criterion of that level, and is flagged ``hint: true`` wherever it is shown.
Pure functions: no database, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from classifier.metadata import DocumentMetadata
from evidence.catalog import Indicator
from evidence.i18n import DEFAULT_LANG, t

SERVICE_SCALE = "kapabilitas_fungsi"
SERVICE_LEVELS = {1: "Informasi", 2: "Interaksi", 3: "Transaksi", 4: "Kolaborasi", 5: "Optimalisasi"}
SCAN_CHARS = 60000

POLICY_KINDS = frozenset({"perkada", "perda", "keputusan", "surat_edaran"})
REPORT_KINDS = frozenset({"laporan", "notulen"})


def _terms(*terms: str) -> re.Pattern[str]:
    words = sorted(terms, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(" + "|".join(w.replace(" ", r"\s+") for w in words) + r")(?![a-z])")


INTEGRATION = _terms("seluruh perangkat daerah", "semua perangkat daerah", "seluruh opd", "semua opd",
                     "lintas perangkat daerah", "seluruh unit kerja", "terintegrasi", "terpadu")
EVALUATION = _terms("hasil evaluasi", "laporan evaluasi", "hasil reviu", "hasil pengukuran", "pemantauan dan evaluasi",
                    "monitoring dan evaluasi", "monev", "evaluasi", "pengukuran", "reviu", "indikator kinerja",
                    "capaian kinerja")
PERIODIC_REVIEW = re.compile(r"(?<![a-z])(?:di)?(?:reviu|evaluasi)\w*(?:\W+\w+){0,6}?\W+(?:secara\s+)?berkala")
IMPROVEMENT = _terms("perbaikan berkelanjutan", "peningkatan berkelanjutan", "optimalisasi", "inovasi",
                     "ditindaklanjuti", "tindak lanjut hasil", "rekomendasi perbaikan")
REVISION = _terms("perubahan atas", "perubahan kedua", "perubahan ketiga", "sudah tidak sesuai",
                  "tidak sesuai lagi", "perlu disesuaikan", "dicabut dan dinyatakan tidak berlaku")
SERVICE_SIGNALS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (5, _terms("perbaikan berkelanjutan", "survei kepuasan", "survey kepuasan", "berdasarkan hasil evaluasi",
               "pengembangan berkelanjutan", "optimalisasi layanan")),
    (4, _terms("terintegrasi", "integrasi", "terhubung", "interoperabilitas", "berbagi data", "bagi pakai data",
               "pertukaran data", "web service", "sistem penghubung layanan", "sistem nasional", "application programming interface")),
    (3, _terms("transaksi elektronik", "persetujuan berjenjang", "persetujuan", "validasi", "verifikasi",
               "tanda tangan elektronik", "pembayaran", "e-tendering", "tender elektronik", "pengajuan online",
               "disposisi", "olah data", "basis data")),
    (2, _terms("unggah", "unduh", "upload", "download", "pencarian", "formulir", "login", "akun", "registrasi",
               "pendaftaran online", "chat", "tanya jawab")),
)


@dataclass(frozen=True)
class MaturityHint:
    """A hint, never an assessment: shown with ``hint: true`` and the catalog criterion it points to."""

    level: int
    reason: str
    criterion: str = ""
    hint: bool = True

    def as_dict(self) -> dict:
        return {"level": self.level, "reason": self.reason, "criterion": self.criterion, "hint": True}


@lru_cache(maxsize=8)  # one document's text is scanned once for all its indicators, not once per indicator
def _scan(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "")[:SCAN_CHARS].lower())


def _first(pattern: re.Pattern[str], low: str) -> str | None:
    match = pattern.search(low)
    return re.sub(r"\s+", " ", match.group(0)) if match else None


def _hint(indicator: Indicator, level: int, reasons: list[str], lang: str) -> MaturityHint:
    prefix = f"{t('maturity.prefix', lang)} {level}"
    return MaturityHint(level, f"{prefix}: " + "; ".join(reasons), indicator.level_criteria.get(level, ""))


def _about(metadata: DocumentMetadata, lang: str) -> str:
    if not metadata.title:
        return ""
    title = metadata.title if len(metadata.title) <= 90 else metadata.title[:87] + "..."
    return t("maturity.about", lang, title=title.title() if title.isupper() else title)


def _service_hint(indicator: Indicator, metadata: DocumentMetadata, low: str, lang: str,
                  scale_levels: dict[int, str]) -> MaturityHint:
    if metadata.is_draft:
        return _hint(indicator, 1, [t("maturity.draft", lang, evidence=metadata.status_evidence or "draf")], lang)
    has_evaluation = _first(EVALUATION, low) is not None
    for level, pattern in SERVICE_SIGNALS:
        term = _first(pattern, low)
        if term is None or (level == 5 and not has_evaluation and "survei" not in term and "survey" not in term):
            continue
        name = scale_levels.get(level, SERVICE_LEVELS[level])
        return _hint(indicator, level, [t("maturity.service", lang, level_name=name, term=term, level=level)], lang)
    return _hint(indicator, 1, [t("maturity.service_info", lang)], lang)


def maturity_hint(indicator: Indicator, metadata: DocumentMetadata, text: str, *, lang: str = DEFAULT_LANG,
                  scale_levels: dict[int, str] | None = None) -> MaturityHint:
    """The highest level (1-5) of ``indicator`` that this document appears to support, with the reason.

    Conservative on purpose: a draft is capped at 1; only an enacted policy instrument starts at 2; levels 4
    and 5 need a report (or, for a policy, periodic review / a revision of an earlier policy), because a
    decree that merely *assigns* evaluation tasks does not show that evaluation happened.
    """
    low = _scan(text)
    if indicator.maturity_scale == SERVICE_SCALE:
        return _service_hint(indicator, metadata, low, lang, scale_levels or SERVICE_LEVELS)
    if metadata.is_draft:
        return _hint(indicator, 1, [t("maturity.draft", lang, evidence=metadata.status_evidence or "draf")], lang)
    kind = metadata.doc_kind
    policy = kind in POLICY_KINDS
    if policy and metadata.status == "enacted":
        level, reasons = 2, [t("maturity.enacted", lang, instrument=metadata.instrument, about=_about(metadata, lang))]
    elif policy:
        level, reasons = 1, [t("maturity.unknown_status", lang, instrument=metadata.instrument)]
    else:
        level, reasons = 1, [t("maturity.supporting", lang, kind=metadata.instrument)]
    can_rise = (policy and metadata.status == "enacted") or kind in REPORT_KINDS
    integration = _first(INTEGRATION, low)
    if integration and (can_rise or kind in {"sop", "perencanaan", "anggaran"}):
        level = 3
        reasons.append(t("maturity.integration", lang, term=integration))
    if not can_rise:
        return _hint(indicator, level, reasons, lang)
    if policy:
        periodic = PERIODIC_REVIEW.search(low)
        revision = _first(REVISION, (metadata.title or "").lower() + " " + low[:6000])
        if revision:
            level = 5
            reasons.append(t("maturity.revision", lang, instrument=metadata.instrument, term=revision))
        elif periodic:
            level = 4
            reasons.append(t("maturity.evaluation", lang, term=re.sub(r"\s+", " ", periodic.group(0))))
        return _hint(indicator, level, reasons, lang)
    evaluation = _first(EVALUATION, low)
    if evaluation:
        level = 4
        reasons.append(t("maturity.evaluation", lang, term=evaluation))
        improvement = _first(IMPROVEMENT, low)
        if improvement:
            level = 5
            reasons.append(t("maturity.improvement", lang, term=improvement))
    return _hint(indicator, level, reasons, lang)
