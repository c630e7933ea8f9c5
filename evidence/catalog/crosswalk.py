"""A crosswalk between two frameworks as data: which indicators of the older framework feed each indicator of
the newer one (SPBE 2020 -> Pemdi 2026).

Why data: the mapping is a judgement on a regulation that is still being read; it must be editable without
code, and validated when loaded so a typo cannot silently drop an indicator from the transition view.
Bundled crosswalks live beside the catalogs as ``crosswalk-<from>--<to>.yaml``.

Rules checked against both catalogs (a violation is a ``ValueError`` naming the file and the id):
* every indicator of the newer framework is listed exactly once; ``predecessors: []`` (no counterpart) needs
  a note;
* every indicator of the older framework is a predecessor of something or is listed in
  ``without_successor`` (never both);
* no id unknown to its catalog.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, model_validator

from evidence.catalog.loader import BUNDLED_DIR, CROSSWALK_PREFIX, load_catalog
from evidence.catalog.model import Catalog

DEFAULT_FROM = "spbe-2020"
DEFAULT_TO = "pemdi-2026"


class CrosswalkInfo(BaseModel):
    from_framework: str
    to_framework: str
    version: str = ""
    status: str = ""
    note: str = ""


class CrosswalkLink(BaseModel):
    """One indicator of the newer framework and the older indicators whose evidence carries over to it."""

    id: int
    predecessors: list[int]
    note: str = ""

    @property
    def has_counterpart(self) -> bool:
        return bool(self.predecessors)


class NoSuccessor(BaseModel):
    id: int
    note: str


class Crosswalk(BaseModel):
    crosswalk: CrosswalkInfo
    indicators: list[CrosswalkLink]
    without_successor: list[NoSuccessor] = Field(default_factory=list)

    @model_validator(mode="after")
    def _self_consistent(self) -> Crosswalk:
        ids = [link.id for link in self.indicators]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"{self.name}: {self.to_framework} indicator(s) {twice} listed more than once")
        for link in self.indicators:
            if not link.predecessors and not link.note.strip():
                raise ValueError(
                    f"{self.name}: {self.to_framework} indicator {link.id} has no predecessors; "
                    "add a note saying there is no counterpart"
                )
        both = sorted({n.id for n in self.without_successor} & set(self.mapped_predecessors()))
        if both:
            raise ValueError(
                f"{self.name}: {self.from_framework} indicator(s) {both} are predecessors and also listed "
                "without successor"
            )
        return self

    @property
    def from_framework(self) -> str:
        return self.crosswalk.from_framework

    @property
    def to_framework(self) -> str:
        return self.crosswalk.to_framework

    @property
    def name(self) -> str:
        return f"crosswalk {self.from_framework} -> {self.to_framework}"

    def mapped_predecessors(self) -> list[int]:
        """Every older-framework id used as a predecessor, sorted."""
        return sorted({p for link in self.indicators for p in link.predecessors})

    def link(self, to_id: int) -> CrosswalkLink:
        for link in self.indicators:
            if link.id == to_id:
                return link
        raise KeyError(to_id)

    def predecessors(self, to_id: int) -> list[int]:
        """Older-framework ids whose evidence feeds newer indicator ``to_id`` (empty: no counterpart)."""
        try:
            return sorted(self.link(to_id).predecessors)
        except KeyError:
            raise ValueError(f"{self.name}: unknown {self.to_framework} indicator {to_id}") from None

    def successors(self, from_id: int) -> list[int]:
        """Newer-framework ids that older indicator ``from_id`` feeds (empty: listed without successor)."""
        found = sorted(link.id for link in self.indicators if from_id in link.predecessors)
        if not found and from_id not in {n.id for n in self.without_successor}:
            raise ValueError(f"{self.name}: unknown {self.from_framework} indicator {from_id}")
        return found

    def without_counterpart(self) -> list[int]:
        """Newer indicators with no predecessor: evidence for them is new to collect."""
        return [link.id for link in self.indicators if not link.predecessors]

    def check_against(self, source: Catalog, target: Catalog) -> None:
        """Raise ``ValueError`` unless the crosswalk fits the two catalogs and covers every indicator of both."""
        if source.id != self.from_framework or target.id != self.to_framework:
            raise ValueError(
                f"{self.name}: does not fit catalogs {source.id} -> {target.id}"
            )
        target_ids = set(target.indicator_ids())
        source_ids = set(source.indicator_ids())
        listed = {link.id for link in self.indicators}
        unknown_target = sorted(listed - target_ids)
        if unknown_target:
            raise ValueError(f"{self.name}: unknown {target.id} indicator(s) {unknown_target}")
        used = set(self.mapped_predecessors()) | {n.id for n in self.without_successor}
        unknown_source = sorted(used - source_ids)
        if unknown_source:
            raise ValueError(f"{self.name}: unknown {source.id} indicator(s) {unknown_source}")
        missing_target = sorted(target_ids - listed)
        if missing_target:
            raise ValueError(
                f"{self.name}: {target.id} indicator(s) {missing_target} not listed; give their predecessors "
                "or `predecessors: []` with a note"
            )
        missing_source = sorted(source_ids - used)
        if missing_source:
            raise ValueError(
                f"{self.name}: {source.id} indicator(s) {missing_source} are neither a predecessor nor listed "
                "under without_successor"
            )


def bundled_crosswalk_path(from_framework: str = DEFAULT_FROM, to_framework: str = DEFAULT_TO) -> Path:
    return BUNDLED_DIR / f"{CROSSWALK_PREFIX}{from_framework}--{to_framework}.yaml"


def load_crosswalk_file(
    path: Path, source: Catalog | None = None, target: Catalog | None = None
) -> Crosswalk:
    """Read and validate a crosswalk file; with the catalogs (loaded by framework id when not given) it is
    also checked against them. Any problem is a ``ValueError`` (pydantic's ``ValidationError`` is one)."""
    with Path(path).open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: not a crosswalk (expected a mapping)")
    crosswalk = Crosswalk.model_validate(raw)
    crosswalk.check_against(
        source or load_catalog(crosswalk.from_framework), target or load_catalog(crosswalk.to_framework)
    )
    return crosswalk


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Crosswalk:
    return load_crosswalk_file(Path(path))


def load_crosswalk(
    from_framework: str = DEFAULT_FROM, to_framework: str = DEFAULT_TO, path: Path | None = None, *,
    custom: Path | None = None,
) -> Crosswalk:
    """The crosswalk between two frameworks, validated against both: the file at ``path``, else a Pemda's own
    (``custom``, from ``SPBE_CROSSWALK_PATH``) when it joins the same two frameworks, else the bundled one."""
    if path is None and custom is not None and custom.exists():
        candidate = _cached(str(custom.resolve()), custom.stat().st_mtime)
        if (candidate.from_framework, candidate.to_framework) == (from_framework, to_framework):
            return candidate
    path = Path(path) if path is not None else bundled_crosswalk_path(from_framework, to_framework)
    if not path.exists():
        raise ValueError(f"no crosswalk {from_framework} -> {to_framework} ({path.name} not found)")
    return _cached(str(path.resolve()), path.stat().st_mtime)


def successors(spbe_id: int, crosswalk: Crosswalk | None = None) -> list[int]:
    """Pemdi 2026 indicators that SPBE 2020 indicator ``spbe_id`` feeds (bundled crosswalk by default)."""
    return (crosswalk or load_crosswalk()).successors(spbe_id)


def predecessors(pemdi_id: int, crosswalk: Crosswalk | None = None) -> list[int]:
    """SPBE 2020 indicators that feed Pemdi 2026 indicator ``pemdi_id`` (bundled crosswalk by default)."""
    return (crosswalk or load_crosswalk()).predecessors(pemdi_id)


__all__ = [
    "Crosswalk",
    "CrosswalkInfo",
    "CrosswalkLink",
    "NoSuccessor",
    "bundled_crosswalk_path",
    "load_crosswalk",
    "load_crosswalk_file",
    "predecessors",
    "successors",
]
