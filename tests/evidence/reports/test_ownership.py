"""Ownership of indicators by OPD: explicit lists win, otherwise whole-token matching of ``typical_owner``."""

from __future__ import annotations

import pytest

from evidence.catalog import Catalog
from evidence.opd import Opd, OpdDirectory
from evidence.reports.ownership import (
    owed_indicators,
    owner_phrases,
    owners_by_indicator,
    phrase_matches,
    tokens,
    unassigned_indicators,
)

DISKOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"
HUKUM = "Sekretariat Daerah - Bagian Hukum"


def owed(directory: OpdDirectory, catalog: Catalog, name: str) -> list[int]:
    opd = directory.by_name(name)
    assert opd is not None, name
    return owed_indicators(opd, catalog)


def ids_where_owner_mentions(catalog: Catalog, word: str) -> set[int]:
    return {i.id for i in catalog.indicators if word.lower() in i.typical_owner.lower()}


def test_diskominfo_owes_what_the_catalog_names_it_for(catalog: Catalog, directory: OpdDirectory) -> None:
    result = owed(directory, catalog, DISKOMINFO)
    assert set(result) == ids_where_owner_mentions(catalog, "Diskominfo")
    assert {42, 43} <= set(result)
    assert len([i for i in result if i <= 31]) >= 25  # most of the governance and management indicators
    assert 14 not in result  # Bagian Organisasi Setda alone
    assert result == sorted(result)


def test_bappeda(catalog: Catalog, directory: OpdDirectory) -> None:
    result = set(owed(directory, catalog, BAPPEDA))
    assert {2, 11, 12, 13, 32, 33, 40} <= result
    assert result == ids_where_owner_mentions(catalog, "Bappeda")


def test_bagian_organisasi_is_not_bagian_hukum(catalog: Catalog, directory: OpdDirectory) -> None:
    organisasi = set(owed(directory, catalog, ORGANISASI))
    hukum = set(owed(directory, catalog, HUKUM))
    assert {10, 14, 19, 40, 42} <= organisasi
    assert 44 not in organisasi
    assert 44 in hukum
    assert not organisasi & hukum


def test_slash_separated_owners(catalog: Catalog, directory: OpdDirectory) -> None:
    assert owed(directory, catalog, "Sekretariat Daerah - Bagian Pengadaan Barang dan Jasa") == [35]
    bkpsdm = owed(directory, catalog, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert {36, 41} <= set(bkpsdm)
    # "Dinas Kearsipan/Bagian Umum Setda": both the archives office and Bagian Umum owe it.
    assert 37 in owed(directory, catalog, "Dinas Perpustakaan dan Kearsipan")
    assert 37 in owed(directory, catalog, "Sekretariat Daerah - Bagian Umum")


def test_generic_owner_is_not_assigned(catalog: Catalog, directory: OpdDirectory) -> None:
    generic = {i.id for i in catalog.indicators if i.typical_owner.strip().lower().startswith("opd teknis")}
    assert generic  # the bundled catalog has public-service sector indicators
    assert set(unassigned_indicators(directory, catalog)) == generic
    owners = owners_by_indicator(directory, catalog)
    assert all(owners[i] == [] for i in generic)
    assert set(owners) == set(catalog.indicator_ids())


def test_explicit_list_wins_and_is_filtered(catalog: Catalog) -> None:
    opd = Opd(name="Diskominfo", indicators={catalog.id: [5, 3, 3, 999]})
    assert owed_indicators(opd, catalog) == [3, 5]
    assert owed_indicators(Opd(name="Diskominfo", indicators={catalog.id: []}), catalog) == []


def test_explicit_list_for_another_framework_is_ignored(catalog: Catalog) -> None:
    opd = Opd(name="Diskominfo", indicators={"other-framework": [1]})
    assert owed_indicators(opd, catalog) == owed_indicators(Opd(name="Diskominfo"), catalog)


def test_second_framework_uses_its_own_indicators(catalog: Catalog) -> None:
    base = catalog.indicators[0]
    other = catalog.model_copy(
        update={
            "framework": catalog.framework.model_copy(update={"id": "other-2026"}),
            "indicators": [
                base.model_copy(update={"id": 1, "typical_owner": "Inspektorat"}),
                base.model_copy(update={"id": 2, "typical_owner": "Diskominfo + Inspektorat"}),
            ],
        }
    )
    opd = Opd(name="Inspektorat Daerah", aliases=["Inspektorat"], indicators={"spbe-2020": [39]})
    assert owed_indicators(opd, other) == [1, 2]


def test_tokens_and_phrases() -> None:
    assert tokens("DPM-PTSP") == ("dpm", "ptsp")
    assert owner_phrases("Diskominfo (walidata) + Bappeda") == [("diskominfo",), ("bappeda",)]
    assert owner_phrases("Bagian PBJ/UKPBJ Setda") == [("bagian", "pbj"), ("ukpbj", "setda")]
    assert owner_phrases("OPD teknis penyelenggara layanan") == []
    assert owner_phrases("Diskominfo + perangkat daerah pemilik aplikasi") == [("diskominfo",)]
    assert owner_phrases("") == []


@pytest.mark.parametrize(
    ("phrase", "names", "expected"),
    [
        ("Bagian Hukum Setda", ["Bagian Hukum"], True),
        ("Bagian Organisasi Setda", ["Bagian Hukum", "Bag Hukum"], False),
        ("BKD", ["BKPSDM"], False),  # no substring matching
        ("Diskominfo", ["Kominfo"], False),
        ("Dinas Kearsipan", ["Dinas Perpustakaan dan Kearsipan"], True),
        ("Dinas", ["Dinas Kesehatan"], False),  # a lone generic word matches nothing
        ("UKPBJ Setda", ["UKPBJ"], True),
    ],
)
def test_phrase_matching_is_whole_token(phrase: str, names: list[str], expected: bool) -> None:
    assert phrase_matches(tokens(phrase), names) is expected
