"""``spbe scan ARCHIVE_OR_DIR``: ingest, extract, classify, store, and print/write the gap report."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cli.common import FrameworkOption, catalog_for, classifiers_by_framework, console, context, fail
from cli.report import _Coordinator
from evidence.pipeline import finish_batch, ingest_source
from evidence.pipeline.batch import process_documents
from evidence.reports import print_gap_report, write_report
from evidence.reports.stored import stored_gap_report


def scan(
    source: Path = typer.Argument(..., help="A ZIP archive or a folder of OPD evidence."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Where report.json and report.html are written."),
    opd: str | None = typer.Option(None, "--opd", help="Assign every file to this OPD (overrides folder names)."),
    framework: str | None = FrameworkOption,
    lang: str | None = typer.Option(None, "--lang", help="Report language: id (default) or en."),
) -> None:
    """Scan an archive or folder and report evidence and gaps per OPD."""
    if not source.exists():
        fail(f"tidak ditemukan: {source}")
    rt = context()
    settings = rt.settings
    lang = lang or settings.language
    catalog = catalog_for(framework, rt)
    classifiers = classifiers_by_framework(catalog, rt)
    classifier = classifiers[catalog.id]
    db, store, directory, policy = rt.db, rt.store, rt.opd_directory, rt.extraction_policy
    with db.session() as session:
        ingested = ingest_source(
            session, store, source, catalog=catalog, opd_directory=directory,
            limits=rt.intake_limits, opd_override=opd,
        )
    console.print(f"Batch {ingested.batch_id}: {ingested.total} berkas diterima, "
                  f"{len(ingested.to_process)} perlu diproses.")
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("Ekstraksi & klasifikasi", total=len(ingested.to_process))
        # Every core: extraction/OCR children and classification processes side by side (SPBE_WORKERS).
        process_documents(db, store, ingested.to_process, classifiers.__getitem__, policy=policy,
                          frameworks=list(classifiers), workers=settings.resolved_workers(),
                          batch_size=settings.classify_batch_size, lease_seconds=settings.lease_seconds,
                          max_attempts=settings.max_attempts, on_done=lambda _doc, _status: progress.advance(task),
                          catalogs=rt.catalogs)
    with db.session() as session:
        finish_batch(session, ingested.batch_id)
    with db.session() as session:
        # The same report function as `spbe report` and the API, limited to this batch: same counting rule.
        report = stored_gap_report(session, _Coordinator(), catalog, directory, settings=settings,
                                   catalogs=rt.catalogs, batch_id=ingested.batch_id,
                                   other_frameworks=list(classifiers), source=str(source),
                                   model_version=classifier.model.version, snapshot_by="spbe scan",
                                   lang=lang).report
    print_gap_report(report, console, lang=lang)
    json_path, html_path = write_report(report, out, lang=lang)
    console.print(f"Laporan: {json_path}, {html_path} (+ report.xlsx, report.pdf, report.csv)")
