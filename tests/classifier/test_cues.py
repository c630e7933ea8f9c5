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
