"""Generates the labelled training corpus: Indonesian government documents about each indicator's topic,
plus documents that support no indicator.

How the corpus is planned (why, in short):
- Umbrella "Penyelenggaraan SPBE" regulations come first; they support every policy indicator (1-10),
  some only a listed subset ("ruang lingkup").
- Then every catalog indicator gets documents until ``docs_per_indicator`` documents carry its label,
  but always at least ``OWN_SHARE`` of that written about its own topic, so an indicator is never
  learnt only from documents that are mainly about something else.
- Negatives (empty labels) are unrelated regulations, news, budgets, decrees ... and hard negatives that
  share the vocabulary of positives ("aplikasi", "data", "elektronik", Diskominfo's own non-SPBE work).
- Every document then goes through layout change, excerpt cuts and OCR noise (``noise.degrade``).

Labels follow the conventions of the labelled real documents; which indicator pairs co-occur lives in
the topic YAML (``pairings``), not here. Determinism: one ``random.Random(seed)`` drives everything.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from classifier.corpus.boilerplate import REGIONS
from classifier.corpus.noise import degrade
from classifier.corpus.templates import render_document
from classifier.corpus.topic_data import Topic, TopicSet, load_topics
from classifier.corpus.types import GENERATED_SOURCE, LabelledText
from evidence.catalog import Catalog

OWN_SHARE = 0.6  # minimum share of an indicator's target written about its own topic
UMBRELLA_SHARE = 0.5  # umbrella regulations, relative to docs_per_indicator
PARTIAL_UMBRELLA = 0.3  # share of umbrella regulations that cover only some policy topics
_YEARS = tuple(range(2018, 2027))
_YEAR_WEIGHTS = (1, 2, 3, 4, 4, 4, 4, 3, 2)


def generate_corpus(
    catalog: Catalog, *, seed: int = 0, docs_per_indicator: int = 40, negatives: int = 600
) -> list[LabelledText]:
    """A shuffled list of generated documents; the same arguments always give the same corpus."""
    topics = load_topics(catalog.id)
    check_topics(topics, catalog)
    rng = random.Random(seed)
    docs: list[LabelledText] = []
    counts: Counter[int] = Counter()

    def add(doc: LabelledText) -> None:
        docs.append(doc)
        counts.update(doc.indicators)

    for _ in range(max(1, round(docs_per_indicator * UMBRELLA_SHARE)) if topics.umbrella else 0):
        add(umbrella_document(topics, rng))
    floor = math.ceil(docs_per_indicator * OWN_SHARE)
    for indicator in catalog.indicator_ids():
        pool = topics_for(topics, indicator)
        for _ in range(max(docs_per_indicator - counts[indicator], floor)):
            add(topic_document(_weighted(rng, pool), topics, rng))
    for _ in range(negatives):
        add(topic_document(_weighted(rng, topics.negatives), topics, rng))
    rng.shuffle(docs)
    return docs


def topics_for(topics: TopicSet, indicator: int) -> list[Topic]:
    if indicator in topics.by_indicator:
        return topics.by_indicator[indicator]
    if indicator in topics.sector_slots:
        return topics.sectors
    raise ValueError(f"topic data for {topics.catalog_id} has nothing for indicator {indicator}")


def check_topics(topics: TopicSet, catalog: Catalog) -> None:
    """Every label the data can produce must be a catalog indicator, and every indicator must have data."""
    known = set(catalog.indicator_ids())
    everything = [t for ts in topics.by_indicator.values() for t in ts] + topics.umbrella + topics.sectors
    for topic in everything:
        unknown = set(topic.labels) | set(topic.formal_labels) | set(topic.budget_labels)
        unknown -= known
        if unknown:
            raise ValueError(f"topic {topic.key} labels {sorted(unknown)} that catalog {catalog.id} does not have")
    for indicator in known:
        topics_for(topics, indicator)
    if not topics.negatives:
        raise ValueError("topic data has no negative topics")


def labels_for(topic: Topic, doc_type: str, *, draft: bool, topics: TopicSet) -> tuple[int, ...]:
    """Which indicators a document of this topic and type supports.

    - unrelated topics: none;
    - an RKA/DPA page: keterpaduan rencana dan anggaran (13), plus the topic's indicator when the
      activity clearly is that service or management area (``budget: topic`` in the data);
    - a set regulation/decree/circular: the topic's labels plus its paired indicators;
    - a draft: only the topic's own labels (a draft proves level 1 of the policy, nothing else).
    """
    if topic.kind == "negative":
        return ()
    if doc_type == "anggaran":
        return tuple(sorted(set(topic.budget_labels)))
    labels = set(topic.labels)
    if doc_type in topics.formal_doc_types and not draft:
        labels |= set(topic.formal_labels)
    return tuple(sorted(labels))


def _weighted(rng: random.Random, pool: Sequence[Topic]) -> Topic:
    return rng.choices(list(pool), weights=[t.weight for t in pool])[0]


def _doc_type(rng: random.Random, topic: Topic) -> str:
    names = [name for name, _ in topic.doc_types]
    return rng.choices(names, weights=[w for _, w in topic.doc_types])[0]


def topic_document(topic: Topic, topics: TopicSet, rng: random.Random) -> LabelledText:
    doc_type = _doc_type(rng, topic)
    region = rng.choice(REGIONS)
    year = rng.choices(_YEARS, weights=_YEAR_WEIGHTS)[0]
    draft = doc_type in topics.formal_doc_types and rng.random() < topic.draft_rate
    rendered = render_document(doc_type, topic, rng, region, year=year, draft=draft)
    text = degrade(rendered.text, rng, doc_type=doc_type, slug=region.slug)
    labels = labels_for(topic, doc_type, draft=draft, topics=topics)
    return LabelledText(text, labels, doc_type, GENERATED_SOURCE, rendered.title)


def umbrella_document(topics: TopicSet, rng: random.Random) -> LabelledText:
    """A 'Penyelenggaraan SPBE' regulation (all policy indicators) or a narrower one listing some topics.

    The narrower kind is never cut before its 'ruang lingkup' article, because that article is the only
    place that says which policy topics it covers.
    """
    by_key = {t.key.rsplit("/", 1)[-1]: t for t in topics.umbrella}
    partial = "partial" in by_key and rng.random() < PARTIAL_UMBRELLA
    topic = by_key["partial"] if partial else by_key.get("full", topics.umbrella[0])
    policy = list(topic.labels)
    covered = sorted(rng.sample(policy, rng.randint(3, min(5, len(policy))))) if partial else policy
    show_scope = partial or rng.random() < 0.6
    scope = [_scope_phrase(topics, i, rng) for i in covered] if show_scope else None
    if scope and not partial and rng.random() < 0.5:
        scope += ["layanan SPBE", "manajemen SPBE"]
    if partial:
        topic = _restricted(topic, topics, covered)
    doc_type = _doc_type(rng, topic)
    region = rng.choice(REGIONS)
    year = rng.choices(_YEARS, weights=_YEAR_WEIGHTS)[0]
    draft = rng.random() < topic.draft_rate
    rendered = render_document(doc_type, topic, rng, region, year=year, draft=draft, scope=scope)
    text = degrade(rendered.text, rng, doc_type=doc_type, slug=region.slug, allow_cut=not partial)
    return LabelledText(text, tuple(covered), doc_type, GENERATED_SOURCE, rendered.title)


def _restricted(topic: Topic, topics: TopicSet, covered: Sequence[int]) -> Topic:
    """A narrower regulation's chapters and articles speak only of the policy topics it covers."""
    chapters = tuple(topics.scope_phrases(i)[0].upper() for i in covered if topics.scope_phrases(i))
    body = tuple(b for i in covered for b in topics.by_indicator[i][0].pool("body"))
    definitions = tuple(d for i in covered for d in topics.by_indicator[i][0].pool("definitions"))
    pools = {**topic.pools, "chapters": chapters, "body": body,
             "definitions": topic.pool("definitions")[:1] + definitions}
    return replace(topic, pools=pools)


def _scope_phrase(topics: TopicSet, indicator: int, rng: random.Random) -> str:
    phrases = topics.scope_phrases(indicator)
    return rng.choice(phrases) if phrases else f"indikator {indicator}"


__all__ = ["check_topics", "generate_corpus", "labels_for", "topic_document", "topics_for", "umbrella_document"]
