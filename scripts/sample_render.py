"""How the sample archive's documents are drawn: fixed dates, page styles, PDF and DOCX rendering, ZIP entries.

Why a separate module: ``make_sample_archive.py`` decides what the archive holds (the manifest) and
``sample_documents.py`` what each document says; this one only turns a document into deterministic bytes
(fixed creation dates and ZIP timestamps, so one seed always gives the same archive).
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

# What each document says; make_sample_archive.py loads it by path (scripts is not a package) before us.
docs = sys.modules["_spbe_sample_sample_documents"]
SampleDoc = Any  # make_sample_archive.SampleDoc: a manifest entry (path, kind, style, blocks ...)

# --------------------------------------------------------------------------------------------------
# Fixed dates and page styles
# --------------------------------------------------------------------------------------------------

WIB = timezone(timedelta(hours=7))
DOCUMENT_DATE = datetime(2024, 7, 22, 9, 30, tzinfo=WIB)  # PDF CreationDate and DOCX core properties
ZIP_DATE_TIME = (2024, 7, 31, 16, 45, 0)  # every ZIP entry, outer archive and inside each DOCX


@dataclass(frozen=True)
class PageStyle:
    """Paper and typography of one family of documents (regulations are on F4 paper, as in Pemdas)."""

    paper: tuple[float, float]  # portrait width, height in mm
    landscape: bool
    pdf_font: str  # core PDF font
    docx_font: str
    size: float  # body size in points
    margins: tuple[float, float, float, float]  # left, top, right, bottom in mm
    page_number_on_top: bool  # "- 2 -" above the text, as regulations do
    leading: float = 1.4  # line height as a multiple of the font size


A4 = (210.0, 297.0)
F4 = (215.0, 330.0)
STYLES: dict[str, PageStyle] = {
    "regulation": PageStyle(F4, False, "Times", "Bookman Old Style", 11, (25, 20, 20, 20), True, 1.3),
    "letter": PageStyle(A4, False, "Times", "Times New Roman", 12, (25, 15, 20, 18), False),
    "report": PageStyle(A4, False, "Helvetica", "Arial", 10.5, (25, 20, 20, 18), False),
    "form": PageStyle(A4, True, "Helvetica", "Arial", 9, (15, 15, 15, 15), False),
}

# --------------------------------------------------------------------------------------------------
# PDF rendering (fpdf2)
# --------------------------------------------------------------------------------------------------

MARKER_WIDTH = {"a": 7.0, "1": 8.0, "(1)": 10.0, "-": 5.0}
ENUM_LABEL_WIDTH = 30.0
PARAGRAPH_GAP = 1.5  # mm after paragraphs, enumerations and field lists


def enum_marker(style: str, index: int) -> str:
    """The marker of item ``index`` (0-based) for an enumeration style: a., 1., (1), -."""
    if style == "a":
        return f"{chr(ord('a') + index)}."
    if style == "1":
        return f"{index + 1}."
    if style.startswith("(") and style.endswith(")"):
        start = int(style[1:-1])  # pasal() passes "(k)" for the k-th ayat
        return f"({start + index})"
    return "-"


class SamplePdf(FPDF):
    """FPDF with the page numbering of the chosen style and a fixed creation date."""

    def __init__(self, style: PageStyle, title: str, author: str) -> None:
        super().__init__(orientation="L" if style.landscape else "P", unit="mm", format=style.paper)
        self.page_style = style
        left, top, right, bottom = style.margins
        self.set_margins(left, top, right)
        self.set_auto_page_break(True, margin=bottom)
        self.set_creation_date(DOCUMENT_DATE)
        self.set_title(title)
        self.set_author(author)
        self.set_creator("Pemerintah Kabupaten Sukamaju")

    @property
    def line_height(self) -> float:
        return self.font_size_pt * 0.3528 * self.page_style.leading

    def header(self) -> None:
        if self.page_style.page_number_on_top and self.page_no() > 1:
            self.set_font(self.page_style.pdf_font, size=self.page_style.size)
            self.set_y(8)
            self.cell(0, 5, f"- {self.page_no()} -", align="C")
            self.set_y(self.t_margin)

    def footer(self) -> None:
        if not self.page_style.page_number_on_top:
            self.set_y(-12)
            self.set_font(self.page_style.pdf_font, "I", 8)
            self.cell(0, 5, f"Halaman {self.page_no()}", align="R")


def _pdf_enum(pdf: SamplePdf, block: docs.Enum) -> None:
    """Hanging-indent enumeration, with the optional "Label :" column on the first line."""
    lh = pdf.line_height
    label_w = ENUM_LABEL_WIDTH if block.label else 0.0
    marker_w = MARKER_WIDTH.get(block.style if not block.style.startswith("(") else "(1)", 6.0)
    text_x = pdf.l_margin + block.indent + label_w + marker_w
    for index, item in enumerate(block.items):
        pdf.set_x(pdf.l_margin + block.indent)
        if index == 0 and block.label:
            pdf.cell(label_w - 4, lh, block.label)
            pdf.cell(4, lh, ":")
        else:
            pdf.set_x(pdf.l_margin + block.indent + label_w)
        pdf.cell(marker_w, lh, enum_marker(block.style, index))
        pdf.set_x(text_x)
        pdf.multi_cell(pdf.w - pdf.r_margin - text_x, lh, item, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_fields(pdf: SamplePdf, block: docs.Fields) -> None:
    """Label : value rows (dictums, meeting headers)."""
    lh = pdf.line_height
    for label, value in block.rows:
        pdf.set_x(pdf.l_margin)
        pdf.cell(block.label_width - 4, lh, label)
        pdf.cell(4, lh, ":")
        pdf.set_x(pdf.l_margin + block.label_width)
        pdf.multi_cell(pdf.epw - block.label_width, lh, value, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_table(pdf: SamplePdf, block: docs.Table, style: PageStyle) -> None:
    """A ruled table with a bold header row, slightly smaller than the body text."""
    size = style.size + block.font_delta
    pdf.set_font(style.pdf_font, size=size)
    with pdf.table(
        col_widths=block.widths,
        text_align="LEFT",
        line_height=size * 0.3528 * 1.3,
        headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
        padding=1,
    ) as table:
        for cells in (block.header, *block.rows):
            row = table.row()
            for value in cells:
                row.cell(value)
    pdf.ln(1)


def _pdf_signature(pdf: SamplePdf, block: docs.Signature) -> None:
    """Keep a signature block on one page, in the right (or left) half."""
    lh = pdf.line_height
    if pdf.get_y() + lh * len(block.lines) > pdf.page_break_trigger:
        pdf.add_page()
    x = pdf.l_margin if block.left else pdf.l_margin + pdf.epw * 0.5
    for line in block.lines:
        pdf.set_x(x)
        if line:
            pdf.multi_cell(pdf.epw * 0.5, lh, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            pdf.ln(lh)


def _render_pdf_block(pdf: SamplePdf, block: docs.Block, style: PageStyle) -> None:
    """Draw one layout block; fonts are reset per block so blocks do not leak styles."""
    pdf.set_font(style.pdf_font, size=style.size)
    lh = pdf.line_height
    if isinstance(block, docs.Heading):
        if pdf.get_y() + 3 * lh > pdf.page_break_trigger:  # keep a heading with what follows
            pdf.add_page()
        pdf.set_font(style.pdf_font, "B" if block.bold else "", style.size + block.size_delta)
        pdf.multi_cell(0, pdf.line_height, block.text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    elif isinstance(block, docs.Para):
        emphasis = ("B" if block.bold else "") + ("I" if block.italic else "")
        pdf.set_font(style.pdf_font, emphasis, style.size)
        pdf.set_x(pdf.l_margin + block.indent)
        pdf.multi_cell(pdf.epw - block.indent, lh, block.text, align=block.align, new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
        pdf.ln(PARAGRAPH_GAP)
    elif isinstance(block, docs.Enum):
        _pdf_enum(pdf, block)
        pdf.ln(PARAGRAPH_GAP)
    elif isinstance(block, docs.Fields):
        _pdf_fields(pdf, block)
        pdf.ln(PARAGRAPH_GAP)
    elif isinstance(block, docs.Table):
        _pdf_table(pdf, block, style)
    elif isinstance(block, docs.Signature):
        _pdf_signature(pdf, block)
    elif isinstance(block, docs.Rule):
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.l_margin + pdf.epw, pdf.get_y() + 1)
        pdf.set_line_width(0.2)
        pdf.ln(3)
    elif isinstance(block, docs.Space):
        pdf.ln(block.mm)
    elif isinstance(block, docs.PageBreak):
        pdf.add_page()
    else:  # pragma: no cover - new block types must be taught to both renderers
        raise TypeError(f"unknown block {block!r}")


def render_pdf(doc: SampleDoc) -> bytes:
    """A text PDF of the document's blocks (core fonts, latin-1)."""
    assert doc.body_builder is not None
    style = STYLES[doc.style]
    pdf = SamplePdf(style, doc.title, doc.opd or "Sekretariat Daerah Kabupaten Sukamaju")
    pdf.add_page()
    for block in doc.body_builder():
        _render_pdf_block(pdf, block, style)
    return bytes(pdf.output())


# --------------------------------------------------------------------------------------------------
# DOCX rendering (python-docx)
# --------------------------------------------------------------------------------------------------


DOCX_ALIGN = {
    "L": WD_ALIGN_PARAGRAPH.LEFT,
    "C": WD_ALIGN_PARAGRAPH.CENTER,
    "R": WD_ALIGN_PARAGRAPH.RIGHT,
    "J": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _docx_paragraph(document, text: str = "", *, align: str = "J", indent: float = 0.0, bold: bool = False,
                    italic: bool = False, size: float | None = None):
    """Add a paragraph with one run; returns it for further formatting."""
    paragraph = document.add_paragraph()
    paragraph.alignment = DOCX_ALIGN[align]
    paragraph.paragraph_format.space_after = Pt(3)
    if indent:
        paragraph.paragraph_format.left_indent = Mm(indent)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.italic = italic
        if size is not None:
            run.font.size = Pt(size)
    return paragraph


def _docx_bottom_border(paragraph) -> None:
    """python-docx has no border API; add ``w:pBdr/w:bottom`` for the letterhead rule."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _docx_table(document, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                usable_width: float, size: float, *, grid: bool = True, bold_header: bool = True) -> None:
    """A table whose relative ``widths`` are scaled to the usable page width."""
    table = document.add_table(rows=0, cols=len(widths))
    if grid:
        table.style = "Table Grid"
    table.autofit = False
    total = sum(widths)
    all_rows = [list(header), *map(list, rows)] if header else [list(r) for r in rows]
    for row_index, values in enumerate(all_rows):
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.width = Mm(usable_width * width / total)
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value)
            run.font.size = Pt(size)
            run.bold = bool(header) and bold_header and row_index == 0


def _render_docx_block(document, block: docs.Block, style: PageStyle, usable_width: float) -> None:
    """Add one layout block to a python-docx Document."""
    if isinstance(block, docs.Heading):
        _docx_paragraph(document, block.text, align="C", bold=block.bold, size=style.size + block.size_delta)
    elif isinstance(block, docs.Para):
        _docx_paragraph(document, block.text, align=block.align, indent=block.indent, bold=block.bold,
                        italic=block.italic)
    elif isinstance(block, docs.Enum):
        label_w = ENUM_LABEL_WIDTH if block.label else 0.0
        if block.label:
            _docx_paragraph(document, f"{block.label} :", align="L", indent=block.indent)
        marker_w = MARKER_WIDTH.get(block.style if not block.style.startswith("(") else "(1)", 6.0)
        left = block.indent + label_w + marker_w
        for index, item in enumerate(block.items):
            paragraph = _docx_paragraph(document, f"{enum_marker(block.style, index)}\t{item}", indent=left)
            paragraph.paragraph_format.first_line_indent = Mm(-marker_w)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(left))
    elif isinstance(block, docs.Fields):
        rest = usable_width - block.label_width
        _docx_table(document, (), [(label, ":", value) for label, value in block.rows],
                    (block.label_width - 4, 4, rest), usable_width, style.size, grid=False)
    elif isinstance(block, docs.Table):
        _docx_table(document, block.header, block.rows, block.widths, usable_width, style.size + block.font_delta)
        _docx_paragraph(document)
    elif isinstance(block, docs.Signature):
        indent = 0.0 if block.left else usable_width * 0.5
        for line in block.lines:
            paragraph = _docx_paragraph(document, line, align="L", indent=indent)
            paragraph.paragraph_format.space_after = Pt(0)
    elif isinstance(block, docs.Rule):
        _docx_bottom_border(_docx_paragraph(document))
    elif isinstance(block, docs.Space):
        _docx_paragraph(document).paragraph_format.space_after = Mm(block.mm)
    elif isinstance(block, docs.PageBreak):
        document.add_page_break()
    else:  # pragma: no cover - new block types must be taught to both renderers
        raise TypeError(f"unknown block {block!r}")


def render_docx(doc: SampleDoc) -> bytes:
    """A DOCX of the document's blocks with fixed core properties and fixed ZIP timestamps."""
    assert doc.body_builder is not None
    style = STYLES[doc.style]
    document = Document()
    section = document.sections[0]
    width, height = style.paper
    if style.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = Mm(width), Mm(height)
    left, top, right, bottom = style.margins
    section.left_margin, section.top_margin = Mm(left), Mm(top)
    section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
    normal = document.styles["Normal"]
    normal.font.name = style.docx_font
    normal.font.size = Pt(style.size)
    usable_width = width - left - right
    for block in doc.body_builder():
        _render_docx_block(document, block, style, usable_width)
    core = document.core_properties
    core.title = doc.title
    core.author = core.last_modified_by = doc.opd or "Sekretariat Daerah Kabupaten Sukamaju"
    core.created = core.modified = core.last_printed = DOCUMENT_DATE.astimezone(UTC).replace(tzinfo=None)
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


# --------------------------------------------------------------------------------------------------
# ZIP helpers
# --------------------------------------------------------------------------------------------------


def fixed_zipinfo(name: str) -> zipfile.ZipInfo:
    """A ZipInfo independent of the clock and the host OS (timestamps, permissions, creator system)."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0  # as written by Windows, where most of these archives come from
    info.external_attr = 0x20  # MS-DOS "archive" attribute
    return info


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a ZIP (a DOCX) with fixed entry metadata: python-docx stamps entries with the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(fixed_zipinfo(info.filename), src.read(info))
    return out.getvalue()


