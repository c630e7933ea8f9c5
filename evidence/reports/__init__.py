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
    FileEntry,
    FileIndicator,
    FrameworkInfo,
    GapReport,
    IndicatorEvidence,
    IndicatorGap,
    OpdGap,
    OpdOwing,
    ProblemFile,
    Totals,
)
from evidence.reports.ownership import owed_indicators, owners_by_indicator, unassigned_indicators
from evidence.reports.render import render_html, report_json, write_report

__all__ = [
    "Coverage",
    "CriticalMissing",
    "EvidenceFile",
    "FileEntry",
    "FileIndicator",
    "FrameworkInfo",
    "GapReport",
    "IndicatorEvidence",
    "IndicatorGap",
    "OpdGap",
    "OpdOwing",
    "ProblemFile",
    "Totals",
    "build_gap_report",
    "owed_indicators",
    "owners_by_indicator",
    "print_gap_report",
    "render_html",
    "report_json",
    "unassigned_indicators",
    "write_report",
]
