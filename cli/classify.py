"""``spbe classify FILE... --json``: one JSON object per file per line (a stable interface)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import typer
from rich.table import Table

from classifier.predict import Classification
from cli.common import FrameworkOption, catalog_for, classifier_for, console, context
from evidence.catalog import Catalog
from evidence.extraction.policy import ExtractionPolicy
from evidence.pipeline.classify import Classifiers
from evidence.pipeline.parallel import Job, ParallelExtractor
from evidence.pipeline.process import Outcome, outcome_of


def _maturity(outcome, indicator_id: int) -> dict | None:
    """``{level, reason, criterion, hint: true}``: a hint of the level the document supports, never a score."""
    hint = outcome.maturity.get(indicator_id) if getattr(outcome, "maturity", None) else None
    return hint.as_dict() if hint is not None else None


def classify_files(paths: list[Path], classifier, catalog, settings) -> list[dict]:
    """Every file through the pipeline of ``spbe scan``: extraction and OCR in limited child processes
    (``SPBE_WORKERS`` side by side), then classification in batches. The same file gets the same
    suggestions here as in a scan."""
    records: list[dict] = [_empty_record(path) for path in paths]

    def jobs() -> Iterator[Job[int]]:  # read lazily: only the files being extracted are in memory
        for index, path in enumerate(paths):
            try:
                yield Job(index, path.name, path.read_bytes())
            except OSError as exc:
                records[index]["error"] = f"unreadable: {exc.strerror or exc}"

    policy = ExtractionPolicy.from_settings(settings)
    workers = settings.resolved_workers()
    results = dict(ParallelExtractor(policy, workers).run(jobs()))
    indexes = sorted(results)
    batch = max(1, settings.classify_batch_size)
    pool_size = workers if len(indexes) > batch else 1  # a few files: no pool to fork
    with Classifiers({catalog.id: classifier}, pool_size) as pool:
        futures = [(chunk, pool.submit([(results[i], str(paths[i])) for i in chunk], [catalog.id]))
                   for chunk in (indexes[at:at + batch] for at in range(0, len(indexes), batch))]
        for chunk, future in futures:
            for i, said in zip(chunk, future.result(), strict=True):
                _fill(records[i], outcome_of(results[i], said, {catalog.id: classifier}), catalog)
    return records


def _empty_record(path: Path) -> dict:
    return {"file": str(path), "status": "failed", "error": None, "doc_type": None, "indicators": [],
            "candidates": [], "pages": None, "text_chars": 0, "metadata": None}


def _fill(record: dict, outcome: Outcome, catalog: Catalog) -> None:
    result = outcome.extraction
    record.update(status=outcome.status, error=outcome.error)
    if result is not None:
        record.update(pages=result.page_count, text_chars=result.text_chars)
    if not outcome.classifications:
        return
    said = cast(Classification, outcome.classifications[0][1])  # the trained model's, with metadata and evidence
    record["doc_type"] = said.doc_type
    record["metadata"] = said.metadata.as_dict() if said.metadata is not None else None
    record["indicators"] = [
        {"id": s.indicator_id, "name": catalog.indicator(s.indicator_id).name, "score": s.score, "reasons": list(s.reasons),
         "maturity": _maturity(said, s.indicator_id), "evidence": list(said.evidence.get(s.indicator_id, []))}
        for s in said.suggestions
    ]
    record["candidates"] = [{"id": s.indicator_id, "score": s.score} for s in said.candidates]


def _level(indicator: dict) -> str:
    hint = indicator.get("maturity")
    return f", petunjuk tingkat {hint['level']}" if hint else ""


def classify(
    files: list[Path] = typer.Argument(..., help="PDF, DOCX or text files."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    framework: str | None = FrameworkOption,
) -> None:
    """Suggest the indicators each file supports."""
    rt = context()
    settings = rt.settings
    catalog = catalog_for(framework, rt)
    classifier = classifier_for(catalog, rt)
    records = classify_files(list(files), classifier, catalog, settings)
    if as_json:
        for rec in records:
            print(json.dumps(rec, ensure_ascii=False))
        return
    table = Table(title=f"Saran indikator ({catalog.id}, model {classifier.model.version})")
    for col in ("Berkas", "Status", "Jenis", "Indikator (skor)", "Kandidat"):
        table.add_column(col, overflow="fold")
    for rec in records:
        table.add_row(
            rec["file"], rec["status"] + (f"\n{rec['error']}" if rec["error"] else ""), rec["doc_type"] or "-",
            "\n".join(f"{i['id']} {i['name']} ({i['score']:.2f}{_level(i)})" for i in rec["indicators"])
            or "tidak ada saran",
            ", ".join(f"{c['id']}:{c['score']:.2f}" for c in rec["candidates"]),
        )
    console.print(table)
