"""HTML text extraction with lxml: visible text, one line per block, scripts and styles dropped.

OPD export pages from their web applications, save news items about an event as "Web Page", and some
reporting systems produce HTML files named ``.xls``. The sniffer recognises them by content.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import FormatExtractor, ReadLimits
from evidence.media.types import HTML_MEDIA_TYPE

MAX_HTML_BYTES = 64 * 1024 * 1024
_INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object", "svg")
_BLOCKS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "title", "caption"]
)
_CELLS = frozenset({"td", "th"})
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_SPACES = re.compile(r"[ \r\f\v\xa0]+")


class HtmlExtractor(FormatExtractor, name="lxml-html", media_types=(HTML_MEDIA_TYPE,), library="lxml"):

    def read(self, data: bytes, limits: ReadLimits) -> ExtractionResult:
        if len(data) > MAX_HTML_BYTES:
            return self.too_large("HTML", len(data), MAX_HTML_BYTES)
        try:
            text = html_text(data)
        except (etree.ParserError, ValueError) as exc:
            return self.corrupt(exc)
        return self.single_page(text, limits)


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
