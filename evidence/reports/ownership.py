"""Which indicators an OPD owes evidence for.

Why derive it: a Pemda's OPD list rarely says who owes what, but the catalog records a ``typical_owner``
per indicator in free text ("Diskominfo + Bappeda", "Bagian PBJ/UKPBJ Setda"). Matching that text against
the OPD's name and aliases gives a sensible default that a Pemda can override with an explicit list
(``Opd.indicators[framework_id]``).

Matching is on whole tokens, never substrings or single shared words: "Bagian Organisasi Setda" must not
match "Bagian Hukum" just because both contain "Bagian", and "BKD" must not match "BKPSDM".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from evidence.catalog import Catalog
from evidence.opd import Opd, OpdDirectory

_TOKEN = re.compile(r"[0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)")
# Separators between owner phrases in ``typical_owner``: "A + B", "A/B", "A, B", "A; B".
_PHRASE_SEPARATORS = re.compile(r"[+/,;]")
# Owner phrases that name a kind of OPD rather than one OPD ("OPD teknis penyelenggara layanan",
# "perangkat daerah pemilik aplikasi"): they are never assigned to a particular OPD by default, and the
# indicator is reported Pemda-wide only.
_GENERIC_OWNER_PREFIXES: tuple[tuple[str, ...], ...] = (("opd",), ("perangkat", "daerah"))


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case alphanumeric tokens: "DPM-PTSP" -> ("dpm", "ptsp")."""
    return tuple(_TOKEN.findall(text.lower()))


def owner_phrases(typical_owner: str) -> list[tuple[str, ...]]:
    """Tokenised owner phrases of a ``typical_owner`` text, remarks in parentheses dropped.

    "Diskominfo (walidata) + Bappeda" -> [("diskominfo",), ("bappeda",)].
    """
    text = _PARENTHESES.sub(" ", typical_owner)
    phrases = (tokens(part) for part in _PHRASE_SEPARATORS.split(text))
    return [p for p in phrases if p and not _is_generic(p)]


def _is_generic(phrase: tuple[str, ...]) -> bool:
    return any(phrase[: len(prefix)] == prefix for prefix in _GENERIC_OWNER_PREFIXES)


def _contains_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when ``needle`` occurs in ``haystack`` as a contiguous run of whole tokens."""
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def phrase_matches(phrase: tuple[str, ...], names: Iterable[str]) -> bool:
    """Whether an owner phrase designates the OPD known by ``names`` (its name and aliases).

    Two rules, both on whole tokens:
    * a name or alias occurs as a contiguous run in the phrase ("Bagian Hukum" in "Bagian Hukum Setda",
      "UKPBJ" in "UKPBJ Setda");
    * a phrase of two or more tokens has all its tokens in one name ("Dinas Kearsipan" for "Dinas
      Perpustakaan dan Kearsipan"); single-token phrases do not use this rule, so "Dinas" alone would not
      match every Dinas.
    """
    for name in names:
        name_tokens = tokens(name)
        if not name_tokens:
            continue
        if _contains_run(phrase, name_tokens):
            return True
        if len(phrase) >= 2 and set(phrase) <= set(name_tokens):
            return True
    return False


def owed_indicators(opd: Opd, catalog: Catalog) -> list[int]:
    """Indicator ids (in catalog order) the OPD owes evidence for in ``catalog``'s framework.

    The Pemda's explicit list wins when present (even when empty: "this OPD owes nothing"); ids unknown to
    the catalog are dropped so a stale list cannot invent indicators. Otherwise ownership comes from each
    indicator's ``typical_owner`` text.
    """
    explicit = opd.indicators.get(catalog.id)
    if explicit is not None:
        wanted = set(explicit)
        return [i for i in catalog.indicator_ids() if i in wanted]
    names = opd.all_names()
    return [
        ind.id
        for ind in catalog.indicators
        if any(phrase_matches(phrase, names) for phrase in owner_phrases(ind.typical_owner))
    ]


def owners_by_indicator(directory: OpdDirectory, catalog: Catalog) -> dict[int, list[str]]:
    """For every catalog indicator, the names of the OPD (directory order) that owe it; may be empty."""
    owners: dict[int, list[str]] = {i: [] for i in catalog.indicator_ids()}
    for opd in directory.opd:
        for indicator_id in owed_indicators(opd, catalog):
            owners[indicator_id].append(opd.name)
    return owners


def unassigned_indicators(directory: OpdDirectory, catalog: Catalog) -> list[int]:
    """Indicators no OPD of the directory owes (e.g. public-service sectors): reported Pemda-wide only."""
    return [i for i, names in owners_by_indicator(directory, catalog).items() if not names]
