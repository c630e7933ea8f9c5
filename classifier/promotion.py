"""Whether a newly trained version may replace the current one: the rule ``spbe train`` applies."""

from __future__ import annotations

from dataclasses import dataclass

REAL_METRICS = "real_grouped_cv"
# A new version must not be worse than the current one on the real documents by more than this.
PROMOTION_TOLERANCE = 0.005
PROMOTION_METRICS = (("micro_f1", 1), ("top3_recall", 1), ("false_positive_rate_unrelated", -1))


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
    worse = []
    for name, direction in PROMOTION_METRICS:
        if name in new and name in old and (new[name] - old[name]) * direction < -PROMOTION_TOLERANCE:
            worse.append(f"{name} {old[name]:.3f} -> {new[name]:.3f}")
    if worse:
        return PromotionDecision(False, "worse on real documents: " + ", ".join(worse))
    gains = ", ".join(f"{name} {old.get(name, 0):.3f} -> {new.get(name, 0):.3f}" for name, _ in PROMOTION_METRICS)
    return PromotionDecision(True, f"not worse on real documents ({gains})")
