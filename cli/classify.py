"""``spbe classify FILE... --json``: one JSON object per file per line (a stable interface)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from cli.common import FrameworkOption, catalog_for, classifier_for, console
from evidence.extraction import extract
from evidence.settings import get_settings


def _maturity(outcome, indicator_id: int) -> dict | None:
    """``{level, reason, criterion, hint: true}``: a hint of the level the document supports, never a score."""
    hint = outcome.maturity.get(indicator_id) if getattr(outcome, "maturity", None) else None
    return hint.as_dict() if hint is not None else None


def classify_file(path: Path, classifier, catalog, settings) -> dict:
    record: dict = {"file": str(path), "status": "failed", "error": None, "doc_type": None, "indicators": [],
                    "candidates": [], "pages": None, "text_chars": 0, "metadata": None}
    try:
        data = path.read_bytes()
    except OSError as exc:
        record["error"] = f"unreadable: {exc.strerror or exc}"
        return record
    result = extract(data, path.name, min_chars_per_page=settings.min_chars_per_page, max_pages=settings.max_pdf_pages)
    record.update(status=result.status, error=result.error, pages=result.page_count, text_chars=result.text_chars)
    if result.status != "ok":
        return record
    outcome = classifier.classify(result.text, str(path), pages=result.pages)
    record["doc_type"] = outcome.doc_type
    record["metadata"] = outcome.metadata.as_dict() if outcome.metadata is not None else None
    record["indicators"] = [
        {"id": s.indicator_id, "name": catalog.indicator(s.indicator_id).name, "score": s.score, "reasons": list(s.reasons),
         "maturity": _maturity(outcome, s.indicator_id), "evidence": list(outcome.evidence.get(s.indicator_id, []))}
        for s in outcome.suggestions
    ]
    record["candidates"] = [{"id": s.indicator_id, "score": s.score} for s in outcome.candidates]
    return record


def _level(indicator: dict) -> str:
    hint = indicator.get("maturity")
    return f", petunjuk tingkat {hint['level']}" if hint else ""


def classify(
    files: list[Path] = typer.Argument(..., help="PDF, DOCX or text files."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    framework: str | None = FrameworkOption,
) -> None:
    """Suggest the indicators each file supports."""
    settings = get_settings()
    catalog = catalog_for(framework, settings)
    classifier = classifier_for(catalog, settings)
    records = [classify_file(f, classifier, catalog, settings) for f in files]
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
