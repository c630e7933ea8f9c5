"""Model versions over HTTP: reviewers read the held-out metrics, only an admin can queue a retrain."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from classifier.artifact import current_version, list_versions, load_card
from classifier.promotion import promotion_decision
from tests.service import seed
from tests.service.seed import S
from tests.service.test_pages import login

REPO = Path(__file__).resolve().parents[2]


def _models_copy(tmp_path: Path) -> Path:
    target = tmp_path / "models"
    shutil.copytree(REPO / "models", target)
    return target


def test_models_lists_versions_with_real_document_figures(make_service, tmp_path: Path) -> None:
    models = _models_copy(tmp_path)
    service = make_service(SPBE_DATA_DIR=str(tmp_path / "var"), SPBE_MODELS_DIR=str(models))
    body = service.get("/api/v1/models?framework=spbe-2020", user="rina").json()
    assert body["current"] == current_version(models, "spbe-2020")
    current = next(v for v in body["versions"] if v["current"])
    assert 0.0 <= current["real_documents"]["micro_f1"] <= 1.0 and current["real_documents"]["documents"] >= 122
    assert current["real_documents_measure"] == "real_grouped_cv"
    low, high = current["real_documents_intervals"]["micro_f1"]
    assert low <= current["real_documents"]["micro_f1"] <= high
    assert all(v["real_documents"] for v in body["versions"]), "every version carries real-document figures"
    assert service.get("/api/v1/models", user="kominfo").status_code == 403


def test_models_say_how_reviewers_agreed_with_each_version(make_service, tmp_path: Path) -> None:
    models = _models_copy(tmp_path)
    service = make_service(SPBE_DATA_DIR=str(tmp_path / "var"), SPBE_MODELS_DIR=str(models))
    version = current_version(models, "spbe-2020")
    with service.db.session() as session:
        b = seed.batch(session)
        sk = seed.document(session, b, "Diskominfo/sk.pdf", opd=seed.KOMINFO,
                           suggestions=[S(19, 0.91, 0.5, model_version=version), S(10, 0.45, 0.5, model_version=version)])
        festival = seed.document(session, b, "Disparbud/festival.pdf", opd=seed.BAPPEDA,
                                 suggestions=[S(35, 0.7, 0.5, model_version=version)])
    for doc, body in ((sk.id, {"indicator_id": 19, "decision": "accept"}),
                      (festival.id, {"indicator_id": 35, "decision": "reject"})):
        assert service.post(f"/api/v1/documents/{doc}/reviews", user="rina", json=body).status_code == 201
    versions = service.get("/api/v1/models?framework=spbe-2020", user="rina").json()["versions"]
    current = next(v for v in versions if v["version"] == version)
    agreement = current["review_agreement"]
    assert agreement["documents"] == 2 and agreement["suggested"] == 2 and agreement["accepted"] == 1
    assert agreement["precision"] == 0.5 and agreement["unrelated_with_suggestion"] == 1.0
    assert all(v["review_agreement"] is None for v in versions if v["version"] != version)
    page = login(service, "rina", next_path="/pages/models?framework=spbe-2020").get("/pages/models?framework=spbe-2020")
    assert page.status_code == 200 and 'href="/pages/models"' in page.text
    row = re.search(rf'<tr data-version="{version}" class="current">(.*?)</tr>', page.text, re.S)
    assert row and "(aktif)" in row.group(1)
    assert "2 dokumen: 1 dari 2 saran diterima (50%)" in " ".join(row.group(1).split())
    assert page.text.count("<tr data-version=") == len(versions) and "belum ada" in page.text
    opd = login(service, "kominfo", next_path="/pages/documents")
    assert opd.get("/pages/models").status_code == 403


@pytest.mark.usefixtures("two_real_folds")
def test_only_an_admin_queues_a_retrain_which_trains_a_new_version(make_service, tmp_path: Path) -> None:
    models = _models_copy(tmp_path)
    service = make_service(SPBE_DATA_DIR=str(tmp_path / "var"), SPBE_MODELS_DIR=str(models),
                           SPBE_TRAIN_DOCS_PER_INDICATOR="3", SPBE_TRAIN_NEGATIVES="20")
    before = list_versions(models, "spbe-2020")
    assert service.post("/api/v1/models/retrain", user="rina").status_code == 403
    resp = service.post("/api/v1/models/retrain?framework=spbe-2020")
    assert resp.status_code == 202 and resp.json()["mode"] == "inline"
    service.wait(timeout=600)
    after = list_versions(models, "spbe-2020")
    assert len(after) == len(before) + 1  # a smaller corpus is new training data, so it trains
    # Promoted only if not worse on the real documents than the version it would replace.
    (new,) = set(after) - set(before)
    old = current_version(REPO / "models", "spbe-2020")
    decision = promotion_decision(load_card(models, "spbe-2020", new), load_card(models, "spbe-2020", old))
    assert service.get("/api/v1/models").json()["current"] == (new if decision.promote else old)
