"""The bundled Pemdi catalog (PermenPANRB 8/2026) and the model extensions it needs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evidence.catalog import available_frameworks, load_catalog
from evidence.catalog.loader import BUNDLED_DIR, load_catalog_file
from tests.evidence.catalog import assert_rejected


@pytest.fixture(scope="module")
def pemdi():
    return load_catalog("pemdi-2026")


def test_pemdi_has_the_structure_of_the_regulation(pemdi) -> None:
    assert pemdi.id == "pemdi-2026"
    assert pemdi.framework.catalog_version
    assert "8 Tahun 2026" in pemdi.framework.regulation
    assert len(pemdi.indicators) == 20
    assert len(pemdi.aspects) == 7
    assert pemdi.indicator_ids() == list(range(1, 21))
    assert all(sorted(i.level_criteria) == [1, 2, 3, 4, 5] for i in pemdi.indicators)
    assert all(i.description and i.evidence and i.keywords and i.typical_owner for i in pemdi.indicators)


def test_weights_add_up_to_100_at_both_levels(pemdi) -> None:
    assert sum(i.weight for i in pemdi.indicators) == pytest.approx(100)
    assert sum(a.weight for a in pemdi.aspects) == pytest.approx(100)
    for aspect in pemdi.aspects:
        assert sum(i.weight for i in pemdi.indicators if i.aspect == aspect.id) == pytest.approx(aspect.weight)
    assert {a.name: a.weight for a in pemdi.aspects}["Kepuasan Pengguna Layanan Digital Pemerintah"] == 25
    assert pemdi.indicator(20).weight == 15


def test_spbe_2020_aspect_weights_also_add_up(pemdi) -> None:
    spbe = load_catalog("spbe-2020")
    assert sum(a.weight for a in spbe.aspects) == pytest.approx(100)


def test_pemdi_predicate_bands(pemdi) -> None:
    assert [(p.name, p.min) for p in pemdi.predicates] == [
        ("Memuaskan", 4.0), ("Sangat Baik", 3.5), ("Baik", 2.5), ("Cukup", 1.5), ("Kurang", 1.0),
    ]
    assert pemdi.predicate_for(4.0) == "Memuaskan"
    assert pemdi.predicate_for(4.1) == "Memuaskan"  # "Sangat Baik" under SPBE 2020 (>= 4.2)
    assert pemdi.predicate_for(2.5) == "Baik"  # "Cukup" under SPBE 2020 (>= 2.6)
    assert pemdi.predicate_for(1.6) == "Cukup"
    assert pemdi.predicate_for(1.2) == "Kurang"
    assert pemdi.predicates[0].label.startswith("Unggul")
    assert [lv for _, lv in sorted(pemdi.maturity_scales["kematangan_pemdi"].levels.items())][2] == "Terstandarisasi"


def test_externally_assessed_indicators_are_flagged(pemdi) -> None:
    external = pemdi.external_indicator_ids()
    assert external == [5, 6, 7, 8, 10]
    for ind in pemdi.indicators:
        assert ind.is_external == (ind.id in external)
        assert bool(ind.external_evaluation) == ind.is_external
    assert "Satu Data" in pemdi.indicator(5).external_evaluation
    assert not pemdi.indicator(20).is_external  # the survey report is a document the Pemda uploads
    assert load_catalog("spbe-2020").external_indicator_ids() == []


def test_pemdi_has_its_own_critical_items(pemdi) -> None:
    keys = {c.key for c in pemdi.critical_items}
    assert {"arsitektur_rencana_aksi_pemdi", "forum_koordinasi_pemdi", "csirt", "survei_kepuasan_pengguna"} <= keys
    assert not keys & {c.key for c in load_catalog("spbe-2020").critical_items}
    external = set(pemdi.external_indicator_ids())
    assert all(set(c.any_of) - external for c in pemdi.critical_items)


def test_crosswalk_file_is_not_a_framework() -> None:
    assert available_frameworks() == ["pemdi-2026", "spbe-2020"]


def _raw() -> dict:
    return yaml.safe_load((BUNDLED_DIR / "pemdi-2026.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda raw: raw["aspects"][0].update(weight=20), "aspect weights add up to"),
        (lambda raw: (raw["indicators"][0].update(weight=6), raw["indicators"][2].update(weight=4)),
         "aspect 1: indicator weights add up to"),
        (lambda raw: raw["indicators"][0].update(assessed_by="external"), "external_evaluation"),
        (lambda raw: raw["indicators"][0].update(assessed_by="survey"), "assessed_by"),
        (lambda raw: raw["critical_items"][0].update(any_of=[5, 8]), "assessed externally"),
    ],
)
def test_invalid_pemdi_catalogs_are_rejected(tmp_path: Path, mutate, message: str) -> None:
    raw = _raw()
    mutate(raw)
    assert_rejected(raw, tmp_path, message)


def test_optional_fields_keep_old_catalogs_loading(tmp_path: Path) -> None:
    """A Pemda's catalog written before these fields existed (no description, no assessed_by, no aspect
    weights) still loads."""
    raw = _raw()
    for ind in raw["indicators"]:
        for key in ("description", "assessed_by", "external_evaluation"):
            ind.pop(key, None)
    for aspect in raw["aspects"]:
        aspect.pop("weight")
    for pred in raw["predicates"]:
        pred.pop("label")
    own = tmp_path / "own.yaml"
    own.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog_file(own)
    assert catalog.external_indicator_ids() == []
    assert catalog.indicator(1).description is None
