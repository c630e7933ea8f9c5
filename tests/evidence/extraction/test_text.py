from evidence.extraction.text import TextExtractor, decode_text, normalise_newlines


def test_utf8_text_is_one_page_without_warnings() -> None:
    result = TextExtractor().extract("Kebijakan Internal SPBE — Diskominfo".encode())

    assert result.status == "ok"
    assert result.page_count is None
    assert [page.number for page in result.pages] == [1]
    assert result.text == "Kebijakan Internal SPBE — Diskominfo"
    assert result.warnings == ()


def test_bom_is_stripped() -> None:
    result = TextExtractor().extract(b"\xef\xbb\xbfArsitektur SPBE")

    assert result.text == "Arsitektur SPBE"


def test_cp1252_fallback_is_decoded_and_reported() -> None:
    data = "Anggaran “TIK” – Rp 1.000".encode("cp1252")

    result = TextExtractor().extract(data)

    assert result.status == "ok"
    assert result.text == "Anggaran “TIK” – Rp 1.000"
    assert result.warnings == ("encoding: decoded as cp1252",)


def test_newlines_are_normalised() -> None:
    result = TextExtractor().extract(b"satu\r\ndua\rtiga\n")

    assert result.text == "satu\ndua\ntiga\n"
    assert normalise_newlines("a\r\n\r\nb") == "a\n\nb"


def test_whitespace_only_file_has_no_text() -> None:
    result = TextExtractor().extract(b" \r\n\t \n")

    assert result.status == "no_text"
    assert result.error == "no_text: file contains only whitespace"
    assert result.pages == ()


def test_undecodable_bytes_are_reported_as_corrupt() -> None:
    # 0x81 is undefined in cp1252 and invalid as a UTF-8 start byte.
    assert decode_text(b"\x81\x81") is None
    result = TextExtractor().extract(b"\x81\x81")

    assert result.status == "failed"
    assert result.error is not None and result.error.startswith("corrupt: ")


def test_decode_text_prefers_utf8() -> None:
    assert decode_text("é".encode()) == ("é", "utf-8-sig")
    assert decode_text("é".encode("cp1252")) == ("é", "cp1252")


def test_result_records_extractor_and_version() -> None:
    result = TextExtractor().extract(b"teks")

    assert result.extractor == "text"
    assert result.extractor_version.startswith("python-")
    assert result.media_type == "text/plain"
