"""Saving and loading model versions without executing code on load (skops), with a model card.

Layout: ``models/<framework>/<version>/{model.skops, card.json, MODEL_CARD.md}`` and
``models/<framework>/CURRENT`` naming the promoted version. skops refuses unknown types; we pass an
explicit allowlist (sklearn, numpy, scipy and our own text selectors) instead of trusting the file.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import skops.io as sio

from classifier.model import TrainedModel

MODEL_FILE = "model.skops"
CARD_FILE = "card.json"
CARD_MARKDOWN = "MODEL_CARD.md"
CURRENT_FILE = "CURRENT"
HISTORY_FILE = "HISTORY"  # one promoted version per line, oldest first: what a rollback goes back to

_TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.", "classifier.text.")


class ArtifactError(RuntimeError):
    pass


def framework_dir(models_dir: Path, framework: str) -> Path:
    return Path(models_dir) / framework


def save_model(model: TrainedModel, models_dir: Path) -> Path:
    target = framework_dir(models_dir, model.framework) / model.version
    target.mkdir(parents=True, exist_ok=True)
    payload = {"features": model.features, "classifier": model.classifier}
    sio.dump(payload, target / MODEL_FILE, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    meta = {
        "framework": model.framework,
        "version": model.version,
        "label_ids": model.label_ids,
        "thresholds": {str(k): v for k, v in model.thresholds.items()},
        **model.card,
    }
    (target / CARD_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    (target / CARD_MARKDOWN).write_text(render_card(meta), encoding="utf-8")
    return target


# How a card measured its model on real documents, best first: grouped cross-validation (since the real
# corpus), or for older versions the real documents a fixed model was not trained on.
REAL_MEASURES = ("real_grouped_cv", "real_not_trained_on", "heldout_real")


def real_figures(card: dict) -> tuple[str | None, dict]:
    """(measure, figures) of a card's best real-document measure, or (None, {}) when it has none."""
    metrics = card.get("metrics", {})
    return next(((key, metrics[key]) for key in REAL_MEASURES if metrics.get(key)), (None, {}))


def render_card(meta: dict) -> str:
    """The human-readable model card next to ``card.json`` (same facts, for reviewers and auditors)."""
    training = meta.get("training", {})
    lines = [
        f"# Model card: {meta['framework']} {meta['version']}",
        "",
        f"- Created: {meta.get('created_at', '')}; catalog version {meta.get('catalog_version', '')}",
        f"- Training data SHA-256: `{meta.get('data_sha256', '')}` (seed {meta.get('seed', '')})",
        f"- Training documents: {training.get('documents', '?')} ({training.get('generated', '?')} generated, "
        f"{len(training.get('real', []))} real, {training.get('reviewed', 0)} reviewer-confirmed, "
        f"{training.get('unrelated', '?')} unrelated)",
        "- Libraries: " + ", ".join(f"{k} {v}" for k, v in meta.get("libraries", {}).items()),
        f"- Candidates (\"perlu dicek\" in gap reports): a document's first {meta.get('candidate_ranks', 3)} "
        f"indicators scoring at least {meta.get('candidate_floor', 'the default floor')}; "
        f"document gate (best score needed before any suggestion): {meta.get('document_gate', 'none')}",
        "",
        "| measured on | documents | micro-F1 (P / R) | macro-F1 | top-1 | top-3 recall | FP unrelated | ECE |",
        "|---|---|---|---|---|---|---|---|",
    ]
    metrics = meta.get("metrics", {})
    rows = (("real_grouped_cv", None, "real documents, grouped cross-validation (headline)"),
            ("real_grouped_cv", "without_umbrella", "the same, umbrella SPBE regulations set apart"),
            ("real_grouped_cv", "first_stage_only", "the same, first stage alone (no second stage)"),
            ("real_not_trained_on", None, "real documents it was not trained on (fixed model, scored once)"),
            ("heldout_real", None, "its own held-out real documents"),
            ("generated_cv", None, "generated corpus, cross-validated (augmentation; apart)"))
    for key, sub, label in rows:
        m = metrics.get(key, {})
        m = m.get(sub, {}) if sub else m
        if m:
            lines.append(f"| {label} | {m['documents']} | {m['micro_f1']:.3f} ({m['micro_precision']:.3f} / "
                         f"{m['micro_recall']:.3f}) | {m['macro_f1']:.3f} | {m['top1_accuracy']:.3f} | "
                         f"{m['top3_recall']:.3f} | {m['false_positive_rate_unrelated']:.3f} | "
                         f"{m['expected_calibration_error']:.3f} |")
    real = metrics.get("real_grouped_cv", {})
    intervals = real.get("intervals_95")
    if intervals:
        lines += ["", f"How far the headline could move with other documents ({real.get('intervals', '95% intervals')}): "
                  + ", ".join(f"{name} {low:.3f}-{high:.3f}" for name, (low, high) in intervals.items())]
    weak = sorted((v["f1"], k, v["support"]) for k, v in real.get("per_indicator", {}).items()
                  if v["support"] and v["f1"] < 0.5)
    if weak:
        lines += ["", "Weak indicators on real documents (F1 < 0.5; support): "
                  + ", ".join(f"{k} ({f:.2f}; {n})" for f, k, n in weak)]
    flags = real.get("critical_flags")
    if flags:
        one, folds = flags["one_archive"], flags["fold_archives"]
        lines += ["", f"Critical \"belum ada\" flags, out of fold: one archive of every real document "
                  f"{one['flags']} ({one['false_flags']} false); five archives, one per fold, {folds['flags']} "
                  f"({folds['false_flags']} false); the threshold-only rule would raise {folds['threshold_only_flags']} "
                  f"({folds['threshold_only_false_flags']} false)."
                  + (f" Candidates per document: {flags['candidates_per_document']:.2f} (candidate ranks chosen per "
                     f"fold: {', '.join(map(str, flags['candidate_ranks_per_fold']))})."
                     if "candidates_per_document" in flags else "")
                  + (f" With the documents that hold a critical item taken out of a fold's archive, the flag is raised "
                     f"in {flags['evidence_removed']['flagged']} of {flags['evidence_removed']['archives']} archives (in "
                     "the others another file is a candidate: \"perlu dicek\")."
                     if "evidence_removed" in flags else "")]
        held = flags.get("held_indicators")
        if held:
            lines += ["", f"Indicators the five fold archives hold: {held['held']}; a file that holds it suggests "
                      f"{held['suggested']}, lists {held['to_check']} more as \"perlu dicek\", and misses "
                      f"{held['missed']}."]
    if real:
        lines += ["", f"Real documents: {real.get('documents')} in {real.get('groups')} groups "
                  f"({real.get('grouped_by')}), {real.get('folds')} folds; {real.get('thresholds')}. "
                  f"Labels: {real.get('labels')}."]
    thresholds = ("one shared threshold on the second stage's relevance scale" if meta.get("reranker")
                  else "thresholds are per indicator")
    companion = (meta.get("reranker") or {}).get("companion")
    if companion:
        lines += ["", f"The second stage also reads the first stage of the current {companion['framework']} model, "
                  "through the crosswalk fixed in card.json (trained on its out-of-fold scores of the same folds)."]
    lines += ["", f"Scores are suggestions for a reviewer, not decisions; {thresholds} (card.json).", ""]
    return "\n".join(lines)


def load_model_dir(path: Path) -> TrainedModel:
    path = Path(path)
    model_path = path / MODEL_FILE
    if not model_path.exists():
        raise ArtifactError(f"no model file at {model_path}")
    untrusted = sio.get_untrusted_types(file=model_path)
    refused = [t for t in untrusted if not t.startswith(_TRUSTED_PREFIXES)]
    if refused:
        raise ArtifactError(f"model file {model_path} contains types outside the allowlist: {refused}")
    payload = sio.load(model_path, trusted=untrusted)
    meta = json.loads((path / CARD_FILE).read_text(encoding="utf-8"))
    card = {k: v for k, v in meta.items() if k not in {"framework", "version", "label_ids", "thresholds"}}
    return TrainedModel(
        framework=meta["framework"],
        version=meta["version"],
        features=payload["features"],
        classifier=payload["classifier"],
        label_ids=[int(x) for x in meta["label_ids"]],
        thresholds={int(k): float(v) for k, v in meta["thresholds"].items()},
        card=card,
    )


def current_version(models_dir: Path, framework: str) -> str | None:
    pointer = framework_dir(models_dir, framework) / CURRENT_FILE
    return pointer.read_text(encoding="utf-8").strip() if pointer.exists() else None


def promote(models_dir: Path, framework: str, version: str) -> None:
    if not (framework_dir(models_dir, framework) / version / MODEL_FILE).exists():
        raise ArtifactError(f"unknown model version {version} for {framework}")
    previous = current_version(models_dir, framework)
    pointer = framework_dir(models_dir, framework) / CURRENT_FILE
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(version + "\n", encoding="utf-8")
    tmp.replace(pointer)
    if previous != version:
        with (framework_dir(models_dir, framework) / HISTORY_FILE).open("a", encoding="utf-8") as history:
            history.write(version + "\n")


def promotion_history(models_dir: Path, framework: str) -> list[str]:
    path = framework_dir(models_dir, framework) / HISTORY_FILE
    return path.read_text(encoding="utf-8").split() if path.exists() else []


def rollback(models_dir: Path, framework: str) -> str:
    """Make the version promoted before the current one current again; returns it."""
    current = current_version(models_dir, framework)
    history = [v for v in promotion_history(models_dir, framework) if v != current]
    available = set(list_versions(models_dir, framework))
    earlier = [v for v in history if v in available]
    if not earlier:
        raise ArtifactError(f"no earlier model version of {framework} to roll back to")
    target = earlier[-1]
    promote(models_dir, framework, target)
    # The rolled-back version leaves the history, so a second rollback goes one step further back.
    path = framework_dir(models_dir, framework) / HISTORY_FILE
    kept = [v for v in promotion_history(models_dir, framework) if v != current]
    path.write_text("".join(v + "\n" for v in kept), encoding="utf-8")
    return target


def frameworks_with_models(models_dir: Path, frameworks: Iterable[str]) -> list[str]:
    """Those of ``frameworks`` that have a promoted model, in their order."""
    return [fw for fw in frameworks if current_version(models_dir, fw) is not None]


def list_versions(models_dir: Path, framework: str) -> list[str]:
    root = framework_dir(models_dir, framework)
    if not root.exists():
        return []
    return sorted(p.name for p in root.iterdir() if (p / MODEL_FILE).exists())


def load_card(models_dir: Path, framework: str, version: str) -> dict:
    return json.loads((framework_dir(models_dir, framework) / version / CARD_FILE).read_text(encoding="utf-8"))


def load_current(models_dir: Path, framework: str) -> TrainedModel:
    version = current_version(models_dir, framework)
    if version is None:
        raise ArtifactError(
            f"no trained model for framework {framework} in {models_dir}; run 'spbe train --framework {framework}'"
        )
    path = framework_dir(models_dir, framework) / version
    stamps = tuple((path / name).stat().st_mtime_ns if (path / name).exists() else 0 for name in (MODEL_FILE, CARD_FILE))
    return _load_once(str(path.resolve()), stamps)


@lru_cache(maxsize=8)
def _load_once(path: str, stamps: tuple[int, ...]) -> TrainedModel:
    """Loading a version (the skops type check, then unpacking) costs about a second. A version's files are
    written once (the modification times guard a rewrite in place), so a process that builds several
    runtimes, or loads a Pemdi model together with its SPBE companion, loads each version once."""
    return load_model_dir(Path(path))
