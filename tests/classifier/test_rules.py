import pytest

from classifier.metadata import detect_kind
from classifier.rules import KeywordRules, path_rule
from evidence.catalog import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog("spbe-2020")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("Diskominfo/Indikator 11/arsitektur.pdf", [11]),
        ("Diskominfo/indikator_19 SK Tim.pdf", [19]),
        ("Bappeda/I.12 Peta Rencana.pdf", [12]),
        ("BKPSDM/Ind.36 SIMPEG.docx", [36]),
        ("Diskominfo/2024/laporan.pdf", []),
        ("Diskominfo/Indikator 99/laporan.pdf", []),  # not an indicator of this framework
        ("Dinas/Infografis 2023.pdf", []),
    ],
)
def test_path_rule_reads_indicator_numbers_from_folder_and_file_names(catalog, path, expected) -> None:
    assert [h.indicator_id for h in path_rule(path, catalog)] == expected


def test_keyword_rule_fires_on_title_page_phrases(catalog) -> None:
    hits = KeywordRules(catalog).hits("PERATURAN BUPATI SUKAMAJU TENTANG ARSITEKTUR SPBE KABUPATEN SUKAMAJU")
    assert 1 in {h.indicator_id for h in hits} or 11 in {h.indicator_id for h in hits}
    assert all("arsitektur" in h.reason.lower() for h in hits if h.indicator_id in (1, 11))


def test_keyword_rule_is_silent_on_unrelated_text(catalog) -> None:
    assert KeywordRules(catalog).hits("PERATURAN DAERAH TENTANG RETRIBUSI TEMPAT KHUSUS PARKIR") == []


@pytest.mark.parametrize(
    "head, expected",
    [
        ("SALINAN\nBUPATI SUKAMAJU\nPERATURAN BUPATI SUKAMAJU NOMOR 5 TAHUN 2023", "perkada"),
        ("PERATURAN DAERAH KABUPATEN MAMUJU NOMOR 17 TAHUN 2011", "perda"),
        ("KEPUTUSAN BUPATI SUKAMAJU NOMOR 050/12/2023 TENTANG TIM KOORDINASI", "keputusan"),
        ("SURAT EDARAN NOMOR 1 TAHUN 2024", "surat_edaran"),
        ("NOTULEN RAPAT TIM KOORDINASI SPBE", "notulen"),
        ("RENCANA KERJA DAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH", "anggaran"),
        ("pemandangan indah di pantai", "lainnya"),
    ],
)
def test_doc_type_from_title_page(head: str, expected: str) -> None:
    assert detect_kind(head)[0] == expected


def test_folder_numbers_count_only_for_a_catalog_whose_numbering_the_folders_use() -> None:
    from classifier.rules import path_rule
    from evidence.catalog import load_catalog

    path = "Diskominfo/Indikator 11/Perbup Arsitektur.pdf"
    assert [hit.indicator_id for hit in path_rule(path, load_catalog("spbe-2020"))] == [11]
    assert path_rule(path, load_catalog("pemdi-2026")) == []  # Pemdi 11 is cryptography, not architecture
