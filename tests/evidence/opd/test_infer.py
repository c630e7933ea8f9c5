import pytest

from evidence.opd import Opd, OpdDirectory, OpdMatch, infer_opd, load_opd_directory
from evidence.opd.directory import BUNDLED_OPD_PATH

KOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
INSPEKTORAT = "Inspektorat Daerah"
ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"
DINKES = "Dinas Kesehatan"


@pytest.fixture(scope="module")
def directory() -> OpdDirectory:
    return load_opd_directory(BUNDLED_OPD_PATH)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Bukti Dukung/SPBE 2024/DISKOMINFO_2024/SK Tim SPBE.pdf", KOMINFO),
        ("dinas-kominfo/renstra.pdf", KOMINFO),
        ("Pemkab Sukamaju/01. Bappeda/renja.pdf", BAPPEDA),
        ("I.11/Indikator 11/BKPSDM/simpeg.docx", BKPSDM),
        ("data dukung/evaluasi spbe/New folder/Bagian Organisasi/sop.pdf", ORGANISASI),
        ("Upload/Dokumen/2024/inspektorat/audit.pdf", INSPEKTORAT),
        ("DinasKominfo/a.pdf", KOMINFO),
        ("SPBE\\Dinas Kesehatan Kab Sukamaju\\sik.pdf", DINKES),
        ("Dinas Komunikasi, Informatika dan Persandian/a.pdf", KOMINFO),
        ("Dinas Pendidikan dan Kebudayaan/a.pdf", "Dinas Pendidikan"),
        ("RSUD Sukamaju/simrs.pdf", "Rumah Sakit Umum Daerah"),
    ],
)
def test_exact_alias_in_first_meaningful_folder(directory: OpdDirectory, path: str, expected: str) -> None:
    match = infer_opd(path, directory)

    assert match is not None
    assert match.name == expected
    assert match.score == 100


def test_match_says_which_folder_and_alias(directory: OpdDirectory) -> None:
    assert infer_opd("Bukti Dukung/01. Bappeda/renja.pdf", directory) == OpdMatch(
        name=BAPPEDA, matched="Bappeda", score=100.0, folder="01. Bappeda"
    )


def test_first_matching_folder_wins(directory: OpdDirectory) -> None:
    match = infer_opd("Diskominfo/Dari Bappeda/nota.pdf", directory)

    assert match is not None and match.name == KOMINFO


def test_most_specific_alias_wins(directory: OpdDirectory) -> None:
    """ "Sekretariat Daerah - Bagian Hukum" also contains "Bagian Hukum"; both are the same OPD."""
    match = infer_opd("Sekretariat Daerah - Bagian Hukum/perbup.pdf", directory)

    assert match is not None
    assert match.name == "Sekretariat Daerah - Bagian Hukum"
    assert match.matched == "Sekretariat Daerah - Bagian Hukum"


@pytest.mark.parametrize(
    ("path", "expected", "matched"),
    [
        ("Data Dukung/Diskomnfo/sk.pdf", KOMINFO, "Diskominfo"),
        ("Inspektrat/lhp.pdf", INSPEKTORAT, "Inspektorat"),
        ("Dinas Kesehatn/a.pdf", DINKES, "Dinas Kesehatan"),
        ("Dinas Komunikasi Informatka/a.pdf", KOMINFO, "Dinas Komunikasi dan Informatika"),
    ],
)
def test_typos_match_fuzzily_below_100(
    directory: OpdDirectory, path: str, expected: str, matched: str
) -> None:
    match = infer_opd(path, directory)

    assert match is not None
    assert (match.name, match.matched) == (expected, matched)
    assert 85 <= match.score < 100


@pytest.mark.parametrize(
    "path",
    [
        "Bappenas/surat.pdf",  # a national agency, two edits from the alias Bappenda
        "Bapeda/a.pdf",  # equally close to Bappeda and Bapenda: ambiguous
        "Diskominfo dan Bappeda/rapat.pdf",  # names two OPD
        "Sekretariat Daerah/a.pdf",  # shares a word with Sekretariat Dewan, but is not it
        "Dinas/a.pdf",
        "Umum/a.pdf",
        "Kesehatan/a.pdf",
        "ABKD/a.pdf",  # the abbreviation BKD only matches a whole token
        "BKDX/a.pdf",
        "Laporan Keuangan/a.pdf",
        "Bukti Dukung/SPBE 2024/I.11/a.pdf",
        "Pemkab Sukamaju/Kebijakan Internal/a.pdf",
        "lampiran.pdf",
        "",
    ],
)
def test_no_guess_when_nothing_names_an_opd(directory: OpdDirectory, path: str) -> None:
    assert infer_opd(path, directory) is None


def test_file_name_is_a_weaker_last_resort(directory: OpdDirectory) -> None:
    match = infer_opd("Bukti Dukung/2024/SK_Diskominfo_2024.pdf", directory)

    assert match == OpdMatch(name=KOMINFO, matched="Diskominfo", score=90.0, folder="")


def test_folder_beats_file_name(directory: OpdDirectory) -> None:
    match = infer_opd("Bappeda/SK_Diskominfo.pdf", directory)

    assert match is not None and match.name == BAPPEDA


def test_file_name_is_never_fuzzy(directory: OpdDirectory) -> None:
    assert infer_opd("Bukti/SK_Diskomnfo.pdf", directory) is None


def test_min_score_filters_weak_matches(directory: OpdDirectory) -> None:
    assert infer_opd("Diskomnfo/sk.pdf", directory, min_score=99) is None
    assert infer_opd("Bukti/SK_Diskominfo.pdf", directory, min_score=95) is None
    assert infer_opd("Diskominfo/sk.pdf", directory, min_score=99) is not None


def test_uses_the_given_directory_not_the_bundled_one() -> None:
    custom = OpdDirectory(
        opd=[Opd(name="Dinas Komunikasi, Informatika dan Statistik", aliases=["Diskominfotik"])]
    )

    match = infer_opd("diskominfotik/a.pdf", custom)

    assert match is not None and match.name == "Dinas Komunikasi, Informatika dan Statistik"
    assert infer_opd("Bappeda/a.pdf", custom) is None


def test_accents_and_case_are_ignored() -> None:
    custom = OpdDirectory(opd=[Opd(name="Dinas Pariwisata", aliases=["Dispar"])])

    match = infer_opd("DÍSPAR/a.pdf", custom)

    assert match is not None and match.name == "Dinas Pariwisata"
