"""``spbe evaluate``: how good the current model is.

``spbe evaluate --real`` gives the headline figures: grouped cross-validation over the real labelled
documents, per framework, as measured when the model was trained (``--recompute`` measures them again
with the current training code). ``spbe evaluate --labels LABELS.csv DIR_OR_ZIP`` scores the current model
on any other labelled folder or archive. ``spbe evaluate --real --learning-curve`` measures how the grouped
figures move with fewer real training documents (``classifier.learning_curve``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import typer

from cli.common import FrameworkOption, catalog_for, classifier_for, console, context, fail
from evidence.extraction import extract
from evidence.intake import iter_intake


def read_labels(path: Path) -> dict[str, frozenset[int]]:
    from classifier.corpus.real import parse_indicator_list

    with path.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: parse_indicator_list(row.get("indicators") or "") for row in csv.DictReader(fh)}


def evaluate(
    source: Path | None = typer.Argument(None, help="Folder or ZIP with the labelled documents."),
    labels: Path | None = typer.Option(None, "--labels", help="CSV with columns filename,indicators (';'-separated)."),
    real: bool = typer.Option(False, "--real", help="Grouped cross-validation over the real labelled documents."),
    recompute: bool = typer.Option(False, "--recompute", help="With --real: measure again instead of reading the card."),
    curve: bool = typer.Option(False, "--learning-curve",
                               help="With --real: measure again with a share of the real documents training (slow)."),
    draws: int = typer.Option(2, "--draws", min=1, help="With --learning-curve: random draws of each share."),
    json_out: Path | None = typer.Option(None, "--json-out", help="Also write the metrics as JSON here."),
    framework: str | None = FrameworkOption,
) -> None:
    """Measure micro/macro-F1, top-1/top-3, false positives on unrelated documents and calibration."""
    from classifier.train import evaluate_classifier

    rt = context()
    settings = rt.settings
    catalog = catalog_for(framework, rt)
    if real and curve:
        _learning_curve(catalog, settings, draws, json_out)
        return
    if real:
        _real_figures(catalog, settings, recompute, json_out)
        return
    if source is None or labels is None:
        fail("beri --real, atau FOLDER/ZIP dengan --labels LABELS.csv")
    classifier = classifier_for(catalog, rt)
    gold = read_labels(labels)
    docs, skipped = [], []
    for item in iter_intake(source, rt.intake_limits):
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


def _real_figures(catalog, settings, recompute: bool, json_out: Path | None) -> None:
    from classifier.artifact import load_current
    from classifier.corpus.real import RealDocumentsUnavailable
    from classifier.train import REAL_METRICS, prepare_companion, validate_on_real
    from cli.train import metrics_line

    if recompute:
        try:
            with console.status("validasi silang terkelompok atas dokumen nyata ...") as status:
                examples, given = _training_input(catalog, settings)
                from classifier.train import ModelInputs

                companion = prepare_companion(given, lambda m: status.update(m))
                metrics = validate_on_real(catalog, examples, ModelInputs(catalog), lambda m: status.update(m),
                                           companion).metrics
        except RealDocumentsUnavailable as exc:
            fail(str(exc))
        origin = "diukur ulang sekarang"
    else:
        model = load_current(settings.models_dir, catalog.id)
        metrics = model.card.get("metrics", {}).get(REAL_METRICS)
        if not metrics:
            fail(f"model {model.version} tidak memuat angka dokumen nyata; jalankan 'spbe train' atau --recompute")
        origin = f"dari kartu model {model.version}"
    console.print(f"{catalog.id}: validasi silang terkelompok atas {metrics['documents']} dokumen nyata "
                  f"({metrics['groups']} kelompok, {metrics['folds']} lipatan; {origin})")
    console.print(f"  semua dokumen: {metrics_line(metrics)}")
    console.print(f"  tanpa regulasi payung SPBE: {metrics_line(metrics['without_umbrella'])}")
    weak = sorted((v["f1"], k, v["support"]) for k, v in metrics["per_indicator"].items() if v["support"] and v["f1"] < 0.5)
    if weak:
        console.print("  indikator lemah (F1 < 0,5; dukungan): " + ", ".join(f"{k} ({f:.2f}; {n})" for f, k, n in weak))
    flags = metrics.get("critical_flags", {})
    held = flags.get("held_indicators")
    if held:
        console.print(f"  arsip per lipatan: {held['held']} indikator ada buktinya; {held['suggested']} disarankan oleh "
                      f"berkas buktinya, {held['to_check']} perlu dicek, {held['missed']} terlewat; tanda kritis "
                      f"\"belum ada\" yang keliru: {flags['fold_archives']['false_flags']} dari "
                      f"{flags['fold_archives']['flags']}")
    if json_out:
        json_out.write_text(json.dumps({"framework": catalog.id, **metrics}, indent=2, ensure_ascii=False),
                            encoding="utf-8")


def _training_input(catalog, settings):
    """The training examples and the companion's, as ``spbe train`` builds them (without reviews)."""
    from classifier.examples import build_training_examples
    from classifier.train import companion_input

    return (build_training_examples(catalog, corpus_size=settings.corpus_size()),
            companion_input(catalog, corpus_size=settings.corpus_size()))


def _learning_curve(catalog, settings, draws: int, json_out: Path | None) -> None:
    from dataclasses import asdict

    from rich.table import Table

    from classifier.corpus.real import RealDocumentsUnavailable
    from classifier.learning_curve import learning_curve

    try:
        with console.status("kurva belajar atas dokumen nyata ...") as status:
            points = learning_curve(catalog, *_training_input(catalog, settings), draws=draws,
                                    progress=lambda m: status.update(m))
    except RealDocumentsUnavailable as exc:
        fail(str(exc))
    table = Table(title=f"{catalog.id}: validasi silang terkelompok dengan sebagian dokumen nyata sebagai data latih")
    for col in ("Bagian kelompok", "Undian", "Dokumen nyata latih", "micro-F1 (P / R)", "top-3 recall",
                "FP tak terkait"):
        table.add_column(col)
    for p in points:
        f = p.figures
        table.add_row(f"{p.share:.0%}", str(p.draw) if p.draw else "-", str(p.training_documents),
                      f"{f['micro_f1']:.3f} ({f['micro_precision']:.3f} / {f['micro_recall']:.3f})",
                      f"{f['top3_recall']:.3f}", f"{f['false_positive_rate_unrelated']:.3f}")
    console.print(table)
    if json_out:
        json_out.write_text(json.dumps({"framework": catalog.id, "points": [asdict(p) for p in points]}, indent=2,
                                       ensure_ascii=False), encoding="utf-8")
