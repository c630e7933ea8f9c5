"""``spbe crosswalk``: which SPBE 2020 indicators feed which Pemdi 2026 indicator (table or JSON)."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from cli.common import catalog_for, console, fail
from evidence.catalog.crosswalk import DEFAULT_FROM, DEFAULT_TO, load_crosswalk


def crosswalk(
    from_framework: str = typer.Option(DEFAULT_FROM, "--from", help="Older framework key."),
    to_framework: str = typer.Option(DEFAULT_TO, "--to", help="Newer framework key."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Print the crosswalk between two frameworks: per newer indicator, its predecessors (or none)."""
    source, target = catalog_for(from_framework), catalog_for(to_framework)
    try:
        cw = load_crosswalk(from_framework, to_framework)
        cw.check_against(source, target)
    except ValueError as exc:
        fail(str(exc))
        raise
    if as_json:
        data = cw.model_dump(mode="json")
        for link in data["indicators"]:
            link["short_name"] = target.indicator(link["id"]).short_name
            link["predecessor_names"] = [source.indicator(p).short_name for p in link["predecessors"]]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Crosswalk {source.framework.name} → {target.framework.name} ({cw.crosswalk.version})")
    for col in (target.id, "Indikator", f"Pendahulu {source.id}", "Catatan"):
        table.add_column(col, overflow="fold")
    for link in sorted(cw.indicators, key=lambda x: x.id):
        if link.predecessors:
            before = "\n".join(f"{p}. {source.indicator(p).short_name}" for p in sorted(link.predecessors))
        else:
            before = "— tidak ada padanan (baru)"
        table.add_row(str(link.id), target.indicator(link.id).short_name, before, link.note)
    console.print(table)
    for item in cw.without_successor:
        console.print(f"{source.id} {item.id} ({source.indicator(item.id).short_name}): tanpa penerus — {item.note}")
    console.print(f"{len(cw.indicators)} indikator {target.id}, {len(cw.without_counterpart())} tanpa padanan; "
                  f"{len(cw.mapped_predecessors())} dari {len(source.indicators)} indikator {source.id} punya penerus.")
