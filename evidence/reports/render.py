"""Writes a gap report to disk: ``report.json`` for machines and ``report.html`` for people.

The HTML is self-contained (inline CSS, no scripts, no external assets) because it is e-mailed, opened
offline and printed for meetings. Autoescaping is always on: file and folder names come from the OPD's
archive and are untrusted.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from evidence.i18n import normalize_lang, t
from evidence.reports.formatting import (
    critical_message,
    format_ids,
    format_number,
    format_pct,
    format_score,
    opd_label,
    problem_reason,
    status_label,
)
from evidence.reports.model import GapReport, OpdGap

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
HTML_TEMPLATE = "report.html.j2"
JSON_NAME = "report.json"
HTML_NAME = "report.html"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def report_json(report: GapReport) -> str:
    """The JSON text of the report: UTF-8 friendly (Indonesian text unescaped), indented, stable key order."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _template_context(report: GapReport, lang: str) -> dict[str, Any]:
    def tr(key: str, **kw: object) -> str:
        return t(key, lang, **kw)

    critical = [
        {
            "label": item.label,
            "indicators": item.indicators,
            "message": critical_message(item.label, item.message, item.indicators, lang),
        }
        for item in report.critical_missing
    ]
    problems = [p for gap in report.opd for p in gap.problem_files]
    external = {ext.id: ext for ext in report.indicators_assessed_externally}
    # One Pemda-wide table of every indicator: with evidence, missing, or assessed externally.
    indicators = sorted(
        [_indicator_row(ev.id, ev.short_name, ev.weight, ev.owners, ev, external.get(ev.id))
         for ev in report.indicators_with_evidence]
        + [_indicator_row(gap.id, gap.short_name, gap.weight, gap.owners, None, None)
           for gap in report.indicators_without_evidence]
        + [_indicator_row(ext.id, ext.short_name, ext.weight, [], None, ext)
           for ext in report.indicators_assessed_externally if not ext.has_evidence],
        key=lambda row: row["id"],
    )
    from evidence.reports.changes import change_lines
    from evidence.reports.export_csv import REVIEW_WORDS
    from evidence.reports.figures import headline
    from evidence.reports.states import STATE_LABELS
    from evidence.reports.text import SEVERITY_LABELS, headline_rows

    return {
        "headline_rows": headline_rows(headline(report)),
        "state_labels": STATE_LABELS,
        "states_by_id": {s.id: s.state for s in report.indicator_states},
        "review_words": REVIEW_WORDS,
        "severity_labels": SEVERITY_LABELS,
        "change_lines": change_lines(report.changes),
        "report": report,
        "lang": lang,
        "t": tr,
        "critical": critical,
        "problems": problems,
        "indicators": indicators,
        "opd_sections": [_opd_section(gap, external) for gap in report.opd],
        "external": [ext for ext in report.indicators_assessed_externally if not ext.has_evidence],
        "pct": lambda share: format_pct(share, lang),
        "score": lambda value: format_score(value, lang),
        "number": lambda value: format_number(value, lang),
        "ids": format_ids,
        "opd_label": lambda name: opd_label(name, lang),
        "status_label": lambda status: status_label(str(status), lang),
        "reason": lambda p: problem_reason(str(p.status), p.error, p.duplicate_of, lang),
    }


def _indicator_row(
    id_: int, short_name: str, weight: float, owners: list[str], evidence: Any, external: Any
) -> dict[str, Any]:
    return {"id": id_, "short_name": short_name, "weight": weight, "owners": owners, "evidence": evidence,
            "external": external}


def _opd_section(gap: OpdGap, external: dict[int, Any] | None = None) -> dict[str, Any]:
    """One OPD's owed indicators in owed order, each with its evidence, its gap or its external assessment,
    for a single table."""
    external = external or {}
    with_evidence = {ev.id: ev for ev in gap.owed_with_evidence}
    missing = {g.id: g for g in gap.owed_missing}
    rows: list[dict[str, Any]] = []
    for i in gap.owed:
        evidence, missing_one = with_evidence.get(i), missing.get(i)
        outside = external.get(i) if i in gap.owed_external else None
        item = evidence or missing_one or outside
        rows.append({"id": i, "evidence": evidence, "gap": missing_one, "external": outside,
                     "short_name": item.short_name if item is not None else ""})
    return {"gap": gap, "rows": rows}


def render_html(report: GapReport, lang: str = "id") -> str:
    """The report as a self-contained HTML page in ``lang`` (Indonesian by default)."""
    lang = normalize_lang(lang)
    return _environment().get_template(HTML_TEMPLATE).render(**_template_context(report, lang))


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader (the web service) never sees half a report."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is meant to be read and served
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(report: GapReport, out_dir: Path, lang: str = "id", *, exports: bool = True) -> tuple[Path, Path]:
    """Write ``report.json`` and ``report.html`` into ``out_dir`` (created if needed), and next to them
    ``report.xlsx``, ``report.pdf`` and ``report.csv`` (the files the Tim Koordinasi sends); returns the
    JSON and HTML paths."""
    from evidence.reports.exports import RENDERERS, render_export

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / JSON_NAME
    html_path = out_dir / HTML_NAME
    _write_atomic(json_path, report_json(report))
    _write_atomic(html_path, render_html(report, lang))
    if exports:
        for fmt in RENDERERS:
            _write_bytes_atomic(out_dir / f"report.{fmt}", render_export(report, fmt))
    return json_path, html_path
