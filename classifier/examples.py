"""The training examples: the generated corpus, every real labelled document, and reviewer-confirmed uploads.

Each example carries its weight and where it came from (``generated:``, ``real:``, ``review:``), which is
how validation tells the real documents, judged on their own, from the augmentation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from classifier.corpus.generator import generate_corpus
from classifier.corpus.real import labels_in, load_manifest, read_text
from evidence.catalog import Catalog
from evidence.confirmed_labels import ConfirmedLabel

REAL_WEIGHT = 10.0  # real documents are few but are what users send: each counts as ten generated ones
GENERATED_WEIGHT = 1.0
REVIEW_WEIGHT = 10.0  # documents a reviewer confirmed: real, and labelled by a person


@dataclass(frozen=True)
class Example:
    text: str
    path: str
    indicators: frozenset[int]
    weight: float
    source: str


def _filename_for(title: str, index: int) -> str:
    """Generated documents get plausible file names, as OPD files have; some get meaningless ones."""
    if not title or index % 4 == 3:
        return f"scan_{index:04d}.pdf"
    slug = re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_")[:60]
    return f"{slug}.pdf"


def build_training_examples(
    catalog: Catalog, *, seed: int = 0, corpus_size: dict | None = None, confirmed: Sequence[ConfirmedLabel] = ()
) -> list[Example]:
    """Generated corpus + every real labelled document + reviewer-confirmed documents.

    A confirmed upload whose text is one of the real documents is left out: the real document is already
    there with its labeller's labels, and counting it twice would tilt its fold.
    """
    generated = generate_corpus(catalog, seed=seed, **(corpus_size or {}))
    examples = [
        Example(d.text, _filename_for(d.title, i), frozenset(d.indicators), GENERATED_WEIGHT, f"generated:{d.doc_type}")
        for i, d in enumerate(generated)
    ]
    real = real_examples(catalog.id)
    examples += real
    real_texts = {_text_key(e.text) for e in real}
    for label in confirmed:
        if _text_key(label.text) not in real_texts:
            examples.append(Example(label.text, label.path, label.indicators, REVIEW_WEIGHT, f"review:{label.sha256[:12]}"))
    return examples


def real_examples(framework_id: str) -> list[Example]:
    """The real documents (texts read from the reference folder), labelled in ``framework_id``."""
    return [Example(read_text(d), "", labels_in(d, framework_id), REAL_WEIGHT, f"real:{d.id}") for d in load_manifest()]


def _text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()
