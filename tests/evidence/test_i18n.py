"""The message catalog: both languages everywhere, and readable error explanations."""

from __future__ import annotations

from string import Formatter

import pytest

from evidence.i18n import (
    DEFAULT_LANG,
    ERROR_MESSAGES,
    MESSAGES,
    SUPPORTED_LANGS,
    explain_error,
    normalize_lang,
    t,
)

DOCUMENTED_CODES = (
    "empty",
    "corrupt",
    "encrypted",
    "too_many_pages",
    "unsupported",
    "no_text",
    "extractor_error",
    "unsafe_path",
    "symlink",
    "limit",
    "too_large",
    "zip_bomb",
    "duplicate",
)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_default_is_indonesian() -> None:
    assert DEFAULT_LANG == "id"
    assert t("section.summary") == "Ringkasan"
    assert t("section.summary", "en") == "Summary"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_every_language_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(SUPPORTED_LANGS)
    assert all(entry[lang].strip() for lang in SUPPORTED_LANGS)
    assert len({frozenset(fields(entry[lang])) for lang in SUPPORTED_LANGS}) == 1


@pytest.mark.parametrize("code", DOCUMENTED_CODES)
def test_every_error_code_has_both_languages(code: str) -> None:
    assert set(ERROR_MESSAGES[code]) == set(SUPPORTED_LANGS)
    id_text = explain_error(f"{code}: some detail", "id")
    en_text = explain_error(f"{code}: some detail", "en")
    assert id_text != en_text
    assert id_text.endswith("(some detail)") and en_text.endswith("(some detail)")
    assert not id_text.startswith(code + ":")


def test_explain_error_examples() -> None:
    assert explain_error("encrypted: password required").startswith("Berkas terenkripsi: perlu kata sandi")
    assert "password required" in explain_error("encrypted: password required")
    assert explain_error("encrypted: password required", "en").startswith("The file is encrypted")
    assert explain_error("extractor_error: KeyError: 'x'") == (
        "Terjadi kesalahan saat membaca isi berkas (KeyError: 'x')"
    )
    assert explain_error("empty") == ERROR_MESSAGES["empty"]["id"]
    assert explain_error("  ZIP_BOMB : ratio 900") == f"{ERROR_MESSAGES['zip_bomb']['id']} (ratio 900)"


def test_explain_error_passthrough() -> None:
    assert explain_error(None) == ""
    assert explain_error("") == ""
    assert explain_error("weird_code: something odd") == "weird_code: something odd"
    assert explain_error("no colon at all") == "no colon at all"


def test_formatting_and_languages() -> None:
    assert t("opd.files_summary", count=3) == "3 berkas"
    assert t("opd.files_summary", "en", count=3) == "3 files"
    assert normalize_lang("en-US") == "en"
    assert normalize_lang("EN_gb") == "en"
    assert normalize_lang("fr") == DEFAULT_LANG
    assert normalize_lang(None) == DEFAULT_LANG
    assert t("section.summary", "fr") == "Ringkasan"
    with pytest.raises(KeyError):
        t("no.such.key")
