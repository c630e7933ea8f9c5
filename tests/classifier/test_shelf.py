"""The shipped models as a process holds them: Pemdi 2026 reads SPBE 2020's first stage (its companion)."""

from __future__ import annotations

import pytest

from classifier.shelf import ModelShelf
from evidence.catalog import Catalogs
from evidence.extraction.base import ExtractionResult, PageText
from evidence.pipeline.classify import classify_batch
from evidence.settings import get_settings

FRAMEWORKS = ("spbe-2020", "pemdi-2026")
TEXTS = (
    "PERATURAN BUPATI SUKAMAJU NOMOR 3 TAHUN 2024 TENTANG MANAJEMEN RISIKO SISTEM PEMERINTAHAN BERBASIS "
    "ELEKTRONIK. Menimbang bahwa risiko SPBE perlu diidentifikasi, dianalisis dan ditangani.",
    "Berita: Festival Kopi Sukamaju 2024 dibuka Bupati di alun-alun, diikuti 40 pelaku UMKM kopi.",
)


@pytest.fixture
def shelf() -> ModelShelf:
    return ModelShelf(get_settings().models_dir, list(FRAMEWORKS), Catalogs())


def test_a_process_holds_one_copy_of_the_companion(shelf: ModelShelf) -> None:
    pemdi = shelf.get("pemdi-2026")
    assert pemdi.reranker is not None and pemdi.reranker.companion is not None
    assert pemdi.companion is shelf.get("spbe-2020")


def test_a_batch_in_both_frameworks_runs_the_companions_first_stage_once(shelf: ModelShelf,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    spbe = shelf.get("spbe-2020")
    calls = []
    transform = spbe.model.transform
    monkeypatch.setattr(spbe.model, "transform", lambda inputs: calls.append(len(inputs)) or transform(inputs))
    items = [(ExtractionResult("ok", "test", "0", "application/pdf", (PageText(1, text),)), f"Diskominfo/berkas {i}.pdf")
             for i, text in enumerate(TEXTS)]
    classifiers = {fw: shelf.get(fw) for fw in FRAMEWORKS}
    said = classify_batch(items, classifiers, FRAMEWORKS)
    assert calls == [len(TEXTS)]
    # Reusing the batch changes nothing: the same scores as a Pemdi classifier that computed it afresh.
    fresh = ModelShelf(get_settings().models_dir, list(FRAMEWORKS), Catalogs()).get("pemdi-2026")
    again = fresh.classify_many([(text, path) for (result, path), text in zip(items, TEXTS, strict=True)])
    pemdi = [dict(result)["pemdi-2026"] for result in said]
    for ours, theirs in zip(pemdi, again, strict=True):
        assert [(s.indicator_id, s.score) for s in ours.candidates] == [(s.indicator_id, s.score) for s in theirs.candidates]
