"""The responsibility matrix: which OPD owe evidence for which indicator, editable per Pemda.

Three layers, the later one winning per indicator: what the OPD list and the catalog's ``typical_owner``
imply (``evidence.reports.ownership``), the Pemda's YAML (``SPBE_RESPONSIBILITY_PATH``, bundled empty),
and overrides set through the API (table ``responsibility_overrides``). The result is applied by giving each
OPD of the directory an explicit indicator list, so every report reads ownership the one way it always did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence.catalog import Catalog
from evidence.db.models import ResponsibilityOverride
from evidence.opd import OpdDirectory, find_opd
from evidence.reports.ownership import owners_by_indicator

BUNDLED_RESPONSIBILITY_PATH = Path(__file__).resolve().parent / "data" / "responsibility.yaml"
Matrix = dict[int, list[str]]  # indicator id -> canonical OPD names


class ResponsibilityError(ValueError):
    """An entry naming an OPD or indicator that does not exist (the message is Indonesian)."""


@dataclass(frozen=True)
class Owners:
    opds: list[str]
    source: str  # "katalog" (derived), "berkas" (YAML) or "api"


def load_matrix(catalog: Catalog, directory: OpdDirectory, path: Path | None = None) -> Matrix:
    """The YAML layer for ``catalog``'s framework, validated: unknown OPD or indicators are errors, so a
    typo never silently drops an OPD's duty."""
    data = yaml.safe_load(Path(path or BUNDLED_RESPONSIBILITY_PATH).read_text(encoding="utf-8")) or {}
    entries = (data.get("frameworks") or {}).get(catalog.id) or {}
    return validate(catalog, directory, {int(k): list(v or []) for k, v in entries.items()})


def validate(catalog: Catalog, directory: OpdDirectory, matrix: Mapping[int, list[str]]) -> Matrix:
    """Canonical OPD names (aliases accepted), known indicators only; raises ``ResponsibilityError``."""
    known = set(catalog.indicator_ids())
    result: Matrix = {}
    for indicator_id, names in matrix.items():
        if indicator_id not in known:
            raise ResponsibilityError(f"Indikator {indicator_id} tidak ada dalam katalog {catalog.id}.")
        canonical = []
        for name in names:
            opd = find_opd(directory, name)
            if opd is None:
                raise ResponsibilityError(f"OPD '{name}' tidak ada dalam daftar OPD.")
            if opd.name not in canonical:
                canonical.append(opd.name)
        result[indicator_id] = canonical
    return result


def stored_overrides(session: Session, framework: str) -> Matrix:
    rows = session.scalars(select(ResponsibilityOverride).where(ResponsibilityOverride.framework_id == framework))
    return {row.indicator_id: list(row.opds or []) for row in rows}


def set_override(session: Session, catalog: Catalog, directory: OpdDirectory, indicator_id: int,
                 opds: list[str], *, user: str | None) -> list[str]:
    """Store (or replace) the API override of one indicator; returns the canonical names stored."""
    names = validate(catalog, directory, {indicator_id: opds})[indicator_id]
    row = session.scalar(select(ResponsibilityOverride).where(
        ResponsibilityOverride.framework_id == catalog.id, ResponsibilityOverride.indicator_id == indicator_id))
    if row is None:
        row = ResponsibilityOverride(framework_id=catalog.id, indicator_id=indicator_id)
        session.add(row)
    row.opds, row.updated_by = names, user
    session.flush()
    return names


def clear_override(session: Session, framework: str, indicator_id: int) -> bool:
    row = session.scalar(select(ResponsibilityOverride).where(
        ResponsibilityOverride.framework_id == framework, ResponsibilityOverride.indicator_id == indicator_id))
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def effective_owners(catalog: Catalog, directory: OpdDirectory, yaml_matrix: Matrix,
                     overrides: Matrix) -> dict[int, Owners]:
    """Per indicator, who owes it and which layer decided."""
    derived = owners_by_indicator(directory, catalog)
    result = {}
    for indicator_id in catalog.indicator_ids():
        if indicator_id in overrides:
            result[indicator_id] = Owners(list(overrides[indicator_id]), "api")
        elif indicator_id in yaml_matrix:
            result[indicator_id] = Owners(list(yaml_matrix[indicator_id]), "berkas")
        else:
            result[indicator_id] = Owners(list(derived.get(indicator_id, [])), "katalog")
    return result


def apply_matrix(catalog: Catalog, directory: OpdDirectory, owners: Mapping[int, Owners]) -> OpdDirectory:
    """A copy of ``directory`` where every OPD's indicator list for ``catalog`` is explicit and follows
    ``owners``; unchanged when no layer above the catalog says anything."""
    if all(o.source == "katalog" for o in owners.values()):
        return directory
    updated = []
    for opd in directory.opd:
        ids = [i for i in catalog.indicator_ids() if opd.name in owners[i].opds]
        updated.append(opd.model_copy(update={"indicators": {**opd.indicators, catalog.id: ids}}))
    return directory.model_copy(update={"opd": updated})


def responsible_directory(session: Session | None, catalog: Catalog, directory: OpdDirectory,
                          path: Path | None = None) -> OpdDirectory:
    """The directory every report of ``catalog`` should use: YAML and API layers applied."""
    overrides = stored_overrides(session, catalog.id) if session is not None else {}
    owners = effective_owners(catalog, directory, load_matrix(catalog, directory, path), overrides)
    return apply_matrix(catalog, directory, owners)
