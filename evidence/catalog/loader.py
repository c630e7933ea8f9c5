"""Loads catalogs from YAML: the bundled ones, or a Pemda's own file given by the caller (``Catalogs``)."""

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


def load_catalog(framework_id: str, path: Path | None = None, *, custom: Path | None = None) -> Catalog:
    """The catalog for ``framework_id``: the file at ``path``, else a Pemda's own file ``custom`` when it is
    that framework's, else the bundled one."""
    if path is None:
        if custom is not None and custom.exists():
            candidate = _cached(str(custom.resolve()), custom.stat().st_mtime)
            if candidate.id == framework_id:
                return candidate
        path = _bundled_path(framework_id)
        if not path.exists():
            raise ValueError(f"unknown framework {framework_id!r}; known: {', '.join(available_frameworks())}")
    path = Path(path)
    return _cached(str(path.resolve()), path.stat().st_mtime)
