"""Evidence spans: the sentences or lines that carry the terms behind a suggestion, with their page number.

Why: a reviewer trusts a suggestion they can check in seconds. "p=0.83, terms 'tim koordinasi'" asks them
to read the document; "hlm. 3: 'Membentuk Tim Koordinasi SPBE dengan susunan ...'" lets them jump there.
Page numbers are known only when the extractor kept pages (PDF, OCR); plain text gives ``page: None``.
Pure functions: no database, no files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from classifier.text import normalise, sentences

MAX_CHARS = 60000  # same window the reasons have always quoted from
MAX_SENTENCE = 220


class PageLike(Protocol):
    """A page of extracted text (``evidence.extraction.PageText``), read-only."""

    @property
    def number(self) -> int: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class IndexedSentence:
    page: int | None
    original: str
    normalised: str


def index_sentences(text_or_pages: str | Sequence[PageLike] | None, max_chars: int = MAX_CHARS
                    ) -> list[IndexedSentence]:
    """Split once per document; several suggestions then look their terms up in the same index."""
    if not text_or_pages:
        return []
    if isinstance(text_or_pages, str):
        return [IndexedSentence(None, s, normalise(s)) for s in sentences(text_or_pages[:max_chars])]
    out: list[IndexedSentence] = []
    budget = max_chars
    for page in text_or_pages:
        if budget <= 0:
            break
        chunk = page.text[:budget]
        budget -= len(chunk)
        out += [IndexedSentence(page.number, s, normalise(s)) for s in sentences(chunk)]
    return out


def _term_pattern(term: str) -> re.Pattern[str] | None:
    term = normalise(term)
    if not term:
        return None
    return re.compile(r"(?<![a-z0-9])" + re.escape(term) + r"(?![a-z0-9])")


def _clip(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SENTENCE else sentence[: MAX_SENTENCE - 3] + "..."


def spans_in(index: Sequence[IndexedSentence], terms: Iterable[str], max_spans: int = 3) -> list[dict]:
    """Up to ``max_spans`` distinct sentences, one per term in the order given (strongest term first)."""
    found: list[dict] = []
    used: set[int] = set()
    seen: set[str] = set()
    for term in terms:
        if len(found) >= max_spans:
            break
        if term in seen:  # top terms repeat when both the title-page and the body features fire
            continue
        seen.add(term)
        pattern = _term_pattern(term)
        if pattern is None:
            continue
        for i, item in enumerate(index):
            if i not in used and pattern.search(item.normalised):
                used.add(i)
                found.append({"page": item.page, "sentence": _clip(item.original), "term": term})
                break
    return found


def evidence_spans(text_or_pages: str | Sequence[PageLike] | None, terms: Iterable[str], max_spans: int = 3
                   ) -> list[dict]:
    """The sentences/lines of a document that carry ``terms``: ``[{page, sentence, term}]``.

    ``text_or_pages`` is the extracted text or ``ExtractionResult.pages`` (anything with ``number`` and
    ``text``); with pages, each span says on which page it is. Terms are matched on the same normalised
    form the model sees (lower case, digits as 0), as whole words.
    """
    return spans_in(index_sentences(text_or_pages), terms, max_spans)
