"""The Pemda's list of OPD with the aliases seen in folder names, loaded from YAML.

Nomenclature differs per Pemda (Diskominfosandi, Bappedalitbang, BPPKAD ...), so the list is data the
Pemda can replace (settings ``opd_path``, passed in by the process's runtime), not code.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field

BUNDLED_OPD_PATH = Path(__file__).resolve().parent / "data" / "opd.yaml"


class Opd(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    # Optional explicit list of indicators this OPD owes evidence for, per framework id. When absent,
    # ownership is derived from the catalog's ``typical_owner`` text.
    indicators: dict[str, list[int]] = Field(default_factory=dict)

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


class OpdDirectory(BaseModel):
    opd: list[Opd]

    def by_name(self, name: str) -> Opd | None:
        return next((o for o in self.opd if o.name == name), None)

    def names(self) -> list[str]:
        return [o.name for o in self.opd]


def load_opd_directory(path: Path | None = None) -> OpdDirectory:
    """The OPD list at ``path`` (a Pemda's own, ``SPBE_OPD_PATH``), else the bundled one."""
    with Path(path or BUNDLED_OPD_PATH).open(encoding="utf-8") as fh:
        return OpdDirectory.model_validate(yaml.safe_load(fh))
