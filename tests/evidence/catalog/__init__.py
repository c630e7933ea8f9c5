"""Helpers shared by the catalog tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from evidence.catalog.loader import load_catalog_file


def assert_rejected(raw: dict, folder: Path, message: str) -> None:
    """Write a (broken) catalog as YAML and check loading it fails with ``message``."""
    bad = folder / "bad.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        load_catalog_file(bad)
