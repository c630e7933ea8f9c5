"""Typed, validated catalog objects.

The catalog is the only place that knows how many indicators a framework has, their weights and what
counts as critical; code reads these objects and never hard-codes them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

_WEIGHT_TOLERANCE = 0.5  # weights are decimals (1.3, 2.75) written by hand


class Framework(BaseModel):
    id: str
    name: str
    catalog_version: str
    regulation: str = ""
    status: str = ""
    note: str = ""
    sources: list[str] = Field(default_factory=list)


class MaturityScale(BaseModel):
    applies_to_domains: list[int] = Field(default_factory=list)  # empty: a framework without domains
    levels: dict[int, str]


class Predicate(BaseModel):
    name: str
    min: float
    label: str = ""  # a second name some frameworks give the band ("Unggul / Leading")


class Domain(BaseModel):
    id: int
    name: str
    weight: float


class Aspect(BaseModel):
    id: int
    name: str
    domain: int | None = None
    weight: float | None = None  # when every aspect carries one they must add up to 100


class Indicator(BaseModel):
    """One indicator. ``assessed_by: external`` marks an indicator whose score the national evaluation
    takes from another national evaluation (named in ``external_evaluation``) rather than from documents the
    Pemda uploads: a report shows it as such, never as missing evidence."""

    id: int
    name: str
    short_name: str
    description: str | None = None
    domain: int | None = None
    aspect: int
    weight: float
    maturity_scale: str
    level_criteria: dict[int, str]
    evidence: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    typical_owner: str = ""
    assessed_by: Literal["documents", "external"] = "documents"
    external_evaluation: str = ""
    successor_indicators: dict[str, list[int]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _levels_one_to_five(self) -> Indicator:
        if sorted(self.level_criteria) != [1, 2, 3, 4, 5]:
            raise ValueError(f"indicator {self.id}: level_criteria must have levels 1-5")
        if self.assessed_by == "external" and not self.external_evaluation.strip():
            raise ValueError(f"indicator {self.id}: assessed_by external needs external_evaluation (its name)")
        return self

    @property
    def is_external(self) -> bool:
        return self.assessed_by == "external"


class CriticalItem(BaseModel):
    """A foundational piece of evidence whose absence the gap report must shout about."""

    key: str
    label: str
    any_of: list[int]
    missing_message: str


class Catalog(BaseModel):
    framework: Framework
    maturity_scales: dict[str, MaturityScale]
    predicates: list[Predicate]
    domains: list[Domain] = Field(default_factory=list)
    aspects: list[Aspect]
    indicators: list[Indicator]
    critical_items: list[CriticalItem] = Field(default_factory=list)
    generic_phrases: list[str] = Field(default_factory=list)
    # Whether "Indikator 11" / "I.11" in an OPD's folder or file name means this framework's indicator 11.
    # Archives are organised by the numbering of the evaluation they were gathered for.
    folder_numbering: bool = True
    # Indicators that are slots of one kind (SPBE 2020's three "Layanan Publik Sektor"): evidence for one is
    # evidence for any, so accuracy is measured with each group as one class.
    interchangeable: list[list[int]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        ids = [i.id for i in self.indicators]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate indicator ids")
        for group in self.interchangeable:
            if not set(group) <= set(ids):
                raise ValueError(f"interchangeable indicators {group}: unknown ids")
        aspect_ids = {a.id for a in self.aspects}
        domain_ids = {d.id for d in self.domains}
        known = set(ids)
        for ind in self.indicators:
            if ind.aspect not in aspect_ids:
                raise ValueError(f"indicator {ind.id}: unknown aspect {ind.aspect}")
            if ind.domain is not None and domain_ids and ind.domain not in domain_ids:
                raise ValueError(f"indicator {ind.id}: unknown domain {ind.domain}")
            if ind.maturity_scale not in self.maturity_scales:
                raise ValueError(f"indicator {ind.id}: unknown maturity scale {ind.maturity_scale}")
        external = {i.id for i in self.indicators if i.is_external}
        for item in self.critical_items:
            unknown = set(item.any_of) - known
            if unknown:
                raise ValueError(f"critical item {item.key}: unknown indicators {sorted(unknown)}")
            if item.any_of and set(item.any_of) <= external:
                raise ValueError(
                    f"critical item {item.key}: all its indicators are assessed externally, so no document "
                    "can ever supply it"
                )
        total = sum(i.weight for i in self.indicators)
        if abs(total - 100.0) > _WEIGHT_TOLERANCE:
            raise ValueError(f"indicator weights add up to {total:.2f}, not 100")
        self._check_aspect_weights()
        return self

    def canonical_ids(self) -> dict[int, int]:
        """Each interchangeable indicator mapped to the first of its group (others are absent)."""
        return {i: group[0] for group in self.interchangeable for i in group[1:]}

    def _check_aspect_weights(self) -> None:
        """When every aspect carries a weight: they add up to 100, and each aspect's indicators add up to
        the aspect's weight (true of both bundled frameworks; a typo in one weight is caught here)."""
        weights = [a.weight for a in self.aspects]
        if not weights or any(w is None for w in weights):
            return
        total = sum(w for w in weights if w is not None)
        if abs(total - 100.0) > _WEIGHT_TOLERANCE:
            raise ValueError(f"aspect weights add up to {total:.2f}, not 100")
        for aspect in self.aspects:
            own = sum(i.weight for i in self.indicators if i.aspect == aspect.id)
            if aspect.weight is not None and abs(own - aspect.weight) > _WEIGHT_TOLERANCE:
                raise ValueError(
                    f"aspect {aspect.id}: indicator weights add up to {own:g}, not the aspect weight {aspect.weight:g}"
                )

    @property
    def id(self) -> str:
        return self.framework.id

    def indicator(self, indicator_id: int) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def indicator_ids(self) -> list[int]:
        return [i.id for i in self.indicators]

    def external_indicator_ids(self) -> list[int]:
        """Indicators scored from other national evaluations, not from uploaded documents."""
        return [i.id for i in self.indicators if i.is_external]

    def aspect_name(self, aspect_id: int) -> str:
        return next((a.name for a in self.aspects if a.id == aspect_id), str(aspect_id))

    def predicate_for(self, index_value: float) -> str:
        for pred in sorted(self.predicates, key=lambda p: p.min, reverse=True):
            if index_value >= pred.min:
                return pred.name
        return self.predicates[-1].name if self.predicates else ""
