"""Loads the per-framework topic data (``topics/<catalog id>.yaml``) into typed, validated topics.

Why data and not code: evaluation frameworks are replaced (PermenPANRB 59/2020 -> Indeks Pemdi), and the
words that say "this is about indicator N" change with them. A new framework needs a new YAML file;
the renderers stay the same. Validation here fails loudly when the data cannot render a document type
it asks for, instead of silently producing empty documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from classifier.corpus.types import DOC_TYPES

TOPICS_DIR = Path(__file__).resolve().parent / "topics"

# The title group each document type is rendered from; keputusan of a team topic uses ``team`` instead.
TITLE_GROUP = {
    "perkada": "regulation",
    "perda": "regulation",
    "keputusan": "regulation",
    "surat_edaran": "regulation",
    "sop": "sop",
    "laporan": "report",
    "notulen": "meeting",
    "undangan": "meeting",
    "berita": "news",
    "perencanaan": "planning",
}
_TEXT_POOLS = (
    "names", "menimbang", "mengingat", "definitions", "body", "findings", "quotes", "news", "steps",
    "features", "apps", "directives", "chapters", "scope", "conclusions", "slides", "partners",
)
_KNOWN_KEYS = {
    *_TEXT_POOLS, "kind", "key", "doc_types", "titles", "team", "table", "activities", "budget_items",
    "owners", "budget", "labels", "formal_labels", "variants", "hard", "draft_rate", "weight", "sections",
}


@dataclass(frozen=True)
class Topic:
    """Everything needed to write documents about one subject, and the labels those documents get."""

    key: str
    kind: str  # policy | governance | management | audit | service | sector | umbrella | negative
    indicator: int | None
    labels: tuple[int, ...]  # every document of the topic supports these
    formal_labels: tuple[int, ...]  # added for a set (non-draft) regulation, decree or circular
    budget_labels: tuple[int, ...]  # labels of an RKA/DPA page of the topic's activity
    doc_types: tuple[tuple[str, float], ...]
    titles: dict[str, tuple[str, ...]]
    pools: dict[str, tuple[str, ...]]
    owners: tuple[str, ...]
    team: dict[str, Any] | None = None
    table: dict[str, Any] | None = None
    activities: tuple[dict[str, Any], ...] = ()
    budget_items: tuple[tuple[str, str, str, int, int], ...] = ()
    sections: tuple[tuple[str, str], ...] = ()  # (heading, text) of a profile/description document
    draft_rate: float = 0.0
    weight: float = 1.0
    hard: bool = False

    def pool(self, name: str) -> tuple[str, ...]:
        return self.pools.get(name, ())

    def title_options(self, group: str) -> tuple[str, ...]:
        return self.titles.get(group, ())


@dataclass(frozen=True)
class Pairing:
    """A set regulation on ``policy`` also supports ``supports`` (and vice versa when ``both_ways``)."""

    policy: int
    supports: tuple[int, ...]
    both_ways: bool


@dataclass
class TopicSet:
    catalog_id: str
    formal_doc_types: frozenset[str]
    pairings: tuple[Pairing, ...]
    sector_slots: tuple[int, ...]
    by_indicator: dict[int, list[Topic]] = field(default_factory=dict)
    umbrella: list[Topic] = field(default_factory=list)
    sectors: list[Topic] = field(default_factory=list)
    negatives: list[Topic] = field(default_factory=list)

    def scope_phrases(self, indicator: int) -> tuple[str, ...]:
        """How an umbrella regulation names this policy topic in its 'ruang lingkup' article."""
        topics = self.by_indicator.get(indicator, [])
        return topics[0].pool("scope") if topics else ()


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    return tuple(value)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A variant replaces whole fields of its parent; ``titles`` are replaced group by group."""
    merged = {k: v for k, v in base.items() if k != "variants"}
    for key, value in override.items():
        if key == "titles" and isinstance(value, dict):
            merged["titles"] = {**base.get("titles", {}), **value}
        else:
            merged[key] = value
    return merged


def _build(raw: dict[str, Any], *, key: str, kind: str, indicator: int | None, labels: tuple[int, ...],
           formal: tuple[int, ...], budget: tuple[int, ...]) -> Topic:
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        raise ValueError(f"topic {key}: unknown fields {sorted(unknown)}")
    doc_types = tuple((str(k), float(v)) for k, v in (raw.get("doc_types") or {}).items())
    titles = {str(g): _strings(v, f"{key}.titles.{g}") for g, v in (raw.get("titles") or {}).items()}
    pools = {name: _strings(raw.get(name), f"{key}.{name}") for name in _TEXT_POOLS if raw.get(name)}
    items = tuple(
        (str(i[0]), str(i[1]), str(i[2]), int(i[3]), int(i[4])) for i in (raw.get("budget_items") or [])
    )
    topic = Topic(
        key=key,
        kind=str(raw.get("kind", kind)),
        indicator=indicator,
        labels=tuple(raw["labels"]) if "labels" in raw else labels,
        formal_labels=tuple(raw["formal_labels"]) if "formal_labels" in raw else formal,
        budget_labels=budget,
        doc_types=doc_types,
        titles=titles,
        pools=pools,
        owners=_strings(raw.get("owners"), f"{key}.owners") or ("kominfo",),
        team=raw.get("team"),
        table=raw.get("table"),
        activities=tuple(raw.get("activities") or ()),
        budget_items=items,
        sections=tuple((str(h), str(t)) for h, t in (raw.get("sections") or [])),
        draft_rate=float(raw.get("draft_rate", 0.0)),
        weight=float(raw.get("weight", 1.0)),
        hard=bool(raw.get("hard", False)),
    )
    _validate(topic)
    return topic


def _validate(topic: Topic) -> None:
    if not topic.doc_types:
        raise ValueError(f"topic {topic.key}: no doc_types")
    for doc_type, weight in topic.doc_types:
        if doc_type not in DOC_TYPES:
            raise ValueError(f"topic {topic.key}: unknown doc type {doc_type!r}")
        if weight <= 0:
            raise ValueError(f"topic {topic.key}: weight of {doc_type} must be positive")
        group = TITLE_GROUP.get(doc_type)
        if doc_type == "keputusan" and topic.team:
            if not topic.team.get("names"):
                raise ValueError(f"topic {topic.key}: team without names")
        elif doc_type == "surat_edaran" and topic.title_options("circular"):
            pass
        elif group and not topic.title_options(group):
            raise ValueError(f"topic {topic.key}: {doc_type} needs titles.{group}")
        if doc_type == "anggaran" and not topic.activities:
            raise ValueError(f"topic {topic.key}: anggaran needs activities")
        if doc_type in ("screenshot", "halaman_layanan") and not (topic.pool("apps") and topic.pool("features")):
            raise ValueError(f"topic {topic.key}: {doc_type} needs apps and features")
        if doc_type == "lainnya" and not (topic.table or topic.pool("slides") or topic.title_options("agreement")
                                          or topic.sections):
            raise ValueError(f"topic {topic.key}: lainnya needs a table, slides, sections or an agreement title")
        if topic.title_options("agreement") and not topic.pool("partners"):
            raise ValueError(f"topic {topic.key}: agreement titles need partners")
    if not topic.pool("body"):
        raise ValueError(f"topic {topic.key}: body sentences are required")


def _expand(raw: dict[str, Any], **kwargs: Any) -> list[Topic]:
    variants = raw.get("variants") or []
    if not variants:
        return [_build(raw, **kwargs)]
    base_key = kwargs.pop("key")
    return [
        _build(_merge(raw, variant), key=f"{base_key}/{variant.get('key', i)}", **kwargs)
        for i, variant in enumerate(variants)
    ]


def load_topics(catalog_id: str, path: Path | None = None) -> TopicSet:
    """Reads and validates the topic data for a catalog (framework) id."""
    path = path or TOPICS_DIR / f"{catalog_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("catalog") != catalog_id:
        raise ValueError(f"{path.name} is for catalog {data.get('catalog')!r}, not {catalog_id!r}")
    pairings = tuple(
        Pairing(int(p["policy"]), tuple(int(s) for s in p["supports"]), bool(p.get("both_ways", False)))
        for p in data.get("pairings", [])
    )
    formal_extra: dict[int, list[int]] = {}
    for p in pairings:
        formal_extra.setdefault(p.policy, []).extend(p.supports)
        if p.both_ways:
            for s in p.supports:
                formal_extra.setdefault(s, []).append(p.policy)
    slots = tuple(int(s) for s in data.get("sector_slots", []))
    # The indicator an RKA/DPA page supports (keterpaduan rencana dan anggaran): 13 in SPBE 2020, the default.
    plan = int(data.get("budget_indicator", 13))
    topics = TopicSet(
        catalog_id=catalog_id,
        formal_doc_types=frozenset(data.get("formal_doc_types", ["perkada", "perda", "keputusan", "surat_edaran"])),
        pairings=pairings,
        sector_slots=slots,
    )
    for ind_id, raw in (data.get("indicators") or {}).items():
        ind = int(ind_id)
        budget_mode = raw.get("budget", "plain")
        budget = (plan,) if budget_mode == "plain" or ind == plan else (plan, ind)
        topics.by_indicator[ind] = _expand(
            raw, key=f"ind-{ind}", kind=str(raw.get("kind", "")), indicator=ind, labels=(ind,),
            formal=tuple(sorted(set(formal_extra.get(ind, [])))), budget=budget,
        )
    umbrella = data.get("umbrella")
    if umbrella:
        labels = tuple(int(x) for x in umbrella.get("labels", []))
        topics.umbrella = _expand(
            umbrella, key="umbrella", kind="umbrella", indicator=None, labels=labels, formal=(), budget=(plan,)
        )
    for raw in data.get("sectors") or []:
        topics.sectors.extend(
            _expand(raw, key=f"sector-{raw['key']}", kind="sector", indicator=None, labels=slots, formal=(),
                    budget=(plan, *slots))
        )
    for raw in data.get("negatives") or []:
        topics.negatives.extend(
            _expand(raw, key=f"neg-{raw['key']}", kind="negative", indicator=None, labels=(), formal=(),
                    budget=())
        )
    return topics
