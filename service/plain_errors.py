"""Why a file could not be used, in one Indonesian sentence for OPD staff and the Tim Koordinasi.

Document errors are machine codes with a detail written by a library, often in English ("corrupt:
PdfReadError: No /Root object! - Is this really a PDF?"). People get the sentence for the code
(``evidence.i18n.ERROR_MESSAGES``) and, where the detail says something they can act on, its meaning in
Indonesian; the raw detail stays in the API's ``error`` field for technicians.
"""

from __future__ import annotations

import re

from evidence.i18n import ERROR_MESSAGES
from evidence.states import DUPLICATE_DETAIL, FailureCode, failure_code, split_reason

# English details some errors carry -> what they mean, for the sentence shown to OPD staff.
_DETAIL_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"no /root object|is this really a pdf|eof marker|startxref|xref", re.I),
     "struktur PDF rusak atau terpotong"),
    (re.compile(r"password|encrypt", re.I), "dilindungi kata sandi"),
    (re.compile(r"not a zip file|bad ?zip|truncated|damaged", re.I), "isi berkas terpotong atau rusak"),
    (re.compile(r"memory", re.I), "butuh memori melebihi batas"),
    (re.compile(r"time|exceeded .* s\b", re.I), "melebihi batas waktu"),
)


def plain_error(error: str | None) -> str | None:
    """An Indonesian sentence for a document error; English library detail is translated or dropped."""
    if not error:
        return None
    code, detail = split_reason(error)
    entry = ERROR_MESSAGES.get(code.lower())
    sentence = entry["id"] if entry else "Berkas tidak dapat diproses"
    known = failure_code(error)
    if known is FailureCode.DUPLICATE:
        original = detail.removeprefix(DUPLICATE_DETAIL).strip()
        return f"{sentence}: sama dengan {original}" if original else sentence
    if known is FailureCode.UNSUPPORTED:
        ext = re.search(r"\((\.[A-Za-z0-9]{1,8})\)", detail)
        return f"{sentence} ({ext.group(1)})" if ext else sentence
    for pattern, phrase in _DETAIL_PHRASES:
        if pattern.search(detail) and " ".join(phrase.split()[-2:]).lower() not in sentence.lower():
            return f"{sentence}: {phrase}"
    return sentence
