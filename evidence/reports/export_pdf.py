"""PDF export (fpdf2): a cover with the Pemda, the date and the framework, a headline box, coverage charts per
aspect and per OPD, the findings and indicator tables, what changed, then one section per OPD that starts
on its own page and reads as a letter, so it can be printed and sent to that OPD alone.

The core PDF fonts cover Latin-1 only; text is folded to it (typographic dashes and quotes mapped, anything
else replaced) rather than bundling a font, which keeps the file small and the output identical everywhere.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from fpdf import FPDF
from fpdf.fonts import FontFace

from evidence.reports import figures
from evidence.reports.changes import change_lines
from evidence.reports.model import EvidenceRef, Finding, GapReport
from evidence.reports.states import STATE_LABELS
from evidence.reports.text import SEVERITY_LABELS, headline_rows, opd_title, report_title

NAVY = (31, 78, 120)
GREY = (90, 90, 90)
FILES_PER_CELL = 8
STATE_RGB = {"confirmed": (84, 160, 84), "suggested": (150, 200, 120), "perlu_dicek": (240, 190, 60),
             "missing": (215, 90, 90)}
_FOLD = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                       "\u2022": "-", "\u00b7": "-", "\u2026": "..."})


def latin1(text: object) -> str:
    return str(text).translate(_FOLD).encode("latin-1", "replace").decode("latin-1")


class _Pdf(FPDF):
    def __init__(self, report: GapReport) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        self.running = ""  # the OPD whose section is on this page, in the page header
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(16, 18, 16)
        self.set_title(latin1(report_title(report)))
        self.set_author(latin1(report.pemda or "Tim Koordinasi SPBE"))

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, latin1(f"{self.report.pemda or 'Pemerintah Daerah'} - {self.report.framework.name}"
                               + (f" - {self.running}" if self.running else "")), align="L")
        self.ln(8)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, latin1(f"Dibuat {self.report.generated_at:%d-%m-%Y %H:%M} UTC - halaman {self.page_no()}"),
                  align="C")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: int = 14) -> None:
        self.set_font("Helvetica", "B", size)
        self.set_text_color(*NAVY)
        self.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def para(self, text: str, size: int = 10, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, 5, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def grid(self, headings: list[str], rows: list[list[object]], widths: tuple[int, ...], size: int = 8) -> None:
        self.set_font("Helvetica", "", size)
        style = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY)
        with self.table(col_widths=widths, headings_style=style, line_height=size * 0.5,
                        text_align="LEFT", repeat_headings=1) as table:
            table.row([latin1(h) for h in headings])
            for values in rows:
                table.row([latin1(v) for v in values])
        self.ln(3)

    def bars(self, title: str, items: list[tuple[str, int, int]]) -> None:
        """A horizontal bar per item: share of indicators with evidence, with "n dari m"."""
        self.heading(title, 12)
        label_w, bar_w, h = 84, 62, 6
        for label, done, total in items:
            if self.will_page_break(h + 1):
                self.add_page()
            x, y = self.get_x(), self.get_y()
            self.set_font("Helvetica", "", 8)
            text = latin1(label)
            while self.get_string_width(text) > label_w - 2 and len(text) > 4:
                text = text[:-4] + "..."
            self.cell(label_w, h, text)
            self.set_fill_color(230, 230, 230)
            self.rect(x + label_w, y + 1, bar_w, h - 2, style="F")
            if total:
                self.set_fill_color(*STATE_RGB["confirmed"])
                self.rect(x + label_w, y + 1, bar_w * done / total, h - 2, style="F")
            self.set_xy(x + label_w + bar_w + 3, y)
            share = f"{100 * done / total:.0f}%" if total else "-"
            self.cell(0, h, latin1(f"{done} dari {total} ({share})"), new_x="LMARGIN", new_y="NEXT")
        self.ln(3)


def _cover(pdf: _Pdf, report: GapReport) -> None:
    pdf.add_page()
    pdf.set_fill_color(*NAVY)
    pdf.rect(0, 0, 210, 70, style="F")
    pdf.set_xy(16, 22)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(178, 10, latin1("Laporan Kesenjangan Bukti Dukung"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(178, 7, latin1(report.framework.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(16, 80)
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, latin1(report.pemda or "Pemerintah Daerah"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, latin1(f"Tanggal: {report.generated_at:%d-%m-%Y}\nSumber: {report.source}\n"
                                f"Versi katalog: {report.framework.catalog_version} - versi model: "
                                f"{report.model_version or '-'}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    _headline_box(pdf, report)


def _headline_box(pdf: _Pdf, report: GapReport) -> None:
    h = figures.headline(report)
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(0.6)
    top = pdf.get_y()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(*NAVY)
    pdf.cell(0, 8, latin1("Ringkasan"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    for label, value in headline_rows(h):
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(120, 6, latin1(label))
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, latin1(value), new_x="LMARGIN", new_y="NEXT")
    if report.index_estimate is not None:
        pdf.ln(1)
        pdf.set_font("Helvetica", "I", 8)
        pdf.multi_cell(0, 4, latin1(f"{report.index_estimate.label}. {report.index_estimate.note}"),
                       new_x="LMARGIN", new_y="NEXT")
    pdf.rect(13, top - 2, 184, pdf.get_y() - top + 4)
    pdf.set_line_width(0.2)
    pdf.ln(6)
    if report.critical_missing:
        pdf.heading("Bukti kritis yang belum ada", 12)
        for item in report.critical_missing:
            pdf.para(f"- {item.label}: {item.message}", 10)
    if report.critical_to_check:
        pdf.heading("Bukti kritis yang perlu dicek lebih dulu", 12)
        for check in report.critical_to_check:
            names = ", ".join(dict.fromkeys(PurePosixPath(f.path).name for f in check.files))
            pdf.para(f"- {check.label}: mungkin ada di {names}", 10)


def _file_names(files: list[EvidenceRef]) -> str:
    """The first few file names of a cell; a table row must fit on one page, and the XLSX and CSV list them all."""
    names = list(dict.fromkeys(PurePosixPath(f.path).name for f in files))
    if not names:
        return "-"
    shown = "; ".join(names[:FILES_PER_CELL])
    return shown if len(names) <= FILES_PER_CELL else f"{shown}; dan {len(names) - FILES_PER_CELL} berkas lain"


def _findings_table(pdf: _Pdf, findings: list[Finding]) -> None:
    if not findings:
        pdf.para("Tidak ada temuan.")
        return
    pdf.grid(["Tingkat", "Kode", "Temuan"],
             [[SEVERITY_LABELS[f.severity], f.code, f.message] for f in findings], (16, 48, 114))


def _opd_letter(pdf: _Pdf, report: GapReport, name: str | None) -> None:
    pdf.running = opd_title(name)
    pdf.add_page()
    if name is None:  # files whose OPD could not be inferred: no one to address a letter to
        pdf.heading("Berkas tanpa OPD yang dikenali", 13)
        pdf.para("Berkas berikut tidak dapat dikaitkan dengan OPD dari nama folder atau berkasnya. Pindahkan ke "
                 "folder OPD yang benar lalu pindai ulang.")
        _findings_table(pdf, figures.opd_findings(report, name))
        pdf.running = ""
        return
    pdf.heading(f"Kepada Yth. Kepala {opd_title(name)}", 13)
    done, total = figures.opd_coverage(report, name)
    pdf.para(f"Perihal: Kelengkapan bukti dukung {report.framework.name}")
    pdf.para(f"Berdasarkan pemindaian berkas per {report.generated_at:%d-%m-%Y}, dari {total} indikator yang "
             f"menjadi tanggung jawab {opd_title(name)}, {done} sudah memiliki bukti (terkonfirmasi atau saran "
             "model). Mohon melengkapi bukti yang belum ada dan memeriksa berkas yang perlu dicek di bawah ini.")
    rows = sorted(figures.opd_rows(report, name), key=lambda r: (not r.owned, r.id))
    shown = [r for r in rows if r.owned or r.state != "missing"]
    if shown:
        pdf.grid(["No", "Indikator", "Status", "Berkas", "Tingkat", "Agar naik satu tingkat"],
                 [[r.id, r.short_name + ("" if r.owned else " (bukan tanggungannya)"), STATE_LABELS[r.state],
                   _file_names(r.files), r.level,
                   r.next_level or "-"] for r in shown],
                 (9, 38, 22, 42, 12, 55), size=7)
    pdf.heading("Temuan", 12)
    _findings_table(pdf, figures.opd_findings(report, name))
    pdf.ln(4)
    pdf.para("Hormat kami,\nTim Koordinasi SPBE " + (report.pemda or ""))
    pdf.running = ""


def render_pdf(report: GapReport) -> bytes:
    pdf = _Pdf(report)
    _cover(pdf, report)
    pdf.add_page()
    pdf.bars("Cakupan bukti per aspek", figures.aspect_coverage(report))
    pdf.bars("Cakupan bukti per OPD (indikator tanggungannya)",
             [(opd_title(n), *figures.opd_coverage(report, n)) for n in figures.opd_names(report)])
    pdf.heading("Temuan")
    _findings_table(pdf, report.findings)
    pdf.heading("Status indikator")
    pdf.grid(["No", "Indikator", "Bobot", "Status", "Tingkat", "Alasan", "OPD penanggung jawab"],
             [[s.id, s.short_name, f"{s.weight:g}", STATE_LABELS[s.state], s.level, s.level_reason,
               ", ".join(s.owners) or "Pemda"] for s in report.indicator_states],
             (9, 38, 12, 24, 12, 48, 35), size=7)
    pdf.heading("Perubahan sejak laporan lalu")
    for line in change_lines(report.changes):
        pdf.para(line)
    for name in figures.opd_names(report):
        _opd_letter(pdf, report, name)
    return bytes(pdf.output())
