"""Build the bundled sample archive of SPBE evidence ("bukti dukung") and its ground-truth labels.

Why: the README quick start (``make demo``) and the end-to-end tests need a realistic ZIP as an OPD
coordinator would send it, without shipping anybody's real documents. This script writes one for a
fictional Kabupaten Sukamaju (Provinsi Jawa Barat):

* one top folder, six loosely named OPD folders (``01. DISKOMINFO/Indikator 11/``, ``bkpsdm/`` ...) and
  one file at the top level whose OPD is unknown;
* about thirty PDF (fpdf2, core fonts) and DOCX (python-docx) files with Indonesian text, including four
  unrelated documents the classifier must stay silent on;
* deliberate gaps: no Peta Rencana SPBE (indicators 2 and 12), no information-security policy (8), no
  audit TIK (9, 29-31), so the gap report has real missing items;
* deliberate problems: two exact duplicates placed in a second OPD folder, one corrupt PDF, one
  unsupported file (an MP4 stub), one scanned PDF without a text layer.

Next to ``OUT.zip`` it writes ``OUT.labels.csv`` (``filename,indicators,opd,note``) generated from the
same manifest (``SAMPLE_DOCS``) that builds the documents, so labels cannot drift from content.

Output is deterministic for a seed: fixed PDF creation dates, fixed ZIP timestamps (also inside each
DOCX) and seeded random bytes. Usage: ``python scripts/make_sample_archive.py OUT.zip [--seed N]``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import random
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Literal

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace


def _load_sibling(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` by path: ``scripts`` is not a package and tests load us by path."""
    module_name = f"_spbe_sample_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, Path(__file__).with_name(f"{name}.py"))
    if spec is None or spec.loader is None:  # pragma: no cover - the file ships next to this one
        raise ImportError(f"cannot load {name}.py next to {__file__}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look the module up while the class is created
    spec.loader.exec_module(module)
    return module


docs = _load_sibling("sample_documents")

# --------------------------------------------------------------------------------------------------
# Manifest: where each document goes and what it genuinely supports
# --------------------------------------------------------------------------------------------------

TOP_FOLDER = "Bukti Dukung SPBE Kab Sukamaju 2024"

# Folder names as real users type them; the OPD names are the canonical ones of evidence/opd/data/opd.yaml.
KOMINFO_DIR = "01. DISKOMINFO"
BAPPEDA_DIR = "Bappeda_2024"
BKPSDM_DIR = "bkpsdm"
BPKAD_DIR = "BPKAD - Keuangan"
ITDA_DIR = "Inspektorat Daerah"
ORGANISASI_DIR = "Setda Bag Organisasi"

KOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
BPKAD = "Badan Pengelolaan Keuangan dan Aset Daerah"
ITDA = "Inspektorat Daerah"
ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"

# Indicators the sample deliberately lacks evidence for (Peta Rencana, information security policy, audit TIK).
GAP_INDICATORS: frozenset[int] = frozenset({2, 12, 8, 9, 29, 30, 31})

DocKind = Literal["pdf", "docx", "scan_pdf", "corrupt_pdf", "video_stub", "copy"]
TEXT_KINDS: frozenset[str] = frozenset({"pdf", "docx"})


@dataclass(frozen=True)
class SampleDoc:
    """One member of the archive and its ground truth.

    ``path`` is relative to the top folder. ``indicators`` are the SPBE 2020 ids the file genuinely
    supports (README labelling conventions); empty for unrelated, unreadable or unsupported files.
    ``copy_of`` names the member whose bytes a ``copy`` duplicates. ``expect_words`` must be found in
    the extracted text (checked by the tests).
    """

    path: str
    kind: DocKind
    title: str
    body_builder: Callable[[], list] | None = None
    indicators: tuple[int, ...] = ()
    opd: str = ""
    note: str = ""
    style: str = "report"
    copy_of: str | None = None
    expect_words: tuple[str, ...] = ()

    @property
    def member(self) -> str:
        """Path inside the ZIP."""
        return f"{TOP_FOLDER}/{self.path}"


ARSITEKTUR_PDF = f"{KOMINFO_DIR}/Indikator 11/Perbup No 12 Th 2023 Arsitektur SPBE.pdf"
TIKOR_PDF = f"{KOMINFO_DIR}/Indikator 19/SK Bupati Tim Koordinasi SPBE 2024.pdf"
SATU_DATA_PDF = f"{KOMINFO_DIR}/Indikator 23 - Satu Data/Perbup 20 Tahun 2023 Satu Data.pdf"

SAMPLE_DOCS: tuple[SampleDoc, ...] = (
    # ---- Diskominfo: the SPBE secretariat, holds most governance evidence --------------------------
    SampleDoc(ARSITEKTUR_PDF, "pdf", "Peraturan Bupati Sukamaju Nomor 12 Tahun 2023 tentang Arsitektur SPBE",
              docs.perbup_arsitektur, (1, 11), KOMINFO, "enacted Perbup on SPBE architecture with lampiran",
              style="regulation", expect_words=("Arsitektur", "Pasal", "proses bisnis")),
    SampleDoc(TIKOR_PDF, "pdf", "Keputusan Bupati tentang Pembentukan Tim Koordinasi SPBE",
              docs.sk_tim_koordinasi, (10, 19), KOMINFO, "SK Tim Koordinasi SPBE with lampiran susunan tim",
              style="regulation", expect_words=("Tim Koordinasi", "KESATU", "Anggota")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 19/Notulen Rapat Tikor SPBE TW II 2024.docx", "docx",
              "Notulen Rapat Tim Koordinasi SPBE Triwulan II 2024", docs.notulen_tim_koordinasi, (19,), KOMINFO,
              "minutes of a Tim Koordinasi meeting", expect_words=("Notulen", "Tim Koordinasi")),
    SampleDoc(SATU_DATA_PDF, "pdf", "Peraturan Bupati Sukamaju Nomor 20 Tahun 2023 tentang Satu Data",
              docs.perbup_satu_data, (3, 23), KOMINFO, "enacted Perbup Satu Data (data management policy)",
              style="regulation", expect_words=("Satu Data", "Walidata")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 23 - Satu Data/SK Walidata & Produsen Data 2024.PDF", "pdf",
              "Keputusan Bupati tentang Penetapan Walidata dan Produsen Data", docs.sk_walidata, (3, 23), KOMINFO,
              "SK penetapan walidata; upper-case extension on purpose", style="regulation",
              expect_words=("Walidata", "Produsen Data")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 25/Laporan Bimtek TIK ASN 2024.docx", "docx",
              "Laporan Bimbingan Teknis Kompetensi TIK ASN 2024", docs.laporan_bimtek_tik, (25,), KOMINFO,
              "ICT training report for ASN", expect_words=("Bimbingan Teknis", "kompetensi")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 13/RKA-SKPD 2024 Keg SPBE (hal 1).pdf", "pdf",
              "RKA-SKPD Diskominfo 2024 - Pengelolaan e-Government", docs.rka_diskominfo, (13,), KOMINFO,
              "RKA page of an SPBE activity", style="form", expect_words=("RKA-SKPD", "Pusat Data")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 28/SOP Helpdesk TIK.docx", "docx", "SOP Layanan Helpdesk TIK",
              docs.sop_helpdesk, (28,), KOMINFO, "SOP of the ICT helpdesk with SLA",
              expect_words=("Helpdesk", "SLA")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 16/Lap Pemantauan Pusat Data Smt I 2024.pdf", "pdf",
              "Laporan Pemantauan Layanan Pusat Data Semester I 2024", docs.laporan_pusat_data, (16,), KOMINFO,
              "data centre monitoring report", expect_words=("Pusat Data", "Ketersediaan")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 24/Inventaris Aset TIK Diskominfo 2024.docx", "docx",
              "Daftar Inventaris Aset TIK Diskominfo 2024", docs.inventaris_aset_tik, (24,), KOMINFO,
              "ICT asset register", expect_words=("Inventaris", "Server")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 43/Panduan Portal Satu Data v2.1.pdf", "pdf",
              "Buku Panduan Portal Satu Data Sukamaju", docs.panduan_portal_satu_data, (43,), KOMINFO,
              "open data portal manual", expect_words=("Portal Satu Data", "dataset")),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 17/Topologi Jaringan Intra 2024.pdf", "corrupt_pdf",
              "Topologi Jaringan Intra", docs.topologi_jaringan_intra, (), KOMINFO,
              "corrupt: valid PDF header, then truncated and garbage (content would have been ind. 17)"),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 20/Scan PKS Diskominfo - Universitas Sukamaju.pdf", "scan_pdf",
              "Scan PKS", None, (), KOMINFO,
              "scanned PDF without text layer (image of a signed agreement); needs OCR"),
    SampleDoc(f"{KOMINFO_DIR}/Indikator 20/Dokumentasi Hackathon 2024.mp4", "video_stub", "Video", None, (),
              KOMINFO, "unsupported format: MP4 stub of random bytes"),
    SampleDoc(f"{KOMINFO_DIR}/Berita Festival Kopi 2024.docx", "docx", "Berita Festival Kopi Sukamaju 2024",
              docs.berita_festival_kopi, (), KOMINFO, "unrelated: news about a coffee festival",
              expect_words=("Festival Kopi",)),
    # ---- Bappeda ----------------------------------------------------------------------------------
    SampleDoc(f"{BAPPEDA_DIR}/Panduan e-Planning 2024.pdf", "pdf", "Buku Panduan Aplikasi e-Planning",
              docs.panduan_e_planning, (32,), BAPPEDA, "e-planning application manual",
              expect_words=("e-Planning", "Musrenbang")),
    SampleDoc(f"{BAPPEDA_DIR}/SK Tim Koordinasi SPBE.pdf", "copy", "", None, (10, 19), BAPPEDA,
              f"exact duplicate of {TIKOR_PDF}", copy_of=TIKOR_PDF),
    SampleDoc(f"{BAPPEDA_DIR}/Perbup Satu Data.pdf", "copy", "", None, (3, 23), BAPPEDA,
              f"exact duplicate of {SATU_DATA_PDF}", copy_of=SATU_DATA_PDF),
    SampleDoc(f"{BAPPEDA_DIR}/Notulen Forum Satu Data Maret 2024.docx", "docx", "Notulen Forum Satu Data Sukamaju",
              docs.notulen_forum_satu_data, (23,), BAPPEDA, "minutes of the Forum Satu Data",
              expect_words=("Forum Satu Data", "metadata")),
    SampleDoc(f"{BAPPEDA_DIR}/Undangan HUT Kab Sukamaju ke-78.pdf", "pdf", "Undangan Upacara Hari Jadi ke-78",
              docs.undangan_hut, (), BAPPEDA, "unrelated: invitation to the anniversary ceremony",
              style="letter", expect_words=("Hari Jadi",)),
    # ---- BKPSDM -----------------------------------------------------------------------------------
    SampleDoc(f"{BKPSDM_DIR}/perbup 31 2022 e-kinerja.pdf", "pdf",
              "Peraturan Bupati Sukamaju Nomor 31 Tahun 2022 tentang e-Kinerja", docs.perbup_e_kinerja, (41,),
              BKPSDM, "Perbup on the e-Kinerja application (service regulation)", style="regulation",
              expect_words=("e-Kinerja", "Sasaran Kinerja Pegawai")),
    SampleDoc(f"{BKPSDM_DIR}/Manual SIMPEG v2.docx", "docx", "Manual Penggunaan SIMPEG Versi 2",
              docs.manual_simpeg, (36,), BKPSDM, "SIMPEG user manual", expect_words=("SIMPEG", "SIASN")),
    SampleDoc(f"{BKPSDM_DIR}/rekap jabfung pranata komputer 2024.pdf", "pdf",
              "Rekapitulasi Pranata Komputer dan Sertifikasi TIK", docs.rekap_jabfung_pranata_komputer, (25,),
              BKPSDM, "ICT functional positions and certifications", expect_words=("Pranata Komputer",)),
    # ---- BPKAD ------------------------------------------------------------------------------------
    SampleDoc(f"{BPKAD_DIR}/Laporan SIPD Penganggaran TA 2024.pdf", "pdf",
              "Laporan Penerapan SIPD Penganggaran TA 2024", docs.laporan_sipd_penganggaran, (33,), BPKAD,
              "e-budgeting / SIPD budgeting report", expect_words=("SIPD", "e-Budgeting")),
    SampleDoc(f"{BPKAD_DIR}/Lap SIPD Penatausahaan & SP2D Online Smt I.docx", "docx",
              "Laporan SIPD Penatausahaan dan SP2D Online", docs.laporan_sp2d_online, (34,), BPKAD,
              "financial administration / SP2D online report", expect_words=("SP2D", "CMS")),
    SampleDoc(f"{BPKAD_DIR}/Laporan SIMDA BMD 2023.docx", "docx", "Laporan Pemanfaatan SIMDA BMD 2023",
              docs.laporan_simda_bmd, (38,), BPKAD, "regional asset (BMD) application report",
              expect_words=("SIMDA BMD", "barang milik daerah")),
    SampleDoc(f"{BPKAD_DIR}/Lap Pemeliharaan Kendaraan Dinas TW II.pdf", "pdf",
              "Laporan Pemeliharaan Kendaraan Dinas Triwulan II 2024", docs.laporan_kendaraan_dinas, (), BPKAD,
              "unrelated: vehicle maintenance report", expect_words=("Kendaraan Dinas",)),
    # ---- Inspektorat ------------------------------------------------------------------------------
    SampleDoc(f"{ITDA_DIR}/Petunjuk Penggunaan SIMWAS.pdf", "pdf", "Petunjuk Penggunaan Aplikasi SIMWAS",
              docs.manual_simwas, (39,), ITDA, "internal oversight application manual",
              expect_words=("SIMWAS", "tindak lanjut")),
    SampleDoc(f"{ITDA_DIR}/Laporan Pemantauan TLHP Smt I 2024.docx", "docx",
              "Laporan Pemantauan Tindak Lanjut Hasil Pemeriksaan Semester I 2024", docs.laporan_tlhp, (39,), ITDA,
              "follow-up monitoring produced with SIMWAS", expect_words=("SIMWAS", "Rekomendasi")),
    # ---- Setda Bagian Organisasi ------------------------------------------------------------------
    SampleDoc(f"{ORGANISASI_DIR}/LKjIP 2023 - Bab e-SAKIP.pdf", "pdf", "LKjIP Kabupaten Sukamaju 2023",
              docs.lkjip_e_sakip, (40,), ORGANISASI, "LKjIP excerpt documenting the e-SAKIP application",
              expect_words=("e-SAKIP", "Perjanjian Kinerja")),
    SampleDoc(f"{ORGANISASI_DIR}/Peta Proses Bisnis Pemkab Sukamaju 2023.pdf", "pdf",
              "Dokumen Peta Proses Bisnis Kabupaten Sukamaju 2023", docs.peta_proses_bisnis, (14,), ORGANISASI,
              "business process map level 0-1", expect_words=("Peta Proses Bisnis", "Level 0")),
    SampleDoc(f"{ORGANISASI_DIR}/Perbup 7 2024 Retribusi Pasar.pdf", "pdf",
              "Peraturan Bupati Sukamaju Nomor 7 Tahun 2024 tentang Retribusi Pelayanan Pasar",
              docs.perbup_retribusi_pasar, (), ORGANISASI, "unrelated: Perbup on market levies",
              style="regulation", expect_words=("Retribusi", "Pasal")),
    # ---- Top level: no OPD folder -----------------------------------------------------------------
    SampleDoc("SE Sekda Penggunaan SRIKANDI.pdf", "pdf", "Surat Edaran Penggunaan Aplikasi SRIKANDI",
              docs.se_srikandi, (37,), "", "top level, OPD unknown; circular on SRIKANDI naskah dinas",
              style="letter", expect_words=("SRIKANDI", "naskah dinas")),
)

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


def render_scan_pdf(rng: random.Random) -> bytes:
    """A "scanned" two-page agreement: paper tone, grey bars for lines of type, stamps; no text at all.

    Why: real archives are full of scans; the extractor must report them as needing OCR, not as empty
    evidence. Only vector shapes are drawn, so there is no text layer to find.
    """
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(DOCUMENT_DATE)
    pdf.set_creator("Canon iR-ADV C3530")
    pdf.set_producer("Canon iR-ADV C3530 PDF")
    pdf.set_auto_page_break(False)
    for page in range(2):
        pdf.add_page()
        pdf.set_fill_color(243, 240, 231)
        pdf.rect(0, 0, 210, 297, "F")
        pdf.set_fill_color(205, 202, 194)  # shadow of the scanner lid along the binding edge
        pdf.rect(0, 0, 3.5, 297, "F")
        with pdf.rotation(rng.uniform(-0.9, 0.9), 105, 148):
            y = 18.0
            if page == 0:  # two logos and centred title bars
                pdf.set_fill_color(70, 70, 70)
                pdf.ellipse(22, 14, 16, 18, "F")
                pdf.ellipse(172, 14, 16, 18, "F")
                for width in (110, 90, 70):
                    pdf.rect(105 - width / 2, y, width, 3.2, "F")
                    y += 6
                pdf.set_line_width(0.9)
                pdf.line(20, y + 2, 190, y + 2)
                y += 10
            pdf.set_fill_color(85, 85, 85)
            for _ in range(rng.randint(5, 7)):  # paragraphs
                lines = rng.randint(3, 6)
                for line in range(lines):
                    width = 165 if line < lines - 1 else rng.uniform(40, 140)
                    pdf.rect(25, y, width, 2.3, "F")
                    y += 5.3
                y += 4
                if y > 230:
                    break
            if page == 1:  # two signature blocks with round stamps
                pdf.set_draw_color(40, 60, 150)
                pdf.set_line_width(0.7)
                for x in (30, 125):
                    pdf.rect(x, 240, 50, 2.5, "F")
                    pdf.ellipse(x + 5, 247, 24, 24, "D")
                    pdf.ellipse(x + 9, 251, 16, 16, "D")
                    pdf.line(x + 10, 262, x + 45, 256)
                    pdf.rect(x, 276, 50, 2.5, "F")
        pdf.set_fill_color(150, 150, 150)
        for _ in range(120):  # scanner speckles
            pdf.rect(rng.uniform(0, 208), rng.uniform(0, 295), 0.35, 0.35, "F")
    return bytes(pdf.output())


def corrupt_pdf(valid_pdf: bytes, rng: random.Random) -> bytes:
    """Keep the header and first object of a real PDF, drop the rest (catalog, xref, trailer), add garbage.

    Why: imitates a broken transfer. Without a catalog or trailer no PDF library can open it, and the
    file still starts with ``%PDF-`` so it is sniffed as a PDF.
    """
    catalog_at = valid_pdf.index(b"/Type /Catalog")
    object_start = valid_pdf.rindex(b" 0 obj", 0, catalog_at)
    cut = valid_pdf.rindex(b"\n", 0, object_start) + 1
    while True:
        garbage = rng.randbytes(6000)
        if not any(token in garbage for token in (b"obj", b"trailer", b"xref", b"%%EOF", b"/Root")):
            return valid_pdf[:cut] + garbage


def video_stub(rng: random.Random) -> bytes:
    """An ``ftyp`` box (so it sniffs as MP4) followed by random bytes: an unsupported format."""
    return b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + rng.randbytes(64_000)


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


# --------------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------------


def validate_manifest(sample_docs: Sequence[SampleDoc] = SAMPLE_DOCS) -> None:
    """Fail early when the manifest contradicts the sample's promises (gaps, duplicates, unique paths)."""
    seen: dict[str, SampleDoc] = {}
    for doc in sample_docs:
        if doc.path in seen:
            raise ValueError(f"duplicate path {doc.path}")
        if any(not 1 <= i <= 47 for i in doc.indicators):
            raise ValueError(f"{doc.path}: indicator outside 1-47")
        if GAP_INDICATORS & set(doc.indicators):
            raise ValueError(f"{doc.path}: labelled with a deliberate gap {sorted(GAP_INDICATORS & set(doc.indicators))}")
        if doc.kind == "copy":
            original = seen.get(doc.copy_of or "")
            if original is None or original.indicators != doc.indicators:
                raise ValueError(f"{doc.path}: copy_of must name an earlier member with the same labels")
        elif doc.kind not in TEXT_KINDS and doc.indicators:
            raise ValueError(f"{doc.path}: unreadable files support no indicator")
        elif doc.kind in TEXT_KINDS and doc.body_builder is None:
            raise ValueError(f"{doc.path}: text documents need a body builder")
        seen[doc.path] = doc


def render_member(doc: SampleDoc, seed: int, built: dict[str, bytes]) -> bytes:
    """The bytes of one member; ``built`` holds earlier members for copies."""
    rng = random.Random(f"{seed}:{doc.path}")  # per-document stream: adding a document shifts no other
    if doc.kind == "pdf":
        return render_pdf(doc)
    if doc.kind == "docx":
        return render_docx(doc)
    if doc.kind == "scan_pdf":
        return render_scan_pdf(rng)
    if doc.kind == "corrupt_pdf":
        return corrupt_pdf(render_pdf(doc), rng)
    if doc.kind == "video_stub":
        return video_stub(rng)
    if doc.kind == "copy":
        return built[doc.copy_of or ""]
    raise ValueError(f"unknown kind {doc.kind}")  # pragma: no cover


def labels_path_for(out_zip: Path) -> Path:
    """``OUT.zip`` -> ``OUT.labels.csv`` next to it."""
    return out_zip.with_name(f"{out_zip.stem}.labels.csv")


def write_labels(path: Path, sample_docs: Sequence[SampleDoc] = SAMPLE_DOCS) -> None:
    """Ground truth, one row per archive member, from the same manifest that built the documents."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["filename", "indicators", "opd", "note"])
        for doc in sample_docs:
            writer.writerow([doc.member, ";".join(map(str, doc.indicators)), doc.opd, doc.note])


def build_sample_archive(out_zip: Path, *, seed: int = 7) -> Path:
    """Write the sample ZIP and ``<stem>.labels.csv`` next to it; returns the ZIP path.

    Same seed, same bytes (with the same fpdf2/python-docx/zlib versions).
    """
    validate_manifest()
    out_zip = Path(out_zip)
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    built: dict[str, bytes] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for doc in SAMPLE_DOCS:
            data = render_member(doc, seed, built)
            built[doc.path] = data
            archive.writestr(fixed_zipinfo(doc.member), data)
    out_zip.write_bytes(buffer.getvalue())
    write_labels(labels_path_for(out_zip))
    return out_zip


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``python scripts/make_sample_archive.py OUT.zip [--seed N]``."""
    parser = argparse.ArgumentParser(description="Generate the sample SPBE evidence archive and its labels CSV.")
    parser.add_argument("out_zip", type=Path, help="where to write the ZIP (the labels CSV goes next to it)")
    parser.add_argument("--seed", type=int, default=7, help="seed for random bytes (default 7)")
    args = parser.parse_args(argv)
    out = build_sample_archive(args.out_zip, seed=args.seed)
    print(f"wrote {out} ({len(SAMPLE_DOCS)} files) and {labels_path_for(out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
