"""Evidence spans: the sentence carrying a term, with its page number when pages are known."""

from __future__ import annotations

from classifier.spans import evidence_spans
from evidence.extraction.base import PageText

PAGES = (
    PageText(1, "KEPUTUSAN BUPATI SUKAMAJU\nNOMOR 050/123/KPTS/2024\n\nTENTANG PEMBENTUKAN TIM KOORDINASI SPBE"),
    PageText(2, "Menimbang: bahwa perlu pengaturan. Ketua Tim Koordinasi SPBE adalah Sekretaris Daerah."),
    PageText(3, "Arsitektur SPBE disusun oleh Bappeda bersama Diskominfo pada tahun 2024."),
)


def test_spans_carry_page_numbers_and_follow_term_order() -> None:
    spans = evidence_spans(PAGES, ["arsitektur spbe", "ketua tim", "tidak ada di dokumen"])
    assert [(s["page"], s["term"]) for s in spans] == [(3, "arsitektur spbe"), (2, "ketua tim")]
    assert spans[0]["sentence"].startswith("Arsitektur SPBE disusun")


def test_plain_text_has_no_page_and_digits_match_the_models_normalisation() -> None:
    text = "Laporan kegiatan tahun 2024. Jaringan intra menghubungkan 59 perangkat daerah di kabupaten."
    spans = evidence_spans(text, ["00 perangkat daerah"])
    assert spans == [{"page": None, "sentence": "Jaringan intra menghubungkan 59 perangkat daerah di kabupaten.",
                      "term": "00 perangkat daerah"}]


def test_max_spans_whole_words_and_repeated_terms() -> None:
    assert len(evidence_spans(PAGES, ["spbe", "spbe", "tim", "bappeda"], max_spans=2)) == 2
    assert evidence_spans(PAGES, ["tim", "tim"], max_spans=3) == evidence_spans(PAGES, ["tim"], max_spans=3)
    assert evidence_spans("Optimalisasi layanan.", ["optimal"]) == []  # whole words only
    assert evidence_spans("", ["spbe"]) == [] and evidence_spans(None, ["spbe"]) == []


def test_long_sentences_are_clipped() -> None:
    text = "Tim koordinasi " + "bekerja " * 60 + "."
    (span,) = evidence_spans(text, ["tim koordinasi"])
    assert len(span["sentence"]) == 220 and span["sentence"].endswith("...")
