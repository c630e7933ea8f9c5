"""What happens to a document between the signed paper and the text the classifier sees.

Evidence arrives as scans run through OCR, PDFs whose text comes out in hard-wrapped lines or as one
flat paragraph, and page excerpts cut at a couple of thousand characters. A model trained only on clean
text learns crisp word boundaries that real evidence does not have, so the generator damages a share
of its documents in the same ways: layout changes, excerpt cuts, OCR character confusions, headings
that lost their spaces, hyphenation across lines and stray page furniture.
"""

from __future__ import annotations

import random
import re

_CAPS_LINE = re.compile(r"^[A-Z0-9 ,.()/'&-]{8,}$")
_REGULATION_TYPES = frozenset({"perkada", "perda", "keputusan"})


def relayout(text: str, rng: random.Random) -> str:
    """Hard-wrap lines (as PDF extraction does), flatten everything to one paragraph, or keep blank lines."""
    roll = rng.random()
    if roll < 0.3:
        width = rng.randint(45, 75)
        return "\n".join(_wrap(line, width) for line in text.split("\n"))
    if roll < 0.45:
        return " ".join(line.strip() for line in text.split("\n") if line.strip())
    if roll < 0.65:
        return "\n\n".join(line for line in text.split("\n") if line.strip())
    return text


def _wrap(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + len(word) + 1 > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\n".join(out)


def excerpt(text: str, rng: random.Random, doc_type: str) -> str:
    """Cut the document as public page excerpts are cut: often inside Mengingat, often at ~2000 chars."""
    roll = rng.random()
    if doc_type in _REGULATION_TYPES:
        marker = text.find("Mengingat")
        if roll < 0.45 and marker > 0:
            end = text.find("MEMUTUSKAN", marker)
            span = end - marker if end > marker + 120 else 1100
            return _cut(text, marker + rng.randint(80, span), rng)
        if roll < 0.7:
            return _cut(text, rng.randint(2000, 5500), rng)
        return text
    if doc_type == "berita":
        return _cut(text, rng.randint(1500, 2001), rng) if roll < 0.5 else text
    if roll < 0.3:
        return _cut(text, rng.randint(800, 2200), rng)
    if roll < 0.4:
        return _cut(text, rng.randint(2200, 6000), rng)
    return text


def _cut(text: str, at: int, rng: random.Random) -> str:
    if at >= len(text):
        return text
    if rng.random() < 0.5:  # mid-word, as a character limit cuts
        return text[:at]
    space = text.rfind(" ", 0, at)
    return text[: space if space > at // 2 else at]


def _squash_heading(line: str, rng: random.Random) -> str:
    """'BUPATI KOTA BARU' -> 'BUPATIKOTA BARU': OCR of wide-spaced capitals loses spaces."""
    keep = rng.uniform(0.0, 0.7)
    return "".join(ch for ch in line if ch != " " or rng.random() < keep)


_CONFUSIONS = (
    ("l", "1"), ("I", "l"), ("O", "0"), ("0", "O"), ("rn", "m"), ("m", "rn"), ("e", "c"), ("i", "l"),
    ("S", "5"), ("a", "o"), ("h", "b"), ("u", "n"),
)


def _confuse(text: str, rng: random.Random, rate: float) -> str:
    chars = list(text)
    out = []
    i = 0
    while i < len(chars):
        if chars[i].isalnum() and rng.random() < rate:
            src, dst = rng.choice(_CONFUSIONS)
            if text.startswith(src, i):
                out.append(dst)
                i += len(src)
                continue
            if rng.random() < 0.3:  # doubled or dropped letter
                out.append(chars[i] * rng.choice((0, 2)))
                i += 1
                continue
        out.append(chars[i])
        i += 1
    return "".join(out)


def _hyphenate(text: str, rng: random.Random) -> str:
    """Break some long words across lines with a hyphen, as justified scans do."""
    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() < 0.03:
            cut = rng.randint(3, len(word) - 3)
            return f"{word[:cut]}-\n{word[cut:]}"
        return word

    return re.sub(r"[A-Za-z]{9,}", split, text)


def _page_furniture(text: str, rng: random.Random, slug: str) -> str:
    """Page numbers, running headers and watermark URLs inserted at page-like intervals."""
    pieces, pos, page = [], 0, 2
    while pos < len(text):
        step = rng.randint(1400, 2600)
        nxt = text.find("\n", pos + step)
        if nxt < 0:
            pieces.append(text[pos:])
            break
        pieces.append(text[pos:nxt])
        marker = rng.choice((f"- {page} -", str(page), f"Halaman {page}", "SALINAN", f"www.jdih.{slug}.go.id",
                             f"jdih.{slug}.go.id", f"{page}", f"Hal {page} dari {page + rng.randint(0, 8)}"))
        pieces.append(f"\n{marker}\n")
        pos, page = nxt + 1, page + 1
    return "".join(pieces)


def ocr_noise(text: str, rng: random.Random, *, slug: str) -> str:
    """Scanned-document damage at a random strength."""
    lines = text.split("\n")
    squash = rng.random() < 0.6
    lines = [_squash_heading(ln, rng) if squash and _CAPS_LINE.match(ln) and rng.random() < 0.6 else ln for ln in lines]
    text = "\n".join(lines)
    text = _confuse(text, rng, rate=rng.choice((0.002, 0.005, 0.01, 0.02)))
    if rng.random() < 0.5:
        text = _hyphenate(text, rng)
    if rng.random() < 0.5:
        text = _page_furniture(text, rng, slug)
    if rng.random() < 0.1:  # two-column scans: labels lifted to the top
        text = re.sub(r"Menimbang\s*:", "", text, count=1)
        text = re.sub(r"Mengingat\s*:", "", text, count=1)
        text = f"Menimbang : Mengingat {text}"
    return text


def degrade(text: str, rng: random.Random, *, doc_type: str, slug: str, ocr_rate: float = 0.3,
            allow_cut: bool = True) -> str:
    """Layout change, excerpt cut (unless the label depends on the whole text), then scan damage."""
    text = relayout(text, rng)
    if allow_cut:
        text = excerpt(text, rng, doc_type)
    if rng.random() < 0.15 and doc_type in _REGULATION_TYPES | {"surat_edaran", "sop"}:
        text = _page_furniture(text, rng, slug)
    rate = ocr_rate * (1.5 if doc_type in _REGULATION_TYPES | {"anggaran", "sop", "undangan"} else 0.7)
    if rng.random() < rate:
        text = ocr_noise(text, rng, slug=slug)
    return text.strip()
