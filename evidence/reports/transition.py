"""The transition view: for each indicator of the new framework (Pemdi 2026), which evidence the Pemda already
holds in old-framework terms (SPBE 2020) and what is new to collect.

Pure functions of indicator ids, the crosswalk and the new catalog: the caller (CLI, API, worker) decides
where the ids come from (confirmed reviews, above-threshold suggestions, or an SPBE gap report through
``evidence_from_report``). Ids the crosswalk does not know are ignored, like unknown suggestions in the gap
report, so a stale review cannot invent evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from evidence.catalog import BUNDLED, Catalog, Catalogs
from evidence.catalog.crosswalk import Crosswalk
from evidence.domain import ScannedDocument
from evidence.opd import OpdDirectory
from evidence.reports.gaps import build_gap_report
from evidence.reports.model import GapReport, TransitionIndicator, TransitionView


def build_transition(
    crosswalk: Crosswalk,
    target: Catalog,
    confirmed: Iterable[int] = (),
    suggested: Iterable[int] = (),
    *,
    opd: str | None = None,
    pemda_wide: bool = True,
) -> TransitionView:
    """Per ``target`` indicator (catalog order): its predecessors in the crosswalk, which of them have
    confirmed or (only) suggested old-framework evidence, and ``status``: ``from_previous`` when any has,
    ``to_collect`` ("baru: perlu dikumpulkan") when none has or the indicator has no predecessor.

    ``confirmed`` / ``suggested`` are old-framework indicator ids (SPBE 2020) with evidence for the Pemda
    (``pemda_wide``) or for one OPD (``opd``); an id in both counts as confirmed.
    """
    if target.id != crosswalk.to_framework:
        raise ValueError(f"catalog {target.id} is not the target of {crosswalk.name}")
    confirmed_ids = set(confirmed)
    suggested_ids = set(suggested) - confirmed_ids
    rows = []
    for ind in target.indicators:
        preds = crosswalk.predecessors(ind.id)
        conf = [p for p in preds if p in confirmed_ids]
        sugg = [p for p in preds if p in suggested_ids]
        rows.append(
            TransitionIndicator(
                id=ind.id,
                short_name=ind.short_name,
                weight=ind.weight,
                predecessors=preds,
                confirmed_from=conf,
                suggested_from=sugg,
                status="from_previous" if conf or sugg else "to_collect",
                no_counterpart=not preds,
                assessed_externally=ind.is_external,
            )
        )
    return TransitionView(
        from_framework=crosswalk.from_framework,
        to_framework=crosswalk.to_framework,
        crosswalk_version=crosswalk.crosswalk.version,
        opd=opd,
        pemda_wide=pemda_wide and opd is None,
        indicators=rows,
    )


def build_transitions(
    crosswalk: Crosswalk,
    target: Catalog,
    confirmed_by_opd: Mapping[str | None, Iterable[int]],
    suggested_by_opd: Mapping[str | None, Iterable[int]] | None = None,
) -> list[TransitionView]:
    """The Pemda-wide view (union over every OPD) first, then one view per OPD in the mappings' order
    (``None`` = files whose OPD is unknown, last). Each mapping is OPD name -> old-framework ids."""
    suggested_by_opd = suggested_by_opd or {}
    confirmed = {k: set(v) for k, v in confirmed_by_opd.items()}
    suggested = {k: set(v) for k, v in suggested_by_opd.items()}
    names = list(dict.fromkeys([*confirmed, *suggested]))
    names.sort(key=lambda n: n is None)  # stable: the unknown-OPD bucket last
    all_confirmed = set().union(*confirmed.values()) if confirmed else set()
    all_suggested = set().union(*suggested.values()) if suggested else set()
    views = [build_transition(crosswalk, target, all_confirmed, all_suggested)]
    views += [
        build_transition(
            crosswalk, target, confirmed.get(name, ()), suggested.get(name, ()), opd=name, pemda_wide=False
        )
        for name in names
    ]
    return views


def evidence_from_report(report: GapReport) -> tuple[set[int], dict[str | None, set[int]]]:
    """Old-framework indicator ids with (suggested) evidence in a gap report of the old framework: Pemda-wide,
    and per OPD that sent files. Reviews are not in the report; the caller adds confirmed ids itself."""
    pemda = {ev.id for ev in report.indicators_with_evidence}
    per_opd = {
        gap.name: {ev.id for ev in (*gap.owed_with_evidence, *gap.other_evidence)} for gap in report.opd
    }
    return pemda, per_opd


def with_transition(report: GapReport, views: list[TransitionView]) -> GapReport:
    """A copy of ``report`` carrying the transition views (JSON section ``transition``, HTML section)."""
    for view in views:
        if view.to_framework != report.framework.id:
            raise ValueError(f"transition to {view.to_framework} does not belong in a {report.framework.id} report")
    return report.model_copy(update={"transition": list(views)})


__all__ = ["build_transition", "build_transitions", "evidence_from_report", "with_transition"]


def attach_transition(
    report: GapReport,
    target: Catalog,
    source_catalog: Catalog,
    source_documents: Sequence[ScannedDocument],
    directory: OpdDirectory,
    catalogs: Catalogs = BUNDLED,
) -> GapReport:
    """``report`` (in ``target``) with the transition view from the evidence the same files carry in
    ``source_catalog`` (suggestions with reviews applied). Unchanged when no crosswalk of ``catalogs`` joins
    the two."""
    try:
        crosswalk = catalogs.crosswalk(source_catalog.id, target.id)
    except ValueError:
        return report
    source_report = build_gap_report(source_documents, source_catalog, directory, source=report.source,
                                     generated_at=report.generated_at, model_version=None)
    _, per_opd = evidence_from_report(source_report)
    return with_transition(report, build_transitions(crosswalk, target, {}, per_opd))
