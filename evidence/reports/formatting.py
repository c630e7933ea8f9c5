"""Small display helpers shared by the HTML and console renderers, so both show the same numbers the same way.

Indonesian writes decimals with a comma ("42,5%"), English with a point; indicator lists are compressed
into ranges ("1-13, 15-31, 42, 43") because an OPD may owe thirty of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from evidence.i18n import explain_error, normalize_lang, t


def _decimal(value: float, digits: int, lang: str) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if normalize_lang(lang) == "id" else text


def format_pct(share: float, lang: str = "id") -> str:
    """0.4255 -> "42,6%" (id) / "42.6%" (en)."""
    return f"{_decimal(share * 100, 1, lang)}%"


def format_score(score: float, lang: str = "id") -> str:
    """Classifier scores with two decimals, in the language's decimal notation."""
    return _decimal(score, 2, lang)


def format_number(value: float, lang: str = "id") -> str:
    """Weights such as 1.3 or 2.75 without trailing zeros: "2,75" (id) / "2.75" (en)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if normalize_lang(lang) == "id" else text


def format_ids(ids: Iterable[int]) -> str:
    """Sorted indicator ids with runs of three or more compressed: [1, 2, 3, 5, 6] -> "1-3, 5, 6"."""
    values = sorted(set(ids))
    parts: list[str] = []
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and values[end + 1] == values[end] + 1:
            end += 1
        if end - start >= 2:
            parts.append(f"{values[start]}-{values[end]}")
        else:
            parts.extend(str(v) for v in values[start : end + 1])
        start = end + 1
    return ", ".join(parts)


def opd_label(name: str | None, lang: str = "id") -> str:
    """The OPD's name, or the translated "unknown OPD" label for files whose OPD could not be inferred."""
    return name if name is not None else t("opd.unknown", lang)


def status_label(status: str, lang: str = "id") -> str:
    """Readable file status ("no_text" -> "tanpa teks (hasil pindai)")."""
    return t(f"status.{status}", lang)


def problem_reason(status: str, error: str | None, duplicate_of: str | None, lang: str = "id") -> str:
    """Why a file does not count as evidence, in words: the explained error code, else the status."""
    if error:
        return explain_error(error, lang)
    if duplicate_of:
        return t("console.duplicate_of", lang, path=duplicate_of)
    return status_label(status, lang)


def critical_message(label: str, message: str, indicators: list[int], lang: str = "id") -> str:
    """The catalog's missing message (written in Indonesian) or, for other languages, a generic sentence
    built from the item's label and indicators, since the catalog carries no translation."""
    if normalize_lang(lang) == "id":
        return message
    return t("critical.missing_generic", lang, label=label, indicators=format_ids(indicators))
