"""Index estimate against a hand-computed example (Pemdi 2026 weights) and the predicate bands."""

from __future__ import annotations

import pytest

from evidence.catalog import load_catalog
from evidence.opd import OpdDirectory
from evidence.reports.index import predicate
from tests.evidence.reports.docs import DISKOMINFO, make_doc, report_for


def test_hand_computed_pemdi_estimate(directory: OpdDirectory) -> None:
    pemdi = load_catalog("pemdi-2026")
    docs = [
        # Indicator 1 (weight 5), confirmed, text hints level 3.
        make_doc("a.pdf", DISKOMINFO, suggested={1: 0.9}, reviews={1: "accepted"}, levels={1: 3}),
        # Indicator 20 (weight 15), unreviewed suggestion, level 2.
        make_doc("b.pdf", DISKOMINFO, suggested={20: 0.7}, levels={20: 2}),
        # Indicator 19 (weight 10), suggestion with no level hint: level 1.
        make_doc("c.pdf", DISKOMINFO, suggested={19: 0.6}),
        # Indicator 10 is assessed externally (weight 4): left out whatever the evidence.
        make_doc("d.pdf", DISKOMINFO, suggested={10: 0.9}, reviews={10: "accepted"}, levels={10: 5}),
    ]
    estimate = report_for(docs, pemdi, directory).index_estimate
    assert estimate is not None
    # Weights counted: 100 minus the external 5, 6, 7, 8, 10 (5 + 3 + 3 + 4 + 4 = 19) = 81.
    assert estimate.weight_counted == 81
    assert sorted(estimate.excluded_external) == [5, 6, 7, 8, 10]
    assert estimate.confirmed_only.value == pytest.approx(round(5 * 3 / 81, 4))  # 0.1852
    assert estimate.with_suggestions.value == pytest.approx(round((5 * 3 + 15 * 2 + 10 * 1) / 81, 4))  # 0.679
    assert estimate.with_suggestions.predicate == "Kurang"
    aspects = {a.id: a for a in estimate.with_suggestions.aspects}
    assert aspects[1].value == pytest.approx((5 * 3 + 5 * 0) / 10)  # 1.5
    assert aspects[7].value == pytest.approx((10 * 1 + 15 * 2) / 25)  # 1.6
    assert "bukan nilai resmi" in estimate.label


@pytest.mark.parametrize(("framework", "value", "band"), [
    ("pemdi-2026", 4.0, "Memuaskan"), ("pemdi-2026", 3.99, "Sangat Baik"), ("pemdi-2026", 2.5, "Baik"),
    ("pemdi-2026", 2.49, "Cukup"), ("pemdi-2026", 1.5, "Cukup"), ("pemdi-2026", 1.49, "Kurang"),
    ("spbe-2020", 4.2, "Memuaskan"), ("spbe-2020", 4.19, "Sangat Baik"), ("spbe-2020", 3.5, "Sangat Baik"),
    ("spbe-2020", 2.6, "Baik"), ("spbe-2020", 1.8, "Cukup"), ("spbe-2020", 1.79, "Kurang"), ("spbe-2020", 0.0, "Kurang"),
])
def test_predicate_bands(framework: str, value: float, band: str) -> None:
    assert predicate(load_catalog(framework), value) == band


def test_spbe_estimate_with_domains(catalog, directory: OpdDirectory) -> None:
    docs = [make_doc("a.pdf", DISKOMINFO, suggested={11: 0.9}, reviews={11: "accepted"}, levels={11: 4})]
    estimate = report_for(docs, catalog, directory).index_estimate
    assert estimate is not None
    total = sum(i.weight for i in catalog.indicators if not i.is_external)
    assert estimate.confirmed_only.value == pytest.approx(round(2.5 * 4 / total, 4))
    domain2 = next(d for d in estimate.confirmed_only.domains if d.id == 2)
    assert domain2.value == pytest.approx(round(2.5 * 4 / domain2.weight, 4))
