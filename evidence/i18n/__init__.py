"""The one message catalog: everything a person reads, in Indonesian (default) and English.

Why a catalog instead of literals beside the code: the people reading reports, pages and API errors are
Pemda and OPD staff, so Indonesian is the default, but consultants and reviewers need English; keeping
every string in one table makes it impossible for one language to silently miss a label (a test checks
both exist, with the same placeholders). The CLI, the API, the pages and the reports all read it through
``t``. Identifiers and machine error codes stay English; only what a person reads is translated here.
The tables are data, split by reader (``data/reports.yaml``, ``api.yaml``, ``labels.yaml``, ``errors.yaml``,
``validation.yaml``); their keys never collide.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from evidence.states import split_reason

Messages = dict[str, dict[str, str]]
"""key -> {language -> ``str.format`` template}."""
DATA_DIR = Path(__file__).resolve().parent / "data"

DEFAULT_LANG = "id"
SUPPORTED_LANGS: tuple[str, ...] = ("id", "en")


def _merged(*tables: Messages) -> Messages:
    merged: Messages = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise ValueError(f"message keys defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


def _table(name: str) -> Messages:
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        table: Messages = yaml.safe_load(fh)
    return table


MESSAGES: Messages = _merged(_table("reports"), _table("api"), _table("labels"))
ERROR_MESSAGES: Messages = _table("errors")
"""Machine error codes (the part of a stored reason before the first ": ") -> a readable sentence."""
VALIDATION_PHRASES: Messages = _table("validation")
"""Pydantic error types -> a short phrase; anything else keeps pydantic's English message."""

__all__ = [
    "DEFAULT_LANG",
    "ERROR_MESSAGES",
    "MESSAGES",
    "SUPPORTED_LANGS",
    "VALIDATION_PHRASES",
    "explain_error",
    "label",
    "normalize_lang",
    "t",
]


def normalize_lang(lang: str | None) -> str:
    """``"en-US"`` -> ``"en"``; anything unsupported falls back to Indonesian, the product's default.

    A report must always render, so an odd ``SPBE_LANGUAGE`` value degrades to the default rather than fail.
    """
    if not lang:
        return DEFAULT_LANG
    base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    return base if base in SUPPORTED_LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **kw: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``kw``.

    An unknown key raises ``KeyError``: it is a programming error that tests should catch, not something to
    paper over in front of a user.
    """
    entry = MESSAGES[key]
    template = entry.get(normalize_lang(lang)) or entry[DEFAULT_LANG]
    return template.format(**kw) if kw else template


def label(group: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """The name of ``value`` in ``group`` (``label("state.batch", "done")`` -> "selesai"); the value itself
    when the catalog has no name for it, so an unexpected state still shows."""
    key = f"{group}.{value}"
    return t(key, lang) if key in MESSAGES else value


def explain_error(error: str | None, lang: str = DEFAULT_LANG) -> str:
    """A readable sentence for a document error, keeping the English technical detail in parentheses.

    The detail (page counts, exception names, the original of a duplicate) is what a technician needs to fix
    the file, so it is kept verbatim; only the leading machine code is translated. An unknown code returns
    the raw string unchanged, so nothing is ever hidden.
    """
    if not error:
        return ""
    code, detail = split_reason(error)
    messages = ERROR_MESSAGES.get(code.lower())
    if messages is None:
        return error
    sentence = messages.get(normalize_lang(lang)) or messages[DEFAULT_LANG]
    return f"{sentence} ({detail})" if detail else sentence
