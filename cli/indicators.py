"""``spbe indicators``: the catalog as a table (or JSON)."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from cli.common import FrameworkOption, catalog_for, console


def indicators(framework: str | None = FrameworkOption, as_json: bool = typer.Option(False, "--json")) -> None:
    """Print the indicator catalog of a framework."""
    catalog = catalog_for(framework)
    if as_json:
        print(json.dumps(catalog.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{catalog.framework.name} — katalog {catalog.framework.catalog_version}")
    for col in ("No", "Indikator", "Aspek", "Bobot", "Kata kunci"):
        table.add_column(col, overflow="fold")
    for ind in catalog.indicators:
        table.add_row(str(ind.id), ind.short_name, catalog.aspect_name(ind.aspect), f"{ind.weight:g}",
                      ", ".join(ind.keywords[:4]))
    console.print(table)
    console.print(f"{len(catalog.indicators)} indikator, {len(catalog.aspects)} aspek, "
                  f"total bobot {sum(i.weight for i in catalog.indicators):g}")
