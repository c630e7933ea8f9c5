"""``spbe train`` / ``spbe models``: rebuild, inspect, promote and roll back model versions."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from cli.common import FrameworkOption, catalog_for, console, context, fail
from evidence.confirmed_labels import ConfirmedLabel
from evidence.i18n import label
from evidence.reviews.agreement import Agreement
from evidence.settings import Settings

models_app = typer.Typer(help="Model versions in models/: list, promote, roll back.")
METRIC_LABELS = (
    ("validasi silang terkelompok, dokumen nyata", "real_grouped_cv"),
    ("validasi silang, korpus buatan (augmentasi, terpisah)", "generated_cv"),
)


def metrics_line(m: dict) -> str:
    return (f"micro-F1 {m['micro_f1']:.3f} (P {m['micro_precision']:.3f}, R {m['micro_recall']:.3f}), "
            f"macro-F1 {m['macro_f1']:.3f}, top-1 {m['top1_accuracy']:.3f}, top-3 recall {m['top3_recall']:.3f}, "
            f"FP tak terkait {m['false_positive_rate_unrelated']:.3f}, ECE {m['expected_calibration_error']:.3f} "
            f"(n={m['documents']})")


def train(
    framework: str | None = FrameworkOption,
    seed: int = typer.Option(0, help="Seed of the generated training corpus."),
    folds: int = typer.Option(3, help="Cross-validation folds over the generated corpus (reported apart)."),
    promote_model: bool = typer.Option(
        True, "--promote/--no-promote", help="Make the new version current if it is not worse on the real documents."),
    force_promote: bool = typer.Option(False, "--force-promote", help="Make it current even if it is worse."),
    force: bool = typer.Option(False, "--force", help="Train even when no training input changed."),
    use_reviews: bool = typer.Option(
        True, "--reviews/--no-reviews", help="Add reviewer-confirmed documents from the database."),
) -> None:
    """Retrain: base corpus + confirmed reviews; skip if nothing changed; promote only if not worse."""
    from classifier.corpus.real import RealDocumentsUnavailable
    from classifier.retrain import PromotePolicy, retrain
    from classifier.train import companion_framework

    rt = context()
    settings = rt.settings
    catalog = catalog_for(framework, rt)
    confirmed = confirmed_from_database(settings, catalog.id) if use_reviews else []
    companion = companion_framework(catalog)
    companion_confirmed = confirmed_from_database(settings, companion) if use_reviews and companion else []
    policy: PromotePolicy = "always" if force_promote else "if-not-worse" if promote_model else "never"
    try:
        with console.status("melatih ...") as status:
            result = retrain(catalog, settings.models_dir, confirmed=confirmed, companion_confirmed=companion_confirmed,
                             seed=seed, folds=folds, force=force,
                             corpus_size=settings.corpus_size(), policy=policy, progress=lambda m: status.update(m))
    except RealDocumentsUnavailable as exc:
        fail(str(exc))
    if result.status == "skipped":
        console.print(f"Tidak dilatih ulang: tidak ada label terkonfirmasi yang berubah (model {result.current}).")
        return
    console.print(f"Model {result.version} disimpan ({result.documents} dokumen latih, "
                  f"{result.reviewed} dari tinjauan).")
    for name, key in METRIC_LABELS:
        console.print(f"{name}: {metrics_line(result.metrics[key])}")
    if result.status == "promoted":
        console.print(f"Versi {result.version} kini aktif untuk {catalog.id}: {result.reason}.")
    else:
        console.print(f"Versi {result.version} TIDAK diaktifkan (tetap {result.current}): {result.reason}.")


def _has_database(settings: Settings) -> bool:
    """False on a fresh checkout, before anything created the embedded SQLite file (no need to create it)."""
    url = settings.resolved_database_url()
    return not (url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists())


def confirmed_from_database(settings: Settings, framework: str) -> list[ConfirmedLabel]:
    """Reviewer-confirmed documents; none when this machine has no database yet."""
    from evidence.confirmed_labels import confirmed_labels

    if not _has_database(settings):
        return []
    with context().db.session() as session:
        return confirmed_labels(session, framework)


def agreement_from_database(settings: Settings, framework: str) -> dict[str, Agreement]:
    """How reviewers agreed with each version; nothing when this machine has no database yet."""
    from evidence.reviews.agreement import model_agreement

    if not _has_database(settings):
        return {}
    with context().db.session() as session:
        return model_agreement(session, framework)


@models_app.command("list")
def list_models(framework: str | None = FrameworkOption) -> None:
    """List model versions with their figures on real documents, and how each was measured."""
    from classifier.artifact import current_version, list_versions, load_card, real_figures

    rt = context()
    settings = rt.settings
    catalog = catalog_for(framework, rt)
    current = current_version(settings.models_dir, catalog.id)
    agreement = agreement_from_database(settings, catalog.id)
    table = Table(title=f"Model {catalog.id}")
    for col in ("Versi", "Aktif", "Dibuat", "micro-F1 dok. nyata", "top-3 recall", "FP tak terkait", "Diukur dengan",
                "Di dokumen yang direviu"):
        table.add_column(col)
    for version in list_versions(settings.models_dir, catalog.id):
        card = load_card(settings.models_dir, catalog.id, version)
        measure, m = real_figures(card)
        table.add_row(version, "*" if version == current else "", card.get("created_at", ""),
                      *(_with_interval(m, name) for name in ("micro_f1", "top3_recall", "false_positive_rate_unrelated")),
                      label("model.measure", measure or "none"), _agreement_cell(agreement.get(version)))
    console.print(table)


def _agreement_cell(agreement: Agreement | None) -> str:
    """What reviewers here made of this version's suggestions, in their words."""
    if agreement is None:
        return "-"
    parts = [f"{agreement.documents} dok."]
    if agreement.precision is not None:
        parts.append(f"{agreement.accepted} dari {agreement.suggested} saran diterima ({agreement.precision:.0%})")
    if agreement.found_or_to_check is not None:
        parts.append(f"{agreement.found_or_to_check:.0%} indikator terkonfirmasi disarankan atau perlu dicek")
    return "; ".join(parts)


def _with_interval(figures: dict, name: str) -> str:
    """A figure and, where the card has it, its 95% interval: most differences between versions lie inside it."""
    value = figures.get(name)
    if value is None:
        return ""
    interval = figures.get("intervals_95", {}).get(name)
    return f"{value} ({interval[0]:.2f}-{interval[1]:.2f})" if interval else str(value)


@models_app.command("rollback")
def rollback_version(framework: str | None = FrameworkOption) -> None:
    """Go back to the version that was current before this one."""
    from classifier.artifact import ArtifactError, rollback

    rt = context()
    settings = rt.settings
    catalog = catalog_for(framework, rt)
    from classifier.artifact import current_version

    before = current_version(settings.models_dir, catalog.id)
    try:
        version = rollback(settings.models_dir, catalog.id)
    except ArtifactError as exc:
        fail(str(exc))
    _audit_model("model.rollback", catalog.id, before, version)
    console.print(f"Dikembalikan ke versi {version} untuk {catalog.id}.")


def _audit_model(action: str, framework: str, before: str | None, after: str | None) -> None:
    """Model changes go to the audit trail of the configured database (issue 13)."""
    from evidence.audit import cli_actor, record_model_event
    record_model_event(context().db, actor=cli_actor(), action=action,
                       framework=framework, before=before, after=after)


@models_app.command("promote")
def promote_version(version: str, framework: str | None = FrameworkOption) -> None:
    """Make VERSION the current model (also how to roll back)."""
    from classifier.artifact import ArtifactError, promote

    rt = context()
    settings = rt.settings
    catalog = catalog_for(framework, rt)
    from classifier.artifact import current_version

    before = current_version(settings.models_dir, catalog.id)
    try:
        promote(settings.models_dir, catalog.id, version)
    except ArtifactError as exc:
        fail(str(exc))
    _audit_model("model.promote", catalog.id, before, version)
    console.print(f"Versi {version} kini aktif untuk {catalog.id}.")
