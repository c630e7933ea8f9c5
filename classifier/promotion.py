"""Whether a newly trained version may replace the current one: the rule ``spbe train`` applies."""

from __future__ import annotations

from dataclasses import dataclass

from classifier.evaluate import DocumentOutcome, group_resamples, pooled_figures

REAL_METRICS = "real_grouped_cv"
# A new version must not be worse than the current one on the real documents by more than this.
PROMOTION_TOLERANCE = 0.005
PROMOTION_METRICS = (("micro_f1", 1), ("top3_recall", 1), ("false_positive_rate_unrelated", -1))
# With both versions' per-document outcomes in their cards, a figure that got worse refuses the new version
# only if it is worse in at least this share of paired resamples of the document groups: one unrelated
# document is worth 4-5 points of FP rate, and a retrain on another machine or with a few reviewed
# documents moves one or two by chance.
PAIRED_CONFIDENCE = 0.9
PAIRED_ROUNDS = 1000


@dataclass(frozen=True)
class PromotionDecision:
    promote: bool
    reason: str


def promotion_decision(new_card: dict, current_card: dict | None) -> PromotionDecision:
    """A new version replaces the current one only if no real-document metric got worse (beyond a tolerance).

    Both are measured by grouped cross-validation over the same real documents (their ids are in the
    cards); if the sets differ the comparison would be meaningless, so the new version is refused and the
    reason says why.
    """
    if current_card is None:
        return PromotionDecision(True, "no current model")
    new = new_card.get("metrics", {}).get(REAL_METRICS, {})
    old = current_card.get("metrics", {}).get(REAL_METRICS, {})
    if not old:
        return PromotionDecision(True, "current model has no real-document metrics")
    if new.get("document_ids") != old.get("document_ids"):
        return PromotionDecision(False, "real documents differ from the current model's; compare by hand")
    worse = [(name, direction) for name, direction in PROMOTION_METRICS
             if name in new and name in old and (new[name] - old[name]) * direction < -PROMOTION_TOLERANCE]
    gains = ", ".join(f"{name} {old.get(name, 0):.3f} -> {new.get(name, 0):.3f}" for name, _ in PROMOTION_METRICS)
    if not worse:
        return PromotionDecision(True, f"not worse on real documents ({gains})")
    described = ", ".join(f"{name} {old[name]:.3f} -> {new[name]:.3f}" for name, _ in worse)
    shares = paired_worse_shares(new.get("per_document"), old.get("per_document"), worse)
    if shares is None:
        return PromotionDecision(False, "worse on real documents: " + described)
    if any(share >= PAIRED_CONFIDENCE for share in shares.values()):
        return PromotionDecision(False, f"worse on real documents: {described} (worse in "
                                 + ", ".join(f"{share:.0%} of paired resamples for {n}" for n, share in shares.items())
                                 + ")")
    return PromotionDecision(True, f"within noise on real documents ({gains}; worse in only "
                             + ", ".join(f"{share:.0%} of paired resamples for {n}" for n, share in shares.items())
                             + f", below {PAIRED_CONFIDENCE:.0%})")


def paired_worse_shares(new: dict | None, old: dict | None, metrics: list[tuple[str, int]],
                        rounds: int = PAIRED_ROUNDS, seed: int = 0) -> dict[str, float] | None:
    """For each metric, the share of resamples of the document groups in which the new version is worse than
    the old one by more than the tolerance, both judged on the same resampled documents.

    None when either card lacks per-document outcomes for the same documents (older cards).
    """
    if not new or not old or set(new) != set(old):
        return None
    ids = sorted(new)
    outcomes = [[DocumentOutcome(*card[doc_id][1:]) for doc_id in ids] for card in (new, old)]
    worse = dict.fromkeys((name for name, _ in metrics), 0)
    for picked in group_resamples([str(new[doc_id][0]) for doc_id in ids], rounds, seed):
        after, before = (pooled_figures([rows[i] for i in picked]) for rows in outcomes)
        for name, direction in metrics:
            worse[name] += (after[name] - before[name]) * direction < -PROMOTION_TOLERANCE
    return {name: count / rounds for name, count in worse.items()}
