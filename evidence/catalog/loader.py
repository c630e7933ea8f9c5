"""Loads catalogs from YAML: the bundled ones, or a Pemda's own file named in the settings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from evidence.catalog.model import Catalog

BUNDLED_DIR = Path(__file__).resolve().parent / "data"
CROSSWALK_PREFIX = "crosswalk-"  # crosswalk files live beside the catalogs but are not frameworks


def _bundled_path(framework_id: str) -> Path:
    return BUNDLED_DIR / f"{framework_id}.yaml"


def available_frameworks() -> list[str]:
    return sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml") if not p.name.startswith(CROSSWALK_PREFIX))


def load_catalog_file(path: Path) -> Catalog:
    with Path(path).open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return Catalog.model_validate(raw)


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Catalog:
    return load_catalog_file(Path(path))


def load_catalog(framework_id: str | None = None, path: Path | None = None) -> Catalog:
    """The catalog for ``framework_id``; an explicit ``path`` (a Pemda's own file) wins."""
    if path is None:
        from evidence.settings import get_settings

        settings = get_settings()
        framework_id = framework_id or settings.framework
        custom = settings.catalog_path
        if custom is not None and (framework_id is None or custom.exists()):
            candidate = load_catalog_file(custom)
            if candidate.id == framework_id:
                return candidate
        path = _bundled_path(framework_id)
        if not path.exists():
            raise ValueError(f"unknown framework {framework_id!r}; known: {', '.join(available_frameworks())}")
    path = Path(path)
    return _cached(str(path.resolve()), path.stat().st_mtime)
