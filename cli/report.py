"""``spbe report``: the gap report over everything stored, reviews applied (what the API serves)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from cli.common import FrameworkOption, catalog_for, console, context, fail
from evidence.opd import find_opd
from evidence.reports import print_gap_report, write_report
from evidence.reports.stored import stored_gap_report


@dataclass(frozen=True)
class _Coordinator:
    """The coordination team sees every OPD; the report is theirs."""

    role: str = "admin"
    opd: str | None = None


def report(
    framework: str | None = FrameworkOption,
    opd: str | None = typer.Option(None, "--opd", help="Only this OPD's part (name or abbreviation)."),
    out: Path = typer.Option(Path("out/report"), "--out",
                             help="Folder for report.json, report.html, report.xlsx, report.pdf and report.csv."),
    lang: str | None = typer.Option(None, "--lang", help="Report language: id (default) or en."),
    snapshot: bool = typer.Option(True, "--snapshot/--no-snapshot",
                                  help="Store this Pemda-wide report as the baseline of the next one's changes."),
) -> None:
    """Evidence and gaps per OPD from every stored batch, with reviewers' decisions applied."""
    rt = context()
    settings = rt.settings
    lang = lang or settings.language
    catalog = catalog_for(framework, rt)
    directory = rt.opd_directory
    target = None
    if opd:
        match = find_opd(directory, opd)
        if match is None:
            fail(f"OPD tidak dikenal: {opd}")
        target = match.name
    with rt.db.session() as session:
        stored = stored_gap_report(session, _Coordinator(), catalog, directory, settings=settings,
                                   catalogs=rt.catalogs, opd=target,
                                   other_frameworks=settings.frameworks, lang=lang,
                                   snapshot_by="spbe report" if snapshot else None)
    result = stored.report
    print_gap_report(result, console, lang=lang)
    if stored.in_progress:
        console.print(f"{stored.in_progress} berkas masih diproses dan belum masuk laporan.")
    json_path, html_path = write_report(result, out, lang=lang)
    console.print(f"Laporan: {json_path}, {html_path} (+ report.xlsx, report.pdf, report.csv)")

