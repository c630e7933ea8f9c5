"""A mapping a person confirmed in one framework, offered (never applied) in another through the crosswalk.

Why offered and not forced: the crosswalk says which old indicators *feed* a new one; whether a document
proves the new indicator's criteria is still a reviewer's call. The offer names its origin so the reviewer
can judge it in seconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from evidence.catalog import BUNDLED, Catalogs
from evidence.catalog.crosswalk import Crosswalk


@dataclass(frozen=True)
class CrosswalkOffer:
    indicator_id: int  # in the target framework
    from_framework: str
    from_indicators: tuple[int, ...]  # the confirmed indicators it comes from


def _mapper(source: str, target: str, catalogs: Catalogs) -> tuple[Crosswalk, bool] | None:
    """The crosswalk between two frameworks, in either direction (True: read forwards)."""
    for forwards, (a, b) in ((True, (source, target)), (False, (target, source))):
        try:
            return catalogs.crosswalk(a, b), forwards
        except ValueError:
            continue
    return None


def crosswalk_offers(
    confirmed_by_framework: Mapping[str, Set[int]], target: str, already: Set[int], catalogs: Catalogs = BUNDLED,
) -> list[CrosswalkOffer]:
    """Target-framework indicators reachable from confirmed ones elsewhere, minus those already counted."""
    found: dict[tuple[int, str], set[int]] = {}
    for source, confirmed in confirmed_by_framework.items():
        if source == target or not confirmed:
            continue
        mapper = _mapper(source, target, catalogs)
        if mapper is None:
            continue
        crosswalk, forwards = mapper
        for indicator in confirmed:
            reached = crosswalk.successors(indicator) if forwards else crosswalk.predecessors(indicator)
            for target_id in reached:
                if target_id not in already:
                    found.setdefault((target_id, source), set()).add(indicator)
    return [CrosswalkOffer(t, s, tuple(sorted(origins))) for (t, s), origins in sorted(found.items())]
