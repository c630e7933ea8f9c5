"""The gap report on a terminal: one table per intake, then what is critically missing.

Short by design (indicator ids compressed into ranges, no file lists): the full detail is in report.html.
Every value from the archive goes through ``rich.text.Text``, never through markup, so a folder called
"[red]x" prints as itself.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from evidence.i18n import normalize_lang, t
from evidence.reports.formatting import critical_message, format_ids, format_pct, opd_label, status_label
from evidence.reports.model import GapReport, OpdGap


def _with_evidence_cell(gap: OpdGap, lang: str) -> Text:
    cell = Text(format_ids(ev.id for ev in gap.owed_with_evidence), style="green")
    if gap.other_evidence:
        if cell:
            cell.append("; ")
        cell.append(
            t("console.other_ids", lang, ids=format_ids(ev.id for ev in gap.other_evidence)), style="cyan"
        )
    return cell if cell else Text("-", style="dim")


def _without_evidence_cell(gap: OpdGap) -> Text:
    if not gap.owed_missing:
        return Text("-", style="dim")
    return Text(format_ids(g.id for g in gap.owed_missing), style="red")


def opd_table(report: GapReport, lang: str = "id") -> Table:
    """Per-OPD table: OPD, files, indicators with evidence (ids), indicators owed without evidence (ids)."""
    lang = normalize_lang(lang)
    table = Table(title=t("console.title", lang), title_justify="left", expand=False)
    table.add_column(t("col.opd", lang), overflow="fold")
    table.add_column(t("col.files", lang), justify="right")
    table.add_column(t("col.with_evidence", lang), overflow="fold")
    table.add_column(t("col.without_evidence", lang), overflow="fold")
    for gap in report.opd:
        name = Text(opd_label(gap.name, lang), style="italic" if gap.name is None else "")
        table.add_row(name, Text(str(gap.files)), _with_evidence_cell(gap, lang), _without_evidence_cell(gap))
    return table


def print_gap_report(report: GapReport, console: Console, lang: str = "id") -> None:
    """Print the per-OPD table, status counts, coverage and the Pemda-wide critical missing items."""
    lang = normalize_lang(lang)
    console.print(opd_table(report, lang))

    parts = [f"{status_label(s, lang)} {n}" for s, n in report.totals.by_status.items() if n]
    counts = Text(f"{t('col.files', lang)}: {report.totals.files}", style="bold")
    if parts:
        counts.append(" (" + ", ".join(parts) + ")", style="")
    console.print(counts)

    coverage = report.coverage
    console.print(
        Text(
            f"{t('summary.coverage', lang)}: "
            + t(
                "summary.coverage_value",
                lang,
                with_evidence=coverage.indicators_with_evidence,
                total=coverage.indicators_total,
                pct=format_pct(coverage.share, lang),
            )
            + f"; {t('summary.weighted_coverage', lang).lower()}: {format_pct(coverage.weighted_share, lang)}"
        )
    )

    external = [ext.id for ext in report.indicators_assessed_externally if not ext.has_evidence]
    if external:
        console.print(Text(t("console.external", lang, ids=format_ids(external)), style="dim"))
    if report.transition and report.transition[0].to_collect():
        view = report.transition[0]
        console.print(Text(t("console.to_collect", lang, target=view.to_framework, ids=format_ids(view.to_collect())),
                           style="yellow"))

    for check in report.critical_to_check:
        files = ", ".join(dict.fromkeys(f.path for f in check.files))
        word = t("console.to_check", lang)
        console.print(Text(f"  ? {check.label} ({format_ids(check.indicators)}): {word} {files}", style="yellow"))
    if not report.critical_missing:
        if report.critical_to_check:  # candidates are not evidence until a reviewer confirms them
            console.print(Text(t("critical.none_but_to_check", lang, count=len(report.critical_to_check)),
                               style="yellow"))
        else:
            console.print(Text(t("critical.none", lang), style="green"))
        return
    console.print(Text(t("console.critical_missing", lang), style="bold red"))
    for item in report.critical_missing:
        message = critical_message(item.label, item.message, item.indicators, lang)
        console.print(Text(f"  • {item.label} ({format_ids(item.indicators)}): {message}", style="red"))
