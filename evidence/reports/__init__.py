"""Gap report: which SPBE indicators have supporting evidence and which are missing, Pemda-wide and per OPD.

``build_gap_report`` computes (pure), ``write_report`` writes report.json + report.html, and
``print_gap_report`` prints the summary on a Rich console.
"""

from evidence.reports.console import print_gap_report
from evidence.reports.gaps import build_gap_report
from evidence.reports.model import (
    Coverage,
    CriticalMissing,
    EvidenceFile,
    ExternalIndicator,
    FileEntry,
    FileIndicator,
    FrameworkInfo,
    GapReport,
    IndicatorEvidence,
    IndicatorGap,
    OpdGap,
    OpdOwing,
    PredicateBand,
    ProblemFile,
    Totals,
    TransitionIndicator,
    TransitionView,
)
from evidence.reports.ownership import owed_indicators, owners_by_indicator, unassigned_indicators
from evidence.reports.render import render_html, report_json, write_report
from evidence.reports.transition import (
    attach_transition,
    build_transition,
    build_transitions,
    evidence_from_report,
    with_transition,
)

__all__ = [
    "Coverage",
    "CriticalMissing",
    "EvidenceFile",
    "ExternalIndicator",
    "FileEntry",
    "FileIndicator",
    "FrameworkInfo",
    "GapReport",
    "IndicatorEvidence",
    "IndicatorGap",
    "OpdGap",
    "OpdOwing",
    "PredicateBand",
    "ProblemFile",
    "Totals",
    "TransitionIndicator",
    "TransitionView",
    "build_gap_report",
    "attach_transition",
    "build_transition",
    "build_transitions",
    "evidence_from_report",
    "owed_indicators",
    "owners_by_indicator",
    "print_gap_report",
    "render_html",
    "report_json",
    "unassigned_indicators",
    "with_transition",
    "write_report",
]
