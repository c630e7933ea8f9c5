"""Maturity hints: draft -> 1, enacted regulation -> 2, across agencies -> 3, evaluation report -> 4/5."""

from __future__ import annotations

import pytest

from classifier.maturity import maturity_hint
from classifier.metadata import extract_metadata
from evidence.catalog import load_catalog
from tests.classifier.test_metadata import DRAFT_PERBUP, PERBUP

PERBUP_NO_SCOPE = PERBUP.replace("Arsitektur SPBE berlaku bagi seluruh perangkat daerah.", "Arsitektur SPBE berlaku.")

EVALUATION_REPORT = """LAPORAN HASIL EVALUASI KEBIJAKAN ARSITEKTUR SPBE TAHUN 2023
DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN SUKAMAJU
Tim Koordinasi SPBE melakukan reviu dan evaluasi atas Peraturan Bupati Sukamaju Nomor 12 Tahun 2023
tentang Arsitektur SPBE. Hasil pengukuran menunjukkan domain aplikasi belum lengkap."""

FOLLOW_UP_REPORT = EVALUATION_REPORT + """
Rekomendasi hasil evaluasi telah ditindaklanjuti dengan penyusunan perubahan Peraturan Bupati."""

AMENDMENT = PERBUP_NO_SCOPE.replace(
    "ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KABUPATEN SUKAMAJU",
    "PERUBAHAN ATAS PERATURAN BUPATI NOMOR 5 TAHUN 2020 TENTANG ARSITEKTUR SPBE KABUPATEN SUKAMAJU")

SERVICE_PAGE = """Aplikasi LPSE Kabupaten Sukamaju
Penyedia dapat login, mengunggah dokumen penawaran dan mengikuti e-tendering; panitia melakukan
verifikasi dan persetujuan berjenjang secara elektronik."""

SERVICE_INTEGRATED = SERVICE_PAGE + "\nLPSE terintegrasi dengan SIRUP dan sistem nasional LKPP."


@pytest.fixture(scope="module")
def catalog():
    return load_catalog("spbe-2020")


def _hint(catalog, indicator_id: int, text: str, lang: str = "id"):
    return maturity_hint(catalog.indicator(indicator_id), extract_metadata(text), text, lang=lang)


@pytest.mark.parametrize(
    "text, level, phrase",
    [
        (DRAFT_PERBUP, 1, "hanya rancangan/draf"),
        (PERBUP_NO_SCOPE, 2, "Perbup yang telah ditetapkan tentang Arsitektur"),
        (PERBUP, 3, "seluruh perangkat daerah"),
        (EVALUATION_REPORT, 4, "evaluasi"),
        (FOLLOW_UP_REPORT, 5, "ditindaklanjuti"),
        (AMENDMENT, 5, "perubahan atas"),
    ],
)
def test_policy_levels(catalog, text: str, level: int, phrase: str) -> None:
    hint = _hint(catalog, 1, text)
    assert hint.level == level
    assert phrase in hint.reason
    assert hint.reason.startswith(f"petunjuk tingkat {level}: ")
    assert hint.criterion == catalog.indicator(1).level_criteria[level]
    assert hint.as_dict()["hint"] is True


def test_draft_is_capped_at_level_one_whatever_it_says(catalog) -> None:
    text = DRAFT_PERBUP + "\nDievaluasi secara berkala di seluruh perangkat daerah; optimalisasi berkelanjutan."
    assert _hint(catalog, 1, text).level == 1


def test_a_decree_that_assigns_evaluation_is_not_an_evaluation(catalog) -> None:
    decree = PERBUP_NO_SCOPE.replace("Arsitektur SPBE berlaku.", "Tim bertugas melakukan pemantauan dan evaluasi.")
    assert _hint(catalog, 1, decree).level == 2
    periodic = PERBUP_NO_SCOPE.replace("Arsitektur SPBE berlaku.", "Kebijakan ini direviu dan dievaluasi secara berkala.")
    assert _hint(catalog, 1, periodic).level == 4


def test_budget_lines_do_not_claim_optimisation(catalog) -> None:
    rka = "RENCANA KERJA DAN ANGGARAN SKPD\nProgram Optimalisasi Sistem Informasi e-Gov\nBelanja jasa konsultansi"
    assert _hint(catalog, 13, rka).level == 1


@pytest.mark.parametrize("text, level, name", [(SERVICE_PAGE, 3, "Transaksi"), (SERVICE_INTEGRATED, 4, "Kolaborasi"),
                                               ("Halaman informasi jadwal pengadaan barang dan jasa.", 1, None)])
def test_service_levels(catalog, text: str, level: int, name: str | None) -> None:
    hint = _hint(catalog, 35, text)
    assert hint.level == level
    if name:
        assert name in hint.reason


def test_english_reasons(catalog) -> None:
    assert _hint(catalog, 1, DRAFT_PERBUP, lang="en").reason.startswith("level hint 1: draft only")
    assert "enacted Perbup on" in _hint(catalog, 1, PERBUP_NO_SCOPE, lang="en").reason
