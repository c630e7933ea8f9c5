"""``spbe indicators --framework pemdi-2026`` and ``spbe crosswalk``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


def test_indicators_lists_pemdi_with_weights_and_external_marks() -> None:
    result = runner.invoke(app, ["indicators", "--framework", "pemdi-2026", "--json"])
    assert result.exit_code == 0, result.output
    catalog = json.loads(result.stdout)
    assert catalog["framework"]["id"] == "pemdi-2026"
    assert len(catalog["indicators"]) == 20 and len(catalog["aspects"]) == 7
    assert sum(i["weight"] for i in catalog["indicators"]) == 100
    assert [i["id"] for i in catalog["indicators"] if i["assessed_by"] == "external"] == [5, 6, 7, 8, 10]
    table = runner.invoke(app, ["indicators", "-f", "pemdi-2026"], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "20 indikator, 7 aspek, total bobot 100 (bobot aspek 100)" in table.stdout
    assert "dinilai dari evaluasi nasional lain" in table.stdout
    assert "5. Tata Kelola Data (Satu Data): dinilai dari evaluasi nasional lain — Evaluasi" in table.stdout
    assert "Kepuasan Pengguna Layanan Digital Pemerintah 25" in table.stdout


def test_crosswalk_table_and_json() -> None:
    result = runner.invoke(app, ["crosswalk"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "tidak ada padanan" in result.stdout and "11. Arsitektur SPBE" in result.stdout
    assert "20 indikator pemdi-2026, 3 tanpa padanan; 47 dari 47 indikator spbe-2020 punya penerus." in result.stdout
    data = json.loads(runner.invoke(app, ["crosswalk", "--json"]).stdout)
    first = data["indicators"][0]
    assert first["id"] == 1 and 11 in first["predecessors"] and "Arsitektur SPBE" in first["predecessor_names"]
    assert data["without_successor"] == []


def test_crosswalk_unknown_pair_fails_cleanly() -> None:
    result = runner.invoke(app, ["crosswalk", "--from", "pemdi-2026", "--to", "spbe-2020"])
    assert result.exit_code == 2
