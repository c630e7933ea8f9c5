"""HTML text extraction with lxml: visible text, one line per block, scripts and styles dropped.

OPD export pages from their web applications, save news items about an event as "Web Page", and some
reporting systems produce HTML files named ``.xls``. The sniffer recognises them by content.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from evidence.extraction.base import ExtractionResult, PageText
from evidence.extraction.common import (
    DEFAULT_MAX_IMAGE_PIXELS,
    library_version,
    make_result,
    non_space_chars,
    short_detail,
)
from evidence.media.types import HTML_MEDIA_TYPE

MAX_HTML_BYTES = 64 * 1024 * 1024
_INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object", "svg")
_BLOCKS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "title", "caption"]
)
_CELLS = frozenset({"td", "th"})
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_SPACES = re.compile(r"[ \r\f\v\xa0]+")


class HtmlExtractor:
    name = "lxml-html"
    media_types: tuple[str, ...] = (HTML_MEDIA_TYPE,)

    def version(self) -> str:
        return library_version("lxml")

    def extract(
        self,
        data: bytes,
        *,
        min_chars_per_page: int = 25,
        max_pages: int = 2000,
        max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
    ) -> ExtractionResult:
        if len(data) > MAX_HTML_BYTES:
            error = f"too_large: HTML of {len(data)} bytes (limit {MAX_HTML_BYTES})"
            return make_result(self, HTML_MEDIA_TYPE, "failed", error=error)
        try:
            text = html_text(data)
        except (etree.ParserError, ValueError) as exc:
            error = f"corrupt: {type(exc).__name__}: {short_detail(exc)}"
            return make_result(self, HTML_MEDIA_TYPE, "failed", error=error)
        chars = non_space_chars(text)
        if chars < min_chars_per_page:
            page = PageText(number=1, text=text)
            return make_result(
                self, HTML_MEDIA_TYPE, "no_text", pages=(page,), error=f"no_text: only {chars} characters of text"
            )
        return make_result(self, HTML_MEDIA_TYPE, "ok", pages=(PageText(number=1, text=text),))


def html_text(data: bytes) -> str:
    """lxml reads the charset from the ``<meta>`` of the bytes; blocks become lines, cells tabs."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    document = lxml.html.document_fromstring(data, parser=parser)
    for element in list(document.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if tag in ("br", "hr"):
                continue
            element.text = "\n" + (element.text or "")
        elif tag in _CELLS:
            element.tail = "\t" + (element.tail or "")
    raw = etree.tostring(document, method="text", encoding="unicode", with_tail=False)
    lines = (_SPACES.sub(" ", line).strip(" \t") for line in raw.split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()
