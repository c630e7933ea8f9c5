"""Transparent rules taken from the catalog: indicator numbers in folder/file names and catalog keywords.

Why rules beside a model: reviewers trust a suggestion they can check ("the folder says Indikator 11"),
and OPDs often file evidence under the indicator it is meant for. Rules only add evidence to the model's
score; they are reported as reasons so a reviewer sees what fired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence.catalog import Catalog

# "Indikator 11", "indikator_11", "Ind 11", "Ind.11", "I.11", "I-11", "No. 11 Indikator" is too loose to use.
_PATH_PATTERNS = (
    re.compile(r"indikator\s*[-_.]?\s*(?:ke\s*)?0*(\d{1,2})(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![a-z])ind\s*[-_.]?\s*0*(\d{1,2})(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![A-Za-z])I\s*[.\-_]\s*0*(\d{1,2})(?!\d)"),
)

PATH_RULE_STRENGTH = 0.6
KEYWORD_HEAD_STRENGTH = 0.0  # catalog keywords are model features now (classifier.cues); a hit only explains
KEYWORD_HEAD_MAX = 0.0


@dataclass(frozen=True)
class RuleHit:
    indicator_id: int
    strength: float  # 0..1, combined with the model probability as independent evidence
    reason: str


def path_rule(path: str, catalog: Catalog) -> list[RuleHit]:
    """Indicator numbers written in the folder or file name by the OPD (when they use this catalog's numbers)."""
    if not catalog.folder_numbering:
        return []
    known = set(catalog.indicator_ids())
    found: dict[int, str] = {}
    for pattern in _PATH_PATTERNS:
        for match in pattern.finditer(path):
            number = int(match.group(1))
            if number in known and number not in found:
                found[number] = match.group(0).strip()
    return [
        RuleHit(n, PATH_RULE_STRENGTH, f"aturan: nama folder/berkas menyebut indikator {n} ('{label}')")
        for n, label in sorted(found.items())
    ]


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in keyword.lower().split()]
    return re.compile(r"(?<![a-z0-9])" + r"[\s\-]*".join(words) + r"(?![a-z0-9])")


class KeywordRules:
    """Multi-word catalog keywords found on the title page of a document."""

    def __init__(self, catalog: Catalog) -> None:
        self._patterns: list[tuple[int, str, re.Pattern[str]]] = []
        generic = {p.lower() for p in catalog.generic_phrases}
        for ind in catalog.indicators:
            for kw in ind.keywords:
                if kw.lower() in generic:
                    continue
                if len(kw.split()) >= 2 or (kw.isupper() and len(kw) >= 4):
                    self._patterns.append((ind.id, kw, _keyword_pattern(kw)))

    def hits(self, head: str) -> list[RuleHit]:
        lowered = head.lower()
        matched: dict[int, list[str]] = {}
        for indicator_id, kw, pattern in self._patterns:
            if pattern.search(lowered):
                matched.setdefault(indicator_id, []).append(kw)
        out = []
        for indicator_id, kws in sorted(matched.items()):
            strength = min(KEYWORD_HEAD_MAX, KEYWORD_HEAD_STRENGTH * len(kws))
            quoted = ", ".join(f"'{k}'" for k in kws[:4])
            out.append(RuleHit(indicator_id, strength, f"aturan: kata kunci katalog di halaman judul: {quoted}"))
        return out
