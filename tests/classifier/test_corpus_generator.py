"""The generated training corpus: deterministic, labelled only with catalog indicators, balanced enough to
learn from, and free of text from the labelled real documents (which are kept for honest evaluation)."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from classifier.corpus import DOC_TYPES, LabelledText, generate_corpus
from classifier.corpus.boilerplate import REGIONS
from classifier.corpus.generator import labels_for
from classifier.corpus.templates import render, render_document
from classifier.corpus.topic_data import load_topics
from evidence.catalog import load_catalog
from tests.fixtures.real_documents import REAL_DOCS as DEV_DIR

SHINGLE = 8
LONG_SHINGLE = 12
# The heading every regional regulation must open with (Permendagri 80/2015 on legal drafting).
FORMULAE = ("dengan rahmat tuhan yang maha esa",)
# National law the generator quotes on purpose (Perpres 95/2018: its title and the definition of Arsitektur SPBE).
STATUTES = (
    "peraturan presiden nomor 95 tahun 2018 tentang sistem pemerintahan berbasis elektronik",
    "arsitektur spbe adalah kerangka dasar yang mendeskripsikan integrasi proses bisnis data dan informasi "
    "infrastruktur spbe aplikasi spbe dan keamanan spbe untuk menghasilkan layanan spbe yang terintegrasi",
)
_TOKEN = re.compile(r"[a-z0-9]+")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog("spbe-2020")


@pytest.fixture(scope="module")
def corpus(catalog) -> list[LabelledText]:
    return generate_corpus(catalog, seed=0)


@pytest.fixture(scope="module")
def topics(catalog):
    return load_topics(catalog.id)


def test_same_seed_gives_the_same_corpus(catalog, corpus):
    assert generate_corpus(catalog, seed=0) == corpus


def test_different_seeds_give_different_corpora(catalog, corpus):
    other = generate_corpus(catalog, seed=1)
    assert [d.text for d in other] != [d.text for d in corpus]


def test_every_catalog_indicator_is_a_label(catalog, corpus):
    counts = Counter(i for d in corpus for i in d.indicators)
    missing = set(catalog.indicator_ids()) - set(counts)
    assert not missing
    assert min(counts[i] for i in catalog.indicator_ids()) >= 40  # the default docs_per_indicator


def test_labels_are_catalog_ids_sorted_and_unique(catalog, corpus):
    known = set(catalog.indicator_ids())
    for doc in corpus:
        assert set(doc.indicators) <= known
        assert list(doc.indicators) == sorted(set(doc.indicators))
        assert all(isinstance(i, int) for i in doc.indicators)


def test_negatives_are_at_least_a_quarter(corpus):
    negatives = [d for d in corpus if not d.indicators]
    assert len(negatives) / len(corpus) >= 0.25
    # negatives come in many shapes, not one give-away document type
    assert len({d.doc_type for d in negatives}) >= 10


def test_multi_label_documents_follow_the_pairing_conventions(corpus):
    label_sets = [set(d.indicators) for d in corpus]
    assert any({10, 19} <= s for s in label_sets)  # SK Tim Koordinasi SPBE
    assert any({3, 23} <= s for s in label_sets)  # Satu Data regulation
    assert any({1, 11} <= s for s in label_sets)  # architecture policy
    assert any(set(range(1, 11)) <= s for s in label_sets)  # umbrella Penyelenggaraan SPBE
    assert any({13, 35} <= s for s in label_sets)  # RKA of an LPSE activity
    assert any({22, 28} <= s for s in label_sets)  # incident-handling SOP
    assert sum(len(s) > 1 for s in label_sets) >= 200


def test_budget_pages_always_support_13(corpus):
    budgets = [d for d in corpus if d.doc_type == "anggaran" and d.indicators]
    assert budgets
    assert all(13 in d.indicators for d in budgets)
    assert any(d.doc_type == "anggaran" and not d.indicators for d in corpus)  # vehicle upkeep, ATK ...


def test_doc_types_are_from_the_allowed_set_and_all_used(corpus):
    used = Counter(d.doc_type for d in corpus)
    assert set(used) <= set(DOC_TYPES)
    assert set(used) == set(DOC_TYPES)


def test_documents_are_well_formed(corpus):
    for doc in corpus:
        assert doc.source == "generated"
        assert doc.title.strip()
        assert len(doc.text) >= (100 if doc.doc_type == "screenshot" else 150)
        assert "{" not in doc.text and "}" not in doc.text  # no unfilled placeholder


def test_lengths_vary_from_short_excerpts_to_long_documents(corpus):
    lengths = sorted(len(d.text) for d in corpus)
    short = sum(800 <= n <= 2000 for n in lengths)
    assert short / len(lengths) >= 0.25
    assert sum(n > 4000 for n in lengths) / len(lengths) >= 0.03


def test_regulation_excerpts_often_end_inside_mengingat(corpus):
    regulations = [d for d in corpus if d.doc_type in ("perkada", "perda")]
    head_only = [d for d in regulations if "Mengingat" in d.text and not re.search(r"Pasal 1\b", d.text)]
    assert len(head_only) / len(regulations) >= 0.25


def test_generic_legal_boilerplate_appears_in_positives_and_negatives(corpus):
    def share(docs: list[LabelledText]) -> float:
        return sum("Pemerintahan Daerah" in d.text for d in docs) / len(docs)

    regs = [d for d in corpus if d.doc_type in ("perkada", "perda")]
    positives = [d for d in regs if d.indicators]
    negatives = [d for d in regs if not d.indicators]
    assert share(positives) > 0.2 and share(negatives) > 0.2


def test_hard_negatives_mention_digital_words(corpus):
    words = ("aplikasi", "data", "elektronik", "digital", "informasi")
    negatives = [d for d in corpus if not d.indicators]
    mentioning = [d for d in negatives if any(w in d.text.lower() for w in words)]
    assert len(mentioning) / len(negatives) >= 0.3


def test_some_documents_carry_ocr_damage(corpus):
    squashed = [d for d in corpus if re.search(r"(PERATURAN|KEPUTUSAN)(BUPATI|GUBERNUR|WALI)", d.text)]
    assert len(squashed) >= 20


def test_drafts_exist_and_do_not_get_paired_labels(topics):
    policy = topics.by_indicator[1][0]
    assert labels_for(policy, "perkada", draft=False, topics=topics) == (1, 11)
    assert labels_for(policy, "perkada", draft=True, topics=topics) == (1,)
    assert labels_for(policy, "notulen", draft=False, topics=topics) == (1,)
    lpse = topics.by_indicator[35][0]
    assert labels_for(lpse, "anggaran", draft=False, topics=topics) == (13, 35)
    negative = topics.negatives[0]
    assert labels_for(negative, "perkada", draft=False, topics=topics) == ()


def test_every_topic_renders_every_doc_type_it_declares(topics):
    """Rare template paths must not break on a data typo (unknown placeholder, missing pool)."""
    rng = random.Random(7)
    everything = [t for ts in topics.by_indicator.values() for t in ts]
    everything += topics.umbrella + topics.sectors + topics.negatives
    for topic in everything:
        for doc_type, _ in topic.doc_types:
            for draft in (False, True):
                rendered = render_document(doc_type, topic, rng, rng.choice(REGIONS), year=2023, draft=draft)
                assert len(rendered.text) > 100, (topic.key, doc_type)
                assert "{" not in rendered.text, (topic.key, doc_type)


def test_render_returns_text(topics):
    text = render("perkada", topics.by_indicator[3][0], random.Random(0), REGIONS[0])
    assert "MENIMBANG" in text.upper()


def test_small_corpus_respects_the_parameters(catalog):
    docs = generate_corpus(catalog, seed=3, docs_per_indicator=4, negatives=25)
    assert sum(not d.indicators for d in docs) == 25
    counts = Counter(i for d in docs for i in d.indicators)
    assert all(counts[i] >= 4 for i in catalog.indicator_ids())


def _shingles(text: str, size: int = SHINGLE) -> set[str]:
    tokens = _TOKEN.findall(text.lower())
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@pytest.mark.skipif(not DEV_DIR.is_dir(), reason="labelled real documents not available on this machine")
def test_no_sentence_of_the_real_documents_is_copied(corpus):
    """The generator may imitate the real documents' style, never their text.

    A run of twelve words found in real documents of several regions is a public formula that every
    regulation cites; a run found in one region's document alone is that document's own sentence and must not
    appear in the corpus, unless it quotes national law (public domain, UU 28/2014 Pasal 42) that the
    generator quotes on purpose.
    """
    from classifier.corpus.real import load_manifest

    regions: dict[str, set[str]] = {}
    for doc in load_manifest():
        path = DEV_DIR / doc.filename
        if path.suffix == ".txt":
            for shingle in _shingles(path.read_text(encoding="utf-8", errors="replace"), LONG_SHINGLE):
                regions.setdefault(shingle, set()).add(doc.group)
    statutes = set().union(*(_shingles(text) for text in STATUTES))
    own = {shingle for shingle, where in regions.items()
           if len(where) == 1 and not _shingles(shingle) & statutes and not any(f in shingle for f in FORMULAE)}
    assert len(own) > 10_000
    copied = Counter()
    for doc in corpus:
        for shingle in _shingles(doc.text, LONG_SHINGLE) & own:
            copied[shingle] += 1
    assert not copied, copied.most_common(10)
