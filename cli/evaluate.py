"""``spbe evaluate --labels LABELS.csv DIR_OR_ZIP``: metrics of the current model on labelled documents."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import typer

from cli.common import FrameworkOption, catalog_for, classifier_for, console, fail
from evidence.extraction import extract
from evidence.intake import IntakeLimits, iter_intake
from evidence.settings import get_settings


def read_labels(path: Path) -> dict[str, frozenset[int]]:
    from classifier.corpus.real import parse_indicator_list

    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: parse_indicator_list(row.get("indicators") or "") for row in csv.DictReader(fh)}


def evaluate(
    source: Path = typer.Argument(..., help="Folder or ZIP with the labelled documents."),
    labels: Path = typer.Option(..., "--labels", help="CSV with columns filename,indicators (';'-separated)."),
    json_out: Path | None = typer.Option(None, "--json-out", help="Also write the metrics as JSON here."),
    framework: str | None = FrameworkOption,
) -> None:
    """Measure micro/macro-F1, top-1/top-3, false positives on unrelated documents and calibration."""
    from classifier.train import evaluate_classifier

    settings = get_settings()
    catalog = catalog_for(framework, settings)
    classifier = classifier_for(catalog, settings)
    gold = read_labels(labels)
    docs, skipped = [], []
    for item in iter_intake(source, IntakeLimits.from_settings(settings)):
        if item.path not in gold:
            continue
        result = extract(item.data or b"", item.path) if item.data is not None else None
        if result is None or result.status != "ok":
            skipped.append(item.path)
            continue
        docs.append((result.text, item.path, gold[item.path]))
    if not docs:
        fail("tidak ada dokumen berlabel yang dapat dibaca")
    report = evaluate_classifier(classifier, docs)
    data = {"model_version": classifier.model.version, "framework": catalog.id, "source": str(source),
            "unreadable_skipped": skipped, **report.to_dict()}
    console.print(f"{len(docs)} dokumen dinilai ({len(skipped)} tidak terbaca dilewati), model {classifier.model.version}")
    console.print(f"micro-F1 {report.micro_f1:.3f} (P {report.micro_precision:.3f}, R {report.micro_recall:.3f}), "
                  f"macro-F1 {report.macro_f1:.3f}, top-1 {report.top1_accuracy:.3f}, top-3 recall {report.top3_recall:.3f}, "
                  f"FP tak terkait {report.false_positive_rate_unrelated:.3f}, ECE {report.expected_calibration_error:.3f}")
    if report.confused_pairs:
        console.print("Pasangan tertukar (label benar -> saran): "
                      + ", ".join(f"{g}->{p} ({c}x)" for g, p, c in report.confused_pairs[:5]))
    if json_out:
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
