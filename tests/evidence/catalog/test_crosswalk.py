"""The SPBE 2020 -> Pemdi 2026 crosswalk: bundled data, lookups and validation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evidence.catalog import load_catalog
from evidence.catalog.crosswalk import (
    bundled_crosswalk_path,
    load_crosswalk,
    load_crosswalk_file,
    predecessors,
    successors,
)


@pytest.fixture(scope="module")
def crosswalk():
    return load_crosswalk("spbe-2020", "pemdi-2026")


def test_bundled_crosswalk_loads_and_covers_both_frameworks(crosswalk) -> None:
    spbe, pemdi = load_catalog("spbe-2020"), load_catalog("pemdi-2026")
    assert crosswalk.from_framework == "spbe-2020" and crosswalk.to_framework == "pemdi-2026"
    assert sorted(link.id for link in crosswalk.indicators) == pemdi.indicator_ids()
    for spbe_id in spbe.indicator_ids():
        assert successors(spbe_id, crosswalk) or spbe_id in {n.id for n in crosswalk.without_successor}
    for link in crosswalk.indicators:
        assert link.predecessors or "padanan" in link.note  # "Tidak ada padanan": no counterpart


def test_architecture_feeds_pemdi_1(crosswalk) -> None:
    assert crosswalk.successors(1) == [1]
    assert crosswalk.successors(11) == [1]
    assert 1 in predecessors(1) and 11 in predecessors(1)  # module-level helpers use the bundled file


def test_pemdi_only_topics_have_no_counterpart(crosswalk) -> None:
    assert crosswalk.without_counterpart() == [6, 7, 8]
    assert crosswalk.predecessors(8) == []


def test_one_spbe_indicator_can_feed_several(crosswalk) -> None:
    assert crosswalk.successors(22) == [10, 11, 12]
    assert crosswalk.successors(42) == [19, 20]
    assert crosswalk.successors(45) == [13, 17]  # sector e-services are an application and a portal service


def test_one_application_maps_to_aplikasi_pemdi_not_the_portal(crosswalk) -> None:
    """A regulation on one application (SIMPEG, TNDE, e-kinerja ...) is Aplikasi Pemdi (13), not 17."""
    for spbe in (*range(32, 42), 44):
        assert crosswalk.successors(spbe) == [13]
    assert crosswalk.successors(43) == [5]


def test_unknown_ids_in_lookups_are_clear_errors(crosswalk) -> None:
    with pytest.raises(ValueError, match="unknown pemdi-2026 indicator 21"):
        crosswalk.predecessors(21)
    with pytest.raises(ValueError, match="unknown spbe-2020 indicator 48"):
        crosswalk.successors(48)


def _raw() -> dict:
    return yaml.safe_load(bundled_crosswalk_path().read_text(encoding="utf-8"))


def _write(tmp_path: Path, raw: dict) -> Path:
    path = tmp_path / "crosswalk.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda raw: raw["indicators"][0]["predecessors"].append(99), "unknown spbe-2020 indicator.*99"),
        (lambda raw: raw["indicators"].append({"id": 21, "predecessors": [1]}), "unknown pemdi-2026 indicator.*21"),
        (lambda raw: raw["without_successor"].append({"id": 77, "note": "x"}), "unknown spbe-2020 indicator.*77"),
        (lambda raw: raw["indicators"].pop(), r"pemdi-2026 indicator\(s\) \[20\] not listed"),
        (lambda raw: raw["indicators"][14].update(predecessors=[]), r"spbe-2020 indicator\(s\) \[14\] are neither"),
        (lambda raw: raw["indicators"][5].update(note=""), "add a note"),
        (lambda raw: raw["indicators"].append(dict(raw["indicators"][0])), "more than once"),
        (lambda raw: raw["without_successor"].append({"id": 1, "note": "x"}), "also listed without successor"),
        (lambda raw: raw["crosswalk"].update(to_framework="pemdi-2099"), "unknown framework 'pemdi-2099'"),
    ],
)
def test_broken_crosswalks_are_rejected(tmp_path: Path, mutate, message: str) -> None:
    raw = _raw()
    mutate(raw)
    with pytest.raises(ValueError, match=message):
        load_crosswalk_file(_write(tmp_path, raw))


def test_crosswalk_must_fit_the_catalogs_it_is_checked_against(crosswalk) -> None:
    pemdi = load_catalog("pemdi-2026")
    with pytest.raises(ValueError, match="does not fit catalogs pemdi-2026 -> pemdi-2026"):
        crosswalk.check_against(pemdi, pemdi)


def test_an_spbe_indicator_may_be_listed_without_successor(tmp_path: Path) -> None:
    raw = _raw()
    raw["indicators"][14]["predecessors"] = []  # Pemdi 15 loses SPBE 14 ...
    raw["without_successor"].append({"id": 14, "note": "contoh"})  # ... which is then said to have none
    crosswalk = load_crosswalk_file(_write(tmp_path, raw))
    assert crosswalk.successors(14) == []
    assert 15 in crosswalk.without_counterpart()


def test_missing_crosswalk_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no crosswalk"):
        load_crosswalk("pemdi-2026", "spbe-2020")


def test_a_pemdas_own_crosswalk_from_the_settings_replaces_the_bundled_one(tmp_path: Path, monkeypatch) -> None:
    from evidence.catalog import Catalogs
    from evidence.catalog.crosswalk import bundled_crosswalk_path, load_crosswalk
    from evidence.settings import get_settings

    data = yaml.safe_load(bundled_crosswalk_path().read_text(encoding="utf-8"))
    data["crosswalk"]["version"] = "pemda-sukamaju-1"
    four = next(row for row in data["indicators"] if row["id"] == 4)
    four["predecessors"] = sorted({*four["predecessors"], 11})  # this Pemda also counts its architecture here
    own = tmp_path / "crosswalk.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert 4 not in load_crosswalk("spbe-2020", "pemdi-2026").successors(11)
    monkeypatch.setenv("SPBE_CROSSWALK_PATH", str(own))
    get_settings.cache_clear()
    mine = Catalogs.from_settings(get_settings()).crosswalk("spbe-2020", "pemdi-2026")
    assert mine.crosswalk.version == "pemda-sukamaju-1" and 4 in mine.successors(11)
