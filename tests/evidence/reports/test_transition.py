"""The transition view SPBE 2020 -> Pemdi 2026: evidence already held per Pemdi indicator, and what is new."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from rich.console import Console

from evidence.catalog import Catalog, load_catalog, load_crosswalk
from evidence.catalog.crosswalk import Crosswalk
from evidence.domain import ScannedDocument, Suggestion
from evidence.opd import OpdDirectory
from evidence.reports import (
    GapReport,
    build_gap_report,
    build_transition,
    build_transitions,
    evidence_from_report,
    print_gap_report,
    render_html,
    report_json,
    with_transition,
)
from evidence.states import DocumentState
from tests.evidence.reports.docs import BAPPEDA, DISKOMINFO


@pytest.fixture(scope="module")
def pemdi() -> Catalog:
    return load_catalog("pemdi-2026")


@pytest.fixture(scope="module")
def crosswalk() -> Crosswalk:
    return load_crosswalk("spbe-2020", "pemdi-2026")


def _row(view, pemdi_id: int):
    return next(r for r in view.indicators if r.id == pemdi_id)


def test_evidence_carries_over_through_predecessors(crosswalk: Crosswalk, pemdi: Catalog) -> None:
    # Arsitektur SPBE confirmed (11), SK Tim Koordinasi suggested (19), an unknown id ignored (99)
    view = build_transition(crosswalk, pemdi, confirmed=[11, 99], suggested=[19])
    assert [r.id for r in view.indicators] == pemdi.indicator_ids()
    assert view.pemda_wide and view.opd is None
    one = _row(view, 1)
    assert one.status == "from_previous" and one.confirmed_from == [11] and one.suggested_from == []
    assert one.predecessors == [1, 2, 11, 12, 13]
    four = _row(view, 4)
    assert four.status == "from_previous" and four.suggested_from == [19] and four.confirmed_from == []
    # predecessors exist but no evidence: still to collect
    assert _row(view, 9).status == "to_collect" and not _row(view, 9).no_counterpart
    # no counterpart at all: new to collect
    eight = _row(view, 8)
    assert eight.status == "to_collect" and eight.no_counterpart and eight.assessed_externally
    assert _row(view, 20).status == "to_collect"
    assert set(view.to_collect()) == set(pemdi.indicator_ids()) - {1, 4}


def test_confirmed_wins_over_suggested(crosswalk: Crosswalk, pemdi: Catalog) -> None:
    view = build_transition(crosswalk, pemdi, confirmed=[22], suggested=[22, 8])
    ten = _row(view, 10)
    assert ten.confirmed_from == [22] and ten.suggested_from == [8]
    assert _row(view, 12).confirmed_from == [22]


def test_per_opd_views_and_pemda_wide_union(crosswalk: Crosswalk, pemdi: Catalog) -> None:
    views = build_transitions(crosswalk, pemdi, {None: [42], DISKOMINFO: [11]}, {BAPPEDA: [13]})
    assert [(v.opd, v.pemda_wide) for v in views] == [(None, True), (DISKOMINFO, False), (BAPPEDA, False),
                                                      (None, False)]
    pemda = views[0]
    assert _row(pemda, 1).confirmed_from == [11] and _row(pemda, 1).suggested_from == [13]
    assert _row(pemda, 20).confirmed_from == [42]
    assert _row(views[2], 1).suggested_from == [13] and _row(views[2], 20).status == "to_collect"


def test_wrong_target_catalog_is_refused(crosswalk: Crosswalk) -> None:
    with pytest.raises(ValueError, match="not the target"):
        build_transition(crosswalk, load_catalog("spbe-2020"), [1])


def test_transition_from_an_spbe_report_into_a_pemdi_report(
    crosswalk: Crosswalk, pemdi: Catalog, sample_report: GapReport, directory: OpdDirectory
) -> None:
    """sample_report (SPBE 2020): Diskominfo has 10 and 19, Bappeda 32."""
    pemda_ids, per_opd = evidence_from_report(sample_report)
    assert pemda_ids == {10, 19, 32}
    views = build_transitions(crosswalk, pemdi, {}, {name: ids for name, ids in per_opd.items()})
    assert _row(views[0], 4).suggested_from == [10, 19]
    assert _row(views[0], 13).suggested_from == [32]  # one application's regulation is Aplikasi Pemdi

    docs = [ScannedDocument("a.pdf", "x", DocumentState.OK, opd=DISKOMINFO, framework="pemdi-2026",
                            suggestions=[Suggestion(1, 0.9)])]
    report = build_gap_report(docs, pemdi, directory, source="arsip.zip",
                              generated_at=datetime(2026, 7, 1, tzinfo=UTC), model_version=None)
    combined = with_transition(report, views)
    data = json.loads(report_json(combined))
    assert data["transition"][0]["pemda_wide"] is True
    assert data["transition"][0]["indicators"][3]["suggested_from"] == [10, 19]
    assert GapReport.from_dict(data) == combined

    html = render_html(combined)
    assert 'id="transisi"' in html and "baru: perlu dikumpulkan" in html and "tanpa padanan" in html
    assert "bukti spbe-2020 sudah ada: indikator 10, 19" in html
    assert "new: to be collected" in render_html(combined, "en")
    console = Console(record=True, width=200)
    print_gap_report(combined, console)
    assert "Transisi ke pemdi-2026: baru, perlu dikumpulkan:" in console.export_text()

    with pytest.raises(ValueError, match="does not belong"):
        with_transition(sample_report, views)
