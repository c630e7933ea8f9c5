"""The whole path over HTTP with the real model: upload the sample archive, watch the batch, read the
documents, review, work the queue, read the gap report (admin and OPD views)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from classifier.artifact import MODEL_FILE, current_version, framework_dir
from tests.service.conftest import sample_script
from tests.service.seed import BAPPEDA

EXPECTED_STATUS = {"copy": "duplicate", "corrupt_pdf": "failed", "video_stub": "unsupported", "scan_pdf": "no_text"}


def require_trained_model(models_dir: Path) -> None:
    """A missing model would leave every file queued; say so instead of failing on a batch status."""
    version = current_version(models_dir, "spbe-2020")
    model = framework_dir(models_dir, "spbe-2020") / (version or "?") / MODEL_FILE
    assert version and model.is_file(), f"no trained spbe-2020 model in {models_dir}: run 'spbe train'"


def test_sample_archive_end_to_end(make_service, sample_archive: Path) -> None:
    service = make_service(real_model=True)
    require_trained_model(service.app.state.runtime.settings.models_dir)
    script = sample_script()
    manifest = script.SAMPLE_DOCS
    response = service.post("/api/v1/archives", files={"file": (sample_archive.name, sample_archive.read_bytes(),
                                                                "application/zip")})
    assert response.status_code == 202, response.text
    service.wait(120)

    batch = service.get(response.json()["links"]["batch"]).json()
    assert batch["status"] == "done"
    assert batch["total"] == len(manifest)
    expected = Counter(EXPECTED_STATUS.get(doc.kind, "classified") for doc in manifest)
    assert {k: v for k, v in batch["counts"].items() if v} == dict(expected)
    problems = [f for f in batch["files"] if f["status"] != "classified"]
    assert problems and all(f["error"] and f["explanation"] for f in problems)
    assert any(f["explanation"].startswith("Berkas tidak memiliki lapisan teks") for f in problems)

    # The Tim Koordinasi decree: a reviewer confirms indicator 10 on it.
    docs = service.get("/api/v1/documents?limit=200").json()
    assert docs["total"] == len(manifest)
    tikor = next(d for d in docs["items"] if d["path"].endswith(script.TIKOR_PDF))
    assert tikor["status"] == "classified"
    detail = service.get(f"/api/v1/documents/{tikor['id']}").json()
    assert detail["text_excerpt"] and "Tim Koordinasi" in detail["text_excerpt"]
    assert detail["suggestions"] and all(s["model_version"] for s in detail["suggestions"])
    review = service.post(f"/api/v1/documents/{tikor['id']}/reviews", user="rina",
                          json={"indicator_id": 10, "decision": "accept", "reason": "SK ditandatangani Bupati"})
    assert review.status_code == 201
    assert tikor["id"] in {d["id"] for d in service.get("/api/v1/documents?indicator=10&limit=200").json()["items"]}

    queue = service.get("/api/v1/review-queue?limit=200", user="rina").json()
    assert queue["total"] > 0
    # "Perlu dicek" candidates first (issue 9), then each part most uncertain first.
    states = service.get("/api/v1/reports/gaps").json()["indicator_states"]
    perlu_dicek = {s["id"] for s in states if s["state"] == "perlu_dicek"}
    items = [i for i in queue["items"] if i["uncertainty"] is not None]
    first = [i["candidate"] and i["indicator_id"] in perlu_dicek for i in items]
    assert perlu_dicek and first[0] and first == sorted(first, reverse=True)
    lead = first.count(True)
    for part in (items[:lead], items[lead:]):
        assert [i["uncertainty"] for i in part] == sorted(i["uncertainty"] for i in part)
    assert (tikor["id"], 10) not in {(i["document_id"], i["indicator_id"]) for i in queue["items"]}

    report = service.get("/api/v1/reports/gaps").json()
    duplicates = expected["duplicate"]
    # Every file counted once, copies listed as duplicates (issue 11: the same numbers as `spbe scan`).
    assert report["totals"]["files"] == len(manifest)
    assert report["totals"]["by_status"]["duplicate"] == duplicates
    assert 10 in {i["id"] for i in report["indicators_with_evidence"]}
    assert "sk_tim_koordinasi" not in {c["key"] for c in report["critical_missing"]}
    assert report["documents_in_progress"] == 0

    # An OPD user sees its own files only, in lists and in the report.
    mine = service.get("/api/v1/documents?limit=200", user="bappeda").json()
    assert mine["total"] == sum(1 for doc in manifest if doc.opd == BAPPEDA)
    assert {d["opd"] for d in mine["items"]} == {BAPPEDA}
    own_report = service.get("/api/v1/reports/gaps", user="bappeda").json()
    assert [gap["name"] for gap in own_report["opd"]] == [BAPPEDA]
    assert service.get(response.json()["links"]["batch"], user="bappeda").status_code == 404  # Pemda-wide batch
