"""``spbe indicators``: the catalog as a table (or JSON)."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from cli.common import FrameworkOption, catalog_for, console


def indicators(framework: str | None = FrameworkOption, as_json: bool = typer.Option(False, "--json")) -> None:
    """Print the indicator catalog of a framework, grouped by aspect, with weights and how each is assessed."""
    catalog = catalog_for(framework)
    if as_json:
        print(json.dumps(catalog.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    external = catalog.external_indicator_ids()
    table = Table(title=f"{catalog.framework.name} — katalog {catalog.framework.catalog_version}")
    columns = ["No", "Indikator", "Aspek", "Bobot"] + (["Dinilai dari"] if external else []) + ["Kata kunci"]
    for col in columns:
        table.add_column(col, overflow="fold")
    aspect_order = {a.id: n for n, a in enumerate(catalog.aspects)}
    ordered = sorted(catalog.indicators, key=lambda i: (aspect_order.get(i.aspect, len(aspect_order)), i.id))
    previous_aspect = None
    for ind in ordered:
        if previous_aspect is not None and ind.aspect != previous_aspect:
            table.add_section()
        previous_aspect = ind.aspect
        assessed = ["evaluasi lain" if ind.is_external else "dokumen"] if external else []
        table.add_row(str(ind.id), ind.short_name, catalog.aspect_name(ind.aspect), f"{ind.weight:g}", *assessed,
                      ", ".join(ind.keywords[:4]))
    console.print(table)
    weights = [a.weight for a in catalog.aspects]
    if None not in weights:
        console.print("Bobot aspek: " + "; ".join(f"{a.name} {a.weight:g}" for a in catalog.aspects), soft_wrap=True)
    for ind in (catalog.indicator(i) for i in external):
        console.print(f"{ind.id}. {ind.short_name}: dinilai dari evaluasi nasional lain — {ind.external_evaluation}",
                      soft_wrap=True)
    aspect_total = f" (bobot aspek {sum(w for w in weights if w is not None):g})" if None not in weights else ""
    console.print(f"{len(catalog.indicators)} indikator, {len(catalog.aspects)} aspek, "
                  f"total bobot {sum(i.weight for i in catalog.indicators):g}{aspect_total}"
                  + (f"; {len(external)} dinilai dari evaluasi nasional lain" if external else ""), soft_wrap=True)
