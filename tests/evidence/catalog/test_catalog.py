from pathlib import Path

import pytest
import yaml

from evidence.catalog import available_frameworks, load_catalog
from evidence.catalog.loader import BUNDLED_DIR
from tests.evidence.catalog import assert_rejected


def test_spbe_2020_catalog_has_structure_of_the_regulation() -> None:
    catalog = load_catalog("spbe-2020")
    assert len(catalog.indicators) == 47
    assert len(catalog.aspects) == 8
    assert len(catalog.domains) == 4
    assert abs(sum(i.weight for i in catalog.indicators) - 100) < 0.01
    assert catalog.indicator(19).short_name == "Tim Koordinasi SPBE"
    assert all(sorted(i.level_criteria) == [1, 2, 3, 4, 5] for i in catalog.indicators)
    assert {c.key for c in catalog.critical_items} >= {
        "arsitektur_spbe",
        "peta_rencana_spbe",
        "sk_tim_koordinasi",
    }


def test_predicate_bands_come_from_data() -> None:
    catalog = load_catalog("spbe-2020")
    assert catalog.predicate_for(4.3) == "Memuaskan"
    assert catalog.predicate_for(3.12) == "Baik"
    assert catalog.predicate_for(1.2) == "Kurang"


def test_available_frameworks_lists_bundled_files() -> None:
    assert "spbe-2020" in available_frameworks()


def test_unknown_framework_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown framework"):
        load_catalog("does-not-exist")


def _bundled_raw() -> dict:
    return yaml.safe_load((BUNDLED_DIR / "spbe-2020.yaml").read_text(encoding="utf-8"))


def test_pemda_can_point_settings_at_its_own_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _bundled_raw()
    raw["framework"]["catalog_version"] = "2020.1-pemkab"
    raw["indicators"][0]["short_name"] = "Kebijakan Arsitektur (versi Pemda)"
    own = tmp_path / "own.yaml"
    own.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("SPBE_CATALOG_PATH", str(own))
    from evidence.catalog import Catalogs
    from evidence.settings import get_settings

    get_settings.cache_clear()
    catalog = Catalogs.from_settings(get_settings()).catalog("spbe-2020")
    assert catalog.framework.catalog_version == "2020.1-pemkab"
    assert catalog.indicator(1).short_name == "Kebijakan Arsitektur (versi Pemda)"


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda raw: raw["indicators"].append(dict(raw["indicators"][0])), "duplicate indicator"),
        (lambda raw: raw["indicators"][3].update(aspect=99), "unknown aspect"),
        (lambda raw: raw["indicators"][3]["level_criteria"].pop(5), "levels 1-5"),
        (lambda raw: raw["indicators"][3].update(weight=50), "add up to"),
        (lambda raw: raw["critical_items"][0].update(any_of=[999]), "unknown indicators"),
    ],
)
def test_invalid_catalogs_are_rejected(tmp_path: Path, mutate, message: str) -> None:
    raw = _bundled_raw()
    mutate(raw)
    assert_rejected(raw, tmp_path, message)
