"""XLSX export (openpyxl): a summary sheet, an indicator x OPD matrix with conditional colours, the findings,
and one sheet per OPD, each ready to print (A4, header row repeated on every page, frozen panes).

Colours are conditional-formatting rules on the state words rather than fixed fills, so a Tim Koordinasi
that edits a cell (after a phone call, "sudah ada") sees the colour follow.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evidence.reports.changes import change_lines, row_change
from evidence.reports.export_csv import evidence_text
from evidence.reports.figures import (
    aspect_coverage,
    headline,
    opd_coverage,
    opd_findings,
    opd_names,
    opd_rows,
)
from evidence.reports.model import Finding, GapReport
from evidence.reports.states import STATE_LABELS
from evidence.reports.text import SEVERITY_LABELS, headline_rows, opd_title, report_title

STATE_FILLS = {  # fill colour per state label: green, light green, amber, red
    "confirmed": "C6EFCE", "suggested": "E2F0D9", "perlu_dicek": "FFEB9C", "missing": "FFC7CE",
}
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14, color="1F4E78")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
SHEET_SUMMARY, SHEET_MATRIX, SHEET_FINDINGS = "Ringkasan", "Matriks Indikator", "Temuan"


def _print_ready(ws: Worksheet, header_row: int, *, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=2)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "Halaman &P dari &N"


def _header(ws: Worksheet, row: int, labels: list[str], widths: list[int]) -> None:
    for col, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = ws.cell(row=row, column=col, value=label)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width


def _state_colours(ws: Worksheet, cell_range: str, first_cell: str) -> None:
    for state, colour in STATE_FILLS.items():
        formula = f'ISNUMBER(SEARCH("{STATE_LABELS[state]}",{first_cell}))'
        ws.conditional_formatting.add(cell_range, FormulaRule(formula=[formula], fill=PatternFill(
            "solid", start_color=colour, end_color=colour), stopIfTrue=True))


def _rows(ws: Worksheet, start: int, rows: Sequence[Sequence[object]]) -> int:
    for offset, values in enumerate(rows):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=start + offset, column=col, value=value)
            cell.border, cell.alignment = BORDER, WRAP
    return start + len(rows)


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title (31 characters, no []:*?/\\) for an OPD name."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:28] or "OPD"
    candidate, n = base, 2
    while candidate.casefold() in taken:
        candidate, n = f"{base[:25]} ({n})", n + 1
    taken.add(candidate.casefold())
    return candidate


def _summary(ws: Worksheet, report: GapReport) -> None:
    ws.title = SHEET_SUMMARY
    ws["A1"] = report_title(report)
    ws["A1"].font = TITLE_FONT
    ws["A2"] = f"{report.pemda or 'Pemerintah Daerah'} · {report.framework.name} · {report.generated_at:%d-%m-%Y}"
    ws["A3"] = f"Sumber: {report.source} · Versi model: {report.model_version or '-'}"
    _header(ws, 5, ["Ukuran", "Nilai"], [48, 40])
    # Counts as numbers (so they can be summed or charted), the estimates as their "1,46 (Kurang)" text.
    row = _rows(ws, 6, [[label, int(value) if value.isdigit() else value]
                        for label, value in headline_rows(headline(report))])
    if report.index_estimate is not None:
        row = _rows(ws, row + 1, [[report.index_estimate.label, report.index_estimate.note]])
    row += 1
    _header(ws, row, ["Aspek", "Indikator dengan bukti"], [48, 40])
    row = _rows(ws, row + 1, [[name, f"{done} dari {total}"] for name, done, total in aspect_coverage(report)])
    row += 1
    _header(ws, row, ["OPD", "Indikator tanggungannya dengan bukti"], [48, 40])
    coverage = [[opd_title(name), "{} dari {}".format(*opd_coverage(report, name))] for name in opd_names(report)]
    row = _rows(ws, row + 1, coverage)
    row += 1
    _header(ws, row, ["Perubahan sejak laporan lalu", ""], [48, 40])
    _rows(ws, row + 1, [[line, ""] for line in change_lines(report.changes)])
    _print_ready(ws, 5, landscape=False)
    ws.freeze_panes = None


def _matrix(ws: Worksheet, report: GapReport) -> None:
    names = opd_names(report)
    labels = ["No", "Indikator", "Bobot", "Pemda"] + [opd_title(n) for n in names]
    _header(ws, 1, labels, [5, 40, 7, 16] + [16] * len(names))
    by_cell = {(r.opd, r.id): r for r in report.matrix}
    rows = []
    for s in report.indicator_states:
        cells = [STATE_LABELS[by_cell[(n, s.id)].state] + (" (PJ)" if by_cell[(n, s.id)].owned else "")
                 for n in names]
        rows.append([s.id, s.short_name, s.weight, STATE_LABELS[s.state], *cells])
    last = _rows(ws, 2, rows) - 1
    last_col = get_column_letter(len(labels))
    if last >= 2:
        _state_colours(ws, f"D2:{last_col}{last}", "D2")
    ws.cell(row=last + 2, column=2, value="PJ = OPD penanggung jawab indikator menurut matriks tanggung jawab.")
    _print_ready(ws, 1)
    ws.freeze_panes = "E2"


def _findings(ws: Worksheet, findings: list[Finding], header_row: int = 1) -> int:
    _header(ws, header_row, ["Tingkat", "Kode", "OPD", "Indikator", "Temuan", "Berkas"], [10, 26, 28, 12, 70, 40])
    rows = [[SEVERITY_LABELS[f.severity], f.code, f.opd or "", ", ".join(map(str, f.indicators)), f.message,
             "; ".join(f.documents)] for f in findings]
    return _rows(ws, header_row + 1, rows)


def _opd_sheet(ws: Worksheet, report: GapReport, name: str | None) -> None:
    labels = ["No", "Indikator", "Penanggung jawab", "Status", "Berkas (status tinjauan, versi model)",
              "Perkiraan tingkat", "Alasan", "Agar naik satu tingkat", "Perubahan"]
    _header(ws, 1, labels, [5, 34, 14, 18, 48, 10, 40, 48, 12])
    rows = sorted(opd_rows(report, name), key=lambda r: (not r.owned, r.id))
    values = [[r.id, r.short_name, "ya" if r.owned else "", STATE_LABELS[r.state],
               "\n".join(evidence_text(f) for f in r.files), r.level, r.level_reason, r.next_level or "",
               row_change(report.changes, r)] for r in rows]
    last = _rows(ws, 2, values) - 1
    if last >= 2:
        _state_colours(ws, f"D2:D{last}", "D2")
    findings = opd_findings(report, name)
    if findings:
        ws.cell(row=last + 2, column=1, value="Temuan").font = Font(bold=True)
        _findings(ws, findings, header_row=last + 3)
        for col, width in enumerate([5, 34, 14, 18, 48, 10, 40, 48, 12], start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
    _print_ready(ws, 1)


def render_xlsx(report: GapReport) -> bytes:
    workbook = Workbook()
    _summary(workbook.active, report)
    taken = {SHEET_SUMMARY.casefold(), SHEET_MATRIX.casefold(), SHEET_FINDINGS.casefold()}
    _matrix(workbook.create_sheet(SHEET_MATRIX), report)
    findings = workbook.create_sheet(SHEET_FINDINGS)
    _findings(findings, report.findings)
    _print_ready(findings, 1)
    for name in opd_names(report):
        _opd_sheet(workbook.create_sheet(sheet_name(opd_title(name), taken)), report, name)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
