"""The settings object: product defaults, and environment variables that override them."""

from __future__ import annotations

import pytest

from evidence.catalog import available_frameworks
from evidence.settings import Settings


def test_default_framework_is_pemdi_and_every_enabled_framework_has_a_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPBE_FRAMEWORK", raising=False)
    monkeypatch.delenv("SPBE_FRAMEWORKS", raising=False)
    settings = Settings(_env_file=None)
    assert settings.framework == "pemdi-2026"  # PermenPANRB 8/2026, in force since June 2026
    assert settings.framework in settings.frameworks
    assert set(settings.frameworks) <= set(available_frameworks())


def test_frameworks_come_from_the_environment_as_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPBE_FRAMEWORKS", '["spbe-2020"]')
    monkeypatch.setenv("SPBE_FRAMEWORK", "spbe-2020")
    settings = Settings(_env_file=None)
    assert settings.frameworks == ["spbe-2020"] and settings.framework == "spbe-2020"
