"""The frameworks one process works with: the bundled catalogs and crosswalks, or a Pemda's own files.

Why an object instead of loaders that read the settings: which files count is the process's choice
(``SPBE_CATALOG_PATH``, ``SPBE_CROSSWALK_PATH``), made once when its runtime is built and passed along,
so a function's answer depends only on its arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evidence.catalog.crosswalk import Crosswalk, load_crosswalk
from evidence.catalog.loader import available_frameworks, load_catalog
from evidence.catalog.model import Catalog

if TYPE_CHECKING:
    from evidence.settings import Settings


@dataclass(frozen=True)
class Catalogs:
    """``Catalogs()`` is the bundled set; ``Catalogs.from_settings`` adds a Pemda's own files."""

    catalog_path: Path | None = None
    crosswalk_path: Path | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Catalogs:
        return cls(catalog_path=settings.catalog_path, crosswalk_path=settings.crosswalk_path)

    def catalog(self, framework_id: str) -> Catalog:
        """Raises ``ValueError`` for a framework nobody knows."""
        return load_catalog(framework_id, custom=self.catalog_path)

    def crosswalk(self, from_framework: str, to_framework: str) -> Crosswalk:
        """Raises ``ValueError`` when no crosswalk joins the two frameworks in that direction."""
        return load_crosswalk(from_framework, to_framework, custom=self.crosswalk_path)

    def available(self) -> list[str]:
        return available_frameworks()


BUNDLED = Catalogs()
"""The catalogs and crosswalks shipped with the product."""
