"""An index estimate from the evidence: what the archive could support, never the official score.

The index of both frameworks is a weighted average of indicator levels (1-5) with the catalog's weights,
read against the catalog's predicate bands. Here each indicator's level is the estimate of
``states.estimate_level`` (0 without evidence), in two variants: confirmed evidence only, and confirmed plus
unreviewed suggestions. Indicators scored from another national evaluation cannot be estimated from
documents: they are left out and the remaining weights renormalised, and the estimate says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from evidence.catalog import Catalog
from evidence.reports.model import IndexEstimate, IndexPart, IndexVariant, IndicatorStatus
from evidence.reports.states import estimate_level

_ROUND = 4
LABEL = "Perkiraan indeks dari bukti dukung (bukan nilai resmi)"


def _weighted(pairs: Sequence[tuple[float, int]]) -> float:
    total = sum(w for w, _ in pairs)
    return round(sum(w * level for w, level in pairs) / total, _ROUND) if total else 0.0


def predicate(catalog: Catalog, value: float) -> str:
    """The band whose minimum the value reaches; below every band, the lowest one."""
    bands = sorted(catalog.predicates, key=lambda p: p.min, reverse=True)
    return next((b.name for b in bands if value >= b.min), bands[-1].name if bands else "")


def _variant(catalog: Catalog, levels: dict[int, int]) -> IndexVariant:
    counted = [ind for ind in catalog.indicators if ind.id in levels]
    value = _weighted([(ind.weight, levels[ind.id]) for ind in counted])
    aspects = [
        IndexPart(id=a.id, name=a.name, weight=round(sum(i.weight for i in counted if i.aspect == a.id), _ROUND),
                  value=_weighted([(i.weight, levels[i.id]) for i in counted if i.aspect == a.id]))
        for a in catalog.aspects
    ]
    domains = [
        IndexPart(id=d.id, name=d.name, weight=round(sum(i.weight for i in counted if i.domain == d.id), _ROUND),
                  value=_weighted([(i.weight, levels[i.id]) for i in counted if i.domain == d.id]))
        for d in catalog.domains
    ]
    return IndexVariant(value=value, predicate=predicate(catalog, value), aspects=aspects, domains=domains)


def estimate_index(catalog: Catalog, states: Sequence[IndicatorStatus]) -> IndexEstimate:
    """Both variants from the Pemda-wide indicator states (``states.pemda_states``)."""
    by_id = {s.id: s for s in states}
    external = [ind.id for ind in catalog.indicators if ind.is_external]
    assessed = [ind for ind in catalog.indicators if not ind.is_external and ind.id in by_id]
    confirmed = {ind.id: estimate_level(ind, by_id[ind.id].files, confirmed_only=True)[0] for ind in assessed}
    suggested = {ind.id: by_id[ind.id].level for ind in assessed}
    note = ("Tingkat tiap indikator diperkirakan dari petunjuk tingkat pada teks bukti; indikator tanpa bukti "
            "dihitung 0. Angka ini hanya perkiraan untuk perencanaan, bukan hasil evaluasi resmi.")
    if external:
        note += (" Indikator yang dinilai dari evaluasi nasional lain (" + ", ".join(map(str, external))
                 + ") tidak dihitung; bobot sisanya dinormalkan.")
    return IndexEstimate(
        label=LABEL, note=note, weight_counted=round(sum(i.weight for i in assessed), _ROUND),
        excluded_external=external, confirmed_only=_variant(catalog, confirmed),
        with_suggestions=_variant(catalog, suggested),
    )
