"""The retrain job: a promoted model queues the retrain of every framework whose second stage reads it."""

from __future__ import annotations

import pytest

import classifier.retrain
from classifier.retrain import RetrainResult
from worker.jobs import retrain_job
from worker.runtime import runtime


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rt = runtime()
    submitted: list[str] = []
    monkeypatch.setattr(rt.dispatcher, "submit_retrain", lambda framework: submitted.append(framework) or "job")
    return submitted


@pytest.mark.parametrize(("status", "framework", "expected"), [
    ("promoted", "spbe-2020", ["pemdi-2026"]),  # Pemdi 2026 reads SPBE 2020's first stage
    ("kept", "spbe-2020", []),
    ("promoted", "pemdi-2026", []),  # nothing reads Pemdi 2026
])
def test_a_promotion_queues_the_frameworks_that_read_it(queued: list[str], monkeypatch: pytest.MonkeyPatch,
                                                        status: str, framework: str, expected: list[str]) -> None:
    calls = []

    def fake_retrain(catalog, models_dir, **kwargs) -> RetrainResult:
        calls.append((catalog.id, kwargs["companion_confirmed"]))
        return RetrainResult(status, "test", "v2", "v2" if status == "promoted" else "v1")

    monkeypatch.setattr(classifier.retrain, "retrain", fake_retrain)
    retrain_job(framework)
    assert calls == [(framework, [])]
    assert queued == expected
