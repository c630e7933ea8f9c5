"""``spbe train`` / ``spbe models``: rebuild, inspect, promote and roll back model versions."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from cli.common import FrameworkOption, catalog_for, console, fail
from evidence.settings import get_settings

models_app = typer.Typer(help="Model versions in models/: list, promote, roll back.")


def train(
    framework: str | None = FrameworkOption,
    seed: int = typer.Option(0, help="Seed of the generated training corpus."),
    folds: int = typer.Option(3, help="Cross-validation folds used to tune thresholds."),
    promote_model: bool = typer.Option(True, "--promote/--no-promote", help="Make the new version current."),
) -> None:
    """Rebuild the training corpus and train a new model version with its model card."""
    from classifier.artifact import promote, save_model
    from classifier.train import train_model

    settings = get_settings()
    catalog = catalog_for(framework, settings)
    with console.status("melatih ...") as status:
        model, examples = train_model(catalog, seed=seed, folds=folds, progress=lambda m: status.update(m))
    path = save_model(model, settings.models_dir)
    heldout = model.card["metrics"]["heldout_real"]
    cv = model.card["metrics"]["cross_validated_training_corpus"]
    console.print(f"Model {model.version} disimpan di {path} ({len(examples)} dokumen latih).")
    for name, m in (("held-out (dokumen nyata)", heldout), ("validasi silang (korpus latih)", cv)):
        console.print(f"{name}: micro-F1 {m['micro_f1']:.3f}, macro-F1 {m['macro_f1']:.3f}, "
                      f"top-3 recall {m['top3_recall']:.3f}, FP tak terkait {m['false_positive_rate_unrelated']:.3f}, "
                      f"ECE {m['expected_calibration_error']:.3f} (n={m['documents']})")
    if promote_model:
        promote(settings.models_dir, catalog.id, model.version)
        console.print(f"Versi {model.version} kini aktif untuk {catalog.id}.")


@models_app.command("list")
def list_models(framework: str | None = FrameworkOption) -> None:
    """List model versions with their held-out metrics."""
    from classifier.artifact import CARD_FILE, current_version, framework_dir, list_versions

    settings = get_settings()
    catalog = catalog_for(framework, settings)
    current = current_version(settings.models_dir, catalog.id)
    table = Table(title=f"Model {catalog.id}")
    for col in ("Versi", "Aktif", "Dibuat", "micro-F1 held-out", "top-3 recall", "FP tak terkait"):
        table.add_column(col)
    for version in list_versions(settings.models_dir, catalog.id):
        card = json.loads((framework_dir(settings.models_dir, catalog.id) / version / CARD_FILE).read_text())
        m = card.get("metrics", {}).get("heldout_real", {})
        table.add_row(version, "*" if version == current else "", card.get("created_at", ""),
                      str(m.get("micro_f1", "")), str(m.get("top3_recall", "")),
                      str(m.get("false_positive_rate_unrelated", "")))
    console.print(table)


@models_app.command("promote")
def promote_version(version: str, framework: str | None = FrameworkOption) -> None:
    """Make VERSION the current model (also how to roll back)."""
    from classifier.artifact import ArtifactError, promote

    settings = get_settings()
    catalog = catalog_for(framework, settings)
    try:
        promote(settings.models_dir, catalog.id, version)
    except ArtifactError as exc:
        fail(str(exc))
    console.print(f"Versi {version} kini aktif untuk {catalog.id}.")
