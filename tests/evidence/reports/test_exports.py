"""Exports read back: openpyxl finds the sheets, cells and colours; pdfplumber the pages and headings; the CSV
one row per OPD x indicator; and every format shows the same headline numbers."""

from __future__ import annotations

import csv
import io

import openpyxl
import pdfplumber
import pytest

from evidence.catalog import Catalog
from evidence.opd import OpdDirectory
from evidence.reports import GapReport
from evidence.reports.export_xlsx import SHEET_FINDINGS, SHEET_MATRIX, SHEET_SUMMARY, STATE_FILLS, sheet_name
from evidence.reports.exports import render_export
from evidence.reports.figures import headline, opd_names
from evidence.reports.states import STATE_LABELS
from evidence.reports.text import headline_rows
from evidence.states import DocumentState
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO, make_doc, report_for


@pytest.fixture
def report(catalog: Catalog, directory: OpdDirectory) -> GapReport:
    docs = [
        make_doc("Diskominfo/SK Tim SPBE.pdf", DISKOMINFO, suggested={10: 0.9, 19: 0.7}, reviews={10: "accepted"},
                 levels={10: 3}),
        make_doc("Bappeda/Laporan Arsitektur – draf.pdf", BAPPEDA, candidates={11: 0.3},
                 metadata={"is_draft": True}),
        make_doc("Bappeda/rusak.pdf", BAPPEDA, status=DocumentState.FAILED),
    ]
    return report_for(docs, catalog, directory, pemda="Pemerintah Kabupaten Uji")


def test_xlsx_sheets_cells_and_colours(report: GapReport) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_export(report, "xlsx")))
    taken = {SHEET_SUMMARY.casefold(), SHEET_MATRIX.casefold(), SHEET_FINDINGS.casefold()}
    expected_opd = [sheet_name(name or "(OPD tidak dikenal)", taken) for name in opd_names(report)]
    assert book.sheetnames == [SHEET_SUMMARY, SHEET_MATRIX, SHEET_FINDINGS, *expected_opd]
    summary = book[SHEET_SUMMARY]
    assert "Pemerintah Kabupaten Uji" in summary["A2"].value
    values = {summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value for r in range(1, 60)}
    for label, value in headline_rows(headline(report)):
        assert str(values[label]) == value
    matrix = book[SHEET_MATRIX]
    assert matrix.freeze_panes == "E2" and matrix.print_title_rows == "$1:$1"
    assert int(matrix.page_setup.paperSize) == int(matrix.PAPERSIZE_A4)
    rows = {matrix.cell(row=r, column=1).value: r for r in range(2, matrix.max_row + 1)}
    assert matrix.cell(row=rows[10], column=4).value == STATE_LABELS["confirmed"]
    assert matrix.cell(row=rows[11], column=4).value == STATE_LABELS["perlu_dicek"]
    assert matrix.cell(row=rows[2], column=4).value == STATE_LABELS["missing"]
    fills = {rule.dxf.fill.fgColor.rgb[-6:] for rng in matrix.conditional_formatting for rule in rng.rules}
    assert {colour.upper() for colour in STATE_FILLS.values()} <= {f.upper() for f in fills}
    opd_sheet = book[expected_opd[0]]
    assert opd_sheet.freeze_panes == "B2" and opd_sheet.print_title_rows == "$1:$1"
    assert opd_sheet.page_setup.orientation == "landscape"
    findings = book[SHEET_FINDINGS]
    assert findings.max_row - 1 == len(report.findings)


def test_pdf_pages_and_headings(report: GapReport) -> None:
    with pdfplumber.open(io.BytesIO(render_export(report, "pdf"))) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert "Laporan Kesenjangan Bukti Dukung" in pages[0] and "Pemerintah Kabupaten Uji" in pages[0]
    assert "Ringkasan" in pages[0] and report.framework.name in pages[0].replace("\n", " ")
    text = "\n".join(pages)
    for heading in ("Cakupan bukti per aspek", "Cakupan bukti per OPD", "Temuan", "Status indikator",
                    "Perubahan sejak laporan lalu"):
        assert heading in text
    letters = [i for i, page in enumerate(pages) if "Kepada Yth. Kepala" in page]
    assert len(letters) == len([n for n in opd_names(report) if n])  # one letter per OPD, each on its own page
    assert DISKOMINFO in pages[letters[0]]
    for label, value in headline_rows(headline(report)):
        assert f"{label} {value}" in pages[0]


def test_csv_one_row_per_opd_and_indicator(report: GapReport, catalog: Catalog) -> None:
    data = render_export(report, "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(opd_names(report)) * len(catalog.indicators)
    cell = next(r for r in rows if r["opd"] == DISKOMINFO and r["indikator"] == "10")
    assert cell["status_kode"] == "confirmed" and "dikonfirmasi" in cell["berkas"] and "m-test" in cell["berkas"]
    assert cell["tingkat_perkiraan"] == "3" and cell["agar_naik_satu_tingkat"] == catalog.indicator(10).level_criteria[4]


def test_same_numbers_in_every_format(report: GapReport) -> None:
    """States per OPD: the matrix of the XLSX, the CSV rows and the JSON agree cell by cell."""
    expected = {(r.opd or "(OPD tidak dikenal)", r.id): r.state for r in report.matrix}
    rows = list(csv.DictReader(io.StringIO(render_export(report, "csv").decode("utf-8-sig"))))
    assert {(r["opd"], int(r["indikator"])): r["status_kode"] for r in rows} == expected
    book = openpyxl.load_workbook(io.BytesIO(render_export(report, "xlsx")))
    matrix = book[SHEET_MATRIX]
    header = [c.value for c in matrix[1]]
    labels = {v: k for k, v in STATE_LABELS.items()}
    from_xlsx = {}
    for r in range(2, 2 + len(report.indicator_states)):
        for col, opd in enumerate(header[4:], start=5):
            from_xlsx[(opd, matrix.cell(row=r, column=1).value)] = labels[
                matrix.cell(row=r, column=col).value.removesuffix(" (PJ)")]
    assert from_xlsx == expected
    assert GapReport.from_dict(report.to_dict()) == report


def test_an_opd_letter_with_hundreds_of_files_for_one_indicator_still_renders(catalog: Catalog,
                                                                               directory: OpdDirectory) -> None:
    """A table row must fit on one page: the letter names the first files and counts the rest."""
    from evidence.reports.export_pdf import FILES_PER_CELL

    docs = [make_doc(f"Diskominfo/Indikator 10/dokumen_{i:04d}_dengan_nama_berkas_panjang.pdf", DISKOMINFO,
                     suggested={10: 0.9}) for i in range(400)]
    report = report_for(docs, catalog, directory, pemda="Pemerintah Kabupaten Uji")
    with pdfplumber.open(io.BytesIO(render_export(report, "pdf"))) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages).replace("\n", " ")
    assert f"dan {400 - FILES_PER_CELL} berkas lain" in text
    rows = list(csv.DictReader(io.StringIO(render_export(report, "csv").decode("utf-8-sig"))))
    assert rows  # the CSV is not cut
