"""Legacy Word (.doc, Word 97-2003) text extraction from the piece table, in pure Python.

Many OPD still save decrees and SOPs from old Word installations. The text of a Word 97+ file is
stored in "pieces" listed by the piece table (the CLX in the table stream); each piece is cp1252 or
UTF-16. Reading it directly needs no LibreOffice or antiword process, and every offset is checked
against the stream sizes, so a hostile file can fail but cannot make the reader run away.
Word 6/95 files (no piece table in this layout) fall back to their single 8-bit text run.
"""

from __future__ import annotations

import re
import struct

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import (
    ENCRYPTED,
    FormatExtractor,
    ReadLimits,
    short_detail,
)
from evidence.media.ole import open_ole
from evidence.media.types import DOC_MEDIA_TYPE

WORD_IDENT = 0xA5EC
WORD97_NFIB = 0x00C1
_FLAG_ENCRYPTED = 0x0100
_FLAG_TABLE_1 = 0x0200
_FLAG_OBFUSCATED = 0x8000
_FIB_CSW = 0x20
_CCP_TEXT = 0x4C  # then ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx
_STORY_NAMES = ("main", "footnotes", "headers", "macros", "comments", "endnotes", "textboxes", "header_textboxes")
_CLX_INDEX = 33  # fcClx/lcbClx is the 34th pair of FibRgFcLcb97
_WORD6_FC_MIN, _WORD6_FC_MAC = 0x18, 0x1C
_COMPRESSED = 0x40000000
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARK = "\x07"
_BLANK_RUNS = re.compile(r"\n{3,}")
# Word's in-text control characters and what a reader should see instead.
_REPLACEMENTS = {
    "\r": "\n",
    "\x0b": "\n",  # manual line break
    "\x0c": "\n",  # page or section break
    "\x0e": "\n",  # column break
    "\x07": "\t",  # end of table cell or row
    "\x1e": "-",  # non-breaking hyphen
    "\xa0": " ",
}


class DocFormatError(ValueError):
    """The streams do not describe a Word document the reader can follow."""


class DocEncrypted(Exception):
    """The document is encrypted or obfuscated: its text needs the password."""


class DocExtractor(FormatExtractor, name="msdoc", media_types=(DOC_MEDIA_TYPE,), library="olefile", prefixed=True):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        try:
            text = read_doc_text(data)
        except DocEncrypted:
            return self.failed(ENCRYPTED)
        except (DocFormatError, OSError, struct.error, UnicodeDecodeError) as exc:
            return self.failed(f"corrupt: {short_detail(exc)}")
        return self.single_page(text, limits)


def read_doc_text(data: bytes) -> str:
    """The document's stories as one text: headers first (they name the agency), then body, then notes."""
    ole = open_ole(data)
    try:
        if not ole.exists("WordDocument"):
            raise DocFormatError("no WordDocument stream")
        word = ole.openstream("WordDocument").read()
        flags = _fib_flags(word)
        if flags & (_FLAG_ENCRYPTED | _FLAG_OBFUSCATED):
            raise DocEncrypted
        n_fib = _u16(word, 2)
        if n_fib < WORD97_NFIB:
            return clean_word_text(_word6_text(word)).strip()
        table_name = "1Table" if flags & _FLAG_TABLE_1 else "0Table"
        if not ole.exists(table_name):
            raise DocFormatError(f"no {table_name} stream")
        table = ole.openstream(table_name).read()
    finally:
        ole.close()
    stories = _story_lengths(word)
    text = _piece_table_text(word, table, _clx_location(word), sum(stories))
    parts = _split_stories(text, stories)
    ordered = [parts.get("headers", ""), parts.get("main", "")]
    ordered += [parts.get(name, "") for name in ("footnotes", "endnotes", "textboxes", "comments")]
    return "\n".join(cleaned for part in ordered if (cleaned := clean_word_text(part)).strip()).strip()


def clean_word_text(text: str) -> str:
    """Drop field instructions (``HYPERLINK "..."``, ``PAGE``), keep field results, map control chars."""
    out: list[str] = []
    depth_in_code: list[bool] = []  # one entry per open field: True while in its instruction part
    text = text.replace(_CELL_MARK * 2, "\n")  # cell end + row end: the row is one line
    for ch in text:
        if ch == _FIELD_BEGIN:
            depth_in_code.append(True)
            continue
        if ch == _FIELD_SEPARATOR:
            if depth_in_code:
                depth_in_code[-1] = False
            continue
        if ch == _FIELD_END:
            if depth_in_code:
                depth_in_code.pop()
            continue
        if any(depth_in_code):
            continue
        ch = _REPLACEMENTS.get(ch, ch)
        if ch < " " and ch not in "\t\n":
            continue  # picture anchors (\x01, \x08), note references (\x02), other markers
        out.append(ch)
    lines = "\n".join(line.rstrip() for line in "".join(out).split("\n"))
    return _BLANK_RUNS.sub("\n\n", lines)


def _fib_flags(word: bytes) -> int:
    if len(word) < 0x20 or _u16(word, 0) != WORD_IDENT:
        raise DocFormatError("not a Word document (bad FIB identifier)")
    return _u16(word, 0x0A)


def _story_lengths(word: bytes) -> tuple[int, ...]:
    return tuple(_u32(word, _CCP_TEXT + 4 * index) for index in range(len(_STORY_NAMES)))


def _clx_location(word: bytes) -> tuple[int, int]:
    """The FIB has variable-length arrays before fcClx; walk their declared counts."""
    csw = _u16(word, _FIB_CSW)
    cslw_at = _FIB_CSW + 2 + 2 * csw
    cslw = _u16(word, cslw_at)
    count_at = cslw_at + 2 + 4 * cslw
    pairs = _u16(word, count_at)
    if pairs <= _CLX_INDEX:
        raise DocFormatError("FIB has no piece-table location")
    pair_at = count_at + 2 + 8 * _CLX_INDEX
    return _u32(word, pair_at), _u32(word, pair_at + 4)


def _piece_table_text(word: bytes, table: bytes, clx: tuple[int, int], wanted_chars: int) -> str:
    offset, length = clx
    if length == 0 or offset + length > len(table):
        raise DocFormatError("piece table outside the table stream")
    clx_data = table[offset : offset + length]
    position = 0
    while position < len(clx_data) and clx_data[position] == 0x01:  # Prc: formatting, skipped
        position += 3 + _u16(clx_data, position + 1)
    if position >= len(clx_data) or clx_data[position] != 0x02:
        raise DocFormatError("piece table not found in CLX")
    plc_length = _u32(clx_data, position + 1)
    plc = clx_data[position + 5 : position + 5 + plc_length]
    if len(plc) != plc_length or plc_length < 16 or (plc_length - 4) % 12:
        raise DocFormatError("piece table has an invalid size")
    pieces = (plc_length - 4) // 12
    positions = struct.unpack_from(f"<{pieces + 1}I", plc, 0)
    descriptors = 4 * (pieces + 1)
    # A document cannot hold more characters than its stream has bytes: a bound against lying counts.
    budget = min(wanted_chars or len(word), len(word))
    chunks: list[str] = []
    for index in range(pieces):
        start, end = positions[index], positions[index + 1]
        if end < start:
            raise DocFormatError("piece table positions go backwards")
        count = min(end - start, budget)
        if count <= 0:
            break
        (fc,) = struct.unpack_from("<I", plc, descriptors + 8 * index + 2)
        chunks.append(_piece(word, fc, count))
        budget -= count
    return "".join(chunks)


def _piece(word: bytes, fc: int, count: int) -> str:
    if fc & _COMPRESSED:
        start = (fc & ~_COMPRESSED) // 2
        raw = word[start : start + count]
        if len(raw) != count:
            raise DocFormatError("text piece outside the WordDocument stream")
        return raw.decode("cp1252", errors="replace")
    raw = word[fc : fc + 2 * count]
    if len(raw) != 2 * count:
        raise DocFormatError("text piece outside the WordDocument stream")
    return raw.decode("utf-16-le", errors="replace")


def _split_stories(text: str, lengths: tuple[int, ...]) -> dict[str, str]:
    parts: dict[str, str] = {}
    position = 0
    for name, length in zip(_STORY_NAMES, lengths, strict=True):
        parts[name] = text[position : position + length]
        position += length
    if not any(lengths):  # counts missing: treat everything as the body
        parts["main"] = text
    return parts


def _word6_text(word: bytes) -> str:
    start, end = _u32(word, _WORD6_FC_MIN), _u32(word, _WORD6_FC_MAC)
    if not 0 < start <= end <= len(word):
        raise DocFormatError("Word 6/95 text range outside the stream")
    return word[start:end].decode("cp1252", errors="replace")


def _u16(data: bytes, offset: int) -> int:
    if offset + 2 > len(data):
        raise DocFormatError("structure truncated")
    return struct.unpack_from("<H", data, offset)[0]


def _u32(data: bytes, offset: int) -> int:
    if offset + 4 > len(data):
        raise DocFormatError("structure truncated")
    return struct.unpack_from("<I", data, offset)[0]
