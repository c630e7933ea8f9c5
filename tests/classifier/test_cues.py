"""Cues a human reader uses (title, kind of document, catalog phrases, anything electronic at all) as tokens."""

from __future__ import annotations

from classifier.cues import CatalogPhrases, document_cues
from evidence.catalog import load_catalog

PERBUP_SIMPEG = """BUPATI POLEWALI MANDAR
PERATURAN BUPATI POLEWALI MANDAR NOMOR 15 TAHUN 2018
TENTANG
SISTEM INFORMASI MANAJEMEN KEPEGAWAIAN
DENGAN RAHMAT TUHAN YANG MAHA ESA
Menimbang : a. bahwa data pegawai perlu dikelola dengan SIMPEG;"""

PERBUP_PROCUREMENT = """BUPATI LIMA PULUH KOTA
PERATURAN BUPATI LIMA PULUH KOTA NOMOR 27 TAHUN 2020
TENTANG
PEDOMAN PELAKSANAAN PENGADAAN BARANG DAN JASA PADA BLUD PUSKESMAS
Menimbang : a. bahwa fleksibilitas pengelolaan keuangan BLUD perlu diatur;"""


def test_title_kind_and_catalog_phrases_become_tokens() -> None:
    phrases = CatalogPhrases(load_catalog("spbe-2020"))
    tokens = document_cues(PERBUP_SIMPEG, phrases).split()
    assert "jenis:perkada" in tokens
    assert "judul:kepegawaian" in tokens
    assert "katalog-judul:36" in tokens  # "kepegawaian" is the topic word of Layanan Kepegawaian
    assert tokens.count("katalog-kepala:36") == 2  # capped: a repeated phrase is still one topic


def test_a_document_with_nothing_electronic_says_so() -> None:
    phrases = CatalogPhrases(load_catalog("spbe-2020"))
    procurement = document_cues(PERBUP_PROCUREMENT, phrases).split()
    assert "digital-kepala:tidak" in procurement and "digital-judul" not in procurement
    assert "katalog-judul:35" in procurement  # the topic is there; the model learns it is not enough alone
    simpeg = document_cues(PERBUP_SIMPEG, phrases).split()
    assert "digital-judul" in simpeg and "digital-kepala:tidak" not in simpeg


def test_acronyms_match_only_as_written() -> None:
    phrases = CatalogPhrases(load_catalog("spbe-2020"))
    assert 18 in phrases.counts("integrasi melalui API gateway")
    assert 18 not in phrases.counts("api unggun di lapangan")  # "api" (fire) is not the acronym API


def _reference_counts(catalog, text: str) -> dict[int, int]:
    """The plain definition: each indicator's phrases as one case-insensitive regex with look-around."""
    import re

    from classifier.cues import _NAME_FILLER

    def pattern(phrases: list[str], flags: int) -> re.Pattern[str]:
        return re.compile("|".join(r"(?<![A-Za-z0-9])" + r"[\s\-]*".join(map(re.escape, p.split()))
                                   + r"(?![A-Za-z0-9])" for p in phrases), flags)

    generic = {p.lower() for p in catalog.generic_phrases}
    found: dict[int, int] = {}
    for ind in catalog.indicators:
        phrases = {kw for kw in ind.keywords if kw.lower() not in generic}
        phrases |= {w for w in (ind.short_name or ind.name).lower().split() if w not in _NAME_FILLER and len(w) > 3}
        acronyms = sorted(p for p in phrases if p.isupper() and " " not in p)
        words = sorted(p for p in phrases if p not in acronyms)
        for group, flags in ((words, re.I), (acronyms, 0)):
            n = len(pattern(group, flags).findall(text)) if group else 0
            if n:
                found[ind.id] = found.get(ind.id, 0) + n
    return found


def test_the_fast_phrase_count_equals_the_plain_regex_definition() -> None:
    from classifier.corpus.generator import generate_corpus

    tricky = ("Metadata bukan data; SATU-DATA, satu  data, SatuData. Arsitektur\u2011SPBE, \u0130nformasi, "
              "SIMPEG,simpeg, e-Government, tıket, \u017fistem, \u212aeamanan, jaringan-intra pemerintah. ")
    for framework in ("spbe-2020", "pemdi-2026"):
        catalog = load_catalog(framework)
        phrases = CatalogPhrases(catalog)
        generated = [d.text for d in generate_corpus(catalog, seed=5, docs_per_indicator=2, negatives=10)]
        for text in [tricky, tricky.upper(), *generated]:
            assert phrases.counts(text) == _reference_counts(catalog, text)
