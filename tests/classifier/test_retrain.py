"""Learning from reviews: skip when nothing changed, promote only if not worse, roll back in one step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier.artifact import CARD_FILE, current_version, framework_dir, list_versions, promote, rollback
from classifier.corpus.real import load_manifest, read_text
from classifier.examples import build_training_examples
from classifier.promotion import paired_worse_shares, promotion_decision
from classifier.retrain import retrain
from evidence.catalog import load_catalog
from evidence.confirmed_labels import ConfirmedLabel
from tests.fixtures.real_documents import needs_real_documents

SMALL = {"docs_per_indicator": 4, "negatives": 30}
CONFIRMED = ConfirmedLabel(
    "ab" * 32, "Diskominfo/Indikator 11/Perbup Arsitektur.pdf",
    "PERATURAN BUPATI SUKAMAJU TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK "
    "arsitektur SPBE pemerintah daerah domain layanan data aplikasi infrastruktur keamanan", frozenset({1, 11}),
)


def _card(micro_f1: float, top3: float, fp: float, ids: list[str] | None = None) -> dict:
    real = {"micro_f1": micro_f1, "top3_recall": top3, "false_positive_rate_unrelated": fp,
            "document_ids": ids or ["a", "b"]}
    return {"metrics": {"real_grouped_cv": real}}


def test_promotion_needs_every_real_document_metric_not_worse() -> None:
    current = _card(0.50, 0.90, 0.0)
    assert promotion_decision(_card(0.50, 0.90, 0.0), current).promote
    assert promotion_decision(_card(0.60, 0.95, 0.0), current).promote
    refused = promotion_decision(_card(0.60, 0.80, 0.0), current)
    assert not refused.promote and "top3_recall" in refused.reason
    assert not promotion_decision(_card(0.40, 0.95, 0.0), current).promote
    assert not promotion_decision(_card(0.60, 0.95, 0.2), current).promote  # more false positives
    assert not promotion_decision(_card(0.9, 1.0, 0.0, ["c"]), current).promote  # other real documents
    assert promotion_decision(_card(0.1, 0.1, 0.5), None).promote  # nothing to compare with


@needs_real_documents
@pytest.mark.usefixtures("two_real_folds")
def test_retrain_skips_when_nothing_changed_and_trains_on_new_confirmed_labels(tmp_path: Path) -> None:
    catalog = load_catalog("spbe-2020")
    first = retrain(catalog, tmp_path, seed=1, folds=2, corpus_size=SMALL)
    assert first.status == "promoted" and current_version(tmp_path, catalog.id) == first.version
    again = retrain(catalog, tmp_path, seed=1, folds=2, corpus_size=SMALL)
    assert again.status == "skipped" and list_versions(tmp_path, catalog.id) == [first.version]

    reviewed = retrain(catalog, tmp_path, confirmed=[CONFIRMED], seed=1, folds=2, corpus_size=SMALL)
    assert reviewed.status in {"promoted", "kept"} and reviewed.version != first.version
    assert reviewed.reviewed == 1
    card = json.loads((framework_dir(tmp_path, catalog.id) / reviewed.version / CARD_FILE).read_text())
    assert card["training"]["reviewed"] == 1
    expected = promotion_decision(card, json.loads(
        (framework_dir(tmp_path, catalog.id) / first.version / CARD_FILE).read_text()))
    assert (reviewed.status == "promoted") == expected.promote
    never = retrain(catalog, tmp_path, confirmed=[CONFIRMED], seed=1, folds=2, corpus_size=SMALL, force=True,
                    policy="never")
    assert never.status == "kept" and current_version(tmp_path, catalog.id) == reviewed.current


@needs_real_documents
def test_a_confirmed_upload_of_a_real_document_is_not_counted_twice() -> None:
    catalog = load_catalog("spbe-2020")
    real = load_manifest()[0]
    leaked = ConfirmedLabel("cd" * 32, "upload.pdf", read_text(real), frozenset(real.indicators) or {1})
    examples = build_training_examples(catalog, seed=1, corpus_size=SMALL, confirmed=[leaked, CONFIRMED])
    assert [e.source for e in examples if e.source.startswith("review")] == [f"review:{CONFIRMED.sha256[:12]}"]


def test_rollback_returns_to_the_previous_version(tmp_path: Path) -> None:
    root = framework_dir(tmp_path, "spbe-2020")
    for version in ("v1", "v2", "v3"):
        (root / version).mkdir(parents=True)
        (root / version / "model.skops").write_bytes(b"stub: promote checks the file exists, nothing loads it")
        promote(tmp_path, "spbe-2020", version)
    assert rollback(tmp_path, "spbe-2020") == "v2"
    assert current_version(tmp_path, "spbe-2020") == "v2"
    assert rollback(tmp_path, "spbe-2020") == "v1"
    with pytest.raises(Exception, match="no earlier"):
        rollback(tmp_path, "spbe-2020")


def test_training_data_hash_is_the_same_in_every_process() -> None:
    """``spbe train`` skips by comparing this hash with the current card's, written by another process."""
    import os
    import subprocess
    import sys

    from classifier.examples import Example
    from classifier.train import data_hash

    code = ("from classifier.examples import Example\nfrom classifier.train import data_hash\nfrom evidence.catalog import load_catalog\n"
            "print(data_hash([Example('teks', 'a.pdf', frozenset({1, 11}), 1.0, 'x')], load_catalog('spbe-2020')))")
    here = data_hash([Example("teks", "a.pdf", frozenset({1, 11}), 1.0, "x")], load_catalog("spbe-2020"))
    for seed in ("1", "2"):  # set iteration order differs between these processes
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, cwd=Path(__file__).resolve().parents[2])
        assert out.stdout.strip() == here


def _outcomes(flagged: int, groups: int = 20) -> dict[str, list]:
    """Per-document outcomes of 20 labelled documents (all right) and 20 unrelated ones, ``flagged`` of
    them given a suggestion; one group per document pair."""
    rows: dict[str, list] = {}
    for g in range(groups):
        rows[f"l{g}"] = [f"g{g}", 1, 0, 0, 1, 1, False, False]
        rows[f"u{g}"] = [f"g{g}", 0, int(g < flagged), 0, 0, 0, True, g < flagged]
    return rows


def _paired_card(flagged: int) -> dict:
    card = _card(1.0, 1.0, flagged / 20, ids=sorted(_outcomes(0)))
    card["metrics"]["real_grouped_cv"]["per_document"] = _outcomes(flagged)
    return card


def test_one_more_unrelated_document_is_noise_when_both_cards_have_outcomes_per_document() -> None:
    current = _paired_card(0)
    one = promotion_decision(_paired_card(1), current)
    assert one.promote and "within noise" in one.reason
    # Without the per-document outcomes the same figures are refused, as before.
    bare = _card(1.0, 1.0, 0.05, ids=sorted(_outcomes(0)))
    assert not promotion_decision(bare, current).promote


def test_a_regression_spread_over_many_groups_is_refused_with_its_paired_share() -> None:
    refused = promotion_decision(_paired_card(6), _paired_card(0))
    assert not refused.promote and "paired resamples" in refused.reason
    shares = paired_worse_shares(_outcomes(6), _outcomes(0), [("false_positive_rate_unrelated", -1)])
    assert shares is not None and shares["false_positive_rate_unrelated"] >= 0.9
    assert paired_worse_shares(_outcomes(6), {"other": ["g", 0, 0, 0, 0, 0, True, False]},
                               [("micro_f1", 1)]) is None
