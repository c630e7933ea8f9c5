"""The training-corpus generator on the Pemdi 2026 topic data: every indicator gets documents, Pemdi-only
topics are written about (not only mapped), budget pages support Tata Kelola Pemdi, and SPBE data is unchanged."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from classifier.corpus import LabelledText, generate_corpus
from classifier.corpus.boilerplate import REGIONS
from classifier.corpus.templates import render_document
from classifier.corpus.topic_data import load_topics
from evidence.catalog import load_catalog


@pytest.fixture(scope="module")
def pemdi():
    return load_catalog("pemdi-2026")


@pytest.fixture(scope="module")
def corpus(pemdi) -> list[LabelledText]:
    return generate_corpus(pemdi, seed=0, docs_per_indicator=30, negatives=150)


def test_every_pemdi_indicator_has_documents(pemdi, corpus) -> None:
    counts = Counter(i for doc in corpus for i in doc.indicators)
    assert set(counts) == set(pemdi.indicator_ids())
    assert all(counts[i] >= 18 for i in pemdi.indicator_ids()), counts  # OWN_SHARE of 30
    assert sum(1 for doc in corpus if not doc.indicators) == 150
    assert generate_corpus(pemdi, seed=0, docs_per_indicator=30, negatives=150) == corpus


@pytest.mark.parametrize(
    "indicator, words",
    [
        (8, ("data pribadi",)),
        (11, ("sertifikat elektronik", "persandian", "kriptografi", "enkripsi")),
        (12, ("csirt", "insiden siber", "tanggap insiden")),
        (6, ("geospasial", "geoportal")),
        (7, ("statistik sektoral", "statistik")),
        (3, ("kompetensi", "literasi digital", "kepemimpinan digital", "talenta")),
        (20, ("kepuasan",)),
    ],
)
def test_pemdi_only_topics_are_written_about(corpus, indicator: int, words: tuple[str, ...]) -> None:
    own = [d for d in corpus if d.indicators == (indicator,) and d.doc_type != "anggaran"]
    assert own
    hits = sum(1 for d in own if any(w in d.text.lower() for w in words))
    assert hits / len(own) > 0.6, (indicator, hits, len(own))


def test_spbe_architecture_documents_land_in_pemdi_1(corpus) -> None:
    arch = [d for d in corpus if "arsitektur spbe" in d.title.lower()]
    assert arch and all(1 in d.indicators for d in arch)


def test_budget_pages_support_tata_kelola_pemdi(corpus) -> None:
    budget = [d for d in corpus if d.doc_type == "anggaran" and d.indicators]  # negatives have budgets too
    assert budget and all(d.indicators[0] == 1 for d in budget)


def test_every_pemdi_topic_renders_every_doc_type_it_declares(pemdi) -> None:
    topics = load_topics(pemdi.id)
    rng = random.Random(3)
    for topic in [t for ts in topics.by_indicator.values() for t in ts]:
        assert set(topic.labels) <= set(pemdi.indicator_ids()), topic.key
        for doc_type, _ in topic.doc_types:
            rendered = render_document(doc_type, topic, rng, rng.choice(REGIONS), year=2026)
            assert len(rendered.text) > 100 and "{" not in rendered.text, (topic.key, doc_type)


def test_spbe_budget_indicator_is_still_13() -> None:
    topics = load_topics("spbe-2020")
    assert all(t.budget_labels[0] == 13 for ts in topics.by_indicator.values() for t in ts)
