"""Text preparation shared by training and prediction.

Why a separate module: the model must see exactly the same normalisation at training and at prediction
time, and the reasons shown to reviewers must quote the original sentences, not normalised ones.
"""

from __future__ import annotations

import re
import unicodedata

HEAD_CHARS = 1500  # title page: heading, NOMOR/TAHUN, TENTANG, menimbang
BODY_CHARS = 30000  # long documents are cut; the head is always kept separately
FIELD_SEP = "\x1e"

_WS = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.;:!?])\s+|\n{2,}|\n(?=[A-Z0-9][A-Z0-9 .,()/-]{3,}\n)")
_PATH_SPLIT = re.compile(r"[\\/_\-.]+")


def normalise(text: str) -> str:
    """Lower-case, fold accents, map digits to 0 so years and numbers do not become features."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DIGITS.sub("0", text)
    return _WS.sub(" ", text).strip()


def head_of(text: str) -> str:
    return text[:HEAD_CHARS]


def compose(text: str, path: str = "", cues: str = "") -> str:
    """Pack path, head, body and cues into one string so one sklearn pipeline input carries all four.

    The head is given its own features (and so more weight) because the title page says what a
    regulation or decree is about; the rest is often boilerplate (mengingat, lampiran). ``cues`` are
    the tokens of ``classifier.cues`` (title words, document kind, catalog phrases on the title page).
    """
    path_words = " ".join(p for p in _PATH_SPLIT.split(path) if p)
    return FIELD_SEP.join((path_words, head_of(text), text[:BODY_CHARS], cues))


def path_field(composed: str) -> str:
    return normalise(composed.split(FIELD_SEP)[0])


def head_field(composed: str) -> str:
    parts = composed.split(FIELD_SEP)
    return normalise(parts[1] if len(parts) > 1 else parts[0])


def body_field(composed: str) -> str:
    parts = composed.split(FIELD_SEP)
    return normalise(parts[2] if len(parts) > 2 else parts[-1])


def cue_field(composed: str) -> str:
    """The cue tokens as written (they carry indicator numbers, so digits are not folded)."""
    parts = composed.split(FIELD_SEP)
    return parts[3] if len(parts) > 3 else ""


def sentences(text: str) -> list[str]:
    """Rough sentence/line split, good enough to quote evidence back to a reviewer."""
    out = []
    for chunk in _SENTENCE_SPLIT.split(text):
        chunk = _WS.sub(" ", chunk).strip()
        if len(chunk) >= 12:
            out.append(chunk)
    return out
