"""Which OPD sent a file, guessed from the folder names of its path.

Pemda collect evidence as one ZIP with a folder per OPD, wrapped in generic folders ("Bukti Dukung",
"SPBE 2024", "Pemkab Sukamaju") and named however the operator typed it ("01. Bappeda",
"DISKOMINFO_2024", "dinas-kominfo"). The first folder that names an OPD wins; the file name is a weak
last resort. Short abbreviations (BKD, DPK, APIP) only ever match a whole token, never fuzzily, because
they are one typo away from unrelated words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from evidence.opd.directory import OpdDirectory

EXACT_SCORE = 100.0
# A name found only in the file name ("SK_Diskominfo_2024.pdf") is weaker evidence than a folder.
FILENAME_SCORE_FACTOR = 0.9
# Two OPD this close in score means the name is ambiguous ("Diskominfo dan Bappeda"): no guess.
AMBIGUITY_MARGIN = 3.0
# Aliases shorter than this (BKD, DPK, PUPR, APIP) are never compared fuzzily.
MIN_FUZZY_ALIAS_CHARS = 6

_STOPWORDS = frozenset({"dan", "the", "of"})
_GENERIC_TOKENS = frozenset(
    {
        "bukti", "dukung", "dukungan", "data", "spbe", "evaluasi", "eval", "indikator", "ind", "domain",
        "aspek", "dokumen", "dok", "doc", "docs", "document", "documents", "upload", "uploads", "unggah",
        "new", "folder", "baru", "file", "files", "berkas", "lampiran", "tahun", "thn", "th", "final",
        "revisi", "rev", "copy", "scan", "hasil",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    }
)  # fmt: skip
# A folder naming the whole Pemda ("Pemkab Sukamaju") says nothing about the OPD.
_PEMDA_TOKENS = frozenset(
    {"pemkab", "pemkot", "pemprov", "pemda", "pemerintah", "kabupaten", "kab", "kota", "provinsi", "prov"}
)
_CAMEL_BOUNDARY = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])"
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PATH_SEPARATORS = re.compile(r"[\\/]")


@dataclass(frozen=True)
class OpdMatch:
    name: str  # the OPD's name in the directory
    matched: str  # the name or alias that matched, as written in the directory
    score: float  # 0-100
    folder: str  # the folder it was found in; "" when only the file name named the OPD


@dataclass(frozen=True)
class _Alias:
    opd: str
    text: str
    tokens: frozenset[str]
    joined: str

    @property
    def fuzzy_allowed(self) -> bool:
        return len(self.joined.replace(" ", "")) >= MIN_FUZZY_ALIAS_CHARS


def infer_opd(path: str, directory: OpdDirectory, *, min_score: float = 85) -> OpdMatch | None:
    """The OPD named by the first meaningful folder of ``path``, else by the file name, else None."""
    aliases = _alias_index(tuple((opd.name, tuple(opd.all_names())) for opd in directory.opd))
    components = [part for part in _PATH_SEPARATORS.split(path) if part.strip()]
    if not components:
        return None
    *folders, filename = components
    for folder in folders:
        match = _match_component(folder, aliases, fuzzy=True)
        if match is not None and match.score >= min_score:
            return match
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    match = _match_component(stem, aliases, fuzzy=False)
    if match is None:
        return None
    weaker = OpdMatch(match.name, match.matched, match.score * FILENAME_SCORE_FACTOR, "")
    return weaker if weaker.score >= min_score else None


@lru_cache(maxsize=8)
def _alias_index(opd_names: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[_Alias, ...]:
    """Normalised once per directory content: inference runs for every file of an archive."""
    aliases = []
    for opd, names in opd_names:
        for text in names:
            tokens = tuple(token for token in _tokens(text) if token not in _STOPWORDS)
            if tokens:
                aliases.append(_Alias(opd, text, frozenset(tokens), " ".join(tokens)))
    return tuple(aliases)


def _match_component(component: str, aliases: tuple[_Alias, ...], *, fuzzy: bool) -> OpdMatch | None:
    exact = _exact_match(component, aliases)
    if exact is not None or not fuzzy:
        return exact
    core = [token for token in _tokens(component) if not _is_generic(token)]
    return _fuzzy_match(component, core, aliases) if core else None


def _exact_match(component: str, aliases: tuple[_Alias, ...]) -> OpdMatch | None:
    """Every token of an alias present as a whole token; the most specific alias wins."""
    tokens = _token_variants(component)
    found = [alias for alias in aliases if alias.tokens <= tokens]
    if not found:
        return None
    best_size = max(len(alias.tokens) for alias in found)
    best = [alias for alias in found if len(alias.tokens) == best_size]
    if len({alias.opd for alias in best}) > 1:
        return None
    chosen = max(best, key=lambda alias: len(alias.joined))
    return OpdMatch(chosen.opd, chosen.text, EXACT_SCORE, component)


def _fuzzy_match(component: str, core: list[str], aliases: tuple[_Alias, ...]) -> OpdMatch | None:
    best_by_opd: dict[str, tuple[float, _Alias]] = {}
    for alias in aliases:
        if not alias.fuzzy_allowed:
            continue
        score = _fuzzy_score(core, alias)
        if score > best_by_opd.get(alias.opd, (0.0, alias))[0]:
            best_by_opd[alias.opd] = (score, alias)
    ranked = sorted(best_by_opd.values(), key=lambda scored: scored[0], reverse=True)
    if not ranked or ranked[0][0] == 0:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < AMBIGUITY_MARGIN:
        return None
    score, alias = ranked[0]
    return OpdMatch(alias.opd, alias.text, round(score, 1), component)


def _fuzzy_score(core: list[str], alias: _Alias) -> float:
    """Every alias token must appear in the folder, each allowing a typo or two when it is long.

    Comparing whole strings instead lets common words carry the score ("Sekretariat Daerah" would
    match "Sekretariat Dewan"), and lets "Bappenas" (a national agency) become "Bappenda".
    """
    weighted = 0.0
    for alias_token in alias.tokens:
        allowed = _allowed_typos(alias_token)
        scores = [
            fuzz.ratio(token, alias_token)
            for token in core
            if token == alias_token or (allowed and Levenshtein.distance(token, alias_token) <= allowed)
        ]
        if not scores:
            return 0.0
        weighted += max(scores) * len(alias_token)
    return weighted / sum(len(token) for token in alias.tokens)


def _allowed_typos(token: str) -> int:
    if len(token) < MIN_FUZZY_ALIAS_CHARS:
        return 0
    return 1 if len(token) < 10 else 2


def _tokens(text: str) -> list[str]:
    """Lower-case ASCII words: accents, punctuation, underscores and hyphens become separators."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return [token for token in _NON_ALNUM.split(ascii_text) if token]


def _token_variants(text: str) -> frozenset[str]:
    """Plain tokens plus camel-case and letter/digit splits, so "DinasKominfo2024" also has "kominfo"."""
    return frozenset(_tokens(text)) | frozenset(_tokens(_CAMEL_BOUNDARY.sub(" ", text)))


def _is_generic(token: str) -> bool:
    """Words that never name an OPD: folder boilerplate, Pemda names, numbering, stopwords."""
    return (
        token in _GENERIC_TOKENS
        or token in _PEMDA_TOKENS
        or token in _STOPWORDS
        or token.isdigit()
        or len(token) == 1
    )
