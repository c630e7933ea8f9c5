"""What a human reader looks at first, turned into features: the title, the kind of document, the catalog's words.

Why: on real evidence the body is mostly boilerplate (menimbang, mengingat, budget-form columns, news
filler), while a reader decides from the title ("Peraturan Bupati ... tentang Arsitektur SPBE"), the kind
of instrument and whether the catalog's own phrases appear. Giving these their own features lets the model
learn from real documents how much each is worth, instead of adding a fixed bonus per keyword (which put
every document that says "sistem informasi" at the same score). The catalog phrases are also the prior for
indicators with few real examples: the generated corpus teaches "catalog phrase of indicator n -> n", and
a real document that uses the phrase inherits it.

The cues are written as tokens into their own field of the composed text, so one sklearn pipeline (and
one skops artifact without custom classes) carries them.
"""

from __future__ import annotations

import re

from classifier.metadata import extract_metadata
from classifier.text import BODY_CHARS, head_of
from evidence.catalog import Catalog

_WORD = re.compile(r"[a-z]{3,}")
# Whether a document is about something electronic at all: what separates a Perbup on LPSE from a Perbup
# on procurement rules, or an RKA line for an application from one for office vehicles.
_DIGITAL = re.compile(
    r"(?<![a-z])(?:elektronik|aplikasi|sistem informasi|online|daring|digital|website|situs web|portal|spbe|tik|"
    r"teknologi informasi|siber|internet|server|jaringan|e-[a-z]{3,}|si[a-z]{2,}\b(?=\s*\())",
    re.I,
)
NEWS_TITLE_CHARS = 160  # a news item's headline and first line
MAX_BODY_HITS = 3  # a phrase repeated on every page of a long report is still one topic
# Words of indicator names that say nothing about the topic.
_NAME_FILLER = frozenset(
    ["kebijakan", "internal", "tingkat", "kematangan", "layanan", "penerapan", "manajemen", "spbe", "pemdi", "dan", "penggunaan", "pembangunan", "sistem", "pemerintah", "digital", "sektor"]
)


# Case-insensitive matching is done on a folded copy of the text: Python's ``re.IGNORECASE`` gives up its
# fast scan for patterns that start with a cased letter and was 90% of a worker's time on a 10-page file.
# These three letters are the ones ``re.IGNORECASE`` matches to an ASCII letter while ``str.lower`` does not.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_ALNUM = re.compile(r"[A-Za-z0-9]")


def _phrases_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases, words joined by spaces or hyphens (or glued, as OCR does), not inside a word.

    The "not preceded by a letter or digit" half is checked by ``_count``: a look-behind at the start would
    stop ``re`` from scanning for the phrases' first letters.
    """
    alternatives = (r"[\s\-]*".join(re.escape(w) for w in phrase.split()) for phrase in phrases)
    return re.compile("(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])")


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Non-overlapping matches that do not start inside a word (what ``findall`` with a look-behind counts)."""
    n = pos = 0
    while match := pattern.search(text, pos):
        start = match.start()
        if start and _ALNUM.match(text, start - 1):
            pos = start + 1
            continue
        n += 1
        pos = max(match.end(), start + 1)
    return n


class CatalogPhrases:
    """Every indicator's catalog keywords and name words, found case-insensitively (acronyms as written)."""

    def __init__(self, catalog: Catalog) -> None:
        generic = {p.lower() for p in catalog.generic_phrases}
        self._patterns: list[tuple[int, re.Pattern[str], bool]] = []  # (indicator, pattern, on the folded text)
        for ind in catalog.indicators:
            phrases = {kw for kw in ind.keywords if kw.lower() not in generic}
            phrases |= {w for w in (ind.short_name or ind.name).lower().split() if w not in _NAME_FILLER and len(w) > 3}
            acronyms = sorted(p for p in phrases if p.isupper() and " " not in p)
            # The old order of alternatives (sorted as written) decides which of two overlapping phrases counts.
            words = [p.lower() for p in sorted(p for p in phrases if p not in acronyms)]
            if words:
                self._patterns.append((ind.id, _phrases_pattern(words), True))
            if acronyms:
                self._patterns.append((ind.id, _phrases_pattern(acronyms), False))

    def counts(self, text: str) -> dict[int, int]:
        folded = text.translate(_FOLD).lower()
        found: dict[int, int] = {}
        for indicator_id, pattern, on_folded in self._patterns:
            n = _count(pattern, folded if on_folded else text)
            if n:
                found[indicator_id] = found.get(indicator_id, 0) + n
        return found


def document_cues(text: str, phrases: CatalogPhrases) -> str:
    """Space-separated cue tokens: the kind, the title's words and the catalog phrases in title, head and body."""
    metadata = extract_metadata(text)
    tokens = [f"jenis:{metadata.doc_kind}"]
    title = metadata.title or (text[:NEWS_TITLE_CHARS] if metadata.doc_kind in {"berita", "lainnya"} else "")
    tokens += [f"judul:{w}" for w in dict.fromkeys(_WORD.findall(title.lower()))]
    for zone, part, cap in (("judul", title, 1), ("kepala", head_of(text), 2),
                            ("isi", text[:BODY_CHARS], MAX_BODY_HITS)):
        for indicator_id, n in phrases.counts(part).items():
            tokens += [f"katalog-{zone}:{indicator_id}"] * min(n, cap)
        tokens += [f"digital-{zone}"] * min(len(_DIGITAL.findall(part)), cap)
    if not _DIGITAL.search(head_of(text)):
        tokens.append("digital-kepala:tidak")
    return " ".join(tokens)
