"""The four states of an indicator (issue 9) and the per-OPD matrix built on them (issue 11).

Why four and not "ada / belum ada": a Tim Koordinasi chased OPDs for documents the archive already held,
because a suggestion under the threshold counted as nothing. Now, per indicator:

* ``confirmed``: a reviewer accepted it (or relabelled a file to it);
* ``suggested``: the model scored a file above the threshold and nobody has reviewed that yet;
* ``perlu_dicek``: no file reaches the threshold, but some file has it among its top candidates above the
  model's candidate floor (``Suggestion.candidate``) and no reviewer rejected it there;
* ``missing``: no file is even a candidate. Only this state may raise a critical "belum ada" flag.

Only counted files are looked at (status ``ok``, duplicates never), the same files as the rest of the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from evidence.catalog import Catalog, Indicator
from evidence.domain import ScannedDocument
from evidence.i18n import t
from evidence.reports.model import CriticalCheck, EvidenceRef, IndicatorState, IndicatorStatus
from evidence.states import DocumentState

STATE_ORDER: tuple[IndicatorState, ...] = ("confirmed", "suggested", "perlu_dicek", "missing")
STATE_LABELS: dict[str, str] = {state: t(f"indicator_state.{state}") for state in STATE_ORDER}
"""The exports' (Indonesian) names of the four states, from the message catalog."""
CONFIRMED_REVIEWS = frozenset({"accepted", "relabelled"})
UNREADABLE = frozenset({DocumentState.FAILED, DocumentState.UNSUPPORTED, DocumentState.NO_TEXT})


def counted(documents: Iterable[ScannedDocument], framework: str) -> list[ScannedDocument]:
    """Files that can prove something: processed, read, not a copy, and scored in this framework."""
    return [d for d in documents
            if d.status == DocumentState.OK and (d.framework is None or d.framework == framework)]


def is_draft(doc: ScannedDocument) -> bool:
    meta = doc.metadata or {}
    return bool(meta.get("is_draft")) or meta.get("status") == "draft"


def evidence_refs(documents: Sequence[ScannedDocument], indicator_id: int) -> list[EvidenceRef]:
    """Every counted file behind ``indicator_id``: confirmed first, then unreviewed, then candidates."""
    refs: list[EvidenceRef] = []
    for doc in documents:
        meta = doc.metadata or {}
        year = meta.get("year")
        ref = EvidenceRef(path=doc.path, opd=doc.opd, document_id=doc.document_id, model_version=doc.model_version,
                          draft=is_draft(doc), year=year if isinstance(year, int) else None, score=0.0,
                          review_state="candidate")
        hit = next((s for s in doc.suggestions if s.indicator_id == indicator_id), None)
        if hit is not None:
            confirmed = doc.review_states.get(indicator_id) in CONFIRMED_REVIEWS
            refs.append(ref.model_copy(update={"score": hit.score, "maturity_level": hit.maturity_level,
                                               "review_state": "confirmed" if confirmed else "unreviewed"}))
            continue
        candidate = next((s for s in doc.candidates if s.indicator_id == indicator_id and s.candidate), None)
        if candidate is not None:
            refs.append(ref.model_copy(update={"score": candidate.score}))
    rank = {"confirmed": 0, "unreviewed": 1, "candidate": 2}
    return sorted(refs, key=lambda r: (rank[r.review_state], -r.score, r.path, r.opd or ""))


def state_of(refs: Sequence[EvidenceRef]) -> IndicatorState:
    kinds = {r.review_state for r in refs}
    if "confirmed" in kinds:
        return "confirmed"
    if "unreviewed" in kinds:
        return "suggested"
    return "perlu_dicek" if "candidate" in kinds else "missing"


def estimate_level(indicator: Indicator, refs: Sequence[EvidenceRef], *,
                   confirmed_only: bool = False) -> tuple[int, str]:
    """Estimated maturity level and why: the best level hint among the files that count as evidence.

    A file with evidence but no readable hint supports level 1 (something exists); a draft alone supports
    level 1 whatever its text says, since level 2 and up need a document in force. 0: no evidence."""
    usable = [r for r in refs if r.review_state == "confirmed" or (not confirmed_only and r.review_state == "unreviewed")]
    if not usable:
        return 0, "Belum ada bukti yang dihitung."
    final = [r for r in usable if not r.draft]
    if not final:
        return 1, f"Hanya ada draf ({usable[0].path}): belum ditetapkan, paling tinggi tingkat 1."
    best = max(final, key=lambda r: (r.maturity_level or 1, r.review_state == "confirmed", r.score))
    level = max(1, min(5, best.maturity_level or 1))
    how = "dikonfirmasi peninjau" if best.review_state == "confirmed" else "saran model, belum ditinjau"
    if best.maturity_level:
        return level, f"Petunjuk tingkat {level} dari teks {best.path} ({how})."
    return level, f"Ada bukti ({best.path}, {how}); tingkat tidak terbaca dari teks, dihitung tingkat 1."


def indicator_status(catalog: Catalog, indicator: Indicator, documents: Sequence[ScannedDocument],
                     owners: list[str], *, opd: str | None = None, owned: bool = False) -> IndicatorStatus:
    refs = evidence_refs(documents, indicator.id)
    level, reason = estimate_level(indicator, refs)
    return IndicatorStatus(
        id=indicator.id, short_name=indicator.short_name, weight=indicator.weight, aspect=indicator.aspect,
        domain=indicator.domain, opd=opd, owned=owned, state=state_of(refs), external=indicator.is_external,
        owners=list(owners), files=refs, level=level, level_reason=reason,
        next_level=indicator.level_criteria.get(level + 1) if level < 5 else None,
    )


def pemda_states(catalog: Catalog, documents: Sequence[ScannedDocument],
                 owners: dict[int, list[str]]) -> list[IndicatorStatus]:
    docs = counted(documents, catalog.id)
    return [indicator_status(catalog, ind, docs, owners.get(ind.id, [])) for ind in catalog.indicators]


def opd_matrix(catalog: Catalog, documents: Sequence[ScannedDocument], owners: dict[int, list[str]],
               opd_names: Sequence[str | None]) -> list[IndicatorStatus]:
    """One row per OPD (given order) x indicator (catalog order), from that OPD's own files."""
    docs = counted(documents, catalog.id)
    rows = []
    for name in opd_names:
        own = [d for d in docs if d.opd == name]
        for ind in catalog.indicators:
            owner_list = owners.get(ind.id, [])
            rows.append(indicator_status(catalog, ind, own, owner_list, opd=name, owned=name in owner_list))
    return rows


def critical_flags(catalog: Catalog, states: Sequence[IndicatorStatus]) -> tuple[list[str], list[CriticalCheck]]:
    """Critical items raised as "belum ada" (keys), and those only a candidate may hold (with its files).

    An item is satisfied when any of its indicators is confirmed or suggested; raised only when every one
    of them is ``missing``."""
    by_id = {s.id: s for s in states}
    missing: list[str] = []
    to_check: list[CriticalCheck] = []
    for item in catalog.critical_items:
        item_states = [by_id[i] for i in item.any_of if i in by_id]
        if any(s.state in ("confirmed", "suggested") for s in item_states):
            continue
        files = [r for s in item_states for r in s.files if r.review_state == "candidate"]
        if files:
            to_check.append(CriticalCheck(key=item.key, label=item.label, indicators=list(item.any_of), files=files))
        else:
            missing.append(item.key)
    return missing, to_check


def needs_check_candidates(documents: Sequence[ScannedDocument]) -> set[tuple[int, int]]:
    """(document id, indicator id) for every candidate of an indicator that no counted file confirms or
    suggests: what the review queue should show first."""
    docs = [d for d in documents if d.status == DocumentState.OK and d.document_id is not None]
    covered = {s.indicator_id for d in docs for s in d.suggestions}
    return {(d.document_id, s.indicator_id) for d in docs for s in d.candidates  # type: ignore[misc]
            if s.candidate and s.indicator_id not in covered}
