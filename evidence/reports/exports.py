"""Every file format of a gap report behind one function, so the CLI, the API and ``make demo`` write the
same bytes for the same report."""

from __future__ import annotations

from collections.abc import Callable

from evidence.reports.export_csv import render_csv
from evidence.reports.export_pdf import render_pdf
from evidence.reports.export_xlsx import render_xlsx
from evidence.reports.model import GapReport

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
}
RENDERERS: dict[str, Callable[[GapReport], bytes]] = {"xlsx": render_xlsx, "pdf": render_pdf, "csv": render_csv}


def render_export(report: GapReport, fmt: str) -> bytes:
    """The report as ``fmt`` (xlsx, pdf or csv) bytes."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format: {fmt}") from None
    return renderer(report)


def file_name(report: GapReport, fmt: str) -> str:
    """A download name: laporan-kesenjangan-<framework>-<date>.<fmt>."""
    return f"laporan-kesenjangan-{report.framework.id}-{report.generated_at:%Y%m%d}.{fmt}"
