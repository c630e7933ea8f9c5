"""Issue 9 on real documents: an archive of the real public documents in ``../shared/spbe/dev/``, put in OPD
folders and scanned with the current model, must never call present evidence missing.

The texts are read from ``../shared`` at test time and copied only to a temporary folder, never into the
repository. The model is retrained often, so the assertions are structural (every indicator has one of the
four states; a critical "belum ada" only when no file is even a candidate; "missing" only when no current
suggestion row is a candidate; an accepted review confirms). The bundled model was trained on these documents,
so the printed flag counts are in-sample; the honest count is ``critical_flags`` in the model card, from
out-of-fold scores (``classifier.validation.out_of_fold_critical_flags``).
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from cli.main import app
from evidence.catalog import BUNDLED, load_catalog
from evidence.db import open_database
from evidence.db.models import Document, SuggestionRecord
from evidence.opd import load_opd_directory
from evidence.opd.directory import BUNDLED_OPD_PATH
from evidence.reports.ownership import owners_by_indicator
from evidence.reports.stored import stored_gap_report
from evidence.reviews import ReviewRequest, pick_current, record_review
from evidence.settings import get_settings
from tests.fixtures.real_documents import REAL_DOCS

DEV = REAL_DOCS
FALLBACK_OPD = "Sekretariat Daerah - Bagian Umum"
STATES = {"confirmed", "suggested", "perlu_dicek", "missing"}


@pytest.fixture(autouse=True)
def _isolated_settings():  # the module fixture below owns the settings of this module
    yield


def _labels() -> list[dict[str, str]]:
    with (DEV / "labels.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _ids(text: str) -> set[int]:
    return {int(part) for part in text.split(";") if part.strip()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory):
    if not (DEV / "labels.csv").is_file():
        pytest.skip(f"real documents not found at {DEV} (../shared/spbe/dev is needed for this test)")
    base = tmp_path_factory.mktemp("real")
    folder = base / "arsip"
    owners = owners_by_indicator(load_opd_directory(BUNDLED_OPD_PATH), load_catalog("spbe-2020"))
    rows = [row for row in _labels() if (DEV / row["filename"]).is_file()]
    for row in rows:  # each document in the folder of the OPD that typically owns its first label
        labels = sorted(_ids(row["indicators"]))
        opd = next((owners[i][0] for i in labels if owners.get(i)), FALLBACK_OPD)
        target = folder / opd / row["filename"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEV / row["filename"], target)
    mp = pytest.MonkeyPatch()
    mp.setenv("SPBE_DATA_DIR", str(base / "var"))
    mp.setenv("SPBE_FRAMEWORK", "spbe-2020")
    for name in ("SPBE_DATABASE_URL", "SPBE_REDIS_URL", "SPBE_RESPONSIBILITY_PATH", "SPBE_OPD_PATH"):
        mp.delenv(name, raising=False)
    get_settings.cache_clear()
    runner = CliRunner()
    result = runner.invoke(app, ["scan", str(folder), "--framework", "spbe-2020", "--out", str(base / "spbe")])
    assert result.exit_code == 0, result.output
    pemdi = runner.invoke(app, ["report", "--framework", "pemdi-2026", "--out", str(base / "pemdi"), "--no-snapshot"])
    assert pemdi.exit_code == 0, pemdi.output
    reports = {fw: json.loads((base / out / "report.json").read_text(encoding="utf-8"))
               for fw, out in (("spbe-2020", "spbe"), ("pemdi-2026", "pemdi"))}
    yield reports, rows, get_settings().resolved_database_url()
    mp.undo()
    get_settings.cache_clear()


def _candidate_indicators(url: str, framework: str) -> set[int]:
    """Straight from the database: indicators some ok file's current suggestion rows hold as a candidate or
    above threshold (independent of the report code)."""
    db = open_database(url)
    try:
        with db.session() as session:
            docs = session.scalars(select(Document).where(Document.status == "ok")).all()
            return {s.indicator_id for d in docs for s in pick_current(d.suggestions, framework)
                    if s.candidate or s.above_threshold}
    finally:
        db.engine.dispose()


@pytest.mark.parametrize("framework", ["spbe-2020", "pemdi-2026"])
def test_four_states_and_critical_flags_on_real_documents(archive, framework: str) -> None:
    reports, rows, url = archive
    report = reports[framework]
    catalog = load_catalog(framework)
    states = {s["id"]: s for s in report["indicator_states"]}
    assert set(states) == set(catalog.indicator_ids()) and {s["state"] for s in states.values()} <= STATES
    present = _candidate_indicators(url, framework)
    for ind, s in states.items():
        assert (s["state"] == "missing") == (ind not in present), f"indicator {ind}: {s['state']}"
        assert (s["state"] == "missing") == (not s["files"])
    for flag in report["critical_missing"]:
        assert all(states[i]["state"] == "missing" for i in flag["indicators"]), flag["key"]
    for check in report["critical_to_check"]:
        assert check["files"] and all(states[i]["state"] in ("perlu_dicek", "missing") for i in check["indicators"])
    # The measure of issue 9: critical flags although a labelled document for the item is in the archive.
    column = "indicators" if framework == "spbe-2020" else "pemdi"
    held = set().union(*(_ids(row[column]) for row in rows))
    false_flags = [f["key"] for f in report["critical_missing"] if set(f["indicators"]) & held]
    # The rule before issue 9 flagged every item without an above-threshold suggestion: these were its flags.
    old_rule = [f["key"] for f in [*report["critical_missing"], *report["critical_to_check"]]]
    old_false = [key for key, f in zip(old_rule, [*report["critical_missing"], *report["critical_to_check"]],
                                       strict=True) if set(f["indicators"]) & held]
    # The bundled model was trained on these documents: the counts are a structural check, not a measure (the
    # honest measure uses out-of-fold scores, see classifier/validation.py and the closing note of issue 9).
    print(f"\n{framework} (in-sample): before (threshold only) {len(old_rule)} critical flags, false {old_false}")
    print(f"{framework}: {len(rows)} real documents, states "
          f"{ {st: sum(s['state'] == st for s in states.values()) for st in sorted(STATES)} }, "
          f"critical flags {len(report['critical_missing'])} (false: {false_flags}), "
          f"to check {len(report['critical_to_check'])}")


def test_an_accepted_review_confirms_on_real_documents(archive) -> None:
    _, rows, url = archive
    catalog = load_catalog("spbe-2020")
    db = open_database(url)
    try:
        with db.session() as session:
            doc = session.scalars(select(Document).where(Document.status == "ok").order_by(Document.id)).first()
            top = session.scalars(select(SuggestionRecord).where(
                SuggestionRecord.document_id == doc.id, SuggestionRecord.framework_id == catalog.id)
                .order_by(SuggestionRecord.score.desc())).first()
            record_review(session, catalog, ReviewRequest(doc.id, top.indicator_id, "accept"), reviewer="uji")
        with db.session() as session:
            report = stored_gap_report(session, _Admin(), catalog, load_opd_directory(BUNDLED_OPD_PATH),
                                       settings=get_settings(), catalogs=BUNDLED).report
    finally:
        db.engine.dispose()
    state = next(s for s in report.indicator_states if s.id == top.indicator_id)
    assert state.state == "confirmed"
    assert any(f.path == doc.path and f.review_state == "confirmed" for f in state.files)


class _Admin:
    role = "admin"
    opd = None
