"""The responsibility matrix: catalog-derived owners, a Pemda's YAML over them, API overrides over both."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.catalog import load_catalog
from evidence.opd import load_opd_directory
from evidence.opd.directory import BUNDLED_OPD_PATH
from evidence.reports.ownership import owners_by_indicator
from evidence.responsibility import (
    ResponsibilityError,
    clear_override,
    load_matrix,
    responsible_directory,
    set_override,
)

KOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"


@pytest.fixture
def catalog():
    return load_catalog("spbe-2020")


@pytest.fixture
def directory():
    return load_opd_directory(BUNDLED_OPD_PATH)


def test_bundled_matrix_changes_nothing(catalog, directory) -> None:
    assert responsible_directory(None, catalog, directory) == directory


def test_yaml_overrides_the_catalog(tmp_path: Path, catalog, directory) -> None:
    path = tmp_path / "pj.yaml"
    path.write_text("frameworks:\n  spbe-2020:\n    11: [Bappeda]\n    47: []\n", encoding="utf-8")
    assert load_matrix(catalog, directory, path) == {11: [BAPPEDA], 47: []}
    owners = owners_by_indicator(responsible_directory(None, catalog, directory, path), catalog)
    assert owners[11] == [BAPPEDA] and owners[47] == []
    assert owners[10] == owners_by_indicator(directory, catalog)[10]  # untouched indicators keep their owners


def test_yaml_with_unknown_names_is_refused(tmp_path: Path, catalog, directory) -> None:
    path = tmp_path / "pj.yaml"
    path.write_text("frameworks:\n  spbe-2020:\n    11: [Dinas Antah Berantah]\n", encoding="utf-8")
    with pytest.raises(ResponsibilityError, match="Antah"):
        load_matrix(catalog, directory, path)
    path.write_text("frameworks:\n  spbe-2020:\n    99: [Bappeda]\n", encoding="utf-8")
    with pytest.raises(ResponsibilityError, match="99"):
        load_matrix(catalog, directory, path)


def test_api_override_wins_over_yaml_and_can_be_cleared(database, tmp_path: Path, catalog, directory) -> None:
    path = tmp_path / "pj.yaml"
    path.write_text("frameworks:\n  spbe-2020:\n    11: [Bappeda]\n", encoding="utf-8")
    with database.session() as session:
        assert set_override(session, catalog, directory, 11, ["diskominfo", "Bappeda"], user="admin") == [KOMINFO, BAPPEDA]
    with database.session() as session:
        owners = owners_by_indicator(responsible_directory(session, catalog, directory, path), catalog)
        assert owners[11] == [KOMINFO, BAPPEDA]
        assert clear_override(session, catalog.id, 11) and not clear_override(session, catalog.id, 11)
    with database.session() as session:
        owners = owners_by_indicator(responsible_directory(session, catalog, directory, path), catalog)
        assert owners[11] == [BAPPEDA]
        assert responsible_directory(session, load_catalog("pemdi-2026"), directory) == directory
