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
from pathlib import Path
from types import ModuleType
from typing import Literal

from fpdf import FPDF


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
render = _load_sibling("sample_render")  # fixed dates, page styles, PDF/DOCX/ZIP bytes
ZIP_DATE_TIME, DOCUMENT_DATE = render.ZIP_DATE_TIME, render.DOCUMENT_DATE
fixed_zipinfo, render_pdf, render_docx = render.fixed_zipinfo, render.render_pdf, render.render_docx

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
# The deliberate problem files: a scan without a text layer, a corrupt PDF, an unsupported video
# --------------------------------------------------------------------------------------------------


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
