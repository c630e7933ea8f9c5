"""Typed, validated catalog objects.

The catalog is the only place that knows how many indicators a framework has, their weights and what
counts as critical; code reads these objects and never hard-codes them.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator


class Framework(BaseModel):
    id: str
    name: str
    catalog_version: str
    regulation: str = ""
    status: str = ""
    note: str = ""
    sources: list[str] = Field(default_factory=list)


class MaturityScale(BaseModel):
    applies_to_domains: list[int]
    levels: dict[int, str]


class Predicate(BaseModel):
    name: str
    min: float


class Domain(BaseModel):
    id: int
    name: str
    weight: float


class Aspect(BaseModel):
    id: int
    name: str
    domain: int | None = None
    weight: float


class Indicator(BaseModel):
    id: int
    name: str
    short_name: str
    domain: int | None = None
    aspect: int
    weight: float
    maturity_scale: str
    level_criteria: dict[int, str]
    evidence: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    typical_owner: str = ""
    successor_indicators: dict[str, list[int]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _levels_one_to_five(self) -> Indicator:
        if sorted(self.level_criteria) != [1, 2, 3, 4, 5]:
            raise ValueError(f"indicator {self.id}: level_criteria must have levels 1-5")
        return self


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

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        ids = [i.id for i in self.indicators]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate indicator ids")
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
        for item in self.critical_items:
            unknown = set(item.any_of) - known
            if unknown:
                raise ValueError(f"critical item {item.key}: unknown indicators {sorted(unknown)}")
        total = sum(i.weight for i in self.indicators)
        if abs(total - 100.0) > 0.5:
            raise ValueError(f"indicator weights add up to {total:.2f}, not 100")
        return self

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

    def aspect_name(self, aspect_id: int) -> str:
        return next((a.name for a in self.aspects if a.id == aspect_id), str(aspect_id))

    def predicate_for(self, index_value: float) -> str:
        for pred in sorted(self.predicates, key=lambda p: p.min, reverse=True):
            if index_value >= pred.min:
                return pred.name
        return self.predicates[-1].name if self.predicates else ""
