"""Small pieces with sharp edges: file names from clients, download headers, limits in words, messages."""

from __future__ import annotations

import pytest

from evidence.i18n import MESSAGES, VALIDATION_PHRASES
from service.language import format_bytes
from service.routes.documents import content_disposition
from service.uploads import clean_filename


@pytest.mark.parametrize(("raw", "clean"), [
    ("bukti.zip", "bukti.zip"),
    ("C:\\fakepath\\Bukti Dukung.zip", "Bukti Dukung.zip"),
    ("../../etc/passwd", "passwd"),
    ("a\x00b\r\n.zip", "ab.zip"),
    ("", "unggahan"),
    ("x" * 300 + ".zip", "x" * 255),
])
def test_clean_filename(raw: str, clean: str) -> None:
    assert clean_filename(raw) == clean


def test_content_disposition_is_safe_for_any_name() -> None:
    header = content_disposition('Laporan "Q1";\r\nSet-Cookie: x.pdf')
    assert "\r" not in header and "\n" not in header
    assert header.startswith('attachment; filename="Laporan _Q1____Set-Cookie: x.pdf"')
    assert "filename*=UTF-8''Laporan%20%22Q1%22%3B%0D%0ASet-Cookie%3A%20x.pdf" in header


@pytest.mark.parametrize(("size", "text"), [
    (512 * 1024 * 1024, "512 MB"), (2000, "1,9 KB"), (1536, "1,5 KB"), (900, "900 byte"), (3 * 1024**3, "3 GB"),
])
def test_format_bytes(size: int, text: str) -> None:
    assert format_bytes(size) == text


def test_every_message_exists_in_both_languages() -> None:
    for table in (MESSAGES, VALIDATION_PHRASES):
        for key, entry in table.items():
            assert set(entry) == {"id", "en"}, key
            assert all(value.strip() for value in entry.values()), key
