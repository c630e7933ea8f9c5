"""Document type from the title page: regulation, decree, circular, SOP, report, minutes, budget ...

Rules, not a model: the heading of Indonesian government documents is formulaic, and reviewers need the
type to judge the maturity level a document can prove (a Perbup proves more than a news item).
"""

from __future__ import annotations

import re

# Order matters: the first pattern that matches the head wins.
_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("perda", re.compile(r"peraturan\s+daerah\s+(kabupaten|kota|provinsi)", re.I)),
    ("perkada", re.compile(r"peraturan\s+(bupati|wali\s*kota|walikota|gubernur)", re.I)),
    ("keputusan", re.compile(r"keputusan\s+(bupati|wali\s*kota|walikota|gubernur|kepala|sekretaris|inspektur)", re.I)),
    ("surat_edaran", re.compile(r"surat\s+edaran", re.I)),
    ("sop", re.compile(r"standar\s+operasional\s+prosedur|\bSOP\b", re.I)),
    ("anggaran", re.compile(r"rencana\s+kerja\s+dan\s+anggaran|\bRKA[- ]?SKPD\b|\bDPA[- ]?SKPD\b|dokumen\s+pelaksanaan\s+anggaran", re.I)),
    ("notulen", re.compile(r"\bnotulen|notula|risalah\s+rapat", re.I)),
    ("undangan", re.compile(r"\bundangan\b|daftar\s+hadir", re.I)),
    ("laporan", re.compile(r"\blaporan\b", re.I)),
    ("perencanaan", re.compile(r"\b(renstra|renja|rkpd|rpjmd|masterplan|rencana\s+strategis|peta\s+rencana)\b", re.I)),
    ("berita", re.compile(r"\b(baca\s+juga|kata\s+\w+|ujarnya|katanya|jelasnya)\b", re.I)),
)

DRAFT = re.compile(r"\b(rancangan|draf|draft|konsep)\b", re.I)


def detect_doc_type(text: str) -> str:
    head = text[:1500]
    for name, pattern in _TYPES:
        if pattern.search(head):
            return name
    return "lainnya"
