"""Things every command needs: the process's runtime (settings, database, store, catalogs, OPD directory,
classifiers), the chosen catalog and classifier; and clean exits."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from evidence.catalog import Catalog
from evidence.runtime import Runtime

if TYPE_CHECKING:
    from classifier.predict import IndicatorClassifier

console = Console()
err_console = Console(stderr=True)

FrameworkOption = typer.Option(None, "--framework", "-f", help="Framework key, e.g. spbe-2020 (default from settings).")


def fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[red]Galat:[/red] {message}")
    raise typer.Exit(code)


def context() -> Runtime:
    """The runtime of this CLI process, built once from the environment's settings (``SPBE_*``)."""
    from worker.runtime import runtime  # on first use: commands like `spbe indicators` load no model code

    return runtime()


def catalog_for(framework: str | None, rt: Runtime | None = None) -> Catalog:
    rt = rt or context()
    try:
        return rt.catalogs.catalog(framework or rt.settings.framework)
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
        raise


def classifier_for(catalog: Catalog, rt: Runtime) -> IndicatorClassifier:
    from classifier.artifact import ArtifactError

    try:
        classifier: IndicatorClassifier = rt.classifiers.get(catalog.id)  # type: ignore[assignment]
        return classifier
    except ArtifactError as exc:
        fail(str(exc))
        raise


def classifiers_by_framework(catalog: Catalog, rt: Runtime) -> dict[str, IndicatorClassifier]:
    """The chosen framework's classifier (required) plus those of the other enabled frameworks that have a
    trained model, so a scan stores suggestions in every framework at once."""
    from classifier.artifact import frameworks_with_models

    settings = rt.settings
    found = {catalog.id: classifier_for(catalog, rt)}
    for framework in frameworks_with_models(settings.models_dir, settings.frameworks):
        if framework not in found:
            found[framework] = classifier_for(rt.catalogs.catalog(framework), rt)
    return found
