"""Reference data: the OPD directory (with document counts the caller may see) and the indicator catalog."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request

from evidence.opd import find_opd
from evidence.queries import documents_per_opd
from service.deps import CatalogDep, CurrentPrincipal, RuntimeDep
from service.routes.common import API_PREFIX, INVALID, UNAUTHORIZED
from service.schemas import IndicatorOut, IndicatorsOut, OpdOut

router = APIRouter(prefix=API_PREFIX, tags=["referensi"])


@router.get("/opds", response_model=list[OpdOut], responses=UNAUTHORIZED)
def opds(request: Request, principal: CurrentPrincipal, rt: RuntimeDep) -> list[OpdOut]:
    """Every OPD of the directory, then names found on documents but not in it, then the unknown-OPD bucket."""
    directory = rt.opd_directory
    with rt.db.session() as session:
        raw = documents_per_opd(session, principal)
    counts: Counter[str | None] = Counter()
    for name, count in raw.items():
        match = find_opd(directory, name)
        counts[match.name if match is not None else name] += count
    result = [OpdOut(name=o.name, aliases=o.aliases, in_directory=True, documents=counts.pop(o.name, 0))
              for o in directory.opd]
    others = sorted((n for n in counts if n is not None), key=str.casefold)
    result += [OpdOut(name=n, aliases=[], in_directory=False, documents=counts[n]) for n in others]
    if counts.get(None):
        result.append(OpdOut(name=None, aliases=[], in_directory=False, documents=counts[None]))
    return result


@router.get("/indicators", response_model=IndicatorsOut, responses={**UNAUTHORIZED, **INVALID})
def indicators(principal: CurrentPrincipal, catalog: CatalogDep) -> IndicatorsOut:
    """The indicator catalog of ``framework`` (default from settings)."""
    return IndicatorsOut(
        framework=catalog.id, name=catalog.framework.name, catalog_version=catalog.framework.catalog_version,
        indicators=[
            IndicatorOut(id=i.id, name=i.name, short_name=i.short_name, domain=i.domain, aspect=i.aspect,
                         aspect_name=catalog.aspect_name(i.aspect), weight=i.weight, evidence=i.evidence,
                         typical_owner=i.typical_owner)
            for i in catalog.indicators
        ],
    )
