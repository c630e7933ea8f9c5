"""Reasons a Tim Koordinasi can read: what in the file points to the indicator, in plain Indonesian.

The classifier stores its reasons for engineers ("model (p=0.87): istilah berbobot 'tim koordinasi'",
"aturan: kata kunci katalog di halaman judul: ..."). The pages say the same things the way a reviewer
checks them: the document's title, the sentence and its page, the folder the OPD filed it in. Scores and
the raw reasons stay available to admins on demand. Errors from libraries (often English) become an
Indonesian sentence; the technical text is only shown to admins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from service.plain_errors import plain_error
from service.schemas import DocumentDetailOut, EvidenceSpanOut, SuggestionOut

__all__ = ["SuggestionView", "plain_error", "plain_reasons", "suggestion_views"]

_PATH_RULE = re.compile(r"^aturan: nama folder/berkas menyebut indikator (\d+) \('([^']*)'\)")
_TITLE_RULE = re.compile(r"^aturan: kata kunci katalog di halaman judul: (.*)$")
_MODEL = re.compile(r"^model \(p=[0-9.]+\): istilah berbobot (.*?)(?:; kalimat.*)?$")
_QUOTED = re.compile(r"'([^']+)'")
MAX_SENTENCES = 3
MATURITY_PREFIX = re.compile(r"^(petunjuk tingkat|level hint)\s*\d*\s*:\s*", re.IGNORECASE)  # classifier.maturity

@dataclass
class SuggestionView:
    """One suggestion as the review pages show it."""

    suggestion: SuggestionOut
    reasons: list[str]
    evidence: list[EvidenceSpanOut]
    pages: list[int]
    hint: str | None = None
    hint_level: int | None = None
    hint_also: list[int] = field(default_factory=list)  # other indicators the same hint applies to


def _folder_of(path: str, label: str) -> str:
    """The part of the path up to the folder that carries ``label`` (e.g. '01. DISKOMINFO/Indikator 11')."""
    parts = PurePosixPath(path).parts[:-1]
    for i, part in enumerate(parts):
        if label.lower() in part.lower():
            return "/".join(parts[max(i - 1, 0): i + 1])
    return ""


def _instrument(meta: dict) -> str:
    """'Peraturan Bupati', 'Keputusan Kepala Dinas ...': the kind of instrument as its heading names it."""
    authority = (meta.get("authority") or "").strip()
    kind = meta.get("doc_kind") or ""
    if kind == "perkada":
        return f"Peraturan {authority}" if authority else "Peraturan Kepala Daerah"
    if kind == "keputusan":
        return f"Keputusan {authority}" if authority else "Keputusan"
    return {"perda": "Peraturan Daerah", "surat_edaran": "Surat Edaran", "sop": "SOP", "laporan": "Laporan",
            "notulen": "Notulen", "perencanaan": "Dokumen perencanaan"}.get(kind, "")


def _title(doc: DocumentDetailOut) -> str | None:
    meta = doc.metadata or {}
    title = " ".join(str(meta.get("title") or "").split())
    if not title:
        return None
    instrument = _instrument(meta)
    number = meta.get("number")
    year = meta.get("year")
    head = " ".join(str(x) for x in (instrument, f"Nomor {number}" if number else "", f"Tahun {year}" if year else "")
                    if x).strip()
    return f"{head} tentang {title}" if head else title


def plain_reasons(s: SuggestionOut, doc: DocumentDetailOut) -> list[str]:
    """Why the indicator was suggested, in the words a reviewer checks them by."""
    out: list[str] = []
    title = _title(doc)
    for raw in s.reasons:
        if match := _PATH_RULE.match(raw):
            folder = _folder_of(doc.path, match.group(2))
            out.append(f"Berkas ada di folder {folder}" if folder
                       else f"Nama berkas menyebut indikator {match.group(1)} ('{match.group(2)}')")
        elif match := _TITLE_RULE.match(raw):
            words = ", ".join(_QUOTED.findall(match.group(1))) or match.group(1)
            out.append(f"Judul dokumen: {title}" if title else f"Halaman judul menyebut: {words}")
        elif match := _MODEL.match(raw):
            terms = ", ".join(_QUOTED.findall(match.group(1)))
            if terms:
                out.append(f"Istilah khas indikator ini dalam dokumen: {terms}")
        elif not raw.startswith(("model (", "aturan:")):
            out.append(raw)
    for span in s.evidence[:MAX_SENTENCES]:
        where = f"Kalimat hlm. {span.page}" if span.page else "Kalimat"
        out.append(f"{where}: “{span.sentence}”")
    return list(dict.fromkeys(out))


def _meaningful(s: SuggestionOut) -> bool:
    """A hint says something only for an indicator the document may really support."""
    accepted = s.latest_review is not None and s.latest_review.decision == "accept"
    return s.above_threshold or s.candidate or accepted


def suggestion_views(doc: DocumentDetailOut) -> list[SuggestionView]:
    """Every suggestion with plain reasons; one maturity hint per distinct text, on the first indicator
    it applies to, and none on suggestions that are not plausible (the hint is about the document)."""
    views: list[SuggestionView] = []
    first_with: dict[str, SuggestionView] = {}
    for s in doc.suggestions:
        view = SuggestionView(s, plain_reasons(s, doc), list(s.evidence),
                              sorted({e.page for e in s.evidence if e.page}))
        if s.maturity is not None and s.maturity.reason and _meaningful(s):
            text = MATURITY_PREFIX.sub("", s.maturity.reason).strip()
            key = f"{s.maturity.level}|{text}"
            if key in first_with:
                first_with[key].hint_also.append(s.indicator_id)
            else:
                view.hint, view.hint_level = text, s.maturity.level
                first_with[key] = view
        views.append(view)
    return views
