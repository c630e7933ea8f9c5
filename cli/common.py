"""Things every command needs: settings, catalog, database, store, classifier; and clean exits."""

from __future__ import annotations

import typer
from rich.console import Console

from evidence.catalog import Catalog, load_catalog
from evidence.settings import Settings, get_settings

console = Console()
err_console = Console(stderr=True)

FrameworkOption = typer.Option(None, "--framework", "-f", help="Framework key, e.g. spbe-2020 (default from settings).")


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[red]Galat:[/red] {message}")
    raise typer.Exit(code)


def catalog_for(framework: str | None, settings: Settings | None = None) -> Catalog:
    settings = settings or get_settings()
    try:
        return load_catalog(framework or settings.framework)
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
        raise


def classifier_for(catalog: Catalog, settings: Settings):
    from classifier.artifact import ArtifactError
    from classifier.loading import load_classifier

    try:
        return load_classifier(catalog, settings.models_dir)
    except ArtifactError as exc:
        fail(str(exc))
        raise


def classifiers_by_framework(catalog: Catalog, settings: Settings) -> dict:
    """The chosen framework's classifier (required) plus those of the other enabled frameworks that have a
    trained model, so a scan stores suggestions in every framework at once."""
    from classifier.artifact import frameworks_with_models
    from classifier.loading import load_classifier

    found = {catalog.id: classifier_for(catalog, settings)}
    for framework in frameworks_with_models(settings.models_dir, settings.frameworks):
        if framework not in found:
            found[framework] = load_classifier(load_catalog(framework), settings.models_dir)
    return found
