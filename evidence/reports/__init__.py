"""Gap report: which SPBE indicators have supporting evidence and which are missing, Pemda-wide and per OPD.

``build_gap_report`` computes (pure), ``write_report`` writes report.json + report.html, and
``print_gap_report`` prints the summary on a Rich console.
"""

from evidence.reports.console import print_gap_report
from evidence.reports.gaps import build_gap_report
from evidence.reports.model import GapReport
from evidence.reports.ownership import owed_indicators
from evidence.reports.render import render_html, report_json, write_report
from evidence.reports.transition import (
    attach_transition,
    build_transition,
    build_transitions,
    evidence_from_report,
    with_transition,
)

__all__ = [
    "GapReport",
    "attach_transition",
    "build_gap_report",
    "build_transition",
    "build_transitions",
    "evidence_from_report",
    "owed_indicators",
    "print_gap_report",
    "render_html",
    "report_json",
    "with_transition",
    "write_report",
]
