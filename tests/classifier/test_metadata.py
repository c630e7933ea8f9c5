"""Document type and metadata on generated and real-style headers, clean and OCR-noisy; draft vs enacted."""

from __future__ import annotations

import pytest

from classifier.corpus.generator import generate_corpus
from classifier.metadata import DOC_TYPES, KIND_TO_TYPE, detect_kind, extract_metadata, parse_date
from evidence.catalog import load_catalog
from tests.fixtures.real_documents import REAL_DOCS as REAL
from tests.fixtures.real_documents import needs_real_documents

PERBUP = """SALINAN
BUPATI SUKAMAJU
PROVINSI JAWA BARAT
PERATURAN BUPATI SUKAMAJU
NOMOR 12 TAHUN 2023
TENTANG
ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KABUPATEN SUKAMAJU
DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI SUKAMAJU,
Menimbang : a. bahwa untuk melaksanakan ketentuan Pasal 8 Peraturan Presiden Nomor 95 Tahun 2018 perlu
menetapkan Peraturan Bupati tentang Arsitektur SPBE;
Mengingat : 1. Peraturan Daerah Kabupaten Sukamaju Nomor 3 Tahun 2016 tentang Perangkat Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG ARSITEKTUR SPBE.
Pasal 1
Arsitektur SPBE berlaku bagi seluruh perangkat daerah.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Sukamaju
pada tanggal 3 Maret 2023
BUPATI SUKAMAJU,
ttd
H. AHMAD SUBAGJA
Diundangkan di Sukamaju
pada tanggal 6 Maret 2023
BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2023 NOMOR 12
"""

DRAFT_PERBUP = """RANCANGAN
BUPATI SUKAMAJU
PERATURAN BUPATI SUKAMAJU
NOMOR      TAHUN 2024
TENTANG
PETA RENCANA SPBE KABUPATEN SUKAMAJU
DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI SUKAMAJU,
Menimbang : a. bahwa perlu menyusun peta rencana SPBE;
MEMUTUSKAN:
Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Sukamaju
pada tanggal
BUPATI SUKAMAJU,

"""

KEPWAL = """PEMERINTAH KOTA BUKITRAYA
DINAS KOMUNIKASI DAN INFORMATIKA
KEPUTUSAN WALI KOTA BUKITRAYA
NOMOR 100.3.3.2/Kep.45-Diskominfo/2024
TENTANG
PEMBENTUKAN TIM KOORDINASI SPBE KOTA BUKITRAYA
WALI KOTA BUKITRAYA,
Menimbang : a. bahwa untuk mengoordinasikan penyelenggaraan SPBE perlu dibentuk tim;
MEMUTUSKAN:
KESATU Membentuk Tim Koordinasi SPBE.
Ditetapkan di Bukitraya
pada tanggal 03-04-2024
WALI KOTA BUKITRAYA,
ttd.
DRS. BUDI SANTOSO
"""

KEP_KADIS = """KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA
PROVINSI SULAWESI TENGAH
NOMOR : 188.4/27/DISKOMINFO/2022
TENTANG
STANDAR OPERASIONAL PROSEDUR PENGELOLAAN PUSAT DATA
KEPALA DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI SULAWESI TENGAH,
Menimbang : a. bahwa pusat data perlu dikelola dengan prosedur baku;
"""

SURAT_EDARAN = """PEMERINTAH KABUPATEN SUKAMAJU
SEKRETARIAT DAERAH
SURAT EDARAN SEKRETARIS DAERAH KABUPATEN SUKAMAJU
NOMOR 800/117/Setda/2023
TENTANG
PENGGUNAAN APLIKASI SRIKANDI DI LINGKUNGAN PEMERINTAH KABUPATEN SUKAMAJU
Dalam rangka tertib administrasi kearsipan, seluruh perangkat daerah menggunakan aplikasi Srikandi.
Ditetapkan di Sukamaju
pada tanggal 17 Agustus 2023
SEKRETARIS DAERAH KABUPATEN SUKAMAJU,
ttd
"""

# OCR of a scan: words glued, spaces doubled, stray '>' and a letter O for a zero, hyphenated heading.
OCR_NOISY = """BUPATITANJUNG JABUNG TIMUR PROVINSIJAMBI PERATURANBUPATITANJUNG  JABUNG TIMUR NOMOR 12> TAHUN2O18
TENTANG TATACARAPENGGUNAAN SISTEM PERENCANAAN DENGANRAHMATTUHANYANGMAHAESA BUPATITANJUNGJABUNGTIMUR,
Menimbang a. bahwa untuk melaksanakan ketentuan Tata Cara Evaluasi Rancangan Peraturan Daerah tentang RPJMD;"""

OCR_WRAPPED = """WALIKOTABATU
PROVINSIJAWATIMUR
PER-
ATURAN WALIKOTA BATU
NOMOOR 48 TAHUN 2020
TENTANG
STANDAR HARGA SATUAN
DENGANRAHMATTUHANYANGMAHAESA
WALIKOTA BATU,
Menimbang : a. bahwa untuk menjamin efisiensi belanja daerah
Ditetapkan di   Batu
pada  tanggal   12  OKTOBER   2020
WALIKOTA BATU,
ttd"""

PERDA = """PEMERINTAH KABUPATEN MAMUJU
PERATURAN DAERAH KABUPATEN MAMUJU NOMOR 17 TAHUN 2011
TENTANG
RETRIBUSI TEMPAT KHUSUS PARKIR DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI MAMUJU,
Menimbang : a. bahwa tempat khusus parkir perlu diatur;"""

LAPORAN = """LAPORAN HASIL EVALUASI PENERAPAN SPBE
DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN SUKAMAJU TAHUN 2023
Berdasarkan Keputusan Bupati Sukamaju Nomor 050/123/KPTS/2022 tentang Tim Koordinasi SPBE, tim telah
melakukan pemantauan dan evaluasi penerapan SPBE pada seluruh perangkat daerah."""

NOTULEN = """NOTULEN RAPAT TIM KOORDINASI SPBE
Hari/Tanggal : Senin, 6 Maret 2023
Pembahasan tindak lanjut hasil evaluasi SPBE."""

RKA = """RENCANA KERJA DAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH (RKA-SKPD)
Pemerintah Kota Singkawang Tahun Anggaran 2019
Program Optimalisasi Sistem Informasi e-Gov"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (PERBUP, dict(doc_type="peraturan_kepala_daerah", number="12", year=2023, enacted_date="2023-03-03",
                      authority="Bupati", region="Kabupaten Sukamaju", status="enacted", is_draft=False)),
        (DRAFT_PERBUP, dict(doc_type="peraturan_kepala_daerah", number=None, year=2024, enacted_date=None,
                            region="Kabupaten Sukamaju", status="draft", is_draft=True)),
        (KEPWAL, dict(doc_type="keputusan", number="100.3.3.2/Kep.45-Diskominfo/2024", year=2024,
                      enacted_date="2024-04-03", authority="Wali Kota", region="Kota Bukitraya", status="enacted")),
        (KEP_KADIS, dict(doc_type="keputusan", number="188.4/27/DISKOMINFO/2022", year=2022,
                         authority="Kepala Dinas Komunikasi dan Informatika", region="Provinsi Sulawesi Tengah",
                         title="STANDAR OPERASIONAL PROSEDUR PENGELOLAAN PUSAT DATA")),
        (SURAT_EDARAN, dict(doc_type="surat_edaran", number="800/117/Setda/2023", year=2023,
                            enacted_date="2023-08-17", region="Kabupaten Sukamaju", status="enacted")),
        (OCR_NOISY, dict(doc_type="peraturan_kepala_daerah", number="12", year=2018, authority="Bupati",
                         region="Kabupaten Tanjung Jabung Timur", is_draft=False)),
        (OCR_WRAPPED, dict(doc_type="peraturan_kepala_daerah", number="48", year=2020, authority="Wali Kota",
                           region="Kota Batu", enacted_date="2020-10-12", status="enacted")),
        (PERDA, dict(doc_type="peraturan_daerah", number="17", year=2011, region="Kabupaten Mamuju",
                     title="RETRIBUSI TEMPAT KHUSUS PARKIR")),
        (LAPORAN, dict(doc_type="laporan", number=None, is_draft=False, status="unknown")),
        (NOTULEN, dict(doc_type="notulen", number=None, is_draft=False)),
        (RKA, dict(doc_type="perencanaan_anggaran", number=None)),
    ],
)
def test_metadata_from_headers(text: str, expected: dict) -> None:
    meta = extract_metadata(text)
    got = meta.as_dict()
    assert {k: got[k] for k in expected} == expected
    assert meta.doc_type in DOC_TYPES


@needs_real_documents
def test_real_headers_from_the_labelled_corpus() -> None:
    cases = {
        "hd023.txt": ("peraturan_kepala_daerah", "3", 2022, "Kabupaten Seram Bagian Timur", "enacted"),
        "hd046.txt": ("peraturan_kepala_daerah", "27", 2021, "Kota Semarang", "enacted"),
        "hd047.txt": ("peraturan_daerah", "17", 2011, "Kabupaten Mamuju", "enacted"),
        "hd070.txt": ("sop", None, 2013, "Provinsi DKI Jakarta", "draft"),  # Kep. Kadis with "NOMOR ... TAHUN 2013"
    }
    for name, (doc_type, number, year, region, status) in cases.items():
        meta = extract_metadata((REAL / name).read_text(encoding="utf-8"))
        assert (meta.doc_type, meta.number, meta.year, meta.region, meta.status) == (
            doc_type, number, year, region, status), name
    # A prose citation of a Perbup inside a business-process document is not its heading.
    assert extract_metadata((REAL / "hd088.txt").read_text(encoding="utf-8")).doc_type == "screenshot_lainnya"


@pytest.mark.parametrize(
    "text",
    [
        "DRAF\nKEPUTUSAN BUPATI SUKAMAJU\nNOMOR 050/12/2024\nTENTANG TIM",
        "KONSEP KEPUTUSAN BUPATI SUKAMAJU NOMOR ... TENTANG TIM",
        "PERATURAN BUPATI SUKAMAJU\nNOMOR ... TAHUN ...\nTENTANG ARSITEKTUR SPBE",
    ],
)
def test_drafts(text: str) -> None:
    meta = extract_metadata(text)
    assert meta.is_draft and meta.status == "draft" and meta.status_evidence


def test_rancangan_quoted_in_the_body_is_not_a_draft_marker() -> None:
    meta = extract_metadata(OCR_NOISY)
    assert not meta.is_draft and meta.status == "enacted"


def test_unsigned_complete_regulation_is_a_draft_but_an_excerpt_is_not() -> None:
    body = "\n".join(f"Pasal {i}\nKetentuan teknis penyelenggaraan SPBE nomor {i} berlaku." for i in range(1, 12))
    complete = PERBUP.split("Ditetapkan")[0].replace("SALINAN\n", "") + "\n" + body
    assert extract_metadata(complete).status == "draft"
    excerpt = PERBUP.split("MEMUTUSKAN")[0].replace("SALINAN\n", "")
    assert extract_metadata(excerpt).status == "enacted"  # numbered: numbers are given at enactment
    cut_at_date = PERBUP.split("pada tanggal 3")[0]  # excerpt cut inside the closing block
    assert extract_metadata(cut_at_date).status == "enacted"


def test_draft_from_file_name_only_when_the_text_says_nothing() -> None:
    assert extract_metadata(LAPORAN, "Diskominfo/draft laporan evaluasi.docx").status == "draft"
    assert extract_metadata(PERBUP, "Diskominfo/draft perbup.pdf").status == "enacted"


@pytest.mark.parametrize(
    "value, expected",
    [("3 Maret 2023", "2023-03-03"), ("03-03-2023", "2023-03-03"), ("17 AGUSTUS 2O23", "2023-08-17"),
     ("5 Pebruari 2021", "2021-02-05"), ("31 Februari 2021", None), ("tanggal", None)],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_doc_type_module_keeps_its_labels_and_maps_onto_the_issue_types() -> None:
    assert detect_kind(PERBUP)[0] == "perkada"
    assert set(KIND_TO_TYPE.values()) == set(DOC_TYPES)


def test_generated_regulations_type_and_status() -> None:
    """On generated Perbup/Perwal/Pergub (with their noise), type and draft status are read back."""
    corpus = generate_corpus(load_catalog("spbe-2020"), seed=3, docs_per_indicator=4, negatives=20)
    regs = [d for d in corpus if d.doc_type == "perkada"]
    assert len(regs) >= 20
    kinds = [extract_metadata(d.text).doc_kind == "perkada" for d in regs]
    assert sum(kinds) / len(kinds) >= 0.9
    status_ok = [
        extract_metadata(d.text).status == ("draft" if d.title.startswith("Rancangan") else "enacted") for d in regs
    ]
    assert sum(status_ok) / len(status_ok) >= 0.9
